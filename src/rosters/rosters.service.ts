import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, CORE_ENTERPRISE, resource } from '../common/access/access.service.js';
import { callerKey, type Actor } from '../common/access/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { csvLine, CSV_BOM } from '../common/csv.js';
import { DomainError, notFound } from '../common/errors.js';
import { Page } from '../common/pagination.js';
import { requestIdOf } from '../common/request-id.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { CounterpartiesService } from '../counterparties/counterparties.service.js';
import { COUNTERPARTY_ROLES, type CounterpartyRole } from '../counterparties/roster-schema.js';
import { validationFailed } from '../common/validation.js';
import { inspectZipFile } from './parsing/zip-guard.js';
import { ROSTER_FILES, storeUpload } from './import/stored-roster.js';
import { MAX_ATTEMPTS, ROSTER_IMPORT_QUEUE } from './roster-import.processor.js';
import type { RosterImportStatus } from './roster-import-state.js';
import { RosterErrors } from './rosters.errors.js';
import { RosterTempFiles } from './temp-files.js';
import { BodyWatch, UploadSlots, type BodyWatchLimits } from './upload-limits.js';
import { receiveUpload, type ReceivedFile, type UploadProblems } from './upload-receive.js';

/** Uploads are stored in 1 MiB rows: small enough to stream, large enough to be few. */
/** A refused upload may come back this many seconds later, when a place may be free. */
const BUSY_RETRY_AFTER_SECONDS = 5;
/** What a multipart body may hold besides the file: part headers and a few small fields. */
const FORM_OVERHEAD_BYTES = 128 * 1024;

const ROSTER_IMPORT = resource('Roster import', 'roster_imports');

export interface RosterImportView {
  importId: string;
  id: string;
  coreEnterpriseId: string;
  status: RosterImportStatus;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  fileSize: number;
  totalRows: number | null;
  processedRows: number;
  acceptedRows: number | null;
  rejectedRows: number | null;
  createdCount: number | null;
  updatedCount: number | null;
  unchangedCount: number | null;
  unknownColumns: string[];
  failure: { code: string; message: string } | null;
  attempts: number;
  /** Every problem found, stored or not; null until the import has finished. */
  problemCount: number | null;
  /** Only the first ROSTER_MAX_REPORTED_PROBLEMS problems are listed in /errors. */
  problemsTruncated: boolean;
  /** When the stored file was deleted (its import completed, or it failed and its retention ran out). */
  fileDeletedAt: string | null;
  /** SUPPLIER or DEALER, and the version of that role's roster schema the file is read with. */
  role: CounterpartyRole;
  schemaVersion: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface ImportRow {
  id: string;
  core_enterprise_id: string;
  status: RosterImportView['status'];
  file_name: string;
  file_type: 'csv' | 'xlsx';
  file_size: string;
  total_rows: number | null;
  processed_rows: number;
  accepted_rows: number | null;
  rejected_rows: number | null;
  created_count: number | null;
  updated_count: number | null;
  unchanged_count: number | null;
  unknown_columns: string[];
  failure_code: string | null;
  failure_message: string | null;
  attempts: number;
  problem_count: number | null;
  problems_truncated: boolean;
  file_deleted_at: Date | null;
  role: CounterpartyRole;
  schema_version: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function importView(r: ImportRow): RosterImportView {
  return {
    importId: r.id,
    id: r.id,
    coreEnterpriseId: r.core_enterprise_id,
    status: r.status,
    fileName: r.file_name,
    fileType: r.file_type,
    fileSize: Number(r.file_size),
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    acceptedRows: r.accepted_rows,
    rejectedRows: r.rejected_rows,
    createdCount: r.created_count,
    updatedCount: r.updated_count,
    unchangedCount: r.unchanged_count,
    unknownColumns: r.unknown_columns,
    failure: r.failure_code ? { code: r.failure_code, message: r.failure_message ?? '' } : null,
    attempts: r.attempts,
    problemCount: r.problem_count,
    problemsTruncated: r.problems_truncated,
    fileDeletedAt: r.file_deleted_at?.toISOString() ?? null,
    role: r.role,
    schemaVersion: r.schema_version,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export interface RosterErrorView {
  row: number;
  supplierCode: string | null;
  field: string | null;
  code: string;
  message: string;
}

const ROSTER_UPLOAD_PROBLEMS: UploadProblems = {
  notMultipart: RosterErrors.ROSTER_NOT_MULTIPART,
  missing: RosterErrors.ROSTER_FILE_MISSING,
  unsupported: RosterErrors.ROSTER_UNSUPPORTED_TYPE,
  unsupportedDetail: (name) => `${name} is not a .csv or .xlsx roster (old .xls files: save as .xlsx or CSV)`,
  tooLarge: RosterErrors.ROSTER_TOO_LARGE,
  empty: RosterErrors.ROSTER_EMPTY_FILE,
  tooSlow: RosterErrors.ROSTER_UPLOAD_TOO_SLOW,
  defaultName: 'roster',
};

/** The form field `role`: SUPPLIER unless it says DEALER. */
function roleOf(received: ReceivedFile): CounterpartyRole {
  const role = received.fields.role ?? 'SUPPLIER';
  if (!(COUNTERPARTY_ROLES as readonly string[]).includes(role))
    throw validationFailed([{ field: 'role', code: 'INVALID_VALUE', message: `role must be one of ${COUNTERPARTY_ROLES.join(', ')}` }]);
  return role as CounterpartyRole;
}

/** Refusals answered before the body is read end the connection: the rest of the body is not wanted. */
const CLOSE = { Connection: 'close' };

@Injectable()
export class RostersService {
  private readonly logger = new Logger('RosterUploads');
  private readonly slots: UploadSlots;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly idempotency: IdempotencyService,
    private readonly tempFiles: RosterTempFiles,
    private readonly access: AccessService,
    private readonly counterparties: CounterpartiesService,
  ) {
    this.slots = new UploadSlots(config.roster.maxConcurrentUploads, config.roster.maxConcurrentUploadsPerCoreEnterprise);
  }

  /**
   * Receives the upload into a temporary file first, holding no database connection while the client
   * sends (a client may stall or vanish), within a place of its own and a read timeout. Only then, in
   * one transaction, the file is stored (so that any instance can import it, and again after a crash)
   * and the import queued: either the import exists with its file and its job, or nothing does.
   */
  async upload(
    actor: Actor,
    coreEnterpriseId: string,
    req: Request,
  ): Promise<{ status: number; body: RosterImportView; replayed: boolean }> {
    await this.access.requireAccess(actor, CORE_ENTERPRISE, coreEnterpriseId);
    const ce = await sql(this.dataSource.manager, `SELECT 1 FROM core_enterprises WHERE id = $1`, [coreEnterpriseId]);
    if (!ce.rowCount) throw notFound('Core enterprise', coreEnterpriseId);
    if (!req.is('multipart/form-data')) throw new DomainError(RosterErrors.ROSTER_NOT_MULTIPART);
    const maxBytes = this.config.rosterMaxUploadBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes + 1024 * 1024) {
      // Answer once the body is read and dropped: a client still sending when the answer comes can
      // see its connection reset instead of the 413.
      await this.discard(req);
      throw new DomainError(RosterErrors.ROSTER_TOO_LARGE, `The upload is ${declared} bytes; the limit is ${maxBytes} bytes`, {
        limit: maxBytes,
      });
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    // With a key the body is read first: a repeat of an upload that was accepted is answered as it
    // was, even when the core enterprise has reached its hourly rate or its quota since.
    if (!key) await this.checkAllowance(this.dataSource.manager, coreEnterpriseId, Math.max(0, declared - FORM_OVERHEAD_BYTES), CLOSE);

    const slot = this.slots.take(coreEnterpriseId);
    if (!slot.granted) {
      const limit =
        slot.full === 'instance' ? this.config.roster.maxConcurrentUploads : this.config.roster.maxConcurrentUploadsPerCoreEnterprise;
      throw new DomainError(
        RosterErrors.ROSTER_UPLOADS_BUSY,
        slot.full === 'instance'
          ? `This server is receiving ${limit} rosters already; retry in a few seconds`
          : `${limit} rosters of this core enterprise are being received already; retry once they are in`,
        { headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), ...CLOSE }, limit },
      );
    }
    const file = this.tempFiles.file('upload');
    try {
      const received = await receiveUpload(req, maxBytes, file, this.uploadLimits(), ROSTER_UPLOAD_PROBLEMS, (reason) =>
        this.logger.warn({ reason, correlationId: requestIdOf(req) }, 'roster upload cut off'),
      );
      roleOf(received);
      if (received.fileType === 'xlsx') await this.checkWorkbook(file);
      return await this.store(actor, coreEnterpriseId, req, key, file, received);
    } finally {
      slot.release();
      await this.tempFiles.remove(file);
    }
  }

  /** The hourly rate and the storage quota of a core enterprise, for an upload of `incomingBytes`. */
  private async checkAllowance(
    m: EntityManager,
    coreEnterpriseId: string,
    incomingBytes: number,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const { uploadsPerHour, storageQuotaBytes } = this.config.roster;
    const r = await sql<{ held: string; recent: number; retry_after: number | null }>(
      m,
      `SELECT (SELECT coalesce(sum(file_size), 0) FROM roster_imports WHERE core_enterprise_id = $1 AND file_deleted_at IS NULL) AS held,
              count(*)::int AS recent,
              ceil(extract(epoch FROM min(created_at) + interval '1 hour' - clock_timestamp()))::int AS retry_after
         FROM roster_imports WHERE core_enterprise_id = $1 AND created_at > clock_timestamp() - interval '1 hour'`,
      [coreEnterpriseId],
    );
    const { held, recent, retry_after } = r.rows[0];
    if (recent >= uploadsPerHour) {
      throw new DomainError(
        RosterErrors.ROSTER_UPLOAD_RATE_EXCEEDED,
        `At most ${uploadsPerHour} rosters an hour per core enterprise; ${recent} in the last hour`,
        {
          headers: { 'Retry-After': String(Math.max(1, retry_after ?? 1)), ...headers },
          limit: uploadsPerHour,
        },
      );
    }
    if (Number(held) + incomingBytes > storageQuotaBytes) {
      throw new DomainError(
        RosterErrors.ROSTER_STORAGE_QUOTA_EXCEEDED,
        `Rosters not imported yet hold ${held} bytes of the core enterprise's ${storageQuotaBytes}, and this one does not fit. Room is made as queued imports finish, and as the files of failed imports expire (after ${this.config.roster.fileRetentionDays} days).`,
        { headers, quota: storageQuotaBytes, held: Number(held) },
      );
    }
  }

  /** Refuses at once a workbook whose own table of contents shows a zip bomb. */
  private async checkWorkbook(file: string): Promise<void> {
    const { maxInflatedBytes, maxInflateRatio } = this.config.roster;
    const verdict = await inspectZipFile(file, { maxInflatedBytes, maxRatio: maxInflateRatio });
    // a directory that cannot be read is left to the import, which reports the workbook damaged
    if (!verdict.ok && verdict.tooComplex) throw new DomainError(RosterErrors.ROSTER_FILE_TOO_COMPLEX, verdict.message);
  }

  private async store(
    actor: Actor,
    coreEnterpriseId: string,
    req: Request,
    key: string | undefined,
    file: string,
    received: ReceivedFile,
  ): Promise<{ status: number; body: RosterImportView; replayed: boolean }> {
    if (!key) return this.storeAndQueue(actor, coreEnterpriseId, file, received);
    // within the key: the transaction that stores the file marks the key as it commits, so that a
    // repeat after a crash never imports the file a second time
    const request = {
      method: 'POST',
      path: req.path,
      fingerprint: this.idempotency.requestHash('POST', req.path, {
        sha256: received.sha256,
        fileName: received.fileName,
        ...(received.fields.role === undefined ? {} : { role: received.fields.role }),
      }),
    };
    const outcome = await this.idempotency.once(
      callerKey(actor),
      key,
      request,
      202,
      () => this.storeAndQueue(actor, coreEnterpriseId, file, received),
      (r) => r.body,
    );
    if (outcome.replayed) return { status: outcome.status, body: outcome.body as RosterImportView, replayed: true };
    return outcome.result;
  }

  private async storeAndQueue(
    actor: Actor,
    coreEnterpriseId: string,
    file: string,
    received: ReceivedFile,
  ): Promise<{ status: number; body: RosterImportView; replayed: boolean }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let committed = false;
    try {
      await runner.startTransaction();
      const m = runner.manager;
      // Uploads of one core enterprise decide on its rate and quota one at a time, on any instance.
      await sql(m, `SELECT pg_advisory_xact_lock(hashtext('roster-upload:' || $1))`, [coreEnterpriseId]);
      await this.checkAllowance(m, coreEnterpriseId, received.size);
      // the schema the file will be read with, whenever it runs (and if it runs again)
      const role = roleOf(received);
      const schema = await this.counterparties.current(m, coreEnterpriseId, role);
      const created = await sql<{ id: string }>(
        m,
        `INSERT INTO roster_imports (core_enterprise_id, status, file_name, file_type, file_size, file_sha256, uploaded_by, correlation_id, max_attempts,
                                     role, roster_schema_id, schema_version)
         VALUES ($1, 'QUEUED', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          coreEnterpriseId,
          received.fileName,
          received.fileType,
          received.size,
          received.sha256,
          JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
          actor.correlationId,
          MAX_ATTEMPTS,
          role,
          schema.id,
          schema.version,
        ],
      );
      const importId = created.rows[0].id;
      await storeUpload(runner, ROSTER_FILES, { id: importId, coreEnterpriseId }, file);
      await this.jobs.send(m, ROSTER_IMPORT_QUEUE, { importId });
      await this.audit.record(m, actor, {
        action: 'ROSTER_UPLOADED',
        entityType: 'RosterImport',
        entityId: importId,
        coreEnterpriseId,
        after: {
          fileName: received.fileName,
          fileType: received.fileType,
          fileSize: received.size,
          sha256: received.sha256,
          role,
          schemaVersion: schema.version,
        },
      });
      const row = await sql<ImportRow>(m, `SELECT * FROM roster_imports WHERE id = $1`, [importId]);
      await runner.commitTransaction();
      committed = true;
      this.jobs.notify(ROSTER_IMPORT_QUEUE);
      return { status: 202, body: importView(row.rows[0]), replayed: false };
    } catch (e) {
      if (!committed) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /** Reads and drops a body that is refused, cutting off a client that stalls meanwhile. */
  private discard(req: Request): Promise<void> {
    return new Promise<void>((done) => {
      const watch = this.watch(req, () => {
        req.destroy();
        done();
      });
      const end = () => {
        watch.stop();
        done();
      };
      req.once('end', end).once('close', end).once('error', end);
      req.resume();
    });
  }

  private watch(req: Request, onTrip: (reason: 'idle' | 'slow') => void): BodyWatch {
    return new BodyWatch(req, this.uploadLimits(), onTrip);
  }

  private uploadLimits(): BodyWatchLimits {
    const { uploadIdleSeconds, uploadMinBytesPerSecond } = this.config.roster;
    const idleMs = uploadIdleSeconds * 1000;
    return { idleMs, minBytesPerSecond: uploadMinBytesPerSecond, graceMs: idleMs };
  }

  async get(actor: Actor, importId: string): Promise<RosterImportView> {
    return importView(await this.load(actor, importId));
  }

  async list(actor: Actor, coreEnterpriseId: string, page: number, pageSize: number): Promise<Page<RosterImportView>> {
    await this.access.requireAccess(actor, CORE_ENTERPRISE, coreEnterpriseId);
    const query = {
      columns: '*',
      from: 'roster_imports',
      where: ['core_enterprise_id = $1'],
      params: [coreEnterpriseId],
      orderBy: 'created_at DESC, id',
    };
    return pageOf(this.dataSource.manager, query, { page, pageSize }, importView);
  }

  async errors(actor: Actor, importId: string, page: number, pageSize: number): Promise<Page<RosterErrorView>> {
    await this.load(actor, importId);
    const query = {
      columns: `row_number AS row, supplier_code AS "supplierCode", field, code, message`,
      from: 'roster_import_errors',
      where: ['import_id = $1'],
      params: [importId],
      orderBy: 'seq',
    };
    return pageOf(this.dataSource.manager, query, { page, pageSize }, (r: RosterErrorView) => r);
  }

  /**
   * Every stored problem as CSV, in pages of 5,000 so that a large report never sits in memory; when
   * more were found than are stored, a last line says so.
   */
  async *errorsCsv(actor: Actor, importId: string): AsyncGenerator<string> {
    const imp = await this.load(actor, importId);
    yield CSV_BOM + csvLine(['row', 'supplier_code', 'field', 'code', 'message']);
    let listed = 0;
    for (let after = -1; ;) {
      const r = await sql<{
        seq: number;
        row_number: number;
        supplier_code: string | null;
        field: string | null;
        code: string;
        message: string;
      }>(
        this.dataSource.manager,
        `SELECT seq, row_number, supplier_code, field, code, message FROM roster_import_errors WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000`,
        [importId, after],
      );
      if (!r.rows.length) break;
      yield r.rows.map((e) => csvLine([e.row_number, e.supplier_code, e.field, e.code, e.message])).join('');
      listed += r.rows.length;
      after = r.rows[r.rows.length - 1].seq;
    }
    if (imp.problems_truncated) {
      const total = imp.problem_count ?? listed;
      yield csvLine([
        null,
        null,
        null,
        'PROBLEMS_TRUNCATED',
        `Only the first ${listed} of ${total} problems are listed. Correct these rows and upload the roster again to see the rest.`,
      ]);
    }
  }

  /** A FAILED import runs again from its stored file, with a fresh allowance of attempts. */
  async retry(actor: Actor, importId: string): Promise<RosterImportView> {
    const current = await this.load(actor, importId);
    return this.dataSource.transaction(async (m) => {
      const r = await sql<ImportRow>(
        m,
        `UPDATE roster_imports SET status = 'QUEUED', failure_code = NULL, failure_message = NULL, processed_rows = 0,
                problem_count = NULL, problems_truncated = false, max_attempts = attempts + $2, updated_at = now()
          WHERE id = $1 AND status = 'FAILED' AND file_deleted_at IS NULL
          RETURNING *`,
        [importId, MAX_ATTEMPTS],
      );
      if (!r.rows[0]) {
        const now = await sql<ImportRow>(m, `SELECT * FROM roster_imports WHERE id = $1`, [importId]);
        const row = now.rows[0] ?? current;
        if (row.status === 'FAILED' && row.file_deleted_at) {
          throw new DomainError(
            RosterErrors.ROSTER_FILE_EXPIRED,
            `The file of import ${importId} was deleted on ${row.file_deleted_at.toISOString()}, ${this.config.roster.fileRetentionDays} days after it failed; upload the roster again`,
          );
        }
        throw new DomainError(
          RosterErrors.ROSTER_IMPORT_NOT_RETRYABLE,
          `Import ${importId} is ${row.status}; only a FAILED import can be retried`,
        );
      }
      await sql(m, `DELETE FROM roster_import_errors WHERE import_id = $1`, [importId]);
      await this.jobs.send(m, ROSTER_IMPORT_QUEUE, { importId });
      await this.audit.record(m, actor, {
        action: 'ROSTER_IMPORT_RETRIED',
        entityType: 'RosterImport',
        entityId: importId,
        coreEnterpriseId: current.core_enterprise_id,
      });
      return importView(r.rows[0]);
    });
  }

  private async load(actor: Actor, importId: string): Promise<ImportRow> {
    await this.access.requireAccess(actor, ROSTER_IMPORT, importId);
    const r = await sql<ImportRow>(this.dataSource.manager, `SELECT * FROM roster_imports WHERE id = $1`, [importId]);
    const row = r.rows[0];
    if (!row) throw notFound(ROSTER_IMPORT.what, importId);
    return row;
  }
}
