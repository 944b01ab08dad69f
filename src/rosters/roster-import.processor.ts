import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { systemActor } from '../common/access/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { businessDate } from '../common/business-date.js';
import { byteaColumn, CopyWriter, copyRow, discardConnection } from '../database/copy.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { SUPPLIER_ROSTER_COLUMNS, SUPPLIER_STAGING_DDL, SuppliersService } from '../suppliers/suppliers.service.js';
import { mapHeaders, type RosterColumn } from './parsing/columns.js';
import { fileTooComplex, readCsv, RosterFileError, type Cell, type RosterRecord, type XlsxLimits } from './parsing/reader.js';
import { RosterRowValidator, type SupplierInput } from './parsing/validate-row.js';
import { readXlsxInWorker } from './parsing/xlsx-in-worker.js';
import { inspectZipFile } from './parsing/zip-guard.js';
import { RosterTempFiles } from './temp-files.js';

export const ROSTER_IMPORT_QUEUE = 'roster-import';

/**
 * How many times an import may be started (a retry by hand grants as many again). Enforced when an
 * import is claimed, so that a file that takes its process down with it cannot run for ever.
 */
export const MAX_ATTEMPTS = 3;
const BATCH_ROWS = 10_000;
const STALE_SECONDS = 120;
const SWEEP_MS = 60_000;
/** Expired files are deleted this many imports at a time, each batch in its own short transaction. */
const PURGE_BATCH = 100;
const importLock = `hashtext('roster-import:' || $1)`;

/** Hooks other modules attach to a committed import (screening), run inside its transaction. */
export interface RosterImportHooks {
  afterMerge(manager: EntityManager, importId: string, coreEnterpriseId: string): Promise<void>;
}

class ImportFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A batch holds its COPY data as UTF-8 Buffers of a few hundred rows each: outside the JS heap, and
 * the row strings die young instead of being promoted while the batch waits its turn. (Held as
 * strings, 200,000 rows pushed the service's memory past 600 MB between collections.)
 */
interface Batch {
  data: Buffer[];
  rows: number;
  accepted: number;
  errors: ErrorEntry[];
}

const PACK_ROWS = 64;
const DECODE_PIECE_BYTES = 64 * 1024;
const YIELD_EVERY_ROWS = 500;

/** A bounded hand-over between one producer and one consumer; a failure on either side ends both. */
class Channel<T> {
  private readonly items: T[] = [];
  private closed = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.failure) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    this.items.push(item);
    this.notify();
  }

  async take(): Promise<T | undefined> {
    while (!this.items.length && !this.closed && !this.failure) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    const item = this.items.shift();
    this.notify();
    return item;
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  fail(e: Error): void {
    this.failure ??= e;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

interface ErrorEntry {
  row: number;
  supplierCode: string | null;
  field: string | null;
  code: string;
  message: string;
}

function copyLine(s: SupplierInput): string {
  return copyRow([
    s.supplierCode,
    s.supplierType,
    s.name,
    s.idNumber,
    s.legalRepIdNumber,
    s.phone,
    s.bankAccount,
    s.bankName,
    s.farmName,
    s.province,
    s.herdSize,
    s.yearsExperience,
    s.epidemicCertNo,
    s.epidemicCertExpiry,
    s.deliveryMonths,
    s.avgMonthlyDeliveryKg,
    s.avgMonthlySettlement,
    s.birthDate,
  ]);
}

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly suppliers: SuppliersService,
    private readonly audit: AuditService,
    private readonly tempFiles: RosterTempFiles,
  ) {}

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
        WHERE status IN ('QUEUED', 'RUNNING') AND updated_at < now() - make_interval(secs => $1)
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
            WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND updated_at < now() - make_interval(secs => $2)`,
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
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND attempts >= max_attempts`,
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
    const current = await sql<{ status: string; core_enterprise_id: string; file_type: 'csv' | 'xlsx' }>(
      progress,
      `SELECT status, core_enterprise_id, file_type FROM roster_imports WHERE id = $1`,
      [importId],
    );
    const imp = current.rows[0];
    if (!imp || imp.status === 'COMPLETED' || imp.status === 'FAILED') return;

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // One import per core enterprise at a time, so two rosters never interleave their upserts.
      await sql(runner.manager, `SELECT pg_advisory_xact_lock(${importLock})`, [imp.core_enterprise_id]);
      const claimed = await sql<{ attempts: number }>(
        progress,
        `UPDATE roster_imports SET status = 'RUNNING', attempts = attempts + 1, processed_rows = 0, started_at = clock_timestamp(), updated_at = now()
          WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND attempts < max_attempts RETURNING attempts`,
        [importId],
      );
      if (!claimed.rowCount) {
        await runner.rollbackTransaction();
        await this.failExhausted(progress, importId);
        return;
      }
      await sql(progress, `DELETE FROM roster_import_errors WHERE import_id = $1`, [importId]);
      const outcome = await this.importInto(runner, importId, imp.core_enterprise_id, imp.file_type);
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
      `UPDATE roster_imports SET status = 'FAILED', failure_code = $2, failure_message = $3, finished_at = clock_timestamp(), updated_at = now() WHERE id = $1`,
      [importId, code, message],
    );
  }

  private async importInto(runner: QueryRunner, importId: string, coreEnterpriseId: string, fileType: 'csv' | 'xlsx') {
    const m = runner.manager;
    const progress = this.dataSource.manager;
    // A core enterprise's first roster is COPYed straight into suppliers; later ones are staged and merged.
    const existing = await sql(m, `SELECT 1 FROM suppliers WHERE core_enterprise_id = $1 LIMIT 1`, [coreEnterpriseId]);
    const direct = existing.rowCount === 0 ? this.suppliers.newSuppliersCopy(coreEnterpriseId, importId) : null;
    if (!direct) await sql(m, `CREATE TEMP TABLE roster_staging (${SUPPLIER_STAGING_DDL}) ON COMMIT DROP`);
    const linePrefix = direct?.prefix ?? '';

    const validator = new RosterRowValidator(businessDate(this.config.businessTimeZone));
    const totals = { accepted: 0, rejected: 0, created: 0, updated: 0, lastRow: 1, problems: 0, problemsKept: 0 };
    // every rejected row is counted; only so many of its problems are stored, or a file of a million
    // bad rows would write millions of error rows
    const maxProblems = this.config.roster.maxReportedProblems;
    let errorSeq = 0;

    // Node validates the next batch while PostgreSQL merges the previous one: two cores, not one.
    const batches = new Channel<Batch>(1);
    const producer = (async () => {
      try {
        let columns: (RosterColumn | null)[] | undefined;
        let sinceYield = 0;
        let batch: Batch = { data: [], rows: 0, accepted: 0, errors: [] };
        let lines: string[] = [];
        // every line ends with a newline, so the prefix as the separator puts it at each line's start
        const pack = () => {
          if (lines.length) batch.data.push(Buffer.from(linePrefix + lines.join(linePrefix), 'utf8'));
          lines = [];
        };
        // CSV is read here (a row is at most MAX_ROW_CHARS); an .xlsx in a worker thread with its own memory limit
        const records = fileType === 'csv' ? readCsv(this.fileChunks(importId)) : this.xlsxRecords(importId);
        for await (const record of records as AsyncIterable<RosterRecord>) {
          if (record.kind === 'header') {
            columns = await this.headerColumns(importId, record.cells);
            continue;
          }
          if (!columns) throw new ImportFailure('NO_HEADER', 'The file has no header row');
          totals.lastRow = record.rowNumber;
          const cells: Partial<Record<RosterColumn, Cell>> = {};
          for (let i = 0; i < columns.length; i++) {
            const c = columns[i];
            if (c) cells[c] = record.cells[i] ?? null;
          }
          const result = validator.validate(record.rowNumber, cells);
          // Buffered file data keeps this loop going on microtasks alone; yielding now and then lets the
          // merge's replies through, so PostgreSQL gets its next statement while we keep validating.
          if (++sinceYield === YIELD_EVERY_ROWS) {
            sinceYield = 0;
            await new Promise((r) => setImmediate(r));
          }
          batch.rows++;
          if (result.ok) {
            totals.accepted++;
            batch.accepted++;
            lines.push(copyLine(result.supplier));
            if (lines.length >= PACK_ROWS) pack();
          } else {
            totals.rejected++;
            totals.problems += result.problems.length;
            for (const p of result.problems) {
              if (totals.problemsKept === maxProblems) break;
              totals.problemsKept++;
              // a copy: the code is a slice of the decoded file text, which it would otherwise keep alive
              const supplierCode = result.supplierCode === null ? null : Buffer.from(result.supplierCode).toString();
              batch.errors.push({ row: record.rowNumber, supplierCode, field: p.field, code: p.code, message: p.message });
            }
          }
          if (batch.rows >= BATCH_ROWS) {
            pack();
            await batches.put(batch);
            batch = { data: [], rows: 0, accepted: 0, errors: [] };
          }
        }
        if (!columns) throw new ImportFailure('NO_HEADER', 'The file has no header row');
        pack();
        if (batch.rows) await batches.put(batch);
        batches.close();
      } catch (e) {
        batches.fail(e as Error);
      }
    })();

    let processed = 0;
    for (let batch = await batches.take(); batch; batch = await batches.take()) {
      if (batch.errors.length) {
        await this.writeErrors(importId, errorSeq, batch.errors);
        errorSeq += batch.errors.length;
      }
      if (batch.data.length) {
        if (!direct) await sql(m, `TRUNCATE roster_staging`);
        const copy = new CopyWriter(runner, direct?.statement ?? `COPY roster_staging (${SUPPLIER_ROSTER_COLUMNS.join(', ')}) FROM STDIN`);
        try {
          for (const data of batch.data) await copy.writeBytes(data);
          await copy.end();
        } catch (e) {
          copy.abort();
          throw e;
        }
        if (direct) {
          totals.created += batch.accepted;
        } else {
          const merged = await this.suppliers.mergeStaged(m, 'roster_staging', coreEnterpriseId, importId);
          totals.created += merged.created;
          totals.updated += merged.updated;
        }
      }
      processed += batch.rows;
      await sql(progress, `UPDATE roster_imports SET processed_rows = $2, updated_at = now() WHERE id = $1`, [importId, processed]);
    }
    await producer;
    const { accepted, rejected, created, updated, lastRow, problems, problemsKept } = totals;
    if (accepted + rejected === 0) throw new ImportFailure('NO_DATA_ROWS', 'The file has a header but no supplier rows');

    const unchanged = accepted - created - updated;
    await sql(
      m,
      `UPDATE roster_imports SET status = 'COMPLETED', total_rows = $2, processed_rows = $2, accepted_rows = $3, rejected_rows = $4,
              created_count = $5, updated_count = $6, unchanged_count = $7, problem_count = $8, problems_truncated = $9,
              finished_at = clock_timestamp(), file_deleted_at = clock_timestamp(), updated_at = now()
        WHERE id = $1`,
      [importId, accepted + rejected, accepted, rejected, created, updated, unchanged, problems, problems > problemsKept],
    );
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

  private async headerColumns(importId: string, headers: string[]): Promise<(RosterColumn | null)[]> {
    const mapped = mapHeaders(headers);
    if (mapped.missing.length) {
      throw new ImportFailure('MISSING_COLUMNS', `The file has no column for: ${mapped.missing.join(', ')} (English or Chinese headers)`);
    }
    if (mapped.duplicated.length)
      throw new ImportFailure('DUPLICATE_COLUMNS', `These columns appear more than once: ${mapped.duplicated.join(', ')}`);
    if (mapped.unknown.length)
      await sql(this.dataSource.manager, `UPDATE roster_imports SET unknown_columns = $2 WHERE id = $1`, [importId, mapped.unknown]);
    return mapped.columns;
  }

  /** The stored upload, chunk by chunk, streamed (never all in memory) on a connection of its own. */
  private async *fileChunks(importId: string): AsyncGenerator<Buffer> {
    if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new Error('bad import id');
    const reader = this.dataSource.createQueryRunner();
    await reader.connect();
    let complete = false;
    try {
      // Decoded text is read row by row while the rows are validated; in small pieces it is garbage
      // before the next young-generation collection instead of being promoted.
      for await (const chunk of byteaColumn(reader, `SELECT chunk FROM roster_import_files WHERE import_id = '${importId}' ORDER BY seq`)) {
        for (let at = 0; at < chunk.length; at += DECODE_PIECE_BYTES) yield chunk.subarray(at, at + DECODE_PIECE_BYTES);
      }
      complete = true;
    } finally {
      // A reader stopped early (the file failed on its header) leaves the rest of the COPY unread on
      // its connection; back in the pool, that connection would hang the next query run on it.
      if (complete) await reader.release();
      else await discardConnection(reader);
    }
  }

  /**
   * The rows of a stored .xlsx: copied to a private temporary file, its zip directory checked, then
   * read by a worker thread, so that a workbook built to exhaust memory ends the worker, not the service.
   */
  private async *xlsxRecords(importId: string): AsyncGenerator<RosterRecord> {
    const dir = await this.tempFiles.directory('import');
    try {
      const file = path.join(dir, 'roster.xlsx');
      const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
      try {
        for await (const chunk of this.fileChunks(importId)) if (!out.write(chunk)) await once(out, 'drain');
        out.end();
        await finished(out);
      } catch (e) {
        // a write still in flight fails on the destroyed stream: nobody is waiting for it any more
        out.on('error', () => undefined).destroy();
        throw e;
      }
      const { maxInflatedBytes, maxInflateRatio, maxSharedStrings, parserMemoryMb } = this.config.roster;
      const limits: XlsxLimits = { maxInflatedBytes, maxRatio: maxInflateRatio, maxSharedStrings };
      const verdict = await inspectZipFile(file, limits);
      if (!verdict.ok && verdict.tooComplex) throw fileTooComplex(verdict.message);
      yield* readXlsxInWorker(file, { limits, memoryMb: parserMemoryMb, spoolDir: dir });
    } finally {
      await this.tempFiles.remove(dir);
    }
  }

  private async writeErrors(importId: string, firstSeq: number, errors: ErrorEntry[]): Promise<void> {
    await sql(
      this.dataSource.manager,
      `INSERT INTO roster_import_errors (import_id, seq, row_number, supplier_code, field, code, message)
       SELECT $1, $2 + e.ord - 1, e.row_number, e.supplier_code, e.field, e.code, e.message
         FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
              AS e(row_number, supplier_code, field, code, message, ord)`,
      [
        importId,
        firstSeq,
        errors.map((e) => e.row),
        errors.map((e) => e.supplierCode),
        errors.map((e) => e.field),
        errors.map((e) => e.code),
        errors.map((e) => e.message),
      ],
    );
  }
}
