import type { DueItem, LoanState } from './loan-state.js';
import type { DayCountBasis, LoanTerms, RepaymentType } from './scenario.js';

/*
 * A loan's servicing row as PostgreSQL stores it: the engine's state in jsonb with its integers as
 * decimal strings (jsonb numbers are doubles, which would lose fen), the frozen terms beside it.
 */

type Stored<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] };
export type StoredDueItem = Stored<DueItem>;
export interface StoredLoanState extends Omit<Stored<LoanState>, 'dues'> {
  dues: StoredDueItem[];
}

export function storeState(s: LoanState): StoredLoanState {
  return {
    status: s.status,
    principalOutstanding: String(s.principalOutstanding),
    dues: s.dues.map((d) => ({
      dueDate: d.dueDate,
      interest: String(d.interest),
      penalty: String(d.penalty),
      principal: String(d.principal),
      paidInterest: String(d.paidInterest),
      paidPenalty: String(d.paidPenalty),
      paidPrincipal: String(d.paidPrincipal),
    })),
    accruedInterest: String(s.accruedInterest),
    accruedPenalty: String(s.accruedPenalty),
    lastCobDate: s.lastCobDate,
    paidPenalty: String(s.paidPenalty),
    paidInterest: String(s.paidInterest),
    paidPrincipal: String(s.paidPrincipal),
  };
}

export function loadState(s: StoredLoanState): LoanState {
  return {
    status: s.status,
    principalOutstanding: BigInt(s.principalOutstanding),
    dues: s.dues.map((d) => ({
      dueDate: d.dueDate,
      interest: BigInt(d.interest),
      penalty: BigInt(d.penalty),
      principal: BigInt(d.principal),
      paidInterest: BigInt(d.paidInterest),
      paidPenalty: BigInt(d.paidPenalty),
      paidPrincipal: BigInt(d.paidPrincipal),
    })),
    accruedInterest: BigInt(s.accruedInterest),
    accruedPenalty: BigInt(s.accruedPenalty),
    lastCobDate: s.lastCobDate,
    paidPenalty: BigInt(s.paidPenalty),
    paidInterest: BigInt(s.paidInterest),
    paidPrincipal: BigInt(s.paidPrincipal),
  };
}

/** What a loan_applications row holds of the terms once its payment settled (numeric columns as text). */
export interface FrozenLoanTerms {
  id?: string;
  amount: string;
  annual_rate: string;
  term_days: number;
  /** Null only before the final approval froze them (the database refuses a paid loan without them). */
  day_count_basis: string | null;
  repayment_type: string | null;
  interest_day: number | null;
  grace_days: number | null;
  penalty_rate_multiplier: string | null;
}

/** The engine's terms of a loan paid on `valueDate`; trailing zeros of numeric columns dropped. */
export function termsOf(loan: FrozenLoanTerms, valueDate: string): LoanTerms {
  const { day_count_basis, repayment_type, interest_day, grace_days, penalty_rate_multiplier } = loan;
  if (
    day_count_basis === null ||
    repayment_type === null ||
    interest_day === null ||
    grace_days === null ||
    penalty_rate_multiplier === null
  )
    throw new Error(`loan ${loan.id ?? ''} has no frozen servicing terms`);
  return {
    principal: loan.amount,
    annualRate: trimZeros(loan.annual_rate),
    basis: day_count_basis as DayCountBasis,
    repaymentType: repayment_type as RepaymentType,
    interestDay: Number(interest_day),
    graceDays: Number(grace_days),
    penaltyRateMultiplier: trimZeros(penalty_rate_multiplier),
    valueDate,
    termDays: Number(loan.term_days),
  };
}

function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}
