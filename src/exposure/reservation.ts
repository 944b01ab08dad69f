import { DomainError } from '../common/errors.js';
import { money } from '../common/money.js';
import { pgCode, sql, type Db } from '../database/sql.js';
import { availableLimit, hasOverdueLoanSql } from './available-limit.js';
import { ExposureErrors } from './exposure.errors.js';
import { UUID_PATTERN } from '../common/identifiers.js';

/** What a loan holds against the limits: its amount, and the share of it the core enterprise guarantees. */
export interface ExposureClaim {
  supplier_id: string;
  programme_id: string;
  core_enterprise_id: string;
  amount: string;
  guaranteed_amount: string;
}

/*
 * The reservation's statements as plain functions over any Db (a TypeORM manager or a bare pg
 * client), in the caller's transaction: ExposureService and the final approval use them, and the
 * approvals benchmark runs them without Nest. Lock order and guarantees: see ExposureService.
 */

/**
 * Whether the claim would fit now, without reserving anything: a first approval of a loan that
 * needs a second one checks this so that nobody approves what cannot be completed.
 */
export async function checkHeadroom(db: Db, claim: ExposureClaim): Promise<void> {
  await refuseFrozen(db, claim.supplier_id);
  const r = await sql<{ eligible: boolean | null; supplier_ok: boolean | null; programme_ok: boolean; guarantee_ok: boolean }>(
    db,
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
    [claim.supplier_id, claim.programme_id, claim.amount, claim.core_enterprise_id, claim.guaranteed_amount],
  );
  const h = r.rows[0];
  if (!h?.eligible)
    throw new DomainError(ExposureErrors.SUPPLIER_NOT_ELIGIBLE, 'The supplier no longer passes the programme rules; see its eligibility');
  if (!h.supplier_ok) throw new DomainError(ExposureErrors.SUPPLIER_LIMIT_EXCEEDED, "The amount is above the supplier's available limit");
  if (!h.programme_ok) throw new DomainError(ExposureErrors.PROGRAMME_CAP_EXCEEDED, 'The programme cap has no room for this amount');
  if (!h.guarantee_ok)
    throw new DomainError(ExposureErrors.GUARANTEE_CAP_EXCEEDED, "The core enterprise's guarantee cap has no room for this amount");
}

/**
 * The reservation, one statement: against the supplier's limit, then the programme cap, then the
 * guarantee cap, each a conditional update that leaves the chain empty when it cannot take the amount.
 * `$1`-`$5`: supplier, programme, amount, core enterprise, guaranteed amount. With `refuse`, the
 * supplier's step also refuses a supplier with an overdue loan (refuseFrozen, without a round trip of
 * its own) and a chain left empty raises (refuse_reservation, naming the step) instead of answering
 * counts.
 */
function reservationSql(refuse: boolean): string {
  return `WITH s AS (
       UPDATE supplier_exposure e SET reserved_amount = e.reserved_amount + $3
         FROM screening_results r
        WHERE e.supplier_id = $1 AND e.programme_id = $2 AND r.supplier_id = $1 AND r.programme_id = $2
          AND r.eligible AND e.reserved_amount + $3 <= r.credit_limit${refuse ? ` AND NOT ${hasOverdueLoanSql('$1')}` : ''}
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
     ${
       refuse
         ? `SELECT EXISTS (SELECT 1 FROM c) OR refuse_reservation(CASE WHEN NOT EXISTS (SELECT 1 FROM s) THEN 's' WHEN NOT EXISTS (SELECT 1 FROM p) THEN 'p' ELSE 'c' END)`
         : `SELECT (SELECT count(*) FROM s)::int AS s, (SELECT count(*) FROM p)::int AS p, (SELECT count(*) FROM c)::int AS c`
     }`;
}

const claimParams = (claim: ExposureClaim) => [
  claim.supplier_id,
  claim.programme_id,
  claim.amount,
  claim.core_enterprise_id,
  claim.guaranteed_amount,
];

/**
 * Reserves the claim in the caller's transaction, or throws the error naming the limit that could
 * not take it (the caller's transaction is then rolled back by the error).
 */
export async function reserve(db: Db, claim: ExposureClaim): Promise<void> {
  await refuseFrozen(db, claim.supplier_id);
  const r = await sql<{ s: number; p: number; c: number }>(db, reservationSql(false), claimParams(claim));
  const { s, p, c } = r.rows[0];
  if (s && p && c) return;
  throw await refusal(db, claim, !s ? 's' : !p ? 'p' : 'c');
}

/**
 * The claim's values as SQL literals, for a statement sent without parameters: each must be a uuid
 * (the ids) or an unsigned decimal (the amounts), so that nothing else can ever reach the text.
 */
export function claimLiterals(claim: ExposureClaim): string[] {
  return claimParams(claim).map((v, i) => {
    const amount = i === 2 || i === 4;
    if (!(amount ? DECIMAL : UUID_PATTERN).test(v))
      throw new Error(`claimLiterals: ${JSON.stringify(v)} is not ${amount ? 'a decimal' : 'a uuid'}`);
    return `'${v}'::${amount ? 'numeric' : 'uuid'}`;
  });
}

const DECIMAL = /^\d{1,20}(\.\d{1,6})?$/;

/**
 * reserve() and the COMMIT of the caller's transaction in one message: the counter rows that every
 * approval of a programme updates are then held only while the database reserves and flushes the
 * commit, not while the reply travels to the service and its event loop gets round to sending
 * COMMIT. One message with two statements is the simple protocol, which has no parameters: the values
 * (ids and amounts the caller read from the database) are checked to be a uuid or a decimal and
 * written as literals. A claim that does not fit raises, which skips the COMMIT; the caller rolls back
 * and this throws the error naming the limit.
 */
export async function reserveAndCommit(db: Db, claim: ExposureClaim): Promise<void> {
  const values = claimLiterals(claim);
  try {
    await sql(db, `${reservationSql(true).replace(/\$([1-5])/g, (_, n: string) => values[Number(n) - 1])}; COMMIT`);
  } catch (e) {
    const refused = refusedStep(e);
    if (!refused) throw e;
    await sql(db, 'ROLLBACK');
    throw await refusal(db, claim, refused);
  }
}

function refusedStep(e: unknown): 's' | 'p' | 'c' | undefined {
  if (pgCode(e) !== 'CLRSV') return undefined;
  const err = e as { detail?: unknown; driverError?: { detail?: unknown } };
  const step = err.driverError?.detail ?? err.detail;
  return step === 's' || step === 'p' || step === 'c' ? step : undefined;
}

/** The error for a reservation refused at `step` (supplier, programme or guarantee), read outside the chain. */
async function refusal(db: Db, claim: ExposureClaim, step: 's' | 'p' | 'c'): Promise<DomainError> {
  if (step === 's') {
    await refuseFrozen(db, claim.supplier_id);
    const sr = await sql<{ eligible: boolean; credit_limit: string; reserved_amount: string }>(
      db,
      `SELECT r.eligible, r.credit_limit, e.reserved_amount FROM screening_results r
         JOIN supplier_exposure e USING (supplier_id, programme_id) WHERE r.supplier_id = $1 AND r.programme_id = $2`,
      [claim.supplier_id, claim.programme_id],
    );
    const row = sr.rows[0];
    if (!row?.eligible)
      return new DomainError(
        ExposureErrors.SUPPLIER_NOT_ELIGIBLE,
        'The supplier no longer passes the programme rules; see its eligibility',
      );
    return new DomainError(
      ExposureErrors.SUPPLIER_LIMIT_EXCEEDED,
      `The supplier's available limit is ${money(availableLimit(row.credit_limit, row.reserved_amount))}`,
    );
  }
  if (step === 'p')
    return new DomainError(
      ExposureErrors.PROGRAMME_CAP_EXCEEDED,
      `Approving ${money(claim.amount)} would take the programme above its cap`,
    );
  return new DomainError(
    ExposureErrors.GUARANTEE_CAP_EXCEEDED,
    `Guaranteeing ${money(claim.guaranteed_amount)} more would take the core enterprise above its guarantee cap`,
  );
}

/**
 * While a supplier has an overdue loan its available limit is 0 in every programme, whatever the
 * rules (domain.md "Repayment"): nothing more is lent to it until that loan is no longer overdue.
 */
async function refuseFrozen(db: Db, supplierId: string): Promise<void> {
  const r = await sql<{ frozen: boolean }>(db, `SELECT ${hasOverdueLoanSql('$1::uuid')} AS frozen`, [supplierId]);
  if (r.rows[0].frozen)
    throw new DomainError(
      ExposureErrors.SUPPLIER_HAS_OVERDUE_LOAN,
      'The supplier has an overdue loan: its available limit is 0 until it is repaid',
    );
}
