import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor, systemActor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { ClockService } from '../clock/clock.service.js';
import { CopyWriter, copyRow } from '../database/copy.js';
import { pgCode, sql, UNIQUE_VIOLATION } from '../database/sql.js';
import { SupplierScreeningService } from '../eligibility/supplier-screening.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { closeChunk, type CobLoanRow } from './cob-chunk.js';
import { checkUpTo, chunkCount, datesFrom, idRanges, lastClosableDate } from './cob-plan.js';
import type { CobRunResponse, CobRunStatus } from './cob.dto.js';
import { CobErrors } from './cob.errors.js';
import { addDays } from './dates.js';

/** The session lock held by the one instance driving end-of-day runs: released by PostgreSQL if it dies. */
const COB_LOCK = 0x636f62;
const CHUNK_ATTEMPTS = 3;

interface RunRow {
  id: string;
  status: CobRunStatus;
  trigger: string;
  from_date: string;
  to_date: string;
  working_date: string | null;
  loans_processed: string;
  error: string | null;
}

const RUN_COLUMNS = `id, status, trigger, from_date::text, to_date::text, working_date::text, loans_processed::text, error`;

function runView(r: RunRow): CobRunResponse {
  return {
    id: r.id,
    status: r.status,
    fromDate: r.from_date,
    toDate: r.to_date,
    closedThrough: r.working_date,
    loansProcessed: Number(r.loans_processed),
    trigger: r.trigger,
    error: r.error,
  };
}

/**
 * The end of day (COB, domain.md "Servicing"): closes business dates strictly in order, each for
 * every open loan, in chunks of loan ids closed in parallel, one transaction per chunk.
 *
 * Exactly once per loan and date, whatever crashes: a chunk takes only loans whose last COB date is
 * the day before (or that are valued that day and never closed), and writes their new state, the
 * new last COB date and the day's ACCRUAL lines in the same transaction. A chunk that committed is
 * therefore skipped by any re-run, one that did not is redone whole. A date is recorded done
 * (cob_dates) only once no open loan valued on or before it is behind it.
 *
 * One instance drives runs at a time, holding a PostgreSQL session lock; the run itself is a row
 * (cob_runs), so whoever holds the lock next (this instance after a restart, another one at its
 * sweep) picks up an unfinished run where the loans say it stopped.
 */
@Injectable()
export class CobRunsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Cob');
  private sweeper: NodeJS.Timeout | undefined;
  private driving: Promise<void> | undefined;
  /** A run queued while the driver was on its way out: drive once more. */
  private again = false;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
    private readonly screening: SupplierScreeningService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    const sweep = () => void this.sweep().catch((err) => this.logger.warn({ err }, 'end-of-day sweep failed'));
    sweep();
    this.sweeper = setInterval(sweep, this.config.cobSweepMs);
    this.sweeper.unref();
  }

  /** Lets the chunks in flight commit; the run stays RUNNING and is resumed at the next start. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.driving;
  }

  /**
   * Resumes an unfinished run, and on the real clock (COB_SCHEDULE) starts the daily one once
   * yesterday is over in every programme's time zone. A simulated clock only closes dates on request,
   * so that tests and demos decide when the end of day happens.
   */
  async sweep(): Promise<void> {
    if (this.config.clock === 'real' && this.config.cobSchedule) {
      await this.request(systemActor('cob-schedule', 'cob-schedule'), undefined, 'SCHEDULE').catch((err: unknown) => {
        if (!(err instanceof DomainError && err.def === CobErrors.COB_RUN_IN_PROGRESS)) throw err;
      });
    }
    this.kick();
  }

  /** POST /cob-runs: 202 with the run, or 200 when the dates are closed already. */
  async request(
    actor: Actor,
    upTo: string | undefined,
    trigger: 'REQUEST' | 'SCHEDULE' = 'REQUEST',
  ): Promise<{ created: boolean; run: CobRunResponse }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const open = await sql<RunRow>(m, `SELECT ${RUN_COLUMNS} FROM cob_runs WHERE status IN ('QUEUED', 'RUNNING')`);
      if (open.rows[0])
        throw new DomainError(CobErrors.COB_RUN_IN_PROGRESS, `End-of-day run ${open.rows[0].id} is in progress`, {
          runId: open.rows[0].id,
        });
      const lastClosable = await this.lastClosable(m);
      const checked = checkUpTo(upTo, lastClosable);
      if (!checked.ok)
        throw new DomainError(CobErrors.COB_DATE_NOT_OVER, `upTo must be ${lastClosable} or earlier: later dates are not over`, {
          lastClosableDate: lastClosable,
          errors: [{ field: 'upTo', code: 'COB_DATE_NOT_OVER', message: `upTo must be ${lastClosable} or earlier` }],
        });
      const from = await this.firstPendingDate(m);
      if (from === null || from > checked.upTo) return { created: false, run: await this.closedView(m, checked.upTo) };
      try {
        const r = await sql<RunRow>(
          m,
          `INSERT INTO cob_runs (status, trigger, requested_by, from_date, to_date) VALUES ('QUEUED', $1, $2, $3, $4) RETURNING ${RUN_COLUMNS}`,
          [trigger, actor.name, from, checked.upTo],
        );
        if (trigger === 'REQUEST')
          await this.audit.record(m, actor, {
            action: 'COB_REQUESTED',
            entityType: 'CobRun',
            entityId: r.rows[0].id,
            after: { fromDate: from, toDate: checked.upTo },
          });
        return { created: true, run: runView(r.rows[0]) };
      } catch (err) {
        if (pgCode(err) === UNIQUE_VIOLATION) throw new DomainError(CobErrors.COB_RUN_IN_PROGRESS);
        throw err;
      }
    });
    if (outcome.created) {
      this.logger.log({ runId: outcome.run.id, from: outcome.run.fromDate, to: outcome.run.toDate, trigger }, 'end-of-day run queued');
      this.kick();
    }
    return outcome;
  }

  async get(id: string): Promise<CobRunResponse> {
    const r = await sql<RunRow>(this.dataSource.manager, `SELECT ${RUN_COLUMNS} FROM cob_runs WHERE id = $1`, [id]);
    if (!r.rows[0]) throw notFound('End-of-day run', id);
    return runView(r.rows[0]);
  }

  /** Drives open runs in this instance unless it already does, or another instance holds the lock. */
  kick(): void {
    if (this.stopping) return;
    if (this.driving) {
      this.again = true;
      return;
    }
    this.again = false;
    this.driving = this.drive()
      .catch((err) => this.logger.error({ err }, 'end-of-day driver failed'))
      .finally(() => {
        this.driving = undefined;
        if (this.again) this.kick();
      });
  }

  /** Waits for this instance's driver to go idle (benchmarks and tools that call the service in-process). */
  async idle(): Promise<void> {
    while (this.driving) await this.driving;
  }

  private async drive(): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const got = await lock.query(`SELECT pg_try_advisory_lock($1) AS got`, [COB_LOCK]);
      if (!(got as { got: boolean }[])[0].got) return;
      try {
        for (;;) {
          if (this.stopping) return;
          const open = await sql<RunRow>(
            this.dataSource.manager,
            `SELECT ${RUN_COLUMNS} FROM cob_runs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at LIMIT 1`,
          );
          if (!open.rows[0]) return;
          await this.runOne(open.rows[0]);
        }
      } finally {
        await lock.query(`SELECT pg_advisory_unlock($1)`, [COB_LOCK]).catch(() => undefined);
      }
    } finally {
      await lock.release();
    }
  }

  private async runOne(run: RunRow): Promise<void> {
    const db = this.dataSource.manager;
    await sql(db, `UPDATE cob_runs SET status = 'RUNNING', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1`, [
      run.id,
    ]);
    try {
      const done = await sql<{ last: string | null }>(db, `SELECT max(business_date)::text AS last FROM cob_dates`);
      const from = done.rows[0].last && done.rows[0].last >= run.from_date ? addDays(done.rows[0].last, 1) : run.from_date;
      const open = await sql<{ n: string }>(db, `SELECT count(*)::text AS n FROM loan_servicing WHERE status = 'DISBURSED'`);
      const ranges = idRanges(chunkCount(Number(open.rows[0].n), this.config.cobChunkSize));
      for (const d of datesFrom(from, run.to_date)) {
        if (this.stopping) return;
        await this.closeDate(run.id, d, ranges);
      }
      await sql(db, `UPDATE cob_runs SET status = 'COMPLETED', finished_at = now(), updated_at = now() WHERE id = $1`, [run.id]);
      this.logger.log({ runId: run.id, from: run.from_date, to: run.to_date }, 'end-of-day run completed');
    } catch (err) {
      if (this.stopping) return;
      this.logger.error({ err, runId: run.id }, 'end-of-day run failed');
      await sql(db, `UPDATE cob_runs SET status = 'FAILED', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [
        run.id,
        `The end of day stopped: ${(err as Error).message}. Dates before it are closed; request a new run to continue.`,
      ]);
    }
  }

  /** Closes `d` for every open loan, chunks in parallel, then records it done if nothing is left behind. */
  async closeDate(runId: string, d: string, ranges: { lo: string; hi: string | null }[]): Promise<number> {
    const started = Date.now();
    let next = 0;
    let loans = 0;
    const worker = async () => {
      while (next < ranges.length && !this.stopping) {
        const { lo, hi } = ranges[next++];
        loans += await this.closeChunkWithRetry(runId, d, lo, hi);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.cobWorkers, ranges.length) }, worker));
    if (this.stopping) return loans;
    const behind = await sql<{ n: number }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS n FROM loan_servicing
        WHERE status = 'DISBURSED' AND value_date <= $1 AND (last_cob_date IS NULL OR last_cob_date < $1)`,
      [d],
    );
    if (behind.rows[0].n) throw new Error(`${behind.rows[0].n} open loans are still behind ${d} after closing it`);
    await this.dataSource.transaction(async (m) => {
      await sql(m, `INSERT INTO cob_dates (business_date, run_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [d, runId]);
      await sql(m, `UPDATE cob_runs SET working_date = $2, updated_at = now() WHERE id = $1`, [runId, d]);
    });
    const rescreened = await this.screening.rescreenOverdueChanges();
    this.logger.log(
      { runId, date: d, loans, chunks: ranges.length, rescreened, seconds: (Date.now() - started) / 1000 },
      'business date closed',
    );
    return loans;
  }

  private async closeChunkWithRetry(runId: string, d: string, lo: string, hi: string | null): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.closeChunk(runId, d, lo, hi);
      } catch (err) {
        // a deadlock or serialization failure with a repayment on the same loans is worth another go
        if (attempt >= CHUNK_ATTEMPTS || this.stopping || err instanceof RangeError) throw err;
        this.logger.warn({ err, runId, date: d, lo, attempt }, 'end-of-day chunk failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /**
   * One chunk, one transaction: lock its loans that are due for `d` (the condition on last_cob_date
   * skips what an earlier attempt committed), close them in memory, write every row back with one
   * UPDATE from a COPY-filled scratch table, and post one ACCRUAL entry with the lines of every loan
   * whose accrual moved.
   */
  private async closeChunk(runId: string, d: string, lo: string, hi: string | null): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      // A primary-key range scan: no index holds last_cob_date, so that the UPDATE below stays HOT.
      const r = await sql<CobLoanRow>(
        m,
        `SELECT loan_application_id AS id, programme_id, core_enterprise_id, terms, state FROM loan_servicing
          WHERE loan_application_id >= $2 ${hi === null ? '' : 'AND loan_application_id < $3'} AND status = 'DISBURSED'
            AND (last_cob_date = $1::date - 1 OR (last_cob_date IS NULL AND value_date = $1::date))
          ORDER BY loan_application_id FOR UPDATE`,
        hi === null ? [d, lo] : [d, lo, hi],
      );
      if (!r.rows.length) return 0;
      const closed = closeChunk(r.rows, d);
      // COPY into a scratch table, then one join: cheaper on both sides than unnest over arrays of
      // ten thousand jsonb literals. The range, which the planner can estimate (the scratch table has
      // no statistics), keeps it from scanning the whole table to join a chunk.
      await sql(
        m,
        `CREATE TEMP TABLE cob_closed (id uuid, state jsonb, principal numeric(18,2), dpd integer, overdue boolean, classification text)
           ON COMMIT DROP`,
      );
      const copy = new CopyWriter(m.queryRunner!, `COPY cob_closed FROM STDIN`);
      for (let i = 0; i < closed.ids.length; i++)
        await copy.write(
          copyRow([closed.ids[i], closed.states[i], closed.principal[i], closed.dpd[i], closed.overdue[i], closed.classification[i]]),
        );
      await copy.end();
      await sql(
        m,
        `UPDATE loan_servicing s SET state = v.state, last_cob_date = $1, principal_outstanding = v.principal, dpd = v.dpd,
                overdue = v.overdue, classification = v.classification, updated_at = now()
           FROM cob_closed v
          WHERE s.loan_application_id = v.id AND s.loan_application_id >= $2 ${hi === null ? '' : 'AND s.loan_application_id < $3'}`,
        hi === null ? [d, lo] : [d, lo, hi],
      );
      await this.ledger.postLarge(m, { type: 'ACCRUAL', businessDate: d, reference: `cob:${d}:${lo}`, lines: closed.lines });
      await sql(m, `UPDATE cob_runs SET loans_processed = loans_processed + $2, updated_at = now() WHERE id = $1`, [runId, r.rows.length]);
      return r.rows.length;
    });
  }

  /** The day before the earliest "today" among the programmes' time zones and the service's own. */
  private async lastClosable(m: EntityManager): Promise<string> {
    const zones = await sql<{ time_zone: string }>(m, `SELECT DISTINCT time_zone FROM programmes`);
    const all = new Set([this.config.businessTimeZone, ...zones.rows.map((z) => z.time_zone)]);
    return lastClosableDate(await Promise.all([...all].map((z) => this.clock.today(z, m))));
  }

  /** The first date not closed yet: the day after the last closed one, or the first open loan's next date. */
  private async firstPendingDate(m: EntityManager): Promise<string | null> {
    const r = await sql<{ from: string | null }>(
      m,
      `SELECT coalesce((SELECT max(business_date) + 1 FROM cob_dates),
                       (SELECT min(coalesce(last_cob_date + 1, value_date)) FROM loan_servicing WHERE status = 'DISBURSED'))::text AS from`,
    );
    return r.rows[0].from;
  }

  /** What answers a request whose dates are all closed: the run that closed the last of them, if any did. */
  private async closedView(m: EntityManager, upTo: string): Promise<CobRunResponse> {
    const r = await sql<RunRow>(
      m,
      `SELECT ${RUN_COLUMNS} FROM cob_runs
        WHERE id = (SELECT run_id FROM cob_dates WHERE business_date <= $1 ORDER BY business_date DESC LIMIT 1)`,
      [upTo],
    );
    if (r.rows[0]) return { ...runView(r.rows[0]), status: 'COMPLETED' };
    return {
      id: null,
      status: 'COMPLETED',
      fromDate: null,
      toDate: upTo,
      closedThrough: null,
      loansProcessed: 0,
      trigger: 'REQUEST',
      error: null,
    };
  }
}
