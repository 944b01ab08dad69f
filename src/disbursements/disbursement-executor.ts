import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { DisbursementOutcomesService } from './disbursement-outcomes.service.js';
import { DISBURSE_QUEUE, type BatchRow, type ItemOutcome, type ItemRow } from './disbursement-records.js';
import { ChannelTimeoutError, PAYMENT_CHANNEL, type PaymentChannel } from './payment-channel.js';

type ClaimedItem = ItemRow & { was: 'PENDING' | 'SENT' };

/**
 * Pays an executing batch exactly once per item, through crashes, time-outs and several instances:
 *
 * - One instance at a time drives a batch, holding a lease it renews; a lease that is not renewed
 *   (the instance died) is taken over, and a sweeper re-queues such batches, on start-up too.
 * - An item is marked SENT, with the endToEndId it keeps for ever, before the bank is called.
 * - A SENT item whose outcome we do not know (time-out, or a crash after sending) is resolved by asking
 *   the bank for that endToEndId; only if the bank has never seen it is it sent again, with the same id,
 *   which the bank books at most once anyway.
 */
@Injectable()
export class DisbursementExecutor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Disbursement');
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private sweeper: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENT_CHANNEL) private readonly channel: PaymentChannel,
    private readonly jobs: JobsService,
    private readonly outcomes: DisbursementOutcomesService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ batchId: string }>({
      name: DISBURSE_QUEUE,
      concurrency: 2,
      expireInSeconds: 60 * 60,
      maxRetries: 10,
      handle: (data) => this.drive(data.batchId),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    const sweep = () => void this.resumeOrphans().catch((err) => this.logger.warn({ err }, 'disbursement sweep failed'));
    sweep();
    this.sweeper = setInterval(sweep, this.config.disburseSweepMs);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Queues every API-channel batch that is EXECUTING with no live lease (its driver died). */
  async resumeOrphans(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const r = await sql<{ id: string }>(
        m,
        `SELECT id FROM disbursement_batches
          WHERE status = 'EXECUTING' AND channel = 'API' AND (lease_expires_at IS NULL OR lease_expires_at < now())`,
      );
      for (const { id } of r.rows) {
        await this.jobs.send(
          m,
          DISBURSE_QUEUE,
          { batchId: id },
          { singletonKey: id, singletonSeconds: Math.max(1, Math.ceil(this.config.disburseSweepMs / 1000)) },
        );
      }
      if (r.rowCount) this.jobs.notify(DISBURSE_QUEUE);
      return r.rowCount;
    });
  }

  async drive(batchId: string): Promise<void> {
    const lease = this.config.disburseLeaseSeconds;
    // Each call holds the lease under its own name: a second driver in this same instance (the sweeper's
    // job, or a re-delivered one, while the first is still busy) must not share it, or it would take over
    // items in flight and send them again, and its exit would clear the lease of the one still working.
    const owner = `${this.owner}:${randomBytes(4).toString('hex')}`;
    const acquired = await sql<BatchRow>(
      this.dataSource.manager,
      `UPDATE disbursement_batches SET lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
        WHERE id = $1 AND status = 'EXECUTING' AND channel = 'API'
          AND (lease_owner IS NULL OR lease_owner = $2 OR lease_expires_at < now())
        RETURNING *`,
      [batchId, owner, lease],
    );
    const batch = acquired.rows[0];
    if (!batch) return;
    // Whatever the previous driver left in flight is ours to resolve now.
    await sql(this.dataSource.manager, `UPDATE disbursement_items SET next_attempt_at = NULL WHERE batch_id = $1 AND status = 'SENT'`, [
      batchId,
    ]);

    let leaseLost = false;
    const heartbeat = setInterval(
      () => {
        void sql(
          this.dataSource.manager,
          `UPDATE disbursement_batches SET lease_expires_at = now() + make_interval(secs => $3) WHERE id = $1 AND lease_owner = $2 AND status = 'EXECUTING'`,
          [batchId, owner, lease],
        ).then(
          (r) => (leaseLost ||= r.rowCount === 0),
          () => undefined,
        );
      },
      (lease * 1000) / 3,
    );
    heartbeat.unref();
    const started = Date.now();
    // The outcomes of one chunk are recorded while the bank works on the next.
    let recording: Promise<unknown> = Promise.resolve();
    let beingRecorded: string[] = [];
    try {
      for (;;) {
        if (leaseLost || this.stopping) return;
        const items = await this.claim(batchId, beingRecorded);
        if (!items.length) {
          await recording;
          beingRecorded = [];
          const wait = await sql<{ open: number; wait_ms: number | null }>(
            this.dataSource.manager,
            `SELECT count(*)::int AS open, (extract(epoch FROM min(next_attempt_at) - now()) * 1000)::int AS wait_ms
               FROM disbursement_items WHERE batch_id = $1 AND status IN ('PENDING', 'SENT')`,
            [batchId],
          );
          if (!wait.rows[0].open) {
            const status = await this.dataSource.transaction((m) => this.outcomes.finishIfDone(m, batchId));
            this.logger.log({ batchId, status, seconds: (Date.now() - started) / 1000 }, 'disbursement batch finished');
            return;
          }
          await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(20, wait.rows[0].wait_ms ?? 50))));
          continue;
        }
        const outcomes = await this.attemptAll(items);
        await recording;
        beingRecorded = items.map((i) => i.id);
        recording = this.dataSource.transaction((m) => this.outcomes.applyOutcomes(m, batch, outcomes));
      }
    } finally {
      // whatever happens, the last chunk's outcomes are recorded before the lease is let go
      await recording.catch((err) =>
        this.logger.warn({ err, batchId }, 'recording payment outcomes failed; the next driver asks the bank again'),
      );
      clearInterval(heartbeat);
      await sql(
        this.dataSource.manager,
        `UPDATE disbursement_batches SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_owner = $2`,
        [batchId, owner],
      ).catch(() => undefined);
    }
  }

  /**
   * The next items to work on, marked SENT (and in flight) in the same statement that picks them: new
   * ones, and SENT ones whose retry time has come.
   */
  private async claim(batchId: string, exclude: string[]): Promise<ClaimedItem[]> {
    const r = await sql<ClaimedItem>(
      this.dataSource.manager,
      `WITH picked AS (
         SELECT id, status AS was FROM disbursement_items
          WHERE batch_id = $1 AND (status = 'PENDING' OR (status = 'SENT' AND (next_attempt_at IS NULL OR next_attempt_at <= now())))
            AND NOT (id = ANY($4::uuid[])) -- their outcome is being recorded right now
          ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE disbursement_items i SET status = 'SENT', sent_at = coalesce(i.sent_at, now()), attempts = i.attempts + 1,
              next_attempt_at = now() + make_interval(secs => $3), updated_at = now()
         FROM picked WHERE i.id = picked.id
       RETURNING i.*, picked.was`,
      // Several rounds of bank calls per chunk: the chunk's outcomes are then recorded in one short
      // transaction, whose cost is mostly per statement, not per row.
      [batchId, this.config.disburseConcurrency * 16, this.config.disburseLeaseSeconds, exclude],
    );
    return r.rows.sort((a, b) => a.seq - b.seq);
  }

  /** Calls the bank for the claimed items, at most disburseConcurrency at a time. */
  private async attemptAll(items: ClaimedItem[]): Promise<ItemOutcome[]> {
    const outcomes: ItemOutcome[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        outcomes[i] = await this.attempt(items[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.disburseConcurrency, items.length) }, worker));
    return outcomes;
  }

  private async attempt(item: ClaimedItem): Promise<ItemOutcome> {
    try {
      let outcome = item.was === 'SENT' ? await this.channel.status(item.end_to_end_id) : null;
      outcome ??= await this.channel.credit({
        endToEndId: item.end_to_end_id,
        reference: item.loan_application_id,
        amount: item.amount,
        creditorAccount: item.creditor_account,
        creditorName: item.creditor_name,
      });
      return outcome.status === 'SETTLED'
        ? { itemId: item.id, result: 'SETTLED' }
        : { itemId: item.id, result: 'FAILED', code: outcome.reasonCode, reason: outcome.reasonText };
    } catch (err) {
      if (!(err instanceof ChannelTimeoutError))
        this.logger.warn({ err, endToEndId: item.end_to_end_id }, 'payment attempt failed; will retry');
      return { itemId: item.id, result: 'RETRY', attempts: item.attempts };
    }
  }
}
