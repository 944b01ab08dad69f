import type { FieldError } from '../common/errors.js';
import { ATTRIBUTE_KEY, attributeFactKind, hasDairyColumns, type AttributeDef } from '../counterparties/roster-schema.js';
import { SUPPLIER_TYPES } from '../suppliers/supplier-types.js';

/**
 * The programme's admission-rule language (api.md, "Eligibility rules and limit formula"): named
 * conditions over supplier facts, every one of which must pass. Programmes own the language and check
 * what they store; eligibility evaluates it (src/eligibility/evaluator.ts).
 */
export const NUMERIC_FACTS = [
  'yearsExperience',
  'herdSize',
  'deliveryMonths',
  'avgMonthlyDeliveryKg',
  'avgMonthlySettlement',
  'age',
  'epidemicCertValidDays',
] as const;
export const STRING_FACTS = ['supplierType', 'province'] as const;
export const BOOLEAN_FACTS = ['hasEpidemicCert', 'blacklisted', 'hasOverdueLoan'] as const;
export const FACTS = [...NUMERIC_FACTS, ...STRING_FACTS, ...BOOLEAN_FACTS] as const;

export type NumericFact = (typeof NUMERIC_FACTS)[number];
export type StringFact = (typeof STRING_FACTS)[number];
export type BooleanFact = (typeof BOOLEAN_FACTS)[number];
export type FactName = (typeof FACTS)[number];

export type FactKind = 'numeric' | 'string' | 'boolean';
/** A fact a rule may name: its kind, and for a closed set of texts (ENUM, supplierType) the values. */
export interface FactSpec {
  kind: FactKind;
  values?: readonly string[];
}
/** The facts of one roster schema, by name: what a programme's rules and formula are checked against. */
export type FactCatalog = ReadonlyMap<string, FactSpec>;

/** Facts every counterparty has, whatever its schema. */
const COMMON_FACTS: readonly FactName[] = ['age', 'supplierType', 'province', 'blacklisted', 'hasOverdueLoan'];

const builtinSpec = (fact: FactName): FactSpec =>
  fact === 'supplierType' ? { kind: 'string', values: SUPPLIER_TYPES } : { kind: builtinKind(fact) };

/**
 * The facts of a schema: the common ones, the dairy facts when it has the dairy columns, and one per
 * stored attribute, named by its key (a DATE attribute reads as days from the evaluation date to it).
 */
export function factCatalog(attributes: readonly AttributeDef[]): FactCatalog {
  const facts = hasDairyColumns(attributes) ? FACTS : COMMON_FACTS;
  const catalog = new Map<string, FactSpec>(facts.map((f) => [f, builtinSpec(f)]));
  for (const a of attributes)
    if (a.column !== true)
      catalog.set(a.key, a.type === 'ENUM' ? { kind: 'string', values: a.values } : { kind: attributeFactKind(a.type) });
  return catalog;
}

/** The dairy roster's facts: what rules were checked against before schemas, and still are without one. */
export const DAIRY_CATALOG: FactCatalog = new Map(FACTS.map((f) => [f, builtinSpec(f)]));

export const OPERATORS = ['>=', '>', '<=', '<', '==', '!=', 'between', 'in', 'notIn', 'isTrue', 'isFalse'] as const;
export type Operator = (typeof OPERATORS)[number];

export type RuleValue = number | string | boolean | Array<number | string> | null | undefined;

export interface EligibilityRule {
  name: string;
  /** A built-in fact, or an attribute key of the programme's roster schema. */
  fact: string;
  operator: Operator;
  value?: RuleValue;
}

const OPERATORS_BY_KIND: Record<'numeric' | 'string' | 'boolean', readonly Operator[]> = {
  numeric: ['>=', '>', '<=', '<', '==', '!=', 'between', 'in', 'notIn'],
  string: ['==', '!=', 'in', 'notIn'],
  boolean: ['isTrue', 'isFalse', '==', '!='],
};

export function factKind(fact: string, catalog: FactCatalog = DAIRY_CATALOG): FactKind {
  const spec = catalog.get(fact);
  if (spec) return spec.kind;
  return builtinKind(fact as FactName);
}

function builtinKind(fact: FactName): FactKind {
  if ((NUMERIC_FACTS as readonly string[]).includes(fact)) return 'numeric';
  if ((STRING_FACTS as readonly string[]).includes(fact)) return 'string';
  return 'boolean';
}

const SIGNED_DECIMAL = /^-?(0|[1-9]\d{0,17})(\.\d{1,10})?$/;
// A JSON number beyond 2^53 has already lost digits when it reaches us: such values must come as strings.
const isNumberValue = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) ||
  (typeof v === 'string' && SIGNED_DECIMAL.test(v));

const RULE_KEYS = new Set(['name', 'fact', 'operator', 'value']);
const MAX_RULES = 50;
const MAX_LIST = 200;

/**
 * Checks a rule list as a programme would store it; answers one FieldError per problem. With the
 * catalog of the programme's roster schema every fact is checked against it; without one (a request
 * body checked before its core enterprise is known) a fact that is no built-in one must at least be
 * an attribute key, and is checked with the schema later.
 */
export function validateRules(input: unknown, field = 'eligibilityRules', catalog?: FactCatalog): FieldError[] {
  const errors: FieldError[] = [];
  const err = (f: string, code: string, message: string) => errors.push({ field: f, code, message });
  if (!Array.isArray(input)) {
    err(field, 'RULES_NOT_A_LIST', `${field} must be a list of rules`);
    return errors;
  }
  if (input.length > MAX_RULES) err(field, 'TOO_MANY_RULES', `${field} may hold at most ${MAX_RULES} rules`);
  const names = new Set<string>();
  input.forEach((rule, i) => {
    const at = `${field}[${i}]`;
    if (!rule || typeof rule !== 'object' || Array.isArray(rule)) {
      err(at, 'RULE_NOT_AN_OBJECT', `${at} must be an object with name, fact, operator and value`);
      return;
    }
    const r = rule as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!RULE_KEYS.has(k)) err(`${at}.${k}`, 'UNKNOWN_FIELD', `${at}.${k} is not a rule field`);
    if (typeof r.name !== 'string' || !/^[\p{L}\p{N}][\p{L}\p{N} _.:-]{0,63}$/u.test(r.name)) {
      err(`${at}.name`, 'RULE_NAME_INVALID', `${at}.name must be 1-64 letters, digits, spaces, '_', '.', ':' or '-'`);
    } else if (names.has(r.name)) {
      err(`${at}.name`, 'RULE_NAME_DUPLICATE', `rule name "${r.name}" is used twice`);
    } else names.add(r.name);

    const known = catalog ? typeof r.fact === 'string' && catalog.has(r.fact) : (FACTS as readonly string[]).includes(r.fact as string);
    const deferred = !catalog && !known && typeof r.fact === 'string' && ATTRIBUTE_KEY.test(r.fact);
    if (!known && !deferred) {
      const names = catalog ? [...catalog.keys()] : FACTS;
      const named = typeof r.fact === 'string' && catalog ? ` (${r.fact} is no fact of the roster schema)` : '';
      err(`${at}.fact`, 'RULE_UNKNOWN_FACT', `${at}.fact must be one of ${names.join(', ')}${named}`);
      return;
    }
    const fact = r.fact as string;
    if (typeof r.operator !== 'string' || !(OPERATORS as readonly string[]).includes(r.operator)) {
      err(`${at}.operator`, 'RULE_UNKNOWN_OPERATOR', `${at}.operator must be one of ${OPERATORS.join(' ')}`);
      return;
    }
    if (deferred) return;
    const spec = catalog?.get(fact) ?? builtinSpec(fact as FactName);
    const kind = spec.kind;
    const op = r.operator as Operator;
    if (!OPERATORS_BY_KIND[kind].includes(op)) {
      err(
        `${at}.operator`,
        'RULE_OPERATOR_NOT_FOR_FACT',
        `operator ${op} does not apply to ${kind} fact ${fact}; use ${OPERATORS_BY_KIND[kind].join(' ')}`,
      );
      return;
    }
    const problem = valueProblem(fact, spec, op, r.value);
    if (problem) err(`${at}.value`, 'RULE_VALUE_TYPE', `${at}.value: ${problem}`);
  });
  return errors;
}

function valueProblem(fact: string, spec: FactSpec, op: Operator, v: unknown): string | null {
  const kind = spec.kind;
  const stringOk = (s: unknown) =>
    typeof s === 'string' && s.length > 0 && s.length <= 100 && (spec.values === undefined || spec.values.includes(s));
  const stringExpect = spec.values === undefined ? 'a non-empty text' : spec.values.join(' or ');
  switch (op) {
    case 'isTrue':
    case 'isFalse':
      return v === undefined || v === null ? null : `${op} takes no value`;
    case 'between': {
      if (!Array.isArray(v) || v.length !== 2 || !v.every(isNumberValue)) return 'between needs [low, high], two numbers';
      return compareNumbers(v[0] as number | string, v[1] as number | string) > 0 ? 'between needs low <= high' : null;
    }
    case 'in':
    case 'notIn': {
      if (!Array.isArray(v) || v.length === 0 || v.length > MAX_LIST) return `${op} needs a list of 1 to ${MAX_LIST} values`;
      if (kind === 'numeric') return v.every(isNumberValue) ? null : `${op} on ${fact} needs numbers`;
      return v.every(stringOk) ? null : `${op} on ${fact} needs values that are ${stringExpect}`;
    }
    default:
      if (kind === 'numeric') return isNumberValue(v) ? null : `${fact} is compared with a number`;
      if (kind === 'boolean') return typeof v === 'boolean' ? null : `${fact} is compared with true or false`;
      return stringOk(v) ? null : `${fact} is compared with ${stringExpect}`;
  }
}

/** Exact comparison of two decimals given as numbers or decimal strings: -1, 0 or 1. */
export function compareNumbers(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareDecimalStrings(numToString(a), numToString(b));
}

/**
 * A number as the plain decimal it was written as. String() gives the shortest text that reads back
 * as the same double, so only its exponent form (below 1e-6, from 1e21) needs the point moved;
 * toFixed would print digits of the binary value instead, and keeps the exponent from 1e21 on.
 */
export function numToString(v: number | string): string {
  if (typeof v === 'string') return v;
  const s = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return point >= digits.length ? sign + digits.padEnd(point, '0') : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function compareDecimalStrings(a: string, b: string): number {
  const na = a.startsWith('-');
  const nb = b.startsWith('-');
  const [ai, af = ''] = (na ? a.slice(1) : a).split('.');
  const [bi, bf = ''] = (nb ? b.slice(1) : b).split('.');
  const aInt = ai.replace(/^0+(?=\d)/, '');
  const bInt = bi.replace(/^0+(?=\d)/, '');
  const aZero = /^0*$/.test(aInt + af);
  const bZero = /^0*$/.test(bInt + bf);
  const sa = aZero ? 0 : na ? -1 : 1;
  const sb = bZero ? 0 : nb ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  let mag: number;
  if (aInt.length !== bInt.length) mag = aInt.length < bInt.length ? -1 : 1;
  else if (aInt !== bInt) mag = aInt < bInt ? -1 : 1;
  else {
    const len = Math.max(af.length, bf.length);
    const x = af.padEnd(len, '0');
    const y = bf.padEnd(len, '0');
    mag = x === y ? 0 : x < y ? -1 : 1;
  }
  return sa < 0 ? -mag : mag;
}
