import type { Classification, Scenario, StatementFigures } from '../scenario.js';

/*
 * The independent interest oracle: domain.md "Servicing" transcribed day by day, written without
 * looking at the engine, so that a random comparison of the two catches a misreading in either.
 * It is deliberately naive: every accrual, billing, waiver and payment is an entry in a journal, and
 * every balance is the sum of its journal recomputed when asked, never a running total. Money is
 * BigInt fen; an accrual is the exact numerator Σ fen × rate (× multiplier) over a fixed denominator
 * (10^decimals × B), so B divides only when a figure is rounded or shown. Slow on purpose: obvious
 * beats fast here.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function dayNumber(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`not a date: ${iso}`);
  return ms / DAY_MS;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isLastDayOfMonth(day: number): boolean {
  return new Date((day + 1) * DAY_MS).getUTCDate() === 1;
}

/** A decimal string as an exact integer over 10^scale: "0.0345" → 345 / 10^4. */
function exactDecimal(text: string): { units: bigint; scale: number } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a non-negative decimal: ${text}`);
  const fraction = m[2] ?? '';
  return { units: BigInt(m[1] + fraction), scale: fraction.length };
}

function toFen(money: string): bigint {
  const m = /^(\d+)\.(\d{2})$/.exec(money);
  if (!m) throw new Error(`not money with 2 decimals: ${money}`);
  return BigInt(m[1]) * 100n + BigInt(m[2]);
}

function fenString(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** ⌊a / b⌋ for b > 0 (BigInt division truncates toward zero, which is wrong for negative a). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** round_half_up to the fen of numerator / denominator fen: ⌊x + 0.5 fen⌋, half toward +∞. */
function roundToFen(numerator: bigint, denominator: bigint): bigint {
  return floorDiv(2n * numerator + denominator, 2n * denominator);
}

/** numerator / denominator fen in CNY with 10 decimals, half toward +∞ (no "-0.0000000000"). */
function cnyTenDecimals(numerator: bigint, denominator: bigint): string {
  // CNY × 10^10 = fen × 10^8.
  const units = floorDiv(2n * numerator * 10n ** 8n + denominator, 2n * denominator);
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  const scale = 10n ** 10n;
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(10, '0')}`;
}

function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** The interest due dates: each month's interest day (clamped) strictly between V and M, and M. */
export function dueDates(terms: Scenario['terms']): string[] {
  const v = dayNumber(terms.valueDate);
  const maturity = v + terms.termDays;
  const dates = new Set<number>([maturity]);
  if (terms.repaymentType === 'INTEREST_MONTHLY') {
    const first = new Date(v * DAY_MS);
    for (let k = 0; ; k++) {
      const year = first.getUTCFullYear();
      const month = first.getUTCMonth() + k;
      const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      const day = Date.UTC(year, month, Math.min(terms.interestDay, lastDay)) / DAY_MS;
      if (Date.UTC(year, month, 1) / DAY_MS > maturity) break;
      if (day > v && day < maturity) dates.add(day);
    }
  }
  return [...dates].sort((a, b) => a - b).map(isoDate);
}

type DueKind = 'PENALTY' | 'INTEREST' | 'PRINCIPAL';
const WATERFALL: DueKind[] = ['PENALTY', 'INTEREST', 'PRINCIPAL'];

/** An amount billed for a due date; `payments` lists what paid it, amounts in fen. */
interface Due {
  dueDay: number;
  kind: DueKind;
  amount: bigint;
  payments: bigint[];
}

/** One line of the accrual journals: numerators over the journal's denominator. */
interface AccrualLine {
  day: number;
  what: 'accrue' | 'bill' | 'prepayment bill' | 'waive';
  numerator: bigint;
}

interface Payment {
  day: number;
  repayment: number;
  kind: DueKind;
  fen: bigint;
}

function classify(dpd: number): Classification {
  if (dpd === 0) return 'NORMAL';
  if (dpd <= 90) return 'SPECIAL_MENTION';
  if (dpd <= 270) return 'SUBSTANDARD';
  if (dpd <= 360) return 'DOUBTFUL';
  return 'LOSS';
}

export function oracleStatement(scenario: Scenario): StatementFigures {
  const { terms } = scenario;
  const principal = toFen(terms.principal);
  const rate = exactDecimal(terms.annualRate);
  const multiplier = exactDecimal(terms.penaltyRateMultiplier);
  const basis = terms.basis === 'ACT/360' ? 360n : terms.basis === 'ACT/365' ? 365n : undefined;
  if (basis === undefined) throw new Error(`unknown basis ${String(terms.basis)}`);
  // Accrued interest in fen = Σ numerators / interestDenominator, and likewise for penalty.
  const interestDenominator = 10n ** BigInt(rate.scale) * basis;
  const penaltyDenominator = 10n ** BigInt(rate.scale + multiplier.scale) * basis;

  const valueDay = dayNumber(terms.valueDate);
  const maturity = valueDay + terms.termDays;
  const asOf = dayNumber(scenario.asOf);
  if (asOf < valueDay) throw new Error('asOf before the value date');
  const dueDays = new Set(dueDates(terms).map(dayNumber));
  const repaymentDays = scenario.repayments.map((r) => dayNumber(r.date));
  repaymentDays.forEach((day, i) => {
    if (day < valueDay || day > asOf || (i > 0 && day < repaymentDays[i - 1])) {
      throw new Error(`repayment ${i} dated ${scenario.repayments[i].date} is out of order or outside [V, asOf]`);
    }
  });

  const interestJournal: AccrualLine[] = [];
  const penaltyJournal: AccrualLine[] = [];
  const dues: Due[] = [];
  const payments: Payment[] = [];
  const refused: number[] = [];
  let repaid = false;

  const accruedInterest = () => sum(interestJournal.map((l) => l.numerator));
  const accruedPenalty = () => sum(penaltyJournal.map((l) => l.numerator));
  const unpaid = (due: Due) => due.amount - sum(due.payments);
  const dueOf = (kind: DueKind) => sum(dues.filter((d) => d.kind === kind).map(unpaid));
  const paidOf = (kind: DueKind) => sum(payments.filter((p) => p.kind === kind).map((p) => p.fen));
  const principalOutstanding = () => principal - paidOf('PRINCIPAL');
  const oldestUnpaidDueDay = (): number | undefined => {
    const days = dues.filter((d) => unpaid(d) > 0n).map((d) => d.dueDay);
    return days.length === 0 ? undefined : Math.min(...days);
  };
  const payoff = () =>
    dueOf('PENALTY') +
    roundToFen(accruedPenalty(), penaltyDenominator) +
    dueOf('INTEREST') +
    roundToFen(accruedInterest(), interestDenominator) +
    principalOutstanding();

  /** Penalty billing (month end, or before a repayment): the rounded accrual, remainder carried. */
  const billPenalty = (day: number) => {
    const billed = roundToFen(accruedPenalty(), penaltyDenominator);
    penaltyJournal.push({ day, what: 'bill', numerator: -billed * penaltyDenominator });
    if (billed === 0n) return;
    // Penalty never makes a due date of its own: it joins the oldest one still unpaid.
    const dueDay = oldestUnpaidDueDay();
    if (dueDay === undefined) throw new Error(`penalty ${billed} fen billed on ${isoDate(day)} with nothing unpaid`);
    dues.push({ dueDay, kind: 'PENALTY', amount: billed, payments: [] });
  };

  const settleIfNothingLeft = (day: number) => {
    const nothingLeft =
      principalOutstanding() === 0n &&
      dues.every((d) => unpaid(d) === 0n) &&
      roundToFen(accruedInterest(), interestDenominator) === 0n &&
      roundToFen(accruedPenalty(), penaltyDenominator) === 0n;
    if (!nothingLeft) return;
    repaid = true;
    interestJournal.push({ day, what: 'waive', numerator: -accruedInterest() });
    penaltyJournal.push({ day, what: 'waive', numerator: -accruedPenalty() });
  };

  const applyRepayment = (index: number, day: number) => {
    const amount = toFen(scenario.repayments[index].amount);
    if (amount <= 0n) throw new Error(`repayment ${index} is not positive`);
    if (amount > payoff()) {
      refused.push(index);
      return;
    }
    billPenalty(day);
    let left = amount;
    const pay = (kind: DueKind, fen: bigint, due?: Due) => {
      if (fen <= 0n) return;
      due?.payments.push(fen);
      payments.push({ day, repayment: index, kind, fen });
      left -= fen;
    };
    // Penalty due → interest due → principal due, oldest due date first within each.
    for (const kind of WATERFALL) {
      const open = dues.filter((d) => d.kind === kind && unpaid(d) > 0n).sort((a, b) => a.dueDay - b.dueDay);
      for (const due of open) pay(kind, min(left, unpaid(due)), due);
    }
    // Prepayment: interest accrued through yesterday, billing only what it pays, then principal not due.
    const interestPrepaid = min(left, roundToFen(accruedInterest(), interestDenominator));
    if (interestPrepaid > 0n) {
      interestJournal.push({ day, what: 'prepayment bill', numerator: -interestPrepaid * interestDenominator });
      pay('INTEREST', interestPrepaid);
    }
    pay('PRINCIPAL', min(left, principalOutstanding() - dueOf('PRINCIPAL')));
    if (left !== 0n) throw new Error(`repayment ${index}: ${left} fen left over below the payoff`);
    settleIfNothingLeft(day);
  };

  const closeOfBusiness = (day: number) => {
    if (day < maturity) {
      interestJournal.push({ day, what: 'accrue', numerator: principalOutstanding() * rate.units });
    } else {
      penaltyJournal.push({ day, what: 'accrue', numerator: dueOf('PRINCIPAL') * rate.units * multiplier.units });
    }
    if (dueDays.has(day + 1)) {
      const billed = roundToFen(accruedInterest(), interestDenominator);
      interestJournal.push({ day, what: 'bill', numerator: -billed * interestDenominator });
      if (billed > 0n) dues.push({ dueDay: day + 1, kind: 'INTEREST', amount: billed, payments: [] });
      if (day + 1 === maturity) {
        interestJournal.push({ day, what: 'waive', numerator: -accruedInterest() });
        const notYetDue = principalOutstanding() - dueOf('PRINCIPAL');
        if (notYetDue > 0n) dues.push({ dueDay: maturity, kind: 'PRINCIPAL', amount: notYetDue, payments: [] });
      }
    }
    if (isLastDayOfMonth(day)) billPenalty(day);
  };

  for (let day = valueDay; day <= asOf; day++) {
    repaymentDays.forEach((d, i) => {
      if (d === day) applyRepayment(i, day);
    });
    if (day < asOf && !repaid) closeOfBusiness(day);
  }

  const oldest = oldestUnpaidDueDay();
  const dpd = oldest === undefined ? 0 : asOf - oldest;
  return {
    status: repaid ? 'REPAID' : 'DISBURSED',
    maturityDate: isoDate(maturity),
    principalOutstanding: fenString(principalOutstanding()),
    principalDue: fenString(dueOf('PRINCIPAL')),
    interestDue: fenString(dueOf('INTEREST')),
    penaltyDue: fenString(dueOf('PENALTY')),
    accruedInterest: cnyTenDecimals(accruedInterest(), interestDenominator),
    accruedPenalty: cnyTenDecimals(accruedPenalty(), penaltyDenominator),
    payoffAmount: fenString(payoff()),
    dpd,
    overdue: dpd > terms.graceDays,
    classification: classify(dpd),
    paid: { penalty: fenString(paidOf('PENALTY')), interest: fenString(paidOf('INTEREST')), principal: fenString(paidOf('PRINCIPAL')) },
    refused,
  };
}
