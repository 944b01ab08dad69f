import { auditInsertSql, auditParams, type AuditEntry } from '../audit/audit.service.js';
import { requireAccess } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { Dec, money } from '../common/money.js';
import { sql, type Db } from '../database/sql.js';
import { checkHeadroom, reserveAndCommit } from '../exposure/reservation.js';
import { LOAN_APPLICATION, type LoanRow } from './loan-records.js';
import { assertLoanTransition, type LoanStatus } from './loan-state.js';
import { LoanErrors } from './loans.errors.js';
import { UUID_PATTERN } from '../common/identifiers.js';

/**
 * An officer's approval of an application, every statement of it, in a transaction of its own on
 * `db` (one connection, not in a transaction): with four eyes above the programme's threshold, and for
 * a final approval the payee and servicing terms frozen and the money reserved, the reservation and
 * the COMMIT in one message (reserveAndCommit). A plain function over any Db, so that the service runs
 * it on a TypeORM query runner and the approvals benchmark runs the very same statements on a bare pg
 * client, to tell the database's cost from the HTTP stack's.
 */
export async function approveApplication(db: Db, actor: Actor, id: string, comment?: string): Promise<LoanRow> {
  // what is not an id names no application; an id is then safe as a literal (see below)
  if (!UUID_PATTERN.test(id)) throw notFound('Loan application', id);
  // the tenant of an application never changes: asking outside the transaction answers the same
  await requireAccess(db, actor, LOAN_APPLICATION, id);
  try {
    return await approveInTransaction(db, actor, id, comment);
  } catch (e) {
    // a refused reservation has already rolled back; a second ROLLBACK (or one without BEGIN) only warns, and a failing one
    // (a lost connection) must not hide why the approval failed
    await sql(db, 'ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function approveInTransaction(db: Db, actor: Actor, id: string, comment?: string): Promise<LoanRow> {
  // The supplier's blacklisting is read from the supplier row itself: its stored screening may
  // predate it. BEGIN travels with the first statement, one round trip for both: one message of two
  // statements is the simple protocol, without parameters, so the id (a uuid) is a literal.
  const locked = await sql<LoanRow & { four_eyes_threshold: string; supplier_blacklisted: boolean }>(
    db,
    `BEGIN; SELECT la.*, p.four_eyes_threshold, s.blacklisted AS supplier_blacklisted
       FROM loan_applications la JOIN programmes p ON p.id = la.programme_id JOIN suppliers s ON s.id = la.supplier_id
      WHERE la.id = '${id}'::uuid FOR UPDATE OF la`,
  );
  const loan = locked.rows[0];
  if (!loan) throw notFound('Loan application', id);
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
      throw new DomainError(LoanErrors.FOUR_EYES_SAME_APPROVER, 'You gave the first approval; another senior officer must give the second');
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

  const audit: AuditEntry = {
    action: to === 'APPROVED' ? 'LOAN_APPLICATION_APPROVED' : 'LOAN_APPLICATION_FIRST_APPROVAL',
    entityType: 'LoanApplication',
    entityId: id,
    coreEnterpriseId: loan.core_enterprise_id,
    before: { status: loan.status },
    after: { status: to, amount: money(loan.amount), comment: comment ?? null },
  };
  // Nothing is reserved by a first approval, but an approval that could not be completed helps nobody.
  if (to === 'PENDING_SECOND_APPROVAL') await checkHeadroom(db, loan);
  const set =
    to === 'PENDING_SECOND_APPROVAL'
      ? `four_eyes_required = true, first_approved_by_id = $10, first_approved_by = $11, first_approved_by_role = $12, first_approved_at = now()`
      : // the payee and the servicing terms are frozen here, from the supplier and programme rows as
        // this transaction reads them: a later roster or programme change never reaches this loan. A
        // dealer loan (on a purchase order) pays the core enterprise's collection account, never the dealer.
        `four_eyes_required = ${loan.status === 'PENDING_SECOND_APPROVAL'}, approved_by_id = $10, approved_by = $11, approved_by_role = $12, approved_at = now(), reserved = true,
       (payee_name, payee_account, payee_bank) = (
         SELECT s.name, s.bank_account, s.bank_name FROM suppliers s WHERE s.id = loan_applications.supplier_id AND loan_applications.purchase_order_id IS NULL
         UNION ALL
         SELECT ce.name, ce.collection_account, ce.collection_bank_name FROM core_enterprises ce
          WHERE ce.id = loan_applications.core_enterprise_id AND loan_applications.purchase_order_id IS NOT NULL),
       (day_count_basis, repayment_type, interest_day, grace_days, penalty_rate_multiplier) =
         (SELECT p.day_count_basis, p.repayment_type, p.interest_day, p.grace_days, p.penalty_rate_multiplier
            FROM programmes p WHERE p.id = loan_applications.programme_id)`;
  const updated = await changeStatus(db, loan, to, actor, { comment: comment ?? null }, audit, set);
  // Reserve last, with the commit, so the shared counters are locked for as short as possible.
  if (to === 'APPROVED') await reserveAndCommit(db, loan);
  else await sql(db, 'COMMIT');
  return updated;
}

/**
 * The status change, its history row and its audit event in one statement (`set` may use $10, $11
 * and $12: the actor's id, name and role). Fewer round trips inside the approving transaction means
 * shorter locks.
 */
async function changeStatus(
  db: Db,
  loan: LoanRow,
  to: LoanStatus,
  actor: Actor,
  note: { comment?: string | null; reason?: string | null },
  audit: AuditEntry,
  set: string,
): Promise<LoanRow> {
  const r = await sql<LoanRow>(
    db,
    `WITH u AS (
       UPDATE loan_applications SET status = $2, ${set}, updated_at = now() WHERE id = $1 RETURNING *
     ), h AS (
       INSERT INTO loan_application_history (loan_application_id, core_enterprise_id, from_status, to_status, actor_kind, actor_id, actor_name,
                                             actor_role, comment, reason)
       SELECT id, core_enterprise_id, $3, $2, $4, $5, $6, $7, $8, $9 FROM u
     ), a AS (
       ${auditInsertSql(13)}
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
      ...auditParams(actor, audit),
    ],
  );
  return r.rows[0];
}
