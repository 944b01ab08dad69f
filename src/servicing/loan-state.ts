import { dayNumber } from '../common/dates.js';
import { roundHalfUp } from './fixed-point.js';
import { type Classification } from './scenario.js';
import { type ServicingTerms } from './terms.js';

/**
 * What was billed for one due date and what of it is paid, in fen. Kept per due date (not as one
 * total) because DPD counts from the oldest due date with anything unpaid and the waterfall pays
 * the oldest first. Penalty has no due date of its own: it is billed onto the oldest unpaid one.
 */
export interface DueItem {
  readonly dueDate: string;
  readonly interest: bigint;
  readonly penalty: bigint;
  readonly principal: bigint;
  readonly paidInterest: bigint;
  readonly paidPenalty: bigint;
  readonly paidPrincipal: bigint;
}

export type LoanStatus = 'DISBURSED' | 'REPAID';

/**
 * One loan's servicing row. Money in fen; the accruals are exact numerators (see fixed-point.ts):
 * accruedInterest / terms.interestDenominator and accruedPenalty / terms.penaltyDenominator are fen.
 * Immutable: closeDay and applyRepayment answer a new state, so a caller can keep the old one to
 * compare, retry or roll back with its transaction.
 */
export interface LoanState {
  readonly status: LoanStatus;
  /** All unpaid principal, due or not. */
  readonly principalOutstanding: bigint;
  /** Oldest first. */
  readonly dues: readonly DueItem[];
  /** Σ P_d × r × RATE_SCALE of the current period, including the remainder carried into it. */
  readonly accruedInterest: bigint;
  /** Σ D_d × r × m × PENALTY_RATE_SCALE since the last penalty billing, including its remainder. */
  readonly accruedPenalty: bigint;
  /** The last business date whose COB has been applied; null before the first (V). */
  readonly lastCobDate: string | null;
  /** What repayments have paid so far, for the statement. */
  readonly paidPenalty: bigint;
  readonly paidInterest: bigint;
  readonly paidPrincipal: bigint;
}

/** The state of a loan the moment its payment settles (value date V, before the COB of V). */
export function openLoan(terms: ServicingTerms): LoanState {
  return {
    status: 'DISBURSED',
    principalOutstanding: terms.principal,
    dues: [],
    accruedInterest: 0n,
    accruedPenalty: 0n,
    lastCobDate: null,
    paidPenalty: 0n,
    paidInterest: 0n,
    paidPrincipal: 0n,
  };
}

export function unpaidOf(item: DueItem): bigint {
  return item.interest - item.paidInterest + (item.penalty - item.paidPenalty) + (item.principal - item.paidPrincipal);
}

export function principalDue(state: LoanState): bigint {
  let sum = 0n;
  for (const item of state.dues) sum += item.principal - item.paidPrincipal;
  return sum;
}

export function interestDue(state: LoanState): bigint {
  let sum = 0n;
  for (const item of state.dues) sum += item.interest - item.paidInterest;
  return sum;
}

export function penaltyDue(state: LoanState): bigint {
  let sum = 0n;
  for (const item of state.dues) sum += item.penalty - item.paidPenalty;
  return sum;
}

/** round_half_up of the current period's accrued interest, in fen: what the ledger carries as receivable. */
export function roundedAccruedInterest(state: LoanState, terms: ServicingTerms): bigint {
  return roundHalfUp(state.accruedInterest, terms.interestDenominator);
}

export function roundedAccruedPenalty(state: LoanState, terms: ServicingTerms): bigint {
  return roundHalfUp(state.accruedPenalty, terms.penaltyDenominator);
}

/**
 * What a settlement may take without prepaying: penalty due + round_half_up(accrued penalty) +
 * interest due + principal due. Needs the terms because the accruals are numerators over B.
 */
export function dueNow(state: LoanState, terms: ServicingTerms): bigint {
  return penaltyDue(state) + roundedAccruedPenalty(state, terms) + interestDue(state) + principalDue(state);
}

/** What repays everything today; principalOutstanding already includes the principal due. */
export function payoff(state: LoanState, terms: ServicingTerms): bigint {
  return (
    penaltyDue(state) +
    roundedAccruedPenalty(state, terms) +
    interestDue(state) +
    roundedAccruedInterest(state, terms) +
    state.principalOutstanding
  );
}

/** The oldest due date with anything (interest, penalty or principal) still unpaid, or null. */
export function oldestUnpaidDueDate(state: LoanState): string | null {
  for (const item of state.dues) if (unpaidOf(item) > 0n) return item.dueDate;
  return null;
}

/** Days past due: asOf − the oldest unpaid due date; 0 on the due date itself and when nothing is unpaid. */
export function dpd(state: LoanState, asOf: string): number {
  const oldest = oldestUnpaidDueDate(state);
  return oldest === null ? 0 : Math.max(0, dayNumber(asOf) - dayNumber(oldest));
}

/** Grace changes only this: DPD and classification count from the due date even within grace. */
export function isOverdue(days: number, graceDays: number): boolean {
  return days > graceDays;
}

/** 五级分类 by DPD, with the floors of the 2023 risk-classification measures. */
export function classify(days: number): Classification {
  if (days <= 0) return 'NORMAL';
  if (days <= 90) return 'SPECIAL_MENTION';
  if (days <= 270) return 'SUBSTANDARD';
  if (days <= 360) return 'DOUBTFUL';
  return 'LOSS';
}

export interface Delinquency {
  dpd: number;
  overdue: boolean;
  classification: Classification;
}

/** DPD on `asOf`, and what follows from it: overdue past grace, and the five-tier class. */
export function delinquency(state: LoanState, terms: Pick<ServicingTerms, 'graceDays'>, asOf: string): Delinquency {
  const days = dpd(state, asOf);
  return { dpd: days, overdue: isOverdue(days, terms.graceDays), classification: classify(days) };
}
