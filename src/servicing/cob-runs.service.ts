import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
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
import { ScreeningRunsService } from '../eligibility/screening-runs.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { closeChunk, type CobLoanRow } from './cob-chunk.js';
import { checkUpTo, chunkCount, datesFrom, lastClosableDate, pageRanges, passes } from './cob-plan.js';
import type { CobRunResponse, CobRunStatus } from './cob.dto.js';
import { CobErrors } from './cob.errors.js';
import { addDays } from '../common/dates.js';

/** The session lock held by the one instance driving end-of-day runs: released by PostgreSQL if it dies. */
const COB_LOCK = 0x636f62;
const CHUNK_ATTEMPTS = 3;
const CHUNK_POLL_MS = 100;
const CHUNK_STALL_MS = 60_000;
export const COB_CHUNK_QUEUE = 'cob-chunk';

/**
 * A job of the queue: one range of pages [lo, hi) of the servicing table to close through business
 * date `date`, from `from` (the pass's first date; absent in jobs of one date).
 */
interface CobChunkJob {
  date: string;
  from?: string;
  lo: string;
  hi: string | null;
}

/** Loans of a chunk changed between its read and its write: the chunk is read again, not counted as a failure. */
class ChunkMoved extends Error {
  constructor(readonly loans: number) {
    super(`${loans} loans changed while their end of day was computed`);
  }
}

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
 * every open loan, in chunks of loan ids: one job of the queue (pg-boss) per chunk, taken by the
 * workers of every instance in parallel (COB_WORKERS each), one transaction per chunk.
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
export class CobRunsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
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
    private readonly screening: ScreeningRunsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<CobChunkJob>({
      name: COB_CHUNK_QUEUE,
      concurrency: this.config.cobWorkers,
      expireInSeconds: 15 * 60,
      maxRetries: CHUNK_ATTEMPTS - 1,
      handle: (chunk) => this.runChunk(chunk),
    });
  }

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
      const chunks = chunkCount(Number(open.rows[0].n), this.config.cobChunkSize);
      for (const dates of passes(datesFrom(from, run.to_date), this.config.cobDatesPerPass)) {
        if (this.stopping) return;
        // the table's pages counted again each pass: rows an update moved lie on pages added since
        const size = await sql<{ pages: string }>(
          db,
          `SELECT (pg_relation_size('loan_servicing') / current_setting('block_size')::int)::text AS pages`,
        );
        await this.closeDates(run.id, dates, pageRanges(Number(size.rows[0].pages), chunks));
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

  /**
   * Closes the consecutive `dates` (a pass) for every open loan: plans the pass's chunks under its
   * last date (or takes the plan an interrupted run left), sends a job for each chunk not done in the
   * same transaction, waits until every chunk is done, then records the dates closed if no loan is
   * left behind. A chunk closes its loans through all the pass's dates in one transaction, each date
   * on its own and in order, so a crash leaves every loan at the pass's start or at its end.
   */
  async closeDates(runId: string, dates: readonly string[], ranges: { lo: string; hi: string | null }[]): Promise<number> {
    const started = Date.now();
    const first = dates[0];
    const d = dates[dates.length - 1];
    const sent = await this.dataSource.transaction(async (m) => {
      await sql(
        m,
        `INSERT INTO cob_chunks (business_date, lo, hi, run_id)
         SELECT $1, r.lo, r.hi, $2 FROM unnest($3::tid[], $4::tid[]) AS r(lo, hi)
          WHERE NOT EXISTS (SELECT 1 FROM cob_chunks WHERE business_date = $1)`,
        [d, runId, ranges.map((r) => r.lo), ranges.map((r) => r.hi)],
      );
      return this.sendPendingChunks(m, runId, first, d);
    });
    this.jobs.notify(COB_CHUNK_QUEUE);
    const loans = await this.awaitChunks(runId, first, d);
    if (loans === null) return 0;
    // Loans another update moved out of their page range while the chunks ran: one pass over the
    // table, which also finds any loan left more than a day behind (closeRange refuses the date then).
    let swept = 0;
    for (let n = this.config.cobChunkSize; n === this.config.cobChunkSize; swept += n)
      n = await this.closeLoans({ date: d, from: first, lo: '(0,0)', hi: null }, runId);
    await this.dataSource.transaction(async (m) => {
      await sql(m, `INSERT INTO cob_dates (business_date, run_id) SELECT unnest($1::date[]), $2 ON CONFLICT DO NOTHING`, [dates, runId]);
      await sql(m, `UPDATE cob_runs SET working_date = $2, updated_at = now() WHERE id = $1`, [runId, d]);
    });
    const rescreened = await this.screening.rescreenOverdueChanges();
    this.logger.log(
      { runId, from: first, through: d, loans: loans + swept, chunks: sent, swept, rescreened, seconds: (Date.now() - started) / 1000 },
      dates.length === 1 ? 'business date closed' : 'business dates closed',
    );
    return loans + swept;
  }

  /** A job for every chunk of the pass through `d` not done yet; a chunk failed in an earlier run gets its attempts back. */
  private async sendPendingChunks(m: EntityManager, runId: string, from: string, d: string): Promise<number> {
    const pending = await sql<CobChunkJob>(
      m,
      `UPDATE cob_chunks SET attempts = CASE WHEN run_id = $2 THEN attempts ELSE 0 END, run_id = $2
        WHERE business_date = $1 AND done_at IS NULL RETURNING business_date::text AS date, lo::text, hi::text`,
      [d, runId],
    );
    for (const chunk of pending.rows) await this.jobs.send<CobChunkJob>(m, COB_CHUNK_QUEUE, { ...chunk, from });
    return pending.rowCount;
  }

  /**
   * Polls the date's chunks until all are done (the loans they closed), one has failed for good
   * (throws), or this instance stops (null). A chunk that makes no progress for a while is sent again:
   * its job may have died with a worker, and a second copy of a chunk finds nothing left to do.
   */
  private async awaitChunks(runId: string, from: string, d: string): Promise<number | null> {
    let lastPending = -1;
    let progressAt = Date.now();
    // a small date is done in milliseconds: poll soon, then back off
    let wait = 2;
    for (;;) {
      const r = await sql<{ pending: number; failed: number; error: string | null; loans: string }>(
        this.dataSource.manager,
        `SELECT count(*) FILTER (WHERE done_at IS NULL)::int AS pending,
                count(*) FILTER (WHERE done_at IS NULL AND attempts >= $2)::int AS failed,
                max(error) FILTER (WHERE done_at IS NULL AND attempts >= $2) AS error, sum(loans)::text AS loans
           FROM cob_chunks WHERE business_date = $1`,
        [d, CHUNK_ATTEMPTS],
      );
      const { pending, failed, error, loans } = r.rows[0];
      if (failed) throw new Error(`a chunk of ${d} failed ${CHUNK_ATTEMPTS} times: ${error}`);
      if (!pending) return Number(loans);
      if (this.stopping) return null;
      if (pending !== lastPending) {
        lastPending = pending;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > CHUNK_STALL_MS) {
        const resent = await this.dataSource.transaction((m) => this.sendPendingChunks(m, runId, from, d));
        this.jobs.notify(COB_CHUNK_QUEUE);
        this.logger.warn({ runId, date: d, resent }, 'end-of-day chunks made no progress; sent again');
        progressAt = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, (wait = Math.min(wait * 2, CHUNK_POLL_MS))));
    }
  }

  /**
   * The queue's handler for one chunk, on whichever instance takes it. A failure is counted against
   * the chunk (the engine refusing a loan's figures at once for good: another attempt would compute
   * the same) and left to the queue's retry.
   */
  private async runChunk(job: CobChunkJob): Promise<void> {
    try {
      await this.closeLoans(job, null);
    } catch (err) {
      await sql(
        this.dataSource.manager,
        `UPDATE cob_chunks SET attempts = CASE WHEN $3 THEN $4 ELSE attempts + 1 END, error = $5
          WHERE business_date = $1 AND lo = $2 AND done_at IS NULL`,
        [job.date, job.lo, err instanceof RangeError, CHUNK_ATTEMPTS, (err as Error).message],
      );
      throw err;
    } finally {
      // a worker that just finished would otherwise wait for its next poll before taking the next chunk
      this.jobs.notify(COB_CHUNK_QUEUE);
    }
  }

  /** closeRange until it writes what it read: loans that moved under it are simply read again. */
  private async closeLoans(range: CobChunkJob, sweepOf: string | null): Promise<number> {
    for (;;) {
      try {
        return await this.closeRange(range, sweepOf);
      } catch (err) {
        if (!(err instanceof ChunkMoved)) throw err;
      }
    }
  }

  /**
   * The loans of one page range due for its pass (dates `from` to `date`), in one transaction;
   * answers how many it closed. A planned chunk (sweepOf null) has its row locked first, so two
   * copies of one chunk run one after the other and the second finds it done, and is marked done in
   * the same transaction; the pass's sweep (sweepOf: its run) has no row and takes at most a chunk's
   * worth of loans at a time. Loans are read (the condition on last_cob_date skips what an earlier
   * attempt committed), closed in memory through every date of the pass, written back once with one
   * UPDATE from a COPY-filled scratch table, and an ACCRUAL entry per date posts the lines of every
   * loan whose accrual moved that day.
   */
  private async closeRange({ date: d, from = d, lo, hi }: CobChunkJob, sweepOf: string | null): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      if (sweepOf === null) {
        const chunk = await sql<{ done: boolean }>(
          m,
          `SELECT done_at IS NOT NULL AS done FROM cob_chunks WHERE business_date = $1 AND lo = $2 FOR UPDATE`,
          [d, lo],
        );
        if (!chunk.rows[0] || chunk.rows[0].done) return 0;
      }
      const range = hi === null ? [d, lo] : [d, lo, hi];
      const pages = `ctid >= $2::tid ${hi === null ? '' : 'AND ctid < $3::tid'}`;
      const fromParam = `$${range.length + 1}::date`;
      // A TID range scan; no index holds last_cob_date, so that the UPDATE below stays HOT. No row
      // locks: locking a million rows writes every page twice. The UPDATE writes a row only if it is
      // still the version read here (same tid and xmin), and a range that could not write all it read
      // (a repayment got there first) is rolled back and read again.
      const r = await sql<CobLoanRow & { tid: string; version: string; due: boolean }>(
        m,
        `SELECT loan_application_id AS id, ctid::text AS tid, xmin::text AS version, programme_id, core_enterprise_id, terms, state,
                coalesce(last_cob_date + 1, value_date) >= ${fromParam} AS due
           FROM loan_servicing
          WHERE ${pages} AND status = 'DISBURSED' AND value_date <= $1 AND (last_cob_date IS NULL OR last_cob_date < $1)
          ${sweepOf === null ? '' : `LIMIT ${this.config.cobChunkSize}`}`,
        [...range, from],
      );
      const behind = r.rows.filter((row) => !row.due).length;
      if (behind) throw new Error(`${behind} open loans are more than a day behind ${from}: an earlier date was not closed for them`);
      let loanDates = 0;
      if (r.rows.length) {
        const closed = closeChunk(r.rows, from, d);
        loanDates = closed.loanDates;
        // COPY into a scratch table, then one join: cheaper on both sides than unnest over arrays of
        // ten thousand jsonb literals.
        await sql(
          m,
          `CREATE TEMP TABLE cob_closed (tid tid, version xid, state jsonb, principal numeric(18,2), dpd integer, overdue boolean,
                                         classification text) ON COMMIT DROP`,
        );
        const copy = new CopyWriter(m.queryRunner!, `COPY cob_closed FROM STDIN`);
        for (let i = 0; i < closed.ids.length; i++)
          await copy.write(
            copyRow([
              r.rows[i].tid,
              r.rows[i].version,
              closed.states[i],
              closed.principal[i],
              closed.dpd[i],
              closed.overdue[i],
              closed.classification[i],
            ]),
          );
        await copy.end();
        const written = await sql(
          m,
          `UPDATE loan_servicing s SET state = v.state, last_cob_date = $1, principal_outstanding = v.principal, dpd = v.dpd,
                  overdue = v.overdue, classification = v.classification, updated_at = now()
             FROM cob_closed v
            WHERE s.ctid = v.tid AND s.xmin = v.version AND s.${pages.replace('AND ctid', 'AND s.ctid')}`,
          range,
        );
        if (written.rowCount !== r.rows.length) throw new ChunkMoved(r.rows.length - written.rowCount);
        await this.ledger.postLarge(
          m,
          closed.dates.map((date, i) => ({
            type: 'ACCRUAL' as const,
            businessDate: date,
            reference: sweepOf === null ? `cob:${date}:${lo}` : `cob:${date}:sweep`,
            lines: closed.lines[i],
          })),
        );
      }
      const run =
        sweepOf ??
        (
          await sql<{ run_id: string }>(
            m,
            `UPDATE cob_chunks SET done_at = now(), loans = loans + $3 WHERE business_date = $1 AND lo = $2 RETURNING run_id`,
            [d, lo, r.rows.length],
          )
        ).rows[0].run_id;
      if (loanDates)
        await sql(m, `UPDATE cob_runs SET loans_processed = loans_processed + $2, updated_at = now() WHERE id = $1`, [run, loanDates]);
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
