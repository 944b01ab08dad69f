import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { resource } from '../common/access/access.service.js';
import { actorSeenBy, type Actor, type ActorRef } from '../common/access/actor.js';
import { notFound } from '../common/errors.js';
import { maskBankAccount, maskIdNumber } from '../common/identifiers.js';
import { Dec, money } from '../common/money.js';
import { sql } from '../database/sql.js';
import { availableLimit, hasOverdueLoanSql } from '../exposure/available-limit.js';
import type { ExposureService } from '../exposure/exposure.service.js';
import type { LoanStatus } from './loan-state.js';

/** What every loans service asks AccessService about before it reads or changes an application. */
export const LOAN_APPLICATION = resource('Loan application', 'loan_applications');

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
  purchase_order_id: string | null;
  /** The servicing terms, frozen at the final approval (null before it). */
  day_count_basis: 'ACT/360' | 'ACT/365' | null;
  repayment_type: 'INTEREST_MONTHLY' | 'BULLET' | null;
  interest_day: number | null;
  grace_days: number | null;
  penalty_rate_multiplier: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SupplierSummaryRow {
  supplier_code: string;
  supplier_name: string;
  supplier_type: string;
  supplier_id_number: string;
  current_eligible: boolean | null;
  current_limit: string | null;
  current_reserved: string | null;
  current_frozen?: boolean;
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
    // a dealer loan's order (DOWNSTREAM programmes); absent on a supplier loan
    ...(r.purchase_order_id ? { purchaseOrderId: r.purchase_order_id } : {}),
    terms: r.repayment_type
      ? {
          annualRate: plainDecimal(r.annual_rate),
          dayCountBasis: r.day_count_basis,
          repaymentType: r.repayment_type,
          interestDay: r.interest_day,
          graceDays: r.grace_days,
          penaltyRateMultiplier: plainDecimal(r.penalty_rate_multiplier!),
        }
      : null,
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
                  availableLimit: money(availableLimit(r.current_limit!, r.current_reserved, r.current_frozen)),
                  rulesetVersion: r.current_ruleset_version,
                },
        }
      : {}),
  };
}
export type LoanView = ReturnType<typeof loanView>;

export const WITH_SUPPLIER_COLUMNS = `la.*, s.supplier_code, s.name AS supplier_name, s.supplier_type, s.id_number AS supplier_id_number,
  sr.eligible AS current_eligible, sr.credit_limit AS current_limit, se.reserved_amount AS current_reserved,
  sr.ruleset_version AS current_ruleset_version, ${hasOverdueLoanSql('la.supplier_id')} AS current_frozen`;
export const WITH_SUPPLIER_FROM = `loan_applications la
  JOIN suppliers s ON s.id = la.supplier_id
  LEFT JOIN screening_results sr ON sr.supplier_id = la.supplier_id AND sr.programme_id = la.programme_id
  LEFT JOIN supplier_exposure se ON se.supplier_id = la.supplier_id AND se.programme_id = la.programme_id`;
export const WITH_SUPPLIER = `SELECT ${WITH_SUPPLIER_COLUMNS} FROM ${WITH_SUPPLIER_FROM}`;

/** Locks an application the caller has been let at (AccessService) for the rest of the transaction. */
export async function lockLoan(m: EntityManager, id: string): Promise<LoanRow> {
  const r = await sql<LoanRow>(m, `SELECT * FROM loan_applications WHERE id = $1 FOR UPDATE`, [id]);
  const loan = r.rows[0];
  if (!loan) throw notFound('Loan application', id);
  return loan;
}

export async function viewLoan(m: EntityManager, id: string, viewer: Actor): Promise<LoanView> {
  const r = await sql<LoanRow & SupplierSummaryRow>(m, `${WITH_SUPPLIER} WHERE la.id = $1`, [id]);
  return loanView(r.rows[0], viewer);
}

export async function addHistory(
  m: EntityManager,
  loan: Pick<LoanRow, 'id' | 'core_enterprise_id'>,
  from: LoanStatus | null,
  to: LoanStatus,
  actor: Actor,
  extra: { comment?: string | null; reason?: string | null },
): Promise<void> {
  await sql(
    m,
    `INSERT INTO loan_application_history (loan_application_id, core_enterprise_id, from_status, to_status, actor_kind, actor_id, actor_name,
                                           actor_role, comment, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [loan.id, loan.core_enterprise_id, from, to, actor.kind, actor.id, actor.name, actor.role, extra.comment ?? null, extra.reason ?? null],
  );
}

/**
 * Ends a locked application for good (rejected, or cancelled by its applicant), giving back its
 * reservation if it held one, with its history row and audit event.
 */
export async function closeLoan(
  m: EntityManager,
  audit: AuditService,
  exposure: ExposureService,
  loan: LoanRow,
  to: 'REJECTED' | 'CANCELLED',
  actor: Actor,
  reason: string,
  action: string,
): Promise<LoanView> {
  const id = loan.id;
  await sql(m, `UPDATE loan_applications SET status = $2, reserved = false, updated_at = now() WHERE id = $1`, [id, to]);
  if (loan.reserved) await exposure.release(m, [loan]);
  await addHistory(m, loan, loan.status, to, actor, { reason });
  await audit.record(m, actor, {
    action,
    entityType: 'LoanApplication',
    entityId: id,
    coreEnterpriseId: loan.core_enterprise_id,
    before: { status: loan.status, reserved: loan.reserved },
    after: { status: to, reason, released: loan.reserved ? money(loan.amount) : null },
  });
  return viewLoan(m, id, actor);
}
