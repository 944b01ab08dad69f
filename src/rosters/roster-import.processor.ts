import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { systemActor } from '../common/access/actor.js';
import { ClockService } from '../clock/clock.service.js';
import { Channel } from '../common/channel.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import { CounterpartiesService } from '../counterparties/counterparties.service.js';
import { DAIRY_LAYOUT, rosterLayout, type RosterLayout } from './parsing/columns.js';
import { BatchPacker, HeaderColumns, ImportFailure, noHeader, RowCheck, SupplierRowEncoder, type Batch } from './import/stages.js';
import { StoredRosterReader } from './import/stored-roster.js';
import { ImportProgress, SupplierRowsWriter } from './import/write.js';
import { RosterFileError } from './parsing/reader.js';
import { RosterRowValidator } from './parsing/validate-row.js';
import { rosterImportStateMachine, statusMayBecome, type RosterImportStatus } from './roster-import-state.js';
import { RosterTempFiles } from './temp-files.js';

export const ROSTER_IMPORT_QUEUE = 'roster-import';

/**
 * How many times an import may be started (a retry by hand grants as many again). Enforced when an
 * import is claimed, so that a file that takes its process down with it cannot run for ever.
 */
export const MAX_ATTEMPTS = 3;
const STALE_SECONDS = 120;
const SWEEP_MS = 60_000;
/** Expired files are deleted this many imports at a time, each batch in its own short transaction. */
const PURGE_BATCH = 100;
const importLock = `hashtext('roster-import:' || $1)`;

/** Hooks other modules attach to a committed import (screening), run inside its transaction. */
export interface RosterImportHooks {
  afterMerge(manager: EntityManager, importId: string, coreEnterpriseId: string): Promise<void>;
}

const YIELD_EVERY_ROWS = 500;

/**
 * Runs one roster import. All accepted rows are applied in one transaction (streamed through COPY
 * into a temporary table, then merged with one set-based upsert) or none are: a crash, a restart or a
 * bad file leaves the suppliers exactly as they were, and the import can run again. Progress and the
 * row errors are written on a separate connection so callers see them while it runs.
 */
@Injectable()
export class RosterImportProcessor implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RosterImport');
  private sweeper: NodeJS.Timeout | undefined;
  private hooks: RosterImportHooks[] = [];
  private readonly reader: StoredRosterReader;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly suppliers: SuppliersService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly counterparties: CounterpartiesService,
    tempFiles: RosterTempFiles,
  ) {
    this.reader = new StoredRosterReader(dataSource, tempFiles, config.roster);
  }

  addHook(hook: RosterImportHooks): void {
    this.hooks.push(hook);
  }

  onModuleInit(): void {
    this.jobs.define<{ importId: string }>({
      name: ROSTER_IMPORT_QUEUE,
      concurrency: 2,
      expireInSeconds: 30 * 60,
      maxRetries: MAX_ATTEMPTS,
      handle: (data) => this.run(data.importId),
    });
  }

  /**
   * Every instance with workers sweeps now and then: imports left RUNNING or QUEUED by a process that
   * died are queued again (running twice is safe), and the files of long-failed imports are deleted.
   */
  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    const sweep = () => void this.sweep().catch((err) => this.logger.warn({ err }, 'roster import sweep failed'));
    sweep();
    this.sweeper = setInterval(sweep, SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  async sweep(): Promise<{ requeued: number; filesDeleted: number }> {
    return { requeued: await this.requeueStale(), filesDeleted: await this.deleteExpiredFiles() };
  }

  /**
   * Queues again the imports nobody is running. One whose core enterprise's import lock is held is
   * being run (or waits behind one that is) by a live instance: it is left alone. One that has used
   * up its attempts fails instead of being queued once more.
   */
  async requeueStale(): Promise<number> {
    const stale = await sql<{ id: string; core_enterprise_id: string }>(
      this.dataSource.manager,
      `SELECT id, core_enterprise_id FROM roster_imports
        WHERE ${statusMayBecome('RUNNING')} AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT 100`,
      [STALE_SECONDS],
    );
    let requeued = 0;
    for (const imp of stale.rows) {
      await this.dataSource.transaction(async (m) => {
        const free = await sql<{ free: boolean }>(m, `SELECT pg_try_advisory_xact_lock(${importLock}) AS free`, [imp.core_enterprise_id]);
        if (!free.rows[0].free) return;
        if (await this.failExhausted(m, imp.id)) return;
        const touched = await sql(
          m,
          `UPDATE roster_imports SET updated_at = now()
            WHERE id = $1 AND ${statusMayBecome('RUNNING')} AND updated_at < now() - make_interval(secs => $2)`,
          [imp.id, STALE_SECONDS],
        );
        if (!touched.rowCount) return;
        await this.jobs.send(m, ROSTER_IMPORT_QUEUE, { importId: imp.id });
        requeued++;
      });
    }
    return requeued;
  }

  /** Fails the import if it was started as many times as it may be; answers whether it did. */
  private async failExhausted(m: EntityManager, importId: string): Promise<boolean> {
    const r = await sql(
      m,
      `UPDATE roster_imports SET status = 'FAILED', failure_code = 'TOO_MANY_ATTEMPTS', finished_at = clock_timestamp(), updated_at = now(),
              failure_message = 'The import was started ' || attempts || ' times and never finished (the service stopped while it ran); no supplier was changed. Upload the roster as CSV, or contact support with this import id.'
        WHERE id = $1 AND ${statusMayBecome('FAILED')} AND attempts >= max_attempts`,
      [importId],
    );
    if (r.rowCount) this.logger.error({ importId }, 'roster import failed: attempts used up');
    return r.rowCount > 0;
  }

  /** Deletes the stored files of imports FAILED longer ago than ROSTER_FILE_RETENTION_DAYS, with an audit event each. */
  async deleteExpiredFiles(): Promise<number> {
    const days = this.config.roster.fileRetentionDays;
    let total = 0;
    for (;;) {
      const deleted = await this.dataSource.transaction(async (m) => {
        const expired = await sql<{ id: string; core_enterprise_id: string; file_size: string }>(
          m,
          `UPDATE roster_imports SET file_deleted_at = clock_timestamp(), updated_at = now()
            WHERE id IN (SELECT id FROM roster_imports
                          WHERE status = 'FAILED' AND file_deleted_at IS NULL AND finished_at < now() - make_interval(days => $1)
                          ORDER BY finished_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING id, core_enterprise_id, file_size`,
          [days, PURGE_BATCH],
        );
        if (!expired.rowCount) return 0;
        await sql(m, `DELETE FROM roster_import_files WHERE import_id = ANY($1::uuid[])`, [expired.rows.map((r) => r.id)]);
        const actor = systemActor('roster-file-retention', 'roster-file-retention');
        for (const r of expired.rows) {
          await this.audit.record(m, actor, {
            action: 'ROSTER_FILE_DELETED',
            entityType: 'RosterImport',
            entityId: r.id,
            coreEnterpriseId: r.core_enterprise_id,
            after: { reason: 'RETENTION', retentionDays: days, fileSize: Number(r.file_size) },
          });
        }
        return expired.rowCount;
      });
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }

  /**
   * started_at and finished_at are written on different connections, and the import's transaction
   * begins before it waits for its core enterprise's lock: both take clock_timestamp(), since now()
   * would be the start of that transaction, earlier than the claim.
   */
  async run(importId: string): Promise<void> {
    const progress = this.dataSource.manager;
    const current = await sql<{
      status: RosterImportStatus;
      core_enterprise_id: string;
      file_type: 'csv' | 'xlsx';
      roster_schema_id: string | null;
    }>(progress, `SELECT status, core_enterprise_id, file_type, roster_schema_id FROM roster_imports WHERE id = $1`, [importId]);
    const imp = current.rows[0];
    if (!imp || !rosterImportStateMachine.can(imp.status, 'RUNNING')) return;

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // One import per core enterprise at a time, so two rosters never interleave their upserts.
      await sql(runner.manager, `SELECT pg_advisory_xact_lock(${importLock})`, [imp.core_enterprise_id]);
      const claimed = await sql<{ attempts: number }>(
        progress,
        `UPDATE roster_imports SET status = 'RUNNING', attempts = attempts + 1, processed_rows = 0, started_at = clock_timestamp(), updated_at = now()
          WHERE id = $1 AND ${statusMayBecome('RUNNING')} AND attempts < max_attempts RETURNING attempts`,
        [importId],
      );
      if (!claimed.rowCount) {
        await runner.rollbackTransaction();
        await this.failExhausted(progress, importId);
        return;
      }
      await sql(progress, `DELETE FROM roster_import_errors WHERE import_id = $1`, [importId]);
      // imports queued before schemas existed read the dairy roster, as they were uploaded for
      const schema = imp.roster_schema_id === null ? null : await this.counterparties.byId(progress, imp.roster_schema_id);
      const layout = schema ? rosterLayout(schema.role, schema.attributes) : DAIRY_LAYOUT;
      const outcome = await this.importInto(runner, importId, imp.core_enterprise_id, imp.file_type, layout);
      await runner.commitTransaction();
      this.logger.log({ importId, ...outcome }, 'roster import completed');
    } catch (err) {
      await runner.rollbackTransaction().catch(() => undefined);
      if (err instanceof ImportFailure || err instanceof RosterFileError) {
        await this.fail(importId, (err as ImportFailure).code, (err as Error).message);
        return;
      }
      const attempts = await sql<{ left: number }>(progress, `SELECT max_attempts - attempts AS left FROM roster_imports WHERE id = $1`, [
        importId,
      ]);
      if ((attempts.rows[0]?.left ?? 0) <= 0) {
        this.logger.error({ err, importId }, 'roster import failed for good');
        await this.fail(
          importId,
          'IMPORT_ERROR',
          'An unexpected error stopped the import; no supplier was changed. Retry it, or contact support with this import id.',
        );
        return;
      }
      throw err;
    } finally {
      await runner.release();
    }
  }

  private async fail(importId: string, code: string, message: string): Promise<void> {
    await sql(
      this.dataSource.manager,
      `UPDATE roster_imports SET status = 'FAILED', failure_code = $2, failure_message = $3, finished_at = clock_timestamp(), updated_at = now()
        WHERE id = $1 AND ${statusMayBecome('FAILED')}`,
      [importId, code, message],
    );
  }

  /** The pipeline: read → map header → validate → pack, then write, and the import completes. */
  private async importInto(
    runner: QueryRunner,
    importId: string,
    coreEnterpriseId: string,
    fileType: 'csv' | 'xlsx',
    layout: RosterLayout,
  ) {
    const progress = new ImportProgress(this.dataSource.manager, importId, coreEnterpriseId);
    const suppliers = await SupplierRowsWriter.open(runner, this.suppliers, importId, coreEnterpriseId);
    const today = await this.clock.today(this.config.businessTimeZone);
    const check = new RowCheck(new RosterRowValidator(today, layout), this.config.roster.maxReportedProblems);

    // Node validates the next batch while PostgreSQL merges the previous one: two cores, not one.
    const batches = new Channel<Batch>(1);
    const producer = this.produce(
      importId,
      fileType,
      layout,
      progress,
      check,
      new BatchPacker(new SupplierRowEncoder(suppliers.leading, check.role)),
      batches,
    );
    for (let batch = await batches.take(); batch; batch = await batches.take()) {
      await progress.errors(batch.errors);
      await suppliers.write(batch);
      await progress.processedRows(batch.rows);
    }
    await producer;

    const { accepted, rejected, lastRow, problems, problemsKept } = check.totals;
    if (accepted + rejected === 0) throw new ImportFailure('NO_DATA_ROWS', 'The file has a header but no supplier rows');
    const { created, updated } = suppliers;
    const unchanged = accepted - created - updated;
    const m = runner.manager;
    const completed = await sql(
      m,
      `UPDATE roster_imports SET status = 'COMPLETED', total_rows = $2, processed_rows = $2, accepted_rows = $3, rejected_rows = $4,
              created_count = $5, updated_count = $6, unchanged_count = $7, problem_count = $8, problems_truncated = $9,
              finished_at = clock_timestamp(), file_deleted_at = clock_timestamp(), updated_at = now()
        WHERE id = $1 AND ${statusMayBecome('COMPLETED')}`,
      [importId, accepted + rejected, accepted, rejected, created, updated, unchanged, problems, problems > problemsKept],
    );
    // another run of the job finished or failed it while this one worked: this one's merge goes back
    if (completed.rowCount !== 1) throw new Error(`roster import ${importId} is no longer RUNNING; its merge is rolled back`);
    await sql(m, `DELETE FROM roster_import_files WHERE import_id = $1`, [importId]);
    for (const hook of this.hooks) await hook.afterMerge(m, importId, coreEnterpriseId);
    await this.audit.record(
      m,
      { kind: 'SYSTEM', id: 'roster-import', name: 'roster-import', role: null, correlationId: importId },
      {
        action: 'ROSTER_IMPORT_APPLIED',
        entityType: 'RosterImport',
        entityId: importId,
        coreEnterpriseId,
        after: { totalRows: accepted + rejected, accepted, rejected, created, updated, unchanged, lastRow },
      },
    );
    return { accepted, rejected, created, updated, unchanged };
  }

  /** Read, map the header, validate and pack into `batches`, until the file ends or fails (which ends the channel). */
  private async produce(
    importId: string,
    fileType: 'csv' | 'xlsx',
    layout: RosterLayout,
    progress: ImportProgress,
    check: RowCheck,
    packer: BatchPacker,
    batches: Channel<Batch>,
  ): Promise<void> {
    try {
      let header: HeaderColumns | undefined;
      let sinceYield = 0;
      for await (const record of this.reader.records(importId, fileType)) {
        if (record.kind === 'header') {
          header = HeaderColumns.of(record.cells, layout);
          if (header.unknown.length) await progress.unknownColumns(header.unknown);
          continue;
        }
        if (!header) throw noHeader();
        const outcome = check.row(record.rowNumber, header.cellsOf(record.cells));
        // Buffered file data keeps this loop going on microtasks alone; yielding now and then lets the
        // merge's replies through, so PostgreSQL gets its next statement while we keep validating.
        if (++sinceYield === YIELD_EVERY_ROWS) {
          sinceYield = 0;
          await new Promise((r) => setImmediate(r));
        }
        const full = packer.add(outcome);
        if (full) await batches.put(full);
      }
      if (!header) throw noHeader();
      const last = packer.flush();
      if (last) await batches.put(last);
      batches.close();
    } catch (e) {
      batches.fail(e as Error);
    }
  }
}
