import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ClockService } from '../clock/clock.service.js';
import { AccessService, CORE_ENTERPRISE, resource } from '../common/access/access.service.js';
import { actorSeenBy, type Actor, type ActorRef } from '../common/access/actor.js';
import { csvLine, CSV_BOM } from '../common/csv.js';
import { DomainError, notFound } from '../common/errors.js';
import { fenOfMoney } from '../common/money.js';
import type { Page } from '../common/pagination.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { pageOf } from '../database/paging.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { RosterTempFiles } from '../rosters/temp-files.js';
import { UploadSlots } from '../rosters/upload-limits.js';
import { settlementReference } from '../servicing/prepared-repayment.js';
import { ServicingService } from '../servicing/servicing.service.js';
import { SETTLEMENT_COMPUTE_QUEUE, type ComputeJob } from './settlement-compute.processor.js';
import type { SettlementProblem } from './settlement-file.js';
import type { SettlementStatus } from './settlement-state.js';
import { receiveUpload, type ReceivedFile } from '../rosters/upload-receive.js';
import { storeUpload } from '../rosters/import/stored-roster.js';
import { SETTLEMENT_FILES, SETTLEMENT_UPLOAD_PROBLEMS } from './settlement-upload.js';
import { SettlementErrors } from './settlements.errors.js';

const SETTLEMENT = resource('Settlement', 'settlements');
const BUSY_RETRY_AFTER_SECONDS = 5;

interface SettlementRow {
  id: string;
  core_enterprise_id: string;
  status: SettlementStatus;
  file_name: string;
  file_type: 'csv' | 'xlsx';
  file_size: string;
  compute_seq: number;
  business_date: string | null;
  rows: number | null;
  matched_rows: number | null;
  total_payable: string | null;
  total_deduction: string | null;
  failure_code: string | null;
  failure_message: string | null;
  problem_count: number;
  problems: SettlementProblem[];
  remitted_amount: string | null;
  confirmed_by: ActorRef | null;
  confirmed_at: Date | null;
  computed_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, core_enterprise_id, status, file_name, file_type, file_size, compute_seq, business_date::text, rows, matched_rows,
  total_payable::text, total_deduction::text, failure_code, failure_message, problem_count, problems, remitted_amount::text,
  confirmed_by, confirmed_at, computed_at, created_at`;

export interface SettlementView {
  settlementId: string;
  id: string;
  coreEnterpriseId: string;
  status: SettlementStatus;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  fileSize: number;
  businessDate: string | null;
  rows: number | null;
  matchedRows: number | null;
  totalPayable: string | null;
  totalDeduction: string | null;
  failure: { code: string; message: string } | null;
  problemCount: number;
  problems: SettlementProblem[];
  remittedAmount: string | null;
  /** The bank's staff appear to a core enterprise by role only (actorSeenBy). */
  confirmedBy: ActorRef | null;
  confirmedAt: string | null;
  computedAt: string | null;
  createdAt: string;
}

function view(r: SettlementRow, viewer: Actor): SettlementView {
  return {
    settlementId: r.id,
    id: r.id,
    coreEnterpriseId: r.core_enterprise_id,
    status: r.status,
    fileName: r.file_name,
    fileType: r.file_type,
    fileSize: Number(r.file_size),
    businessDate: r.business_date,
    rows: r.rows,
    matchedRows: r.matched_rows,
    totalPayable: r.total_payable,
    totalDeduction: r.total_deduction,
    failure: r.failure_code ? { code: r.failure_code, message: r.failure_message ?? '' } : null,
    problemCount: r.problem_count,
    problems: r.problems,
    remittedAmount: r.remitted_amount,
    confirmedBy: r.confirmed_by && actorSeenBy(viewer, r.confirmed_by),
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
    computedAt: r.computed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

interface StoredAllocation {
  loanApplicationId: string;
  penalty: string;
  interest: string;
  principal: string;
  prepay: boolean;
}

export interface SettlementLineView {
  row: number;
  supplierCode: string;
  supplierId: string | null;
  period: string | null;
  payable: string;
  deduction: string;
  netPayable: string;
  allocations: { loanApplicationId: string; penalty: string; interest: string; principal: string }[];
  note: string | null;
}

interface LineRow {
  row: number;
  supplier_code: string;
  supplier_id: string | null;
  period: string | null;
  payable: string;
  deduction: string;
  net_payable: string;
  allocations: StoredAllocation[];
  note: string | null;
}

function lineView(r: LineRow): SettlementLineView {
  return {
    row: r.row,
    supplierCode: r.supplier_code,
    supplierId: r.supplier_id,
    period: r.period,
    payable: r.payable,
    deduction: r.deduction,
    netPayable: r.net_payable,
    allocations: r.allocations.map(({ loanApplicationId, penalty, interest, principal }) => ({
      loanApplicationId,
      penalty,
      interest,
      principal,
    })),
    note: r.note,
  };
}

/**
 * Settlement files: the upload (stored like a roster, computed by SettlementComputeProcessor), the
 * lines and the core enterprise's payment run, and the staff's confirmation that the remittance
 * arrived, which posts every allocation through servicing in one transaction.
 */
@Injectable()
export class SettlementsService {
  private readonly slots: UploadSlots;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: ClockService,
    private readonly access: AccessService,
    private readonly tempFiles: RosterTempFiles,
    private readonly servicing: ServicingService,
  ) {
    this.slots = new UploadSlots(config.roster.maxConcurrentUploads, config.roster.maxConcurrentUploadsPerCoreEnterprise);
  }

  /** Received into a temporary file first (no connection held while the client sends), then stored and queued in one transaction. */
  async upload(actor: Actor, coreEnterpriseId: string, req: Request): Promise<{ settlementId: string; status: SettlementStatus }> {
    await this.access.requireAccess(actor, CORE_ENTERPRISE, coreEnterpriseId);
    const ce = await sql(this.dataSource.manager, `SELECT 1 FROM core_enterprises WHERE id = $1`, [coreEnterpriseId]);
    if (!ce.rowCount) throw notFound('Core enterprise', coreEnterpriseId);
    if (!req.is('multipart/form-data')) throw new DomainError(SettlementErrors.SETTLEMENT_NOT_MULTIPART);
    const slot = this.slots.take(coreEnterpriseId);
    if (!slot.granted) {
      throw new DomainError(SettlementErrors.SETTLEMENT_UPLOADS_BUSY, undefined, {
        headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), Connection: 'close' },
      });
    }
    const file = this.tempFiles.file('settlement');
    try {
      const { uploadIdleSeconds, uploadMinBytesPerSecond } = this.config.roster;
      const idleMs = uploadIdleSeconds * 1000;
      const received = await receiveUpload(
        req,
        this.config.rosterMaxUploadBytes,
        file,
        { idleMs, minBytesPerSecond: uploadMinBytesPerSecond, graceMs: idleMs },
        SETTLEMENT_UPLOAD_PROBLEMS,
      );
      return await this.storeAndQueue(actor, coreEnterpriseId, file, received);
    } finally {
      slot.release();
      await this.tempFiles.remove(file);
    }
  }

  private async storeAndQueue(actor: Actor, coreEnterpriseId: string, file: string, received: ReceivedFile) {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const m = runner.manager;
      const created = await sql<{ id: string }>(
        m,
        `INSERT INTO settlements (core_enterprise_id, status, file_name, file_type, file_size, file_sha256, uploaded_by)
         VALUES ($1, 'QUEUED', $2, $3, $4, $5, $6) RETURNING id`,
        [
          coreEnterpriseId,
          received.fileName,
          received.fileType,
          received.size,
          received.sha256,
          JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
        ],
      );
      const settlementId = created.rows[0].id;
      await storeUpload(runner, SETTLEMENT_FILES, { id: settlementId, coreEnterpriseId }, file);
      await this.jobs.send<ComputeJob>(m, SETTLEMENT_COMPUTE_QUEUE, { settlementId, seq: 1 });
      await this.audit.record(m, actor, {
        action: 'SETTLEMENT_UPLOADED',
        entityType: 'Settlement',
        entityId: settlementId,
        coreEnterpriseId,
        after: { fileName: received.fileName, fileType: received.fileType, fileSize: received.size, sha256: received.sha256 },
      });
      await runner.commitTransaction();
      this.jobs.notify(SETTLEMENT_COMPUTE_QUEUE);
      return { settlementId, status: 'QUEUED' as const };
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  async get(actor: Actor, settlementId: string): Promise<SettlementView> {
    return view(await this.load(actor, settlementId), actor);
  }

  async lines(actor: Actor, settlementId: string, page: number, pageSize: number): Promise<Page<SettlementLineView>> {
    await this.load(actor, settlementId);
    const query = {
      columns: `row, supplier_code, supplier_id, period, payable::text, deduction::text, net_payable::text, allocations, note`,
      from: 'settlement_lines',
      where: ['settlement_id = $1'],
      params: [settlementId],
      orderBy: 'row',
    };
    return pageOf(this.dataSource.manager, query, { page, pageSize }, lineView);
  }

  /** The core enterprise's payment run: what to pay each supplier, in pages so a large file never sits in memory. */
  async *paymentRunCsv(actor: Actor, settlementId: string): AsyncGenerator<string> {
    await this.load(actor, settlementId);
    yield CSV_BOM + csvLine(['row', 'supplier_code', 'period', 'payable', 'deduction', 'net_payable', 'note']);
    for (let after = 0; ;) {
      const r = await sql<LineRow>(
        this.dataSource.manager,
        `SELECT row, supplier_code, period, payable::text, deduction::text, net_payable::text, note
           FROM settlement_lines WHERE settlement_id = $1 AND row > $2 ORDER BY row LIMIT 5000`,
        [settlementId, after],
      );
      if (!r.rows.length) return;
      yield r.rows.map((l) => csvLine([l.row, l.supplier_code, l.period, l.payable, l.deduction, l.net_payable, l.note])).join('');
      after = r.rows[r.rows.length - 1].row;
    }
  }

  /**
   * The bank saw the remittance arrive: every allocation is posted as a repayment valued on the
   * business date the settlement was computed on, in one transaction, and only if no loan it read
   * has moved since. The settlement row is locked first, so a second confirmation waits and then
   * finds it CONFIRMED (409): the money is posted once.
   */
  async confirm(actor: Actor, settlementId: string, remittedAmount: string): Promise<SettlementView> {
    await this.access.requireAccess(actor, SETTLEMENT, settlementId);
    return this.dataSource.transaction(async (m) => {
      const locked = await sql<SettlementRow>(m, `SELECT ${COLUMNS} FROM settlements WHERE id = $1 FOR UPDATE`, [settlementId]);
      const s = locked.rows[0];
      if (!s) throw notFound(SETTLEMENT.what, settlementId);
      if (s.status === 'CONFIRMED')
        throw new DomainError(SettlementErrors.SETTLEMENT_ALREADY_CONFIRMED, `Settlement ${settlementId} was confirmed already`, {
          confirmedAt: s.confirmed_at?.toISOString(),
        });
      if (s.status !== 'COMPUTED')
        throw new DomainError(SettlementErrors.SETTLEMENT_NOT_COMPUTED, `Settlement ${settlementId} is ${s.status}`, {
          currentStatus: s.status,
        });
      if (fenOfMoney(remittedAmount) !== fenOfMoney(s.total_deduction!)) {
        throw new DomainError(
          SettlementErrors.SETTLEMENT_AMOUNT_MISMATCH,
          `${remittedAmount} arrived; the settlement's total deduction is ${s.total_deduction}`,
          { totalDeduction: s.total_deduction },
        );
      }
      const today = await this.clock.today(this.config.businessTimeZone, m);
      if (today !== s.business_date) {
        throw new DomainError(
          SettlementErrors.SETTLEMENT_STALE,
          `The settlement was computed on ${s.business_date}; the business date is now ${today}. Recompute it, then confirm.`,
          { businessDate: s.business_date, today },
        );
      }
      // what follows sorts, joins and sums a row per loan, hundreds of thousands of them: in memory
      await sql(m, `SET LOCAL work_mem = '64MB'`);
      const moved = await this.lockAndCompareLoans(m, settlementId);
      if (moved.length) {
        throw new DomainError(
          SettlementErrors.SETTLEMENT_STALE,
          `${moved.length} loan(s) of the settlement changed since it was computed. Recompute it, then confirm.`,
          { loanApplicationIds: moved.slice(0, 20) },
        );
      }
      await this.post(m, s, actor);
      const done = await sql<SettlementRow>(
        m,
        `UPDATE settlements SET status = 'CONFIRMED', remitted_amount = $2, confirmed_by = $3, confirmed_at = clock_timestamp(), updated_at = now()
          WHERE id = $1 AND status = 'COMPUTED' RETURNING ${COLUMNS}`,
        [settlementId, remittedAmount, JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role })],
      );
      await this.audit.record(m, actor, {
        action: 'SETTLEMENT_CONFIRMED',
        entityType: 'Settlement',
        entityId: settlementId,
        coreEnterpriseId: s.core_enterprise_id,
        before: { status: s.status },
        after: { status: 'CONFIRMED', remittedAmount, totalDeduction: s.total_deduction, businessDate: s.business_date },
      });
      return view(done.rows[0], actor);
    });
  }

  /**
   * Locks every loan the computation read, in loan id order (the order repayments and the end of
   * day lock them), and answers those whose servicing state is not the one it read. One statement:
   * a row changed by a transaction that committed while this one waited for its lock is compared as
   * it is now.
   */
  private async lockAndCompareLoans(m: EntityManager, settlementId: string): Promise<string[]> {
    const r = await sql<{ moved: string[] }>(
      m,
      `SELECT coalesce(array_agg(id ORDER BY id) FILTER (WHERE moved), '{}') AS moved
         FROM (SELECT ls.loan_application_id AS id, ls.xmin::text <> sl.read_version OR ls.status <> 'DISBURSED' AS moved
                 FROM settlement_loans sl JOIN loan_servicing ls ON ls.loan_application_id = sl.loan_application_id
                WHERE sl.settlement_id = $1 ORDER BY ls.loan_application_id FOR UPDATE OF ls) AS locked`,
      [settlementId],
    );
    return r.rows[0].moved;
  }

  /**
   * Posts the repayments the computation prepared, one per loan with an allocation, through
   * servicing in a few set-based statements (every loan is locked and unchanged since). What they add
   * up to must be the total deduction the lines show and the remittance equals.
   */
  private async post(m: EntityManager, s: SettlementRow, actor: Actor): Promise<void> {
    const total = await sql<{ fen: string }>(
      m,
      `SELECT coalesce(sum(penalty + interest + principal), 0)::text AS fen FROM settlement_loans WHERE settlement_id = $1`,
      [s.id],
    );
    // the computation writes lines and prepared repayments together, so this is a bug: nothing is posted
    if (BigInt(total.rows[0].fen) !== fenOfMoney(s.total_deduction!))
      throw new Error(`settlement ${s.id}: prepared repayments of ${total.rows[0].fen} fen for a deduction of ${s.total_deduction}`);
    await this.servicing.postPrepared(
      m,
      {
        select: `SELECT loan_application_id, supplier_id, programme_id, core_enterprise_id, penalty, interest, principal, next_state,
                        next_status, next_principal_outstanding, next_dpd, next_overdue, next_classification, freed_amount, freed_guaranteed
                   FROM settlement_loans WHERE settlement_id = $1 AND next_state IS NOT NULL ORDER BY loan_application_id`,
        params: [s.id],
      },
      { businessDate: s.business_date!, reference: settlementReference(s.id), coreEnterpriseId: s.core_enterprise_id, actor },
    );
  }

  /** Queues a COMPUTED or FAILED settlement to be computed again, on today's states. */
  async recompute(actor: Actor, settlementId: string): Promise<SettlementView> {
    await this.load(actor, settlementId);
    const queued = await this.dataSource.transaction(async (m) => {
      const r = await sql<SettlementRow>(
        m,
        `UPDATE settlements SET status = 'QUEUED', compute_seq = compute_seq + 1, failure_code = NULL, failure_message = NULL,
                problems = '[]', problem_count = 0, business_date = NULL, rows = NULL, matched_rows = NULL, total_payable = NULL,
                total_deduction = NULL, computed_at = NULL, updated_at = now()
          WHERE id = $1 AND status IN ('COMPUTED', 'FAILED') RETURNING ${COLUMNS}`,
        [settlementId],
      );
      const s = r.rows[0];
      if (!s) {
        const now = await sql<{ status: string }>(m, `SELECT status FROM settlements WHERE id = $1`, [settlementId]);
        throw new DomainError(SettlementErrors.SETTLEMENT_NOT_RECOMPUTABLE, `Settlement ${settlementId} is ${now.rows[0]?.status}`, {
          currentStatus: now.rows[0]?.status,
        });
      }
      await sql(m, `DELETE FROM settlement_lines WHERE settlement_id = $1`, [settlementId]);
      await sql(m, `DELETE FROM settlement_loans WHERE settlement_id = $1`, [settlementId]);
      await this.jobs.send<ComputeJob>(m, SETTLEMENT_COMPUTE_QUEUE, { settlementId, seq: s.compute_seq });
      await this.audit.record(m, actor, {
        action: 'SETTLEMENT_RECOMPUTE_REQUESTED',
        entityType: 'Settlement',
        entityId: settlementId,
        coreEnterpriseId: s.core_enterprise_id,
      });
      return view(s, actor);
    });
    this.jobs.notify(SETTLEMENT_COMPUTE_QUEUE);
    return queued;
  }

  private async load(actor: Actor, settlementId: string): Promise<SettlementRow> {
    await this.access.requireAccess(actor, SETTLEMENT, settlementId);
    const r = await sql<SettlementRow>(this.dataSource.manager, `SELECT ${COLUMNS} FROM settlements WHERE id = $1`, [settlementId]);
    if (!r.rows[0]) throw notFound(SETTLEMENT.what, settlementId);
    return r.rows[0];
  }
}
