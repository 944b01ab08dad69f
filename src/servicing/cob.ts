import { billInterest, billPenalty } from './billing.js';
import { dayNumber, isLastDayOfMonth } from '../common/dates.js';
import { roundHalfUp } from './fixed-point.js';
import { type LoanState, principalDue } from './loan-state.js';
import { isDueDay, type ServicingTerms } from './terms.js';

/**
 * The day's ledger postings of one loan, in fen: the increase of round_half_up(accrued interest of
 * the current period) (Dr INTEREST_RECEIVABLE / Cr INTEREST_INCOME) and of round_half_up(accrued
 * penalty since the last penalty billing) (Dr PENALTY_RECEIVABLE / Cr PENALTY_INCOME). Posting the
 * increase of the rounded figure, not a rounded daily amount, makes a period's postings add up to
 * exactly what it bills.
 */
export interface CobPostings {
  readonly interest: bigint;
  readonly penalty: bigint;
}

export interface ClosedDay {
  readonly state: LoanState;
  readonly postings: CobPostings;
}

const NOTHING_POSTED: CobPostings = { interest: 0n, penalty: 0n };

/**
 * The end of day of business date `d` for one loan (domain.md "Servicing", COB steps 1-4): accrue,
 * post the increase of the rounded accruals, bill interest (and make principal due at M) on the eve
 * of a due date, bill penalty at a month end. Refuses a date out of order, so no date is applied
 * twice or skipped, whatever the caller's bookkeeping.
 */
export function closeDay(state: LoanState, terms: ServicingTerms, d: string): ClosedDay {
  const day = dayNumber(d);
  requireNextCobDay(state, terms, day, d);
  if (state.status === 'REPAID') return { state: { ...state, lastCobDate: d }, postings: NOTHING_POSTED };

  let accruedInterest = state.accruedInterest;
  let accruedPenalty = state.accruedPenalty;
  if (day < terms.maturityDay) accruedInterest += state.principalOutstanding * terms.interestRate;
  else accruedPenalty += principalDue(state) * terms.penaltyRate;
  const postings = postingsOfDay(state, terms, accruedInterest, accruedPenalty);

  let dues = state.dues;
  if (isDueDay(terms, day + 1))
    ({ dues, accrued: accruedInterest } = billInterest(dues, accruedInterest, state.principalOutstanding, terms, day + 1));
  if (isLastDayOfMonth(day)) ({ dues, accrued: accruedPenalty } = billPenalty(dues, accruedPenalty, terms));

  return { state: { ...state, dues, accruedInterest, accruedPenalty, lastCobDate: d }, postings };
}

function requireNextCobDay(state: LoanState, terms: ServicingTerms, day: number, d: string): void {
  const expected = state.lastCobDate === null ? terms.valueDay : dayNumber(state.lastCobDate) + 1;
  if (day !== expected)
    throw new RangeError(`COB of ${d} out of order: the loan's last COB date is ${state.lastCobDate ?? 'none'} (V ${terms.valueDate})`);
}

/** Only the accrual that moved can change its rounded figure: BigInt divisions are most of a day's cost. */
function postingsOfDay(state: LoanState, terms: ServicingTerms, accruedInterest: bigint, accruedPenalty: bigint): CobPostings {
  return {
    interest: increaseOfRounded(state.accruedInterest, accruedInterest, terms.interestDenominator),
    penalty: increaseOfRounded(state.accruedPenalty, accruedPenalty, terms.penaltyDenominator),
  };
}

function increaseOfRounded(before: bigint, after: bigint, denominator: bigint): bigint {
  return after === before ? 0n : roundHalfUp(after, denominator) - roundHalfUp(before, denominator);
}
