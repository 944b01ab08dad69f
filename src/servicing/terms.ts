import { dateOf, dayNumber, dayOfMonth, civil, daysFromCivil, daysInMonth, isLastDayOfMonth } from '../common/dates.js';
import { fenOf, PENALTY_RATE_SCALE, RATE_SCALE, scaled } from './fixed-point.js';
import { type LoanTerms } from './scenario.js';

/**
 * A loan's frozen terms, parsed once into what each COB date needs: the COB of a million loans must
 * not parse rate strings or rebuild a schedule per loan and date. Built by `compileTerms`.
 */
export interface ServicingTerms {
  readonly principal: bigint;
  readonly valueDate: string;
  readonly maturityDate: string;
  readonly valueDay: number;
  readonly maturityDay: number;
  readonly monthly: boolean;
  readonly interestDay: number;
  readonly graceDays: number;
  /** r × RATE_SCALE: one day's interest numerator is principal (fen) × this. */
  readonly interestRate: bigint;
  /** r × m × PENALTY_RATE_SCALE. */
  readonly penaltyRate: bigint;
  /** RATE_SCALE × B: an interest numerator divided by this is fen. */
  readonly interestDenominator: bigint;
  /** PENALTY_RATE_SCALE × B. */
  readonly penaltyDenominator: bigint;
}

export function compileTerms(terms: LoanTerms): ServicingTerms {
  const valueDay = dayNumber(terms.valueDate);
  requireTerms(terms);
  const basis = terms.basis === 'ACT/365' ? 365n : 360n;
  const maturityDay = valueDay + terms.termDays;
  return {
    principal: fenOf(terms.principal),
    valueDate: terms.valueDate,
    maturityDate: dateOf(maturityDay),
    valueDay,
    maturityDay,
    monthly: terms.repaymentType === 'INTEREST_MONTHLY',
    interestDay: terms.interestDay,
    graceDays: terms.graceDays,
    interestRate: scaled(terms.annualRate, 10),
    penaltyRate: scaled(terms.annualRate, 10) * scaled(terms.penaltyRateMultiplier, 10),
    interestDenominator: RATE_SCALE * basis,
    penaltyDenominator: PENALTY_RATE_SCALE * basis,
  };
}

function requireTerms(terms: LoanTerms): void {
  if (!Number.isInteger(terms.termDays) || terms.termDays < 1)
    throw new RangeError(`termDays must be a positive integer: ${terms.termDays}`);
  if (!Number.isInteger(terms.interestDay) || terms.interestDay < 1 || terms.interestDay > 31)
    throw new RangeError(`interestDay must be 1-31: ${terms.interestDay}`);
  if (!Number.isInteger(terms.graceDays) || terms.graceDays < 0) throw new RangeError(`graceDays must be >= 0: ${terms.graceDays}`);
  if (terms.basis !== 'ACT/360' && terms.basis !== 'ACT/365') throw new RangeError(`unknown day-count basis: ${String(terms.basis)}`);
  if (terms.repaymentType !== 'INTEREST_MONTHLY' && terms.repaymentType !== 'BULLET')
    throw new RangeError(`unknown repayment type: ${String(terms.repaymentType)}`);
  if (fenOf(terms.principal) <= 0n) throw new RangeError(`principal must be positive: ${terms.principal}`);
}

/** M = V + termDays (calendar days; business dates have no holidays). */
export function maturityDate(terms: LoanTerms): string {
  return dateOf(dayNumber(terms.valueDate) + terms.termDays);
}

/**
 * Is `day` a due date: M, or (INTEREST_MONTHLY) the month's interest day clamped to its last day,
 * strictly between V and M. Asked for d + 1 at every COB, so it reads the day of the month only.
 */
export function isDueDay(terms: ServicingTerms, day: number): boolean {
  if (day === terms.maturityDay) return true;
  if (!terms.monthly || day <= terms.valueDay || day > terms.maturityDay) return false;
  const dom = dayOfMonth(day);
  return dom === terms.interestDay || (dom < terms.interestDay && isLastDayOfMonth(day));
}

/** Every due date of a loan, in order: the clamped interest days strictly between V and M, then M. */
export function schedule(terms: LoanTerms): string[] {
  const valueDay = dayNumber(terms.valueDate);
  const maturityDay = valueDay + terms.termDays;
  const due: string[] = [];
  if (terms.repaymentType === 'INTEREST_MONTHLY') {
    let { year, month } = civil(valueDay);
    for (;;) {
      const day = daysFromCivil(year, month, Math.min(terms.interestDay, daysInMonth(year, month)));
      if (day >= maturityDay) break;
      if (day > valueDay) due.push(dateOf(day));
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
  }
  due.push(dateOf(maturityDay));
  return due;
}
