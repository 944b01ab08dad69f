import type { LoanTerms, Scenario, ScenarioRepayment } from '../scenario.js';

/*
 * Random loans for the engine-vs-oracle comparison, reproducible from a seed. The draws lean on the
 * places where day counts go wrong: month ends, 29 February of 2024 and 2028, interest days 29-31,
 * repayments on V, on M and on month ends, amounts one fen either side of the payoff, and overdue
 * periods long enough to reach every classification. Randomness may be a float; money never is:
 * every amount is drawn as whole fen and written as a string.
 */

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi]. */
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;

const DAY_MS = 86_400_000;
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (y: number, m0: number, d: number) => Date.UTC(y, m0, d) / DAY_MS;
const lastOfMonth = (day: number) => {
  const d = new Date(day * DAY_MS);
  return dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
};

function fenToMoney(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function moneyToFen(money: string): number {
  const [units, cents] = money.split('.');
  return Number(units) * 100 + Number(cents);
}

const MIN_PRINCIPAL = 100_000; // 1,000.00
const MAX_PRINCIPAL = 500_000_000; // 5,000,000.00

function principalFen(rng: Rng): number {
  const kind = rng();
  let fen: number;
  if (kind < 0.4) fen = Math.round(Math.exp(Math.log(MIN_PRINCIPAL) + rng() * Math.log(MAX_PRINCIPAL / MIN_PRINCIPAL)));
  else if (kind < 0.7) fen = int(rng, MIN_PRINCIPAL, MAX_PRINCIPAL);
  // A round amount with an odd fen on it: 123,400.07.
  else fen = int(rng, 10, 50_000) * 10_000 + int(rng, 0, 49) * 2 + 1;
  return Math.min(MAX_PRINCIPAL, Math.max(MIN_PRINCIPAL, fen));
}

function valueDay(rng: Rng): number {
  const kind = rng();
  const year = int(rng, 2023, 2029);
  if (kind < 0.25) {
    // Around a month end.
    const end = dayOf(year, int(rng, 0, 11) + 1, 0);
    return end + int(rng, -2, 1);
  }
  if (kind < 0.45) {
    // Late January to early March of a leap year.
    return dayOf(pick(rng, [2024, 2028]), 0, 20) + int(rng, 0, 45);
  }
  return dayOf(year, 0, 1) + int(rng, 0, 364);
}

function termDays(rng: Rng, v: number): number {
  const kind = rng();
  if (kind < 0.4) return int(rng, 7, 365);
  if (kind < 0.7) return pick(rng, [7, 8, 28, 29, 30, 31, 59, 60, 61, 90, 91, 92, 180, 181, 182, 364, 365]);
  // Maturity on a month end or on 28/29 February (of the same year or the next).
  const d = new Date(v * DAY_MS);
  const targets = [
    lastOfMonth(v + int(rng, 7, 365)),
    dayOf(d.getUTCFullYear(), 1, 28),
    dayOf(d.getUTCFullYear(), 1, 29),
    dayOf(d.getUTCFullYear() + 1, 1, 28),
    dayOf(d.getUTCFullYear() + 1, 2, 1),
  ];
  const term = pick(rng, targets) - v;
  return term >= 7 && term <= 365 ? term : int(rng, 7, 365);
}

/** Days from V to asOf: before maturity, around it, or overdue by up to 400 days. */
function asOfOffset(rng: Rng, term: number): number {
  const kind = rng();
  if (kind < 0.25) return int(rng, 0, term);
  if (kind < 0.4) return Math.max(0, term + int(rng, -3, 5));
  if (kind < 0.55) return term + pick(rng, [0, 1, 2, 3, 4, 5, 30, 31, 90, 91, 92, 270, 271, 272, 360, 361, 362]);
  return term + int(rng, 0, 400);
}

/** Repayment dates in [V, asOf], sorted, leaning on V, M, month ends, asOf and repeats. */
function repaymentDays(rng: Rng, v: number, m: number, asOf: number): number[] {
  const count = chance(rng, 0.25) ? 0 : int(rng, 1, 6);
  const days: number[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng();
    let day: number;
    if (kind < 0.1) day = v;
    else if (kind < 0.2) day = m + int(rng, -1, 1);
    else if (kind < 0.3) day = lastOfMonth(int(rng, v, asOf)) + int(rng, 0, 1);
    else if (kind < 0.4) day = asOf;
    else if (kind < 0.5 && days.length > 0) day = days[days.length - 1];
    else day = int(rng, v, asOf);
    days.push(Math.min(asOf, Math.max(v, day)));
  }
  return days.sort((a, b) => a - b);
}

/** What repays everything on a date, given the repayments before it (the oracle's answer, in tests). */
export type PayoffProbe = (scenario: Scenario) => string;

function repaymentFen(rng: Rng, terms: LoanTerms, payoff: () => number): number {
  const principal = moneyToFen(terms.principal);
  const kind = rng();
  if (kind < 0.2) return int(rng, 1, 5_000);
  if (kind < 0.45) return int(rng, 1, principal);
  if (kind < 0.6) {
    // About one period's interest.
    const rate = Number(terms.annualRate);
    return Math.max(1, Math.round(((principal * rate) / 360) * int(rng, 1, 60)));
  }
  if (kind < 0.75) return Math.max(1, payoff() + pick(rng, [0, 0, 0, 0, -1, 1]));
  if (kind < 0.9) return Math.max(1, Math.floor(payoff() * rng()));
  if (kind < 0.96) return int(rng, principal, principal * 2);
  return 1;
}

export function randomScenario(rng: Rng, payoffProbe?: PayoffProbe): Scenario {
  const v = valueDay(rng);
  const term = termDays(rng, v);
  const terms: LoanTerms = {
    principal: fenToMoney(principalFen(rng)),
    annualRate: `0.${String(int(rng, 100, 1500)).padStart(4, '0')}`,
    basis: chance(rng, 0.5) ? 'ACT/360' : 'ACT/365',
    repaymentType: chance(rng, 0.5) ? 'INTEREST_MONTHLY' : 'BULLET',
    interestDay: chance(rng, 0.5) ? int(rng, 1, 31) : pick(rng, [1, 28, 29, 30, 31]),
    graceDays: pick(rng, [0, 1, 3, 3, 3, 5, 7, 10, 30]),
    penaltyRateMultiplier: pick(rng, ['1.5', '1.5', '1.5', '1.3', '2', '1', '1.25', '1.75']),
    valueDate: toIso(v),
    termDays: term,
  };
  const asOf = v + asOfOffset(rng, term);
  const repayments: ScenarioRepayment[] = [];
  for (const day of repaymentDays(rng, v, v + term, asOf)) {
    const date = toIso(day);
    const payoff = () => {
      // Without a probe, principal plus a year's interest stands in for the payoff.
      if (!payoffProbe) return Math.round(moneyToFen(terms.principal) * (1 + Number(terms.annualRate)));
      return moneyToFen(payoffProbe({ terms, repayments: [...repayments], asOf: date }));
    };
    repayments.push({ date, amount: fenToMoney(repaymentFen(rng, terms, payoff)) });
  }
  return { terms, repayments, asOf: toIso(asOf) };
}

/** `count` scenarios from `seed`; the same arguments always give the same scenarios. */
export function randomScenarios(count: number, seed: number, payoffProbe?: PayoffProbe): Scenario[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => randomScenario(rng, payoffProbe));
}
