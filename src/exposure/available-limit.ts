import { Dec } from '../common/money.js';

/**
 * What a supplier may still borrow in a programme: its credit limit less what its approved, not yet
 * repaid loans reserve, never below zero (a limit lowered by a re-screening can fall under what is
 * already reserved; the loans stand, the supplier just cannot borrow more). `frozen`: the supplier
 * has an overdue loan, in any programme, and then it may borrow nothing anywhere whatever the rules
 * (domain.md "Repayment").
 */
export function availableLimit(creditLimit: string | Dec, reserved: string | Dec | null | undefined, frozen = false): Dec {
  if (frozen) return new Dec(0);
  return Dec.max(0, new Dec(creditLimit).minus(reserved ?? 0));
}

/**
 * SQL: whether the supplier whose id is the expression `supplierId` has an overdue loan (kept by the
 * end of day in loan_servicing.overdue; a partial index makes it a lookup among the overdue few).
 */
export function hasOverdueLoanSql(supplierId: string): string {
  return `EXISTS (SELECT 1 FROM loan_servicing ls WHERE ls.supplier_id = ${supplierId} AND ls.status = 'DISBURSED' AND ls.overdue)`;
}
