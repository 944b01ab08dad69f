import { dateOf } from '../common/dates.js';
import { roundHalfUp } from './fixed-point.js';
import { type DueItem, unpaidOf } from './loan-state.js';
import { type ServicingTerms } from './terms.js';

/*
 * Billing turns an exact accrual into a due amount in fen: billed = round_half_up(accrued), and the
 * remainder (between −½ and +½ fen) carries into the next period, so a loan's bills add up to its
 * exact interest over time instead of drifting a fen per period. Billing moves nothing in the ledger:
 * the receivable already carried round_half_up(accrued).
 */

export interface Billed {
  readonly dues: readonly DueItem[];
  readonly accrued: bigint;
}

/**
 * The eve of a due date: the period's interest becomes due on a new due item. At M the remainder is
 * waived (regular interest stops at M, nothing would ever bill it) and all outstanding principal
 * becomes due with the last interest.
 */
export function billInterest(
  dues: readonly DueItem[],
  accruedInterest: bigint,
  principalOutstanding: bigint,
  terms: ServicingTerms,
  dueDay: number,
): Billed {
  const billed = roundHalfUp(accruedInterest, terms.interestDenominator);
  const atMaturity = dueDay === terms.maturityDay;
  const item: DueItem = {
    dueDate: dateOf(dueDay),
    interest: billed,
    penalty: 0n,
    principal: atMaturity ? principalOutstanding : 0n,
    paidInterest: 0n,
    paidPenalty: 0n,
    paidPrincipal: 0n,
  };
  return { dues: [...dues, item], accrued: atMaturity ? 0n : accruedInterest - billed * terms.interestDenominator };
}

/**
 * Penalty is billed at each month end and before each repayment, onto the oldest due date still
 * unpaid: it is the lateness of that date, and a penalty never makes a due date of its own (which
 * would restart DPD). Penalty only accrues while principal due is unpaid, so such a date exists
 * whenever there is a fen to bill; the last due date is the fallback that keeps the fen if not.
 */
export function billPenalty(dues: readonly DueItem[], accruedPenalty: bigint, terms: ServicingTerms): Billed {
  const billed = roundHalfUp(accruedPenalty, terms.penaltyDenominator);
  if (billed === 0n || dues.length === 0) return { dues, accrued: accruedPenalty };
  let target = dues.findIndex((item) => unpaidOf(item) > 0n);
  if (target < 0) target = dues.length - 1;
  const next = dues.slice();
  next[target] = { ...dues[target], penalty: dues[target].penalty + billed };
  return { dues: next, accrued: accruedPenalty - billed * terms.penaltyDenominator };
}
