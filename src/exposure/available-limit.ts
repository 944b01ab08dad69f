import { Dec } from '../common/money.js';

/**
 * What a supplier may still borrow in a programme: its credit limit less what its approved, not yet
 * repaid loans reserve, never below zero (a limit lowered by a re-screening can fall under what is
 * already reserved; the loans stand, the supplier just cannot borrow more).
 */
export function availableLimit(creditLimit: string | Dec, reserved: string | Dec | null | undefined): Dec {
  return Dec.max(0, new Dec(creditLimit).minus(reserved ?? 0));
}
