import type { FieldError } from '../common/errors.js';
import { DECIMAL_PATTERN, MONEY_PATTERN } from '../common/money.js';
import { ATTRIBUTE_KEY } from '../counterparties/roster-schema.js';
import { NUMERIC_FACTS, type FactCatalog } from './rules.js';

/**
 * A programme's credit-limit formula (api.md, "Eligibility rules and limit formula"): the smallest of
 * the terms present, rounded down. Programmes own its shape and check what they store; eligibility
 * computes it (src/eligibility/limit.ts).
 */
export interface LimitFormula {
  maxAmount?: string;
  settlementMultiple?: string;
  perHeadAmount?: string;
  roundDownTo?: string;
  /** multiple x a numeric fact each (an attribute of the roster schema, or a built-in fact). */
  terms?: LimitTerm[];
}

export interface LimitTerm {
  fact: string;
  /** A non-negative decimal string. */
  multiple: string;
}

const FORMULA_KEYS = ['maxAmount', 'settlementMultiple', 'perHeadAmount', 'roundDownTo', 'terms'] as const;
const MAX_TERMS = 10;

/**
 * Checks a formula as a programme would store it. With the catalog of the programme's roster schema
 * each term's fact must be a numeric fact of it; without one (see validateRules) a fact that is no
 * built-in one must at least be an attribute key.
 */
export function validateFormula(input: unknown, field = 'limitFormula', catalog?: FactCatalog): FieldError[] {
  const errors: FieldError[] = [];
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return [{ field, code: 'FORMULA_NOT_AN_OBJECT', message: `${field} must be an object` }];
  }
  const f = input as Record<string, unknown>;
  for (const k of Object.keys(f)) {
    if (!(FORMULA_KEYS as readonly string[]).includes(k)) {
      errors.push({
        field: `${field}.${k}`,
        code: 'UNKNOWN_FIELD',
        message: `${field}.${k} is not a formula term (${FORMULA_KEYS.join(', ')})`,
      });
    }
  }
  const money = (k: string, positive: boolean) => {
    if (f[k] === undefined) return;
    if (typeof f[k] !== 'string' || !MONEY_PATTERN.test(f[k] as string) || (positive && /^0(\.0+)?$/.test(f[k] as string))) {
      errors.push({
        field: `${field}.${k}`,
        code: 'FORMULA_TERM_INVALID',
        message: `${field}.${k} must be a ${positive ? 'positive ' : ''}decimal string with at most 2 decimals, such as "1000"`,
      });
    }
  };
  money('maxAmount', false);
  money('perHeadAmount', false);
  money('roundDownTo', true);
  if (f.settlementMultiple !== undefined && (typeof f.settlementMultiple !== 'string' || !DECIMAL_PATTERN.test(f.settlementMultiple))) {
    errors.push({
      field: `${field}.settlementMultiple`,
      code: 'FORMULA_TERM_INVALID',
      message: `${field}.settlementMultiple must be a non-negative decimal string, such as "3"`,
    });
  }
  // the dairy terms read dairy facts: a schema without the dairy columns cannot answer them
  for (const [term, fact] of [
    ['settlementMultiple', 'avgMonthlySettlement'],
    ['perHeadAmount', 'herdSize'],
  ] as const) {
    if (catalog && f[term] !== undefined && !catalog.has(fact))
      errors.push({
        field: `${field}.${term}`,
        code: 'FORMULA_TERM_UNKNOWN_FACT',
        message: `${field}.${term} reads ${fact}, which the roster schema does not have`,
      });
  }
  if (f.terms !== undefined) errors.push(...termProblems(f.terms, `${field}.terms`, catalog));
  if (f.maxAmount === undefined && f.settlementMultiple === undefined && f.perHeadAmount === undefined && f.terms === undefined) {
    errors.push({
      field,
      code: 'FORMULA_EMPTY',
      message: `${field} needs at least one of maxAmount, settlementMultiple, perHeadAmount, terms`,
    });
  }
  return errors;
}

function termProblems(input: unknown, field: string, catalog: FactCatalog | undefined): FieldError[] {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_TERMS)
    return [{ field, code: 'FORMULA_TERMS_INVALID', message: `${field} must be a list of 1 to ${MAX_TERMS} {fact, multiple}` }];
  const errors: FieldError[] = [];
  input.forEach((term, i) => {
    const at = `${field}[${i}]`;
    if (!term || typeof term !== 'object' || Array.isArray(term)) {
      errors.push({ field: at, code: 'INVALID_OBJECT', message: `${at} must be {fact, multiple}` });
      return;
    }
    const t = term as Record<string, unknown>;
    for (const k of Object.keys(t))
      if (k !== 'fact' && k !== 'multiple')
        errors.push({ field: `${at}.${k}`, code: 'UNKNOWN_FIELD', message: `${at}.${k} is not a term field` });
    if (typeof t.multiple !== 'string' || !DECIMAL_PATTERN.test(t.multiple))
      errors.push({
        field: `${at}.multiple`,
        code: 'FORMULA_TERM_INVALID',
        message: `${at}.multiple must be a non-negative decimal string, such as "0.25"`,
      });
    const fact = t.fact;
    const numeric = catalog
      ? typeof fact === 'string' && catalog.get(fact)?.kind === 'numeric'
      : typeof fact === 'string' && ((NUMERIC_FACTS as readonly string[]).includes(fact) || ATTRIBUTE_KEY.test(fact));
    if (!numeric) {
      const known = typeof fact === 'string' && catalog?.has(fact);
      errors.push({
        field: `${at}.fact`,
        code: known ? 'FORMULA_TERM_NOT_NUMERIC' : 'FORMULA_TERM_UNKNOWN_FACT',
        message: known
          ? `${at}.fact ${String(fact)} is not a number`
          : `${at}.fact ${typeof fact === 'string' ? `${fact} ` : ''}must name a numeric fact or attribute of the roster schema`,
      });
    }
  });
  return errors;
}
