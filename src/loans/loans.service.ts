import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorSeenBy, assertVisible, systemActor, tenantOf, type Actor, type ActorRef } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { maskBankAccount, maskIdNumber } from '../common/identifiers.js';
import { Dec, money } from '../common/money.js';
import { Page } from '../common/pagination.js';
import { toProblem } from '../common/problem.js';
import { flattenValidationErrors, validationFailed } from '../common/validation.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import { SupplierScreeningService } from '../eligibility/supplier-screening.service.js';
import { ProgrammesService, type ProgrammeRecord } from '../programmes/programmes.service.js';
import { RosterImportProcessor } from '../rosters/roster-import.processor.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import { BatchItemDto, type SubmitLoanDto } from './dto.js';
import { assertLoanTransition, type LoanStatus } from './loan-state.js';
import { LoanErrors } from './loans.errors.js';

export interface LoanRow {
  id: string;
  programme_id: string;
  supplier_id: string;
  core_enterprise_id: string;
  amount: string;
  term_days: number;
  purpose: string | null;
  status: LoanStatus;
  annual_rate: string;
  guarantee_ratio: string;
  guaranteed_amount: string;
  ruleset_version: number;
  screening: Record<string, unknown>;
  failed_rules: string[];
  four_eyes_required: boolean | null;
  first_approved_by_id: string | null;
  first_approved_by: string | null;
  first_approved_by_role: string | null;
  first_approved_at: Date | null;
  approved_by_id: string | null;
  approved_by: string | null;
  approved_by_role: string | null;
  approved_at: Date | null;
  reserved: boolean;
  submitted_by: { kind: string; id: string; name: string; role: string };
  disbursed_at: Date | null;
  value_date: string | null;
  payee_name: string | null;
  payee_account: string | null;
  payee_bank: string | null;
  created_at: Date;
  updated_at: Date;
}

interface SupplierSummaryRow {
  supplier_code: string;
  supplier_name: string;
  supplier_type: string;
  supplier_id_number: string;
  current_eligible: boolean | null;
  current_limit: string | null;
  current_reserved: string | null;
  current_ruleset_version: number | null;
}

export interface HistoryEntry {
  from: LoanStatus | null;
  to: LoanStatus;
  actor: ActorRef;
  comment: string | null;
  reason: string | null;
  at: string;
}

const plainDecimal = (v: string) => new Dec(v).toString();

/** An approval step as `viewer` may see who gave it (only officers approve: always a user). */
function approvalSeenBy(viewer: Actor, id: string | null, name: string | null, role: string | null, at: Date | null) {
  if (!at) return null;
  const by = actorSeenBy(viewer, { kind: 'USER', id, name, role });
  return { by: by.name, byId: by.id, at: at.toISOString() };
}

/**
 * Supplier fields (as SUPPLIER_UPDATED names them) on which a lending decision rests: where the money
 * goes, who the borrower is, and every fact that screening or the limit reads. A phone number or a
 * farm's name are not among them.
 */
const REVIEW_TRIGGERS = new Set([
  'bankAccount',
  'bankName',
  'name',
  'supplierType',
  'idNumber',
  'legalRepIdNumber',
  'birthDate',
  'province',
  'herdSize',
  'yearsExperience',
  'deliveryMonths',
  'avgMonthlyDeliveryKg',
  'avgMonthlySettlement',
  'epidemicCertNo',
  'epidemicCertExpiry',
]);

/** An application as `viewer` sees it: to a core enterprise, the bank's staff show by role only. */
export function loanView(r: LoanRow & Partial<SupplierSummaryRow>, viewer: Actor) {
  const submitter = actorSeenBy(viewer, r.submitted_by);
  return {
    id: r.id,
    programmeId: r.programme_id,
    supplierId: r.supplier_id,
    coreEnterpriseId: r.core_enterprise_id,
    amount: money(r.amount),
    termDays: r.term_days,
    purpose: r.purpose,
    status: r.status,
    annualRate: plainDecimal(r.annual_rate),
    guaranteedAmount: money(r.guaranteed_amount),
    fourEyesRequired: r.four_eyes_required,
    reserved: r.reserved,
    screening: r.screening,
    failedRules: r.failed_rules,
    firstApproval: approvalSeenBy(viewer, r.first_approved_by_id, r.first_approved_by, r.first_approved_by_role, r.first_approved_at),
    approval: approvalSeenBy(viewer, r.approved_by_id, r.approved_by, r.approved_by_role, r.approved_at),
    submittedBy: { kind: submitter.kind, name: submitter.name, role: submitter.role },
    disbursedAt: r.disbursed_at?.toISOString() ?? null,
    valueDate: r.value_date,
    payee: r.payee_account ? { name: r.payee_name, bankAccount: maskBankAccount(r.payee_account), bankName: r.payee_bank } : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    ...(r.supplier_code !== undefined
      ? {
          supplier: {
            id: r.supplier_id,
            supplierCode: r.supplier_code,
            name: r.supplier_name,
            supplierType: r.supplier_type,
            idNumber: maskIdNumber(r.supplier_id_number),
          },
          currentScreening:
            r.current_eligible === null || r.current_eligible === undefined
              ? null
              : {
                  eligible: r.current_eligible,
                  creditLimit: money(r.current_limit!),
                  availableLimit: money(Dec.max(0, new Dec(r.current_limit!).minus(r.current_reserved ?? '0'))),
                  rulesetVersion: r.current_ruleset_version,
                },
        }
      : {}),
  };
}
export type LoanView = ReturnType<typeof loanView>;

const WITH_SUPPLIER_COLUMNS = `la.*, s.supplier_code, s.name AS supplier_name, s.supplier_type, s.id_number AS supplier_id_number,
  sr.eligible AS current_eligible, sr.credit_limit AS current_limit, se.reserved_amount AS current_reserved,
  sr.ruleset_version AS current_ruleset_version`;
const WITH_SUPPLIER_FROM = `loan_applications la
  JOIN suppliers s ON s.id = la.supplier_id
  LEFT JOIN screening_results sr ON sr.supplier_id = la.supplier_id AND sr.programme_id = la.programme_id
  LEFT JOIN supplier_exposure se ON se.supplier_id = la.supplier_id AND se.programme_id = la.programme_id`;
const WITH_SUPPLIER = `SELECT ${WITH_SUPPLIER_COLUMNS} FROM ${WITH_SUPPLIER_FROM}`;

/**
 * Loan applications from submission to approval. Money is only ever reserved by a final approval, in
 * the approving transaction, with conditional updates that cannot overshoot a limit whatever the
 * number of concurrent requests or service instances.
 */
@Injectable()
export class LoansService implements OnModuleInit {
  private readonly logger = new Logger('Loans');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
    private readonly suppliers: SuppliersService,
    private readonly eligibility: SupplierScreeningService,
    private readonly rosterImports: RosterImportProcessor,
  ) {}

  onModuleInit(): void {
    // in the import's own transaction: the roster change and its consequences commit together
    this.rosterImports.addHook({
      afterMerge: (m, importId, coreEnterpriseId) => this.sendBackChangedByRoster(m, importId, coreEnterpriseId),
    });
  }

  // ---------- submission ----------

  async submit(actor: Actor, dto: SubmitLoanDto): Promise<LoanView> {
    const programme = await this.programmes.get(actor, dto.programmeId);
    return this.dataSource.transaction((m) => this.submitIn(m, actor, programme, dto));
  }

  private async submitIn(
    m: EntityManager,
    actor: Actor,
    programme: ProgrammeRecord,
    dto: Omit<SubmitLoanDto, 'programmeId'>,
  ): Promise<LoanView> {
    const supplier = await this.suppliers.load(actor, dto.supplierId, m);
    if (supplier.core_enterprise_id !== programme.coreEnterpriseId) {
      throw new DomainError(
        LoanErrors.SUPPLIER_NOT_IN_PROGRAMME,
        `Supplier ${dto.supplierId} is not a supplier of this programme's core enterprise`,
      );
    }
    if (!programme.active) throw new DomainError(LoanErrors.PROGRAMME_INACTIVE, `Programme ${programme.name} is not active`);
    if (supplier.blacklisted)
      throw new DomainError(LoanErrors.SUPPLIER_BLACKLISTED, "The supplier is on the bank's blacklist: no application can be made for it");
    const amount = new Dec(dto.amount);
    if (amount.lt(programme.minAmount) || amount.gt(programme.maxAmount)) {
      throw new DomainError(LoanErrors.AMOUNT_OUT_OF_RANGE, `The amount must be from ${programme.minAmount} to ${programme.maxAmount}`, {
        errors: [
          { field: 'amount', code: 'AMOUNT_OUT_OF_RANGE', message: `amount must be from ${programme.minAmount} to ${programme.maxAmount}` },
        ],
      });
    }
    if (dto.termDays < programme.minTermDays || dto.termDays > programme.maxTermDays) {
      throw new DomainError(
        LoanErrors.TERM_OUT_OF_RANGE,
        `The term must be from ${programme.minTermDays} to ${programme.maxTermDays} days`,
        {
          errors: [
            {
              field: 'termDays',
              code: 'TERM_OUT_OF_RANGE',
              message: `termDays must be from ${programme.minTermDays} to ${programme.maxTermDays}`,
            },
          ],
        },
      );
    }

    const screening = await this.eligibility.screenSupplier(m, supplier.id, programme);
    await sql(m, `INSERT INTO supplier_exposure (supplier_id, programme_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      supplier.id,
      programme.id,
    ]);
    const exposure = await sql<{ reserved_amount: string }>(
      m,
      `SELECT reserved_amount FROM supplier_exposure WHERE supplier_id = $1 AND programme_id = $2`,
      [supplier.id, programme.id],
    );
    const available = Dec.max(0, new Dec(screening.creditLimit).minus(exposure.rows[0].reserved_amount));
    if (screening.eligible && amount.gt(available)) {
      throw new DomainError(LoanErrors.AMOUNT_EXCEEDS_AVAILABLE_LIMIT, `The supplier's available limit is ${money(available)}`, {
        availableLimit: money(available),
        errors: [
          {
            field: 'amount',
            code: 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT',
            message: `amount is above the available limit of ${money(available)}`,
          },
        ],
      });
    }
    const status: LoanStatus = screening.eligible ? 'PENDING_REVIEW' : 'REJECTED_INELIGIBLE';
    assertLoanTransition('SUBMITTED', status);
    const snapshot = {
      eligible: screening.eligible,
      creditLimit: screening.creditLimit,
      availableLimit: money(available),
      rulesetVersion: screening.rulesetVersion,
      evaluationDate: screening.evaluationDate,
      failedRules: screening.failedRules,
      results: screening.results,
    };
    const created = await sql<LoanRow>(
      m,
      `INSERT INTO loan_applications (programme_id, supplier_id, core_enterprise_id, amount, term_days, purpose, status, annual_rate,
                                      guarantee_ratio, guaranteed_amount, ruleset_version, screening, failed_rules, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
      [
        programme.id,
        supplier.id,
        programme.coreEnterpriseId,
        dto.amount,
        dto.termDays,
        dto.purpose ?? null,
        status,
        programme.annualRate,
        programme.guaranteeRatio,
        money(amount.times(programme.guaranteeRatio)),
        screening.rulesetVersion,
        JSON.stringify(snapshot),
        screening.failedRules,
        JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
      ],
    );
    const loan = created.rows[0];
    await this.history(m, loan.id, null, 'SUBMITTED', actor, {});
    await this.history(m, loan.id, 'SUBMITTED', status, actor, {
      reason: screening.eligible ? null : `failed rules: ${screening.failedRules.join(', ')}`,
    });
    await this.audit.record(m, actor, {
      action: 'LOAN_APPLICATION_SUBMITTED',
      entityType: 'LoanApplication',
      entityId: loan.id,
      coreEnterpriseId: loan.core_enterprise_id,
      after: {
        status,
        amount: money(loan.amount),
        termDays: loan.term_days,
        supplierId: loan.supplier_id,
        programmeId: loan.programme_id,
        failedRules: loan.failed_rules,
      },
    });
    return loanView(loan, actor);
  }

  /**
   * Each item in its own transaction: one bad item never sinks the others. Nor does an unexpected
   * error: the items before it are committed, so the answer must report them (and an Idempotency-Key
   * must replay it), with that item's error shown like any other, without internals.
   */
  async submitBatch(actor: Actor, programmeId: string, items: unknown[], correlationId: string) {
    const programme = await this.programmes.get(actor, programmeId);
    const results: { index: number; id?: string; status?: LoanStatus; error?: Record<string, unknown> }[] = [];
    for (let index = 0; index < items.length; index++) {
      try {
        const item = plainToInstance(BatchItemDto, items[index] ?? {});
        const problems =
          typeof items[index] === 'object' && items[index] !== null
            ? await validate(item, { whitelist: true, forbidNonWhitelisted: true })
            : [];
        if (typeof items[index] !== 'object' || items[index] === null)
          throw validationFailed([{ field: 'item', code: 'INVALID_OBJECT', message: 'each application must be an object' }]);
        if (problems.length) throw validationFailed(flattenValidationErrors(problems));
        const loan = await this.dataSource.transaction((m) => this.submitIn(m, actor, programme, item));
        results.push({ index, id: loan.id, status: loan.status });
      } catch (e) {
        const { problem, unexpected } = toProblem(e, correlationId);
        if (unexpected) this.logger.error({ err: e, correlationId, index }, 'bulk loan application item failed unexpectedly');
        const { type: _type, correlationId: _c, ...error } = problem;
        results.push({ index, error });
      }
    }
    return { results };
  }

  // ---------- reads ----------

  async list(
    actor: Actor,
    q: { status?: LoanStatus; programmeId?: string; supplierId?: string; coreEnterpriseId?: string; page: number; pageSize: number },
  ): Promise<Page<LoanView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const tenant = tenantOf(actor);
    if (tenant) where.push(`la.core_enterprise_id = $${params.push(tenant)}`);
    if (q.status) where.push(`la.status = $${params.push(q.status)}`);
    if (q.programmeId) where.push(`la.programme_id = $${params.push(q.programmeId)}`);
    if (q.supplierId) where.push(`la.supplier_id = $${params.push(q.supplierId)}`);
    if (q.coreEnterpriseId) where.push(`la.core_enterprise_id = $${params.push(q.coreEnterpriseId)}`);
    return pageOf(
      this.dataSource.manager,
      { columns: WITH_SUPPLIER_COLUMNS, from: WITH_SUPPLIER_FROM, where, params, orderBy: 'la.created_at, la.id' },
      q,
      (r: LoanRow & SupplierSummaryRow) => loanView(r, actor),
    );
  }

  async get(actor: Actor, id: string): Promise<LoanView & { history: HistoryEntry[] }> {
    const r = await sql<LoanRow & SupplierSummaryRow>(this.dataSource.manager, `${WITH_SUPPLIER} WHERE la.id = $1`, [id]);
    const loan = r.rows[0];
    if (!loan) throw notFound('Loan application', id);
    assertVisible(actor, loan.core_enterprise_id, 'Loan application', id);
    return { ...loanView(loan, actor), history: await this.historyOf(this.dataSource.manager, id, actor) };
  }

  async historyOf(m: EntityManager, id: string, viewer: Actor): Promise<HistoryEntry[]> {
    const h = await sql<{
      from_status: LoanStatus | null;
      to_status: LoanStatus;
      actor_kind: string;
      actor_id: string | null;
      actor_name: string | null;
      actor_role: string | null;
      comment: string | null;
      reason: string | null;
      at: Date;
    }>(m, `SELECT * FROM loan_application_history WHERE loan_application_id = $1 ORDER BY id`, [id]);
    return h.rows.map((x) => ({
      from: x.from_status,
      to: x.to_status,
      actor: actorSeenBy(viewer, { kind: x.actor_kind, id: x.actor_id, name: x.actor_name, role: x.actor_role }),
      comment: x.comment,
      reason: x.reason,
      at: x.at.toISOString(),
    }));
  }

  // ---------- decisions ----------

  async approve(actor: Actor, id: string, comment?: string): Promise<LoanView> {
    const approved = await this.dataSource.transaction(async (m) => {
      // The supplier's blacklisting is read from the supplier row itself: its stored screening may
      // predate it.
      const locked = await sql<LoanRow & { four_eyes_threshold: string; supplier_blacklisted: boolean }>(
        m,
        `SELECT la.*, p.four_eyes_threshold, s.blacklisted AS supplier_blacklisted
           FROM loan_applications la JOIN programmes p ON p.id = la.programme_id JOIN suppliers s ON s.id = la.supplier_id
          WHERE la.id = $1 FOR UPDATE OF la`,
        [id],
      );
      const loan = locked.rows[0];
      if (!loan) throw notFound('Loan application', id);
      assertVisible(actor, loan.core_enterprise_id, 'Loan application', id);
      let to: LoanStatus;
      if (loan.status === 'PENDING_REVIEW') {
        to = new Dec(loan.amount).gt(loan.four_eyes_threshold) ? 'PENDING_SECOND_APPROVAL' : 'APPROVED';
      } else if (loan.status === 'PENDING_SECOND_APPROVAL') {
        if (actor.role !== 'SENIOR_OFFICER') {
          throw new DomainError(
            LoanErrors.FOUR_EYES_SENIOR_REQUIRED,
            `Loan ${id} is above the four-eyes threshold and needs a SENIOR_OFFICER's approval`,
          );
        }
        if (loan.first_approved_by_id === actor.id) {
          throw new DomainError(
            LoanErrors.FOUR_EYES_SAME_APPROVER,
            'You gave the first approval; another senior officer must give the second',
          );
        }
        to = 'APPROVED';
      } else {
        throw new DomainError(LoanErrors.INVALID_TRANSITION, `Loan application cannot be approved while ${loan.status}`, {
          currentStatus: loan.status,
        });
      }
      if (loan.submitted_by.kind === actor.kind && loan.submitted_by.id === actor.id) {
        throw new DomainError(LoanErrors.FOUR_EYES_SUBMITTER, 'You submitted this application; another officer must approve it');
      }
      if (loan.supplier_blacklisted)
        throw new DomainError(LoanErrors.SUPPLIER_BLACKLISTED, "The supplier is on the bank's blacklist: it cannot be approved");
      assertLoanTransition(loan.status, to);

      let updated: LoanRow;
      if (to === 'PENDING_SECOND_APPROVAL') {
        // Nothing is reserved yet, but an approval that could not be completed helps nobody.
        await this.checkHeadroom(m, loan);
        updated = await this.changeStatus(
          m,
          loan,
          to,
          actor,
          { comment: comment ?? null },
          `four_eyes_required = true, first_approved_by_id = $10, first_approved_by = $11, first_approved_by_role = $12, first_approved_at = now()`,
        );
      } else {
        updated = await this.changeStatus(
          m,
          loan,
          to,
          actor,
          { comment: comment ?? null },
          // the payee is frozen here, from the supplier row as this transaction reads it
          `four_eyes_required = ${loan.status === 'PENDING_SECOND_APPROVAL'}, approved_by_id = $10, approved_by = $11, approved_by_role = $12, approved_at = now(), reserved = true,
           (payee_name, payee_account, payee_bank) = (SELECT s.name, s.bank_account, s.bank_name FROM suppliers s WHERE s.id = loan_applications.supplier_id)`,
        );
      }
      await this.audit.record(m, actor, {
        action: to === 'APPROVED' ? 'LOAN_APPLICATION_APPROVED' : 'LOAN_APPLICATION_FIRST_APPROVAL',
        entityType: 'LoanApplication',
        entityId: id,
        coreEnterpriseId: loan.core_enterprise_id,
        before: { status: loan.status },
        after: { status: to, amount: money(loan.amount), comment: comment ?? null },
      });
      // Reserve last, right before commit, so the shared counters are locked for as short as possible.
      if (to === 'APPROVED') await this.reserve(m, loan);
      return updated;
    });
    return loanView(approved, actor);
  }

  /**
   * The status change and its history row in one statement (`set` may use $10, $11 and $12: the
   * actor's id, name and role). Fewer round trips inside the approving transaction means shorter locks.
   */
  private async changeStatus(
    m: EntityManager,
    loan: LoanRow,
    to: LoanStatus,
    actor: Actor,
    note: { comment?: string | null; reason?: string | null },
    set: string,
  ): Promise<LoanRow> {
    const r = await sql<LoanRow>(
      m,
      `WITH u AS (
         UPDATE loan_applications SET status = $2, ${set}, updated_at = now() WHERE id = $1 RETURNING *
       ), h AS (
         INSERT INTO loan_application_history (loan_application_id, from_status, to_status, actor_kind, actor_id, actor_name, actor_role, comment, reason)
         SELECT id, $3, $2, $4, $5, $6, $7, $8, $9 FROM u
       )
       SELECT * FROM u`,
      [
        loan.id,
        to,
        loan.status,
        actor.kind,
        actor.id,
        actor.name,
        actor.role,
        note.comment ?? null,
        note.reason ?? null,
        actor.id,
        actor.name,
        actor.role,
      ],
    );
    return r.rows[0];
  }

  async reject(actor: Actor, id: string, reason: string): Promise<LoanView> {
    return this.decide(actor, id, 'REJECTED', reason, 'LOAN_APPLICATION_REJECTED');
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<LoanView> {
    return this.decide(actor, id, 'CANCELLED', reason, 'LOAN_APPLICATION_CANCELLED');
  }

  private async decide(actor: Actor, id: string, to: 'REJECTED' | 'CANCELLED', reason: string, action: string): Promise<LoanView> {
    return this.dataSource.transaction(async (m) => {
      const loan = await this.lock(m, actor, id);
      assertLoanTransition(loan.status, to);
      if (to === 'CANCELLED') {
        const open = await sql(
          m,
          `SELECT 1 FROM disbursement_items i JOIN disbursement_batches b ON b.id = i.batch_id
            WHERE i.loan_application_id = $1 AND b.status IN ('DRAFT', 'APPROVED', 'EXECUTING') AND i.status IN ('PENDING', 'SENT')`,
          [id],
        );
        if (open.rowCount)
          throw new DomainError(LoanErrors.LOAN_IN_OPEN_BATCH, 'The loan is in an open disbursement batch; it cannot be cancelled now');
      }
      await sql(m, `UPDATE loan_applications SET status = $2, reserved = false, updated_at = now() WHERE id = $1`, [id, to]);
      if (loan.reserved) await this.releaseMany(m, [loan]);
      await this.history(m, id, loan.status, to, actor, { reason });
      await this.audit.record(m, actor, {
        action,
        entityType: 'LoanApplication',
        entityId: id,
        coreEnterpriseId: loan.core_enterprise_id,
        before: { status: loan.status, reserved: loan.reserved },
        after: { status: to, reason, released: loan.reserved ? money(loan.amount) : null },
      });
      return this.viewIn(m, id, actor);
    });
  }

  // ---------- limits ----------

  /**
   * One statement reserves against the supplier's limit, then the programme cap, then the guarantee
   * cap, each a conditional update; any that cannot take the amount leaves the chain empty and the
   * transaction is rolled back. Always in this order, so concurrent approvals never deadlock.
   */
  async reserve(
    m: EntityManager,
    loan: Pick<LoanRow, 'id' | 'supplier_id' | 'programme_id' | 'core_enterprise_id' | 'amount' | 'guaranteed_amount'>,
  ): Promise<void> {
    // the supplier's exposure row exists from the submission on (submitIn creates it)
    const r = await sql<{ s: number; p: number; c: number }>(
      m,
      `WITH s AS (
         UPDATE supplier_exposure e SET reserved_amount = e.reserved_amount + $3
           FROM screening_results r
          WHERE e.supplier_id = $1 AND e.programme_id = $2 AND r.supplier_id = $1 AND r.programme_id = $2
            AND r.eligible AND e.reserved_amount + $3 <= r.credit_limit
         RETURNING 1
       ), p AS (
         UPDATE programme_exposure x SET outstanding_amount = x.outstanding_amount + $3
           FROM programmes pr
          WHERE x.programme_id = $2 AND pr.id = $2 AND x.outstanding_amount + $3 <= pr.programme_cap AND EXISTS (SELECT 1 FROM s)
         RETURNING 1
       ), c AS (
         UPDATE core_enterprise_exposure x SET guaranteed_exposure = x.guaranteed_exposure + $5
           FROM core_enterprises ce
          WHERE x.core_enterprise_id = $4 AND ce.id = $4 AND x.guaranteed_exposure + $5 <= ce.guarantee_cap AND EXISTS (SELECT 1 FROM p)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM s)::int AS s, (SELECT count(*) FROM p)::int AS p, (SELECT count(*) FROM c)::int AS c`,
      [loan.supplier_id, loan.programme_id, loan.amount, loan.core_enterprise_id, loan.guaranteed_amount],
    );
    const { s, p, c } = r.rows[0];
    if (s && p && c) return;
    if (!s) {
      const sr = await sql<{ eligible: boolean; credit_limit: string; reserved_amount: string }>(
        m,
        `SELECT r.eligible, r.credit_limit, e.reserved_amount FROM screening_results r
           JOIN supplier_exposure e USING (supplier_id, programme_id) WHERE r.supplier_id = $1 AND r.programme_id = $2`,
        [loan.supplier_id, loan.programme_id],
      );
      const row = sr.rows[0];
      if (!row?.eligible)
        throw new DomainError(LoanErrors.SUPPLIER_NOT_ELIGIBLE, 'The supplier no longer passes the programme rules; see its eligibility');
      throw new DomainError(
        LoanErrors.SUPPLIER_LIMIT_EXCEEDED,
        `The supplier's available limit is ${money(Dec.max(0, new Dec(row.credit_limit).minus(row.reserved_amount)))}`,
      );
    }
    if (!p)
      throw new DomainError(LoanErrors.PROGRAMME_CAP_EXCEEDED, `Approving ${money(loan.amount)} would take the programme above its cap`);
    throw new DomainError(
      LoanErrors.GUARANTEE_CAP_EXCEEDED,
      `Guaranteeing ${money(loan.guaranteed_amount)} more would take the core enterprise above its guarantee cap`,
    );
  }

  private async checkHeadroom(m: EntityManager, loan: LoanRow): Promise<void> {
    const r = await sql<{ eligible: boolean | null; supplier_ok: boolean | null; programme_ok: boolean; guarantee_ok: boolean }>(
      m,
      `SELECT r.eligible,
              r.credit_limit - coalesce(e.reserved_amount, 0) >= $3 AS supplier_ok,
              pr.programme_cap - px.outstanding_amount >= $3 AS programme_ok,
              ce.guarantee_cap - cx.guaranteed_exposure >= $5 AS guarantee_ok
         FROM programmes pr
         JOIN programme_exposure px ON px.programme_id = pr.id
         JOIN core_enterprises ce ON ce.id = $4
         JOIN core_enterprise_exposure cx ON cx.core_enterprise_id = ce.id
         LEFT JOIN screening_results r ON r.supplier_id = $1 AND r.programme_id = pr.id
         LEFT JOIN supplier_exposure e ON e.supplier_id = $1 AND e.programme_id = pr.id
        WHERE pr.id = $2`,
      [loan.supplier_id, loan.programme_id, loan.amount, loan.core_enterprise_id, loan.guaranteed_amount],
    );
    const h = r.rows[0];
    if (!h?.eligible)
      throw new DomainError(LoanErrors.SUPPLIER_NOT_ELIGIBLE, 'The supplier no longer passes the programme rules; see its eligibility');
    if (!h.supplier_ok) throw new DomainError(LoanErrors.SUPPLIER_LIMIT_EXCEEDED, "The amount is above the supplier's available limit");
    if (!h.programme_ok) throw new DomainError(LoanErrors.PROGRAMME_CAP_EXCEEDED, 'The programme cap has no room for this amount');
    if (!h.guarantee_ok)
      throw new DomainError(LoanErrors.GUARANTEE_CAP_EXCEEDED, "The core enterprise's guarantee cap has no room for this amount");
  }

  // ---------- roster changes ----------

  /**
   * A roster import that changed the payee, identity or credit facts of a supplier sends its loans that
   * were decided on the old facts, and are not yet being paid, back to review: PENDING_SECOND_APPROVAL
   * and APPROVED (outside any open batch) go to PENDING_REVIEW with their approvals and payee cleared
   * and their reservation released. A loan already in an open batch or paying keeps its frozen payee;
   * the batch shows the checker that the supplier's account changed.
   */
  async sendBackChangedByRoster(m: EntityManager, importId: string, coreEnterpriseId: string): Promise<void> {
    const live = await sql<{ id: string; supplier_id: string }>(
      m,
      `SELECT la.id, la.supplier_id FROM loan_applications la JOIN suppliers s ON s.id = la.supplier_id
        WHERE la.core_enterprise_id = $1 AND la.status IN ('PENDING_SECOND_APPROVAL', 'APPROVED') AND s.last_import_id = $2
        ORDER BY la.id FOR UPDATE OF la`,
      [coreEnterpriseId, importId],
    );
    if (!live.rowCount) return;
    const changed = await this.suppliers.changedByImport(m, importId, [...new Set(live.rows.map((l) => l.supplier_id))]);
    const triggersOf = new Map<string, string[]>();
    for (const [supplierId, fields] of changed) {
      const triggers = fields.filter((f) => REVIEW_TRIGGERS.has(f));
      if (triggers.length) triggersOf.set(supplierId, triggers);
    }
    const ids = live.rows.filter((l) => triggersOf.has(l.supplier_id)).map((l) => l.id);
    if (!ids.length) return;
    assertLoanTransition('APPROVED', 'PENDING_REVIEW');
    assertLoanTransition('PENDING_SECOND_APPROVAL', 'PENDING_REVIEW');
    // A statement of its own, after the locks: a batch made meanwhile has committed its items by now.
    const r = await sql<LoanRow & { from_status: LoanStatus; was_reserved: boolean }>(
      m,
      `WITH old AS (
         SELECT la.id, la.status, la.reserved FROM loan_applications la
          WHERE la.id = ANY($1::uuid[]) AND la.status IN ('PENDING_SECOND_APPROVAL', 'APPROVED')
            AND NOT EXISTS (SELECT 1 FROM disbursement_items i WHERE i.loan_application_id = la.id AND i.status IN ('PENDING', 'SENT'))
       )
       UPDATE loan_applications la SET status = 'PENDING_REVIEW', reserved = false, four_eyes_required = NULL,
              first_approved_by_id = NULL, first_approved_by = NULL, first_approved_at = NULL,
              approved_by_id = NULL, approved_by = NULL, approved_at = NULL,
              payee_name = NULL, payee_account = NULL, payee_bank = NULL, updated_at = now()
         FROM old WHERE la.id = old.id
       RETURNING la.*, old.status AS from_status, old.reserved AS was_reserved`,
      [ids],
    );
    if (!r.rowCount) return;
    const loans = r.rows;
    await this.releaseMany(
      m,
      loans.filter((l) => l.was_reserved),
    );
    const actor = systemActor(importId, 'roster-import');
    const fieldsOf = (l: LoanRow) => triggersOf.get(l.supplier_id)!;
    await sql(
      m,
      `INSERT INTO loan_application_history (loan_application_id, from_status, to_status, actor_kind, actor_id, actor_name, actor_role, reason)
       SELECT id, from_status, 'PENDING_REVIEW', $3, $4, $5, $6, reason FROM unnest($1::uuid[], $2::text[], $7::text[]) AS t(id, from_status, reason)`,
      [
        loans.map((l) => l.id),
        loans.map((l) => l.from_status),
        actor.kind,
        actor.id,
        actor.name,
        actor.role,
        loans.map((l) => `roster import ${importId} changed ${fieldsOf(l).join(', ')}`),
      ],
    );
    await this.audit.recordMany(
      m,
      actor,
      loans.map((l) => ({
        action: 'LOAN_APPLICATION_SENT_BACK',
        entityType: 'LoanApplication',
        entityId: l.id,
        coreEnterpriseId: l.core_enterprise_id,
        before: { status: l.from_status, reserved: l.was_reserved },
        after: { status: 'PENDING_REVIEW', importId, changedFields: fieldsOf(l), released: l.was_reserved ? money(l.amount) : null },
      })),
    );
  }

  // ---------- for disbursements ----------

  /** Locks and returns loans by id (in id order, the lock order every caller uses). */
  async lockMany(m: EntityManager, ids: string[]): Promise<LoanRow[]> {
    const r = await sql<LoanRow>(m, `SELECT * FROM loan_applications WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    return r.rows;
  }

  /**
   * Moves many loans from one status to another for the payment process (batch execution, settlement,
   * payment failure), with a history row each; answers the loans that were in `from` and moved.
   * With `release`, their reservations are given back (a failed payment).
   */
  async bulkTransition(
    m: EntityManager,
    ids: string[],
    from: LoanStatus,
    to: LoanStatus,
    actor: Actor,
    extra: { reason?: string | null; reasons?: (string | null)[]; valueDate?: string; release?: boolean } = {},
  ): Promise<LoanRow[]> {
    assertLoanTransition(from, to);
    if (!ids.length) return [];
    const r = await sql<LoanRow & { was_reserved: boolean }>(
      m,
      `WITH old AS (
         SELECT id, reserved FROM loan_applications WHERE id = ANY($1::uuid[]) AND status = $2 ORDER BY id FOR UPDATE
       )
       UPDATE loan_applications la SET status = $3,
              reserved = CASE WHEN $4 THEN false ELSE la.reserved END,
              disbursed_at = CASE WHEN $3 = 'DISBURSED' THEN now() ELSE la.disbursed_at END,
              value_date = CASE WHEN $3 = 'DISBURSED' THEN $5::date ELSE la.value_date END,
              updated_at = now()
         FROM old WHERE la.id = old.id
       RETURNING la.*, old.reserved AS was_reserved`,
      [ids, from, to, extra.release === true, extra.valueDate ?? null],
    );
    const moved = r.rows;
    if (!moved.length) return [];
    if (extra.release)
      await this.releaseMany(
        m,
        moved.filter((l) => l.was_reserved),
      );
    const reasonOf = new Map(ids.map((id, i) => [id, extra.reasons?.[i] ?? extra.reason ?? null]));
    await sql(
      m,
      `INSERT INTO loan_application_history (loan_application_id, from_status, to_status, actor_kind, actor_id, actor_name, actor_role, reason)
       SELECT id, $2, $3, $4, $5, $6, $7, reason FROM unnest($1::uuid[], $8::text[]) AS t(id, reason)`,
      [moved.map((l) => l.id), from, to, actor.kind, actor.id, actor.name, actor.role, moved.map((l) => reasonOf.get(l.id) ?? null)],
    );
    return moved;
  }

  /**
   * Gives back the reservations of many loans at once. Supplier rows are locked first in key order,
   * then the programme and core enterprise counters, the same order approvals take, so the two never
   * deadlock.
   */
  async releaseMany(
    m: EntityManager,
    loans: Pick<LoanRow, 'supplier_id' | 'programme_id' | 'core_enterprise_id' | 'amount' | 'guaranteed_amount'>[],
  ): Promise<void> {
    if (!loans.length) return;
    const params = [
      loans.map((l) => l.supplier_id),
      loans.map((l) => l.programme_id),
      loans.map((l) => l.core_enterprise_id),
      loans.map((l) => l.amount),
      loans.map((l) => l.guaranteed_amount),
    ];
    const rows = `unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[], $5::numeric[]) AS t(s, p, c, amount, guaranteed)`;
    await sql(
      m,
      `SELECT 1 FROM supplier_exposure e JOIN (SELECT DISTINCT s, p FROM ${rows}) v ON e.supplier_id = v.s AND e.programme_id = v.p ORDER BY e.supplier_id, e.programme_id FOR UPDATE OF e`,
      params,
    );
    await sql(
      m,
      `UPDATE supplier_exposure e SET reserved_amount = e.reserved_amount - v.amount FROM (SELECT s, p, sum(amount) AS amount FROM ${rows} GROUP BY s, p) v WHERE e.supplier_id = v.s AND e.programme_id = v.p`,
      params,
    );
    await sql(
      m,
      `UPDATE programme_exposure x SET outstanding_amount = x.outstanding_amount - v.amount FROM (SELECT p, sum(amount) AS amount FROM ${rows} GROUP BY p) v WHERE x.programme_id = v.p`,
      params,
    );
    await sql(
      m,
      `UPDATE core_enterprise_exposure x SET guaranteed_exposure = x.guaranteed_exposure - v.guaranteed FROM (SELECT c, sum(guaranteed) AS guaranteed FROM ${rows} GROUP BY c) v WHERE x.core_enterprise_id = v.c`,
      params,
    );
  }

  /** Reserves again for a loan whose payment failed (its reservation went back then); in a savepoint when asked. */
  async reserveAgain(m: EntityManager, loan: LoanRow, opts: { savepoint?: boolean } = {}): Promise<boolean> {
    if (loan.reserved) return true;
    if (opts.savepoint) await sql(m, `SAVEPOINT reserve_again`);
    try {
      await this.reserve(m, loan);
      await sql(m, `UPDATE loan_applications SET reserved = true, updated_at = now() WHERE id = $1`, [loan.id]);
      if (opts.savepoint) await sql(m, `RELEASE SAVEPOINT reserve_again`);
      return true;
    } catch (e) {
      if (!opts.savepoint || !(e instanceof DomainError)) throw e;
      await sql(m, `ROLLBACK TO SAVEPOINT reserve_again`);
      return false;
    }
  }

  // ---------- helpers ----------

  private async lock(m: EntityManager, actor: Actor, id: string): Promise<LoanRow> {
    const r = await sql<LoanRow>(m, `SELECT * FROM loan_applications WHERE id = $1 FOR UPDATE`, [id]);
    const loan = r.rows[0];
    if (!loan) throw notFound('Loan application', id);
    assertVisible(actor, loan.core_enterprise_id, 'Loan application', id);
    return loan;
  }

  private async viewIn(m: EntityManager, id: string, viewer: Actor): Promise<LoanView> {
    const r = await sql<LoanRow & SupplierSummaryRow>(m, `${WITH_SUPPLIER} WHERE la.id = $1`, [id]);
    return loanView(r.rows[0], viewer);
  }

  private async history(
    m: EntityManager,
    loanId: string,
    from: LoanStatus | null,
    to: LoanStatus,
    actor: Actor,
    extra: { comment?: string | null; reason?: string | null },
  ): Promise<void> {
    await sql(
      m,
      `INSERT INTO loan_application_history (loan_application_id, from_status, to_status, actor_kind, actor_id, actor_name, actor_role, comment, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [loanId, from, to, actor.kind, actor.id, actor.name, actor.role, extra.comment ?? null, extra.reason ?? null],
    );
  }
}
