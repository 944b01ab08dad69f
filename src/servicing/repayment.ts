import { billPenalty } from './billing.js';
import { dayNumber } from '../common/dates.js';
import { roundHalfUp } from './fixed-point.js';
import { type DueItem, dueNow, type LoanState, payoff, principalDue } from './loan-state.js';
import { type ServicingTerms } from './terms.js';

/** What one repayment paid, in fen: the ledger credits PENALTY_RECEIVABLE, INTEREST_RECEIVABLE and LOAN_PRINCIPAL. */
export interface Allocation {
  readonly penalty: bigint;
  readonly interest: bigint;
  readonly principal: bigint;
}

export interface RepaymentOptions {
  /**
   * Whether what is left after the dues prepays (accrued interest, then principal not yet due).
   * Always for a direct repayment (the default); for a settlement only with the programme's
   * prepayFromSettlement, otherwise the settlement may take no more than what is due now.
   */
  readonly prepay?: boolean;
}

export type RepaymentRefusal =
  /** More than the payoff (or, without prepayment, more than what is due now): nothing is applied (422). */
  | 'ABOVE_PAYOFF'
  | 'ABOVE_DUE_NOW'
  /** COB has not completed every date before the repayment's date (409 COB_PENDING). */
  | 'COB_PENDING';

export type RepaymentOutcome =
  | { readonly accepted: true; readonly state: LoanState; readonly allocation: Allocation }
  | { readonly accepted: false; readonly reason: RepaymentRefusal; readonly state: LoanState };

const NOTHING: Allocation = { penalty: 0n, interest: 0n, principal: 0n };

/**
 * A repayment of `amount` fen valued on `date` (domain.md "Repayment"): bill the accrued penalty,
 * pay the dues oldest due date first (penalty → interest → principal), then prepay accrued interest
 * and principal not yet due; REPAID when nothing is left. A refusal answers the state unchanged.
 */
export function applyRepayment(
  state: LoanState,
  terms: ServicingTerms,
  amount: bigint,
  date: string,
  options: RepaymentOptions = {},
): RepaymentOutcome {
  if (amount < 0n) throw new RangeError(`a repayment is not negative: ${amount}`);
  if (isCobBehind(state, terms, date)) return { accepted: false, reason: 'COB_PENDING', state };
  const prepay = options.prepay ?? true;
  if (prepay && amount > payoff(state, terms)) return { accepted: false, reason: 'ABOVE_PAYOFF', state };
  if (!prepay && amount > dueNow(state, terms)) return { accepted: false, reason: 'ABOVE_DUE_NOW', state };
  // A zero allocation of a settlement bills and posts nothing.
  if (amount === 0n) return { accepted: true, state, allocation: NOTHING };

  const penaltyBilled = billPenalty(state.dues, state.accruedPenalty, terms);
  const paid = payDuesOldestFirst(penaltyBilled.dues, amount);
  let left = amount - paid.penalty - paid.interest - paid.principal;
  let accruedInterest = state.accruedInterest;
  let prepaidInterest = 0n;
  let prepaidPrincipal = 0n;
  if (prepay && left > 0n) {
    prepaidInterest = minBig(left, roundHalfUp(accruedInterest, terms.interestDenominator));
    accruedInterest -= prepaidInterest * terms.interestDenominator;
    left -= prepaidInterest;
    prepaidPrincipal = minBig(left, principalNotYetDue(state));
    left -= prepaidPrincipal;
  }
  // The payoff (or due-now) check above guarantees the amount is used up; anything else is a bug here.
  if (left !== 0n) throw new Error(`repayment of ${amount} fen left ${left} fen unallocated`);

  const allocation: Allocation = {
    penalty: paid.penalty,
    interest: paid.interest + prepaidInterest,
    principal: paid.principal + prepaidPrincipal,
  };
  const next: LoanState = {
    ...state,
    dues: paid.dues,
    principalOutstanding: state.principalOutstanding - allocation.principal,
    accruedInterest,
    accruedPenalty: penaltyBilled.accrued,
    paidPenalty: state.paidPenalty + allocation.penalty,
    paidInterest: state.paidInterest + allocation.interest,
    paidPrincipal: state.paidPrincipal + allocation.principal,
  };
  return { accepted: true, state: settleIfRepaid(next, terms), allocation };
}

/**
 * A repayment dated t comes after the COB of t − 1 and before that of t: earlier COB dates missing
 * would price it on a stale state; a COB already run for t (or a date before V) is a caller's bug.
 */
function isCobBehind(state: LoanState, terms: ServicingTerms, date: string): boolean {
  const day = dayNumber(date);
  const nextCobDay = state.lastCobDate === null ? terms.valueDay : dayNumber(state.lastCobDate) + 1;
  if (day < nextCobDay)
    throw new RangeError(`a repayment on ${date} comes before COB date ${state.lastCobDate ?? terms.valueDate} it follows`);
  return day > nextCobDay;
}

/**
 * The waterfall over the due dates, oldest first, each one's penalty → interest → principal. This is
 * also "all penalty, then all interest, then all principal": penalty only sits on the oldest unpaid
 * date and principal only on M, the last.
 */
function payDuesOldestFirst(
  dues: readonly DueItem[],
  amount: bigint,
): { dues: readonly DueItem[]; penalty: bigint; interest: bigint; principal: bigint } {
  let left = amount;
  let penalty = 0n;
  let interest = 0n;
  let principal = 0n;
  const next = dues.map((item) => {
    if (left === 0n) return item;
    const p = minBig(left, item.penalty - item.paidPenalty);
    left -= p;
    const i = minBig(left, item.interest - item.paidInterest);
    left -= i;
    const c = minBig(left, item.principal - item.paidPrincipal);
    left -= c;
    penalty += p;
    interest += i;
    principal += c;
    if (p === 0n && i === 0n && c === 0n) return item;
    return { ...item, paidPenalty: item.paidPenalty + p, paidInterest: item.paidInterest + i, paidPrincipal: item.paidPrincipal + c };
  });
  return { dues: next, penalty, interest, principal };
}

/**
 * Nothing left (principal, every due, and the ROUNDED accruals all zero) is REPAID: the sub-fen
 * remainders are waived (set to 0) so a closed loan carries no invisible fraction, and COB stops
 * accruing for it.
 */
function settleIfRepaid(state: LoanState, terms: ServicingTerms): LoanState {
  if (payoff(state, terms) !== 0n) return state;
  return { ...state, status: 'REPAID', accruedInterest: 0n, accruedPenalty: 0n };
}

/** Paying due principal lowers both figures, so this is the same before and after the dues are paid. */
function principalNotYetDue(state: LoanState): bigint {
  return state.principalOutstanding - principalDue(state);
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
