import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import busboy from 'busboy';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertVisible, callerKey, type Actor } from '../auth/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { csvLine, CSV_BOM } from '../common/csv.js';
import { CommonErrors, DomainError, notFound } from '../common/errors.js';
import { Page } from '../common/pagination.js';
import { BinaryCopyWriter } from '../database/copy.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ROSTER_IMPORT_QUEUE } from './roster-import.processor.js';
import { RosterErrors } from './rosters.errors.js';

/** Uploads are stored in 1 MiB rows: small enough to stream, large enough to be few. */
const STORE_CHUNK_BYTES = 1024 * 1024;

export interface RosterImportView {
  importId: string;
  id: string;
  coreEnterpriseId: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
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

interface StoredFile {
  fileName: string;
  fileType: 'csv' | 'xlsx';
  size: number;
  sha256: string;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The type we will read it as: by content first (renamed files are common), then by name. */
function fileTypeOf(fileName: string, mimeType: string, head: Buffer): 'csv' | 'xlsx' | 'unsupported' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (head.subarray(0, 4).equals(OLE_MAGIC)) return 'unsupported'; // legacy .xls
  if (head.subarray(0, 4).equals(XLSX_MAGIC)) return ext === 'csv' || ext === 'xlsx' || !ext ? 'xlsx' : 'unsupported';
  if (ext === 'csv' || (!ext && /csv|text\/plain/.test(mimeType))) return 'csv';
  if (ext === 'xlsx' || (!ext && /spreadsheetml/.test(mimeType))) return 'xlsx'; // no zip header: the job reports it corrupt
  return 'unsupported';
}

@Injectable()
export class RostersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Streams the uploaded file into the database (so that any instance can import it, and again after a
   * crash) and queues the import, all in one transaction: either the import exists with its file and
   * its job, or nothing does.
   */
  async upload(actor: Actor, coreEnterpriseId: string, req: Request): Promise<{ status: number; body: RosterImportView; replayed: boolean }> {
    assertVisible(actor, coreEnterpriseId, 'Core enterprise', coreEnterpriseId);
    const ce = await sql(this.dataSource.manager, `SELECT 1 FROM core_enterprises WHERE id = $1`, [coreEnterpriseId]);
    if (!ce.rowCount) throw notFound('Core enterprise', coreEnterpriseId);
    if (!req.is('multipart/form-data')) throw new DomainError(RosterErrors.ROSTER_NOT_MULTIPART);
    const maxBytes = this.config.rosterMaxUploadBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes + 1024 * 1024) {
      // Answer once the body is read and dropped: a client still sending when the answer comes can
      // see its connection reset instead of the 413.
      await new Promise<void>((done) => {
        req.once('end', done).once('close', done).once('error', () => done());
        req.resume();
      });
      throw new DomainError(RosterErrors.ROSTER_TOO_LARGE, `The upload is ${declared} bytes; the limit is ${maxBytes} bytes`, { limit: maxBytes });
    }

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let committed = false;
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    let claimed = false;
    try {
      const created = await sql<{ id: string }>(
        runner.manager,
        `INSERT INTO roster_imports (core_enterprise_id, status, file_name, file_type, file_size, file_sha256, uploaded_by, correlation_id)
         VALUES ($1, 'QUEUED', '', 'csv', 0, '', $2, $3) RETURNING id`,
        [coreEnterpriseId, JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }), actor.correlationId],
      );
      const importId = created.rows[0].id;
      const file = await this.receive(runner, importId, req, maxBytes);

      if (key) {
        const claim = await this.idempotency.claim(callerKey(actor), key, 'POST', req.path, createHash('sha256').update(`${file.sha256}\n${file.fileName}`).digest('hex'));
        if (claim.kind === 'replay') {
          await runner.rollbackTransaction();
          return { status: claim.status, body: claim.body as RosterImportView, replayed: true };
        }
        claimed = true;
      }

      await sql(runner.manager, `UPDATE roster_imports SET file_name = $2, file_type = $3, file_size = $4, file_sha256 = $5 WHERE id = $1`, [
        importId,
        file.fileName,
        file.fileType,
        file.size,
        file.sha256,
      ]);
      await this.jobs.send(runner.manager, ROSTER_IMPORT_QUEUE, { importId });
      await this.audit.record(runner.manager, actor, {
        action: 'ROSTER_UPLOADED',
        entityType: 'RosterImport',
        entityId: importId,
        coreEnterpriseId,
        after: { fileName: file.fileName, fileType: file.fileType, fileSize: file.size, sha256: file.sha256 },
      });
      const row = await sql<ImportRow>(runner.manager, `SELECT * FROM roster_imports WHERE id = $1`, [importId]);
      await runner.commitTransaction();
      committed = true;
      this.jobs.notify(ROSTER_IMPORT_QUEUE);
      const body = importView(row.rows[0]);
      if (key) await this.idempotency.complete(callerKey(actor), key, 202, body);
      return { status: 202, body, replayed: false };
    } catch (e) {
      if (!committed) await runner.rollbackTransaction().catch(() => undefined);
      if (claimed && key) await this.idempotency.release(callerKey(actor), key).catch(() => undefined);
      req.resume();
      throw e;
    } finally {
      await runner.release();
    }
  }

  private receive(runner: QueryRunner, importId: string, req: Request, maxBytes: number): Promise<StoredFile> {
    return new Promise<StoredFile>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        // defParamCharset: browsers and HTTP clients send the file name as raw UTF-8 (a Chinese name
        // such as 花名册.xlsx); busboy's default would read those bytes as Latin-1 and garble it.
        parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 30 } });
      } catch {
        reject(new DomainError(RosterErrors.ROSTER_NOT_MULTIPART));
        return;
      }
      let stored: Promise<StoredFile> | undefined;
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || stored) {
          stream.resume();
          return;
        }
        stored = this.store(runner, importId, stream, info.filename ?? '', info.mimeType ?? '', maxBytes);
        // keep reading the rest of the request even if storing fails, then report the failure
        stored.catch(() => stream.resume());
      });
      parser.on('error', () => reject(new DomainError(CommonErrors.MALFORMED_REQUEST, 'The multipart body is cut off or malformed')));
      parser.on('close', () => {
        if (!stored) reject(new DomainError(RosterErrors.ROSTER_FILE_MISSING));
        else stored.then(resolve, reject);
      });
      req.on('aborted', () => reject(new DomainError(RosterErrors.ROSTER_FILE_MISSING, 'The upload was interrupted')));
      req.pipe(parser);
    });
  }

  private async store(runner: QueryRunner, importId: string, stream: Readable & { truncated?: boolean }, fileName: string, mimeType: string, maxBytes: number): Promise<StoredFile> {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let type: 'csv' | 'xlsx' | 'unsupported' | undefined;
    let copy: BinaryCopyWriter | undefined;
    const flush = async () => {
      if (!pendingBytes) return;
      const chunk = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      copy ??= new BinaryCopyWriter(runner, `COPY roster_import_files (import_id, seq, chunk) FROM STDIN (FORMAT binary)`);
      await copy.row([{ uuid: importId }, { int4: seq++ }, chunk]);
    };
    try {
      // Leaving the loop early (unsupported type, a failed COPY) must not destroy the file stream:
      // busboy would then wait forever for it to read on, never finish the request and never answer.
      // Left alive, it is drained by the resume() calls and busboy reaches the end of the body.
      for await (const data of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        if (type === undefined) {
          type = fileTypeOf(fileName, mimeType, data.subarray(0, 8));
          if (type === 'unsupported') {
            stream.resume();
            throw new DomainError(RosterErrors.ROSTER_UNSUPPORTED_TYPE, `${fileName || 'The file'} is not a .csv or .xlsx roster (old .xls files: save as .xlsx or CSV)`);
          }
        }
        size += data.length;
        hash.update(data);
        pending.push(data);
        pendingBytes += data.length;
        if (pendingBytes >= STORE_CHUNK_BYTES) await flush();
      }
      if (stream.truncated) throw new DomainError(RosterErrors.ROSTER_TOO_LARGE, `The file is larger than the limit of ${maxBytes} bytes`, { limit: maxBytes });
      if (size === 0) {
        if (fileTypeOf(fileName, mimeType, Buffer.alloc(0)) === 'unsupported') throw new DomainError(RosterErrors.ROSTER_UNSUPPORTED_TYPE);
        throw new DomainError(RosterErrors.ROSTER_EMPTY_FILE, `${fileName || 'The file'} has no content`);
      }
      await flush();
      await copy?.end();
    } catch (e) {
      copy?.abort();
      throw e;
    }
    return { fileName: fileName || `roster.${type}`, fileType: type as 'csv' | 'xlsx', size, sha256: hash.digest('hex') };
  }

  async get(actor: Actor, importId: string): Promise<RosterImportView> {
    return importView(await this.load(actor, importId));
  }

  async list(actor: Actor, coreEnterpriseId: string, page: number, pageSize: number): Promise<Page<RosterImportView>> {
    assertVisible(actor, coreEnterpriseId, 'Core enterprise', coreEnterpriseId);
    const query = { columns: '*', from: 'roster_imports', where: ['core_enterprise_id = $1'], params: [coreEnterpriseId], orderBy: 'created_at DESC, id' };
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

  /** Every problem as CSV, in pages of 5,000 so that a large report never sits in memory. */
  async *errorsCsv(actor: Actor, importId: string): AsyncGenerator<string> {
    await this.load(actor, importId);
    yield CSV_BOM + csvLine(['row', 'supplier_code', 'field', 'code', 'message']);
    for (let after = -1; ; ) {
      const r = await sql<{ seq: number; row_number: number; supplier_code: string | null; field: string | null; code: string; message: string }>(
        this.dataSource.manager,
        `SELECT seq, row_number, supplier_code, field, code, message FROM roster_import_errors WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000`,
        [importId, after],
      );
      if (!r.rows.length) return;
      yield r.rows.map((e) => csvLine([e.row_number, e.supplier_code, e.field, e.code, e.message])).join('');
      after = r.rows[r.rows.length - 1].seq;
    }
  }

  /** A FAILED import runs again from its stored file. */
  async retry(actor: Actor, importId: string): Promise<RosterImportView> {
    const current = await this.load(actor, importId);
    return this.dataSource.transaction(async (m) => {
      const r = await sql<ImportRow>(
        m,
        `UPDATE roster_imports SET status = 'QUEUED', failure_code = NULL, failure_message = NULL, processed_rows = 0, updated_at = now()
          WHERE id = $1 AND status = 'FAILED' AND EXISTS (SELECT 1 FROM roster_import_files f WHERE f.import_id = $1)
          RETURNING *`,
        [importId],
      );
      if (!r.rows[0]) {
        throw new DomainError(RosterErrors.ROSTER_IMPORT_NOT_RETRYABLE, `Import ${importId} is ${current.status}; only a FAILED import can be retried`);
      }
      await sql(m, `DELETE FROM roster_import_errors WHERE import_id = $1`, [importId]);
      await this.jobs.send(m, ROSTER_IMPORT_QUEUE, { importId });
      await this.audit.record(m, actor, { action: 'ROSTER_IMPORT_RETRIED', entityType: 'RosterImport', entityId: importId, coreEnterpriseId: current.core_enterprise_id });
      return importView(r.rows[0]);
    });
  }

  private async load(actor: Actor, importId: string): Promise<ImportRow> {
    const r = await sql<ImportRow>(this.dataSource.manager, `SELECT * FROM roster_imports WHERE id = $1`, [importId]);
    const row = r.rows[0];
    if (!row) throw notFound('Roster import', importId);
    assertVisible(actor, row.core_enterprise_id, 'Roster import', importId);
    return row;
  }
}
