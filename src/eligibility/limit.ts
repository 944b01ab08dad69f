import type { FactScalar, SupplierFacts } from './facts.js';
import { validateFormula, type LimitFormula } from '../programmes/limit-formula.js';
import { numToString, type FactCatalog } from '../programmes/rules.js';

export type LimitFacts = Pick<SupplierFacts, 'avgMonthlySettlement' | 'herdSize'> & {
  readonly [fact: string]: FactScalar | null | undefined;
};
/** The formula field that brings a term in; `terms[i]:fact` for each of `terms`. */
export type LimitTermName = string;
/** Each term the formula has, keyed by its name, in CNY rounded down to the fen. */
export type LimitTerms = Record<LimitTermName, string>;

interface Term {
  name: LimitTermName;
  /** The term's value in fen, rounded down. */
  fen: (facts: LimitFacts) => bigint;
}

const ZERO = '0.00';
const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;
const POW10: bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));
const pow10 = (n: number) => POW10[n] ?? 10n ** BigInt(n);

/**
 * The limit computation for one formula, with its amounts parsed once, for screening many suppliers.
 * All arithmetic is on integers scaled to the fen (BigInt): the formula allows 16-digit amounts and a
 * multiple with 10 decimals, beyond both a float and decimal.js at money precision.
 */
export function compileFormula(formula: LimitFormula, catalog?: FactCatalog): (facts: LimitFacts, eligible: boolean) => string {
  const terms = compileTerms(formula, catalog);
  const step = formula.roundDownTo === undefined ? 1n : toFen(formula.roundDownTo);
  return (facts, eligible) => {
    if (!eligible) return ZERO;
    let limit = terms[0].fen(facts);
    for (let i = 1; i < terms.length; i++) {
      const v = terms[i].fen(facts);
      if (v < limit) limit = v;
    }
    // Each term is already rounded down to the fen, roundDownTo is whole fen, and rounding down
    // commutes with min: this is the exact minimum rounded down.
    return formatFen(limit - (limit % step));
  };
}

/**
 * The credit limit: 0.00 when not eligible, else the smallest of the terms present in the formula
 * (a term whose fact the supplier lacks counts as 0), rounded down to a multiple of roundDownTo, or
 * to the fen when the formula has none.
 */
export function computeLimit(formula: LimitFormula, facts: LimitFacts, eligible: boolean, catalog?: FactCatalog): string {
  return compileFormula(formula, catalog)(facts, eligible);
}

/** Each present term's value, to explain the limit. */
export function limitTerms(formula: LimitFormula, facts: LimitFacts, catalog?: FactCatalog): LimitTerms {
  const out: LimitTerms = {};
  for (const t of compileTerms(formula, catalog)) out[t.name] = formatFen(t.fen(facts));
  return out;
}

function compileTerms(formula: LimitFormula, catalog: FactCatalog | undefined): Term[] {
  const errors = validateFormula(formula, 'limitFormula', catalog);
  if (errors.length > 0) {
    throw new RangeError(`invalid limit formula: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
  const terms: Term[] = [];
  if (formula.maxAmount !== undefined) {
    const max = toFen(formula.maxAmount);
    terms.push({ name: 'maxAmount', fen: () => max });
  }
  if (formula.settlementMultiple !== undefined) {
    const multiple = parseDecimal('settlementMultiple', formula.settlementMultiple);
    terms.push({
      name: 'settlementMultiple',
      fen: (facts) => {
        if (facts.avgMonthlySettlement === null) return 0n;
        const settlement = parseDecimal('avgMonthlySettlement', facts.avgMonthlySettlement);
        // Non-negative operands: BigInt division truncates, which is rounding down.
        return (multiple.units * settlement.units * 100n) / pow10(multiple.scale + settlement.scale);
      },
    });
  }
  if (formula.perHeadAmount !== undefined) {
    const perHead = toFen(formula.perHeadAmount);
    terms.push({
      name: 'perHeadAmount',
      fen: (facts) => {
        const herd = facts.herdSize;
        if (herd === null) return 0n;
        if (!(Number.isSafeInteger(herd) && herd >= 0)) throw new RangeError(`herdSize ${herd} is not a non-negative integer`);
        return perHead * BigInt(herd);
      },
    });
  }
  (formula.terms ?? []).forEach(({ fact, multiple }, i) => {
    const m = parseDecimal('multiple', multiple);
    terms.push({
      name: `terms[${i}]:${fact}`,
      fen: (facts) => {
        const v = facts[fact];
        // a missing value counts as 0, as a missing settlement figure does; so does a negative one
        if (v === null || v === undefined || typeof v === 'boolean') return 0n;
        const text = numToString(v);
        if (text.startsWith('-')) return 0n;
        const value = parseDecimal(fact, text);
        return (m.units * value.units * 100n) / pow10(m.scale + value.scale);
      },
    });
  });
  return terms;
}

/** A non-negative decimal string as units of 10^-scale. */
function parseDecimal(what: string, text: string): { units: bigint; scale: number } {
  if (!UNSIGNED_DECIMAL.test(text)) throw new RangeError(`${what} "${text}" is not a non-negative decimal`);
  const dot = text.indexOf('.');
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

// Only for formula amounts, which validateFormula has held to 2 decimals.
function toFen(money: string): bigint {
  const { units, scale } = parseDecimal('amount', money);
  return units * pow10(2 - scale);
}

function formatFen(fen: bigint): string {
  const digits = fen.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
