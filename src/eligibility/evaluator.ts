import type { SupplierFacts } from './facts.js';
import {
  compareNumbers,
  factKind,
  numToString,
  validateRules,
  type BooleanFact,
  type EligibilityRule,
  type FactCatalog,
  type FactName,
  type Operator,
} from '../programmes/rules.js';

export interface RuleResult {
  rule: string;
  fact: string;
  operator: Operator;
  passed: boolean;
  actual: number | string | boolean | null;
  expected: string;
  message: string;
}

export interface Evaluation {
  eligible: boolean;
  results: RuleResult[];
}

export interface Screening {
  eligible: boolean;
  /** Indexes, in rule order, of the rules that failed. */
  failed: number[];
  /** On the bank's blacklist: not eligible, whatever the rules say. */
  blacklisted: boolean;
}

/**
 * The name under which the blacklist shows among a screening's results and failed rules. It is no
 * programme rule: the bank's blacklist applies to every programme, whether its rules mention it or not.
 */
export const BLACKLIST_RESULT = 'blacklist';

type Num = number | string;
type Scalar = number | string | boolean;

/** Rules are checked as stored; an unchecked rule would compare garbage and decide silently. */
function assertValid(rules: EligibilityRule[], catalog: FactCatalog | undefined): void {
  const errors = validateRules(rules, 'eligibilityRules', catalog);
  if (errors.length > 0) {
    throw new RangeError(`invalid eligibility rules: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
}

/**
 * Every rule, rule by rule, with what an officer can read to the supplier; a blacklisted supplier's
 * first result is the blacklist, failing with its reason. Empty rules: eligible unless blacklisted.
 */
export function evaluate(
  rules: EligibilityRule[],
  facts: SupplierFacts,
  blacklistReason?: string | null,
  catalog?: FactCatalog,
): Evaluation {
  assertValid(rules, catalog);
  const results = rules.map((rule) => judge(rule, facts, catalog));
  if (facts.blacklisted === true) results.unshift(blacklistResult(blacklistReason));
  return { eligible: results.every((r) => r.passed), results };
}

function blacklistResult(reason: string | null | undefined): RuleResult {
  const statement = BOOLEAN_STATEMENTS.blacklisted.true;
  return {
    rule: BLACKLIST_RESULT,
    fact: 'blacklisted',
    operator: 'isFalse',
    passed: false,
    actual: true,
    expected: expectedText({ name: BLACKLIST_RESULT, fact: 'blacklisted', operator: 'isFalse' }),
    message: reason ? `${statement}: ${reason}` : statement,
  };
}

/** The names of what failed a compiled screening, the blacklist first: what a screening result stores. */
export function failedRuleNames(rules: EligibilityRule[], screening: Screening): string[] {
  const names = screening.failed.map((i) => rules[i].name);
  return screening.blacklisted ? [BLACKLIST_RESULT, ...names] : names;
}

function judge(rule: EligibilityRule, facts: SupplierFacts, catalog: FactCatalog | undefined): RuleResult {
  const { name, fact, operator } = rule;
  const raw = facts[fact];
  const actual = raw === undefined ? null : raw;
  const base = { rule: name, fact, operator, actual, expected: expectedText(rule) };
  if (actual === null) return { ...base, passed: false, message: missingMessage(fact, facts) };
  const passed = holds(rule, actual, catalog);
  return { ...base, passed, message: message(rule, actual, passed) };
}

function holds(rule: EligibilityRule, actual: Scalar, catalog: FactCatalog | undefined): boolean {
  const v = rule.value;
  const numeric = factKind(rule.fact, catalog) === 'numeric';
  const equal = (x: Scalar) => (numeric ? compareNumbers(actual as Num, x as Num) === 0 : actual === x);
  switch (rule.operator) {
    case '>=':
      return compareNumbers(actual as Num, v as Num) >= 0;
    case '>':
      return compareNumbers(actual as Num, v as Num) > 0;
    case '<=':
      return compareNumbers(actual as Num, v as Num) <= 0;
    case '<':
      return compareNumbers(actual as Num, v as Num) < 0;
    case '==':
      return equal(v as Scalar);
    case '!=':
      return !equal(v as Scalar);
    case 'between': {
      const [low, high] = v as Num[];
      return compareNumbers(actual as Num, low) >= 0 && compareNumbers(actual as Num, high) <= 0;
    }
    case 'in':
      return (v as Scalar[]).some(equal);
    case 'notIn':
      return !(v as Scalar[]).some(equal);
    case 'isTrue':
      return actual === true;
    case 'isFalse':
      return actual === false;
  }
}

const LABELS: Record<FactName, string> = {
  yearsExperience: 'years of experience',
  herdSize: 'herd size',
  deliveryMonths: 'milk delivery months',
  avgMonthlyDeliveryKg: 'average monthly milk delivery (kg)',
  avgMonthlySettlement: 'average monthly settlement (CNY)',
  age: 'age',
  epidemicCertValidDays: 'days left on the epidemic prevention certificate',
  supplierType: 'supplier type',
  province: 'province',
  hasEpidemicCert: 'epidemic prevention certificate status',
  blacklisted: 'blacklist status',
  hasOverdueLoan: 'overdue loan status',
};

// A boolean fact reads best as the plain statement of where the supplier stands.
const BOOLEAN_STATEMENTS: Record<BooleanFact, { true: string; false: string }> = {
  hasEpidemicCert: {
    true: 'an epidemic prevention certificate is on record',
    false: 'no epidemic prevention certificate on record',
  },
  blacklisted: { true: 'the supplier is blacklisted', false: 'the supplier is not blacklisted' },
  hasOverdueLoan: { true: 'the supplier has an overdue loan', false: 'the supplier has no overdue loan' },
};

const show = (v: unknown): string => (typeof v === 'number' ? numToString(v) : String(v));
const list = (v: unknown): string => `[${(v as Scalar[]).map(show).join(', ')}]`;

function expectedText(rule: EligibilityRule): string {
  const v = rule.value;
  switch (rule.operator) {
    case 'between': {
      const [low, high] = v as Num[];
      return `between ${show(low)} and ${show(high)}`;
    }
    case 'in':
      return `in ${list(v)}`;
    case 'notIn':
      return `not in ${list(v)}`;
    case 'isTrue':
      return 'is true';
    case 'isFalse':
      return 'is false';
    default:
      return `${rule.operator} ${show(v)}`;
  }
}

/** An attribute's fact is shown by its key, which the roster schema labels. */
const labelOf = (fact: string): string => LABELS[fact as FactName] ?? fact;

function missingMessage(fact: string, facts: SupplierFacts): string {
  if (fact === 'epidemicCertValidDays') {
    return facts.hasEpidemicCert === true
      ? 'the epidemic prevention certificate has no expiry date on record'
      : BOOLEAN_STATEMENTS.hasEpidemicCert.false;
  }
  return `${labelOf(fact)} is missing`;
}

function message(rule: EligibilityRule, actual: Scalar, passed: boolean): string {
  if (typeof actual === 'boolean') {
    const statements = BOOLEAN_STATEMENTS[rule.fact as BooleanFact] as { true: string; false: string } | undefined;
    return statements ? statements[`${actual}`] : `${rule.fact} is ${actual ? 'yes' : 'no'}`;
  }
  const label = labelOf(rule.fact);
  const a = show(actual);
  const v = rule.value;
  const e = show(v);
  switch (rule.operator) {
    case '>=':
      return passed ? `${label} ${a} meets the required ${e}` : `${label} ${a} is below the required ${e}`;
    case '>':
      return passed ? `${label} ${a} is above ${e}` : `${label} ${a} is not above ${e}`;
    case '<=':
      return passed ? `${label} ${a} is within the maximum ${e}` : `${label} ${a} is above the maximum ${e}`;
    case '<':
      return passed ? `${label} ${a} is below ${e}` : `${label} ${a} is not below ${e}`;
    case '==':
      return passed ? `${label} is ${a}, as required` : `${label} is ${a}, not the required ${e}`;
    case '!=':
      return passed ? `${label} is ${a}, not the excluded ${e}` : `${label} is ${a}, which is excluded`;
    case 'between': {
      const [low, high] = (v as Num[]).map(show);
      if (passed) return `${label} ${a} is between ${low} and ${high}`;
      const side = compareNumbers(actual, (v as Num[])[0]) < 0 ? 'below' : 'above';
      return `${label} ${a} is ${side} the range ${low} to ${high}`;
    }
    case 'in':
      return passed ? `${label} ${a} is one of ${list(v)}` : `${label} ${a} is not one of ${list(v)}`;
    case 'notIn':
      return passed ? `${label} ${a} is not one of the excluded ${list(v)}` : `${label} ${a} is one of the excluded ${list(v)}`;
    default:
      // isTrue / isFalse only apply to boolean facts, answered above.
      throw new RangeError(`operator ${rule.operator} on ${rule.fact}`);
  }
}

// ---- compiled screening: the same decisions with no text, for whole rosters ----

type Check = (facts: SupplierFacts) => boolean;

/**
 * A compiled rule list for screening many suppliers: decides exactly as `evaluate` does, with the
 * rule values parsed once and no strings built per supplier.
 */
export function compileRules(rules: EligibilityRule[], catalog?: FactCatalog): (facts: SupplierFacts) => Screening {
  assertValid(rules, catalog);
  const checks = rules.map((rule) => compileRule(rule, catalog));
  const n = checks.length;
  return (facts) => {
    const failed: number[] = [];
    for (let i = 0; i < n; i++) if (!checks[i](facts)) failed.push(i);
    const blacklisted = facts.blacklisted === true;
    return { eligible: !blacklisted && failed.length === 0, failed, blacklisted };
  };
}

function compileRule(rule: EligibilityRule, catalog: FactCatalog | undefined): Check {
  const fact = rule.fact;
  const v = rule.value;
  if (factKind(fact, catalog) === 'numeric') return compileNumeric(fact, rule.operator, v);
  switch (rule.operator) {
    case 'isTrue':
      return (f) => f[fact] === true;
    case 'isFalse':
      return (f) => f[fact] === false;
    case '==':
      return (f) => f[fact] === v;
    case '!=':
      return (f) => {
        const x = f[fact];
        return x !== null && x !== undefined && x !== v;
      };
    case 'in':
    case 'notIn': {
      const set = new Set(v as Scalar[]);
      const wanted = rule.operator === 'in';
      return (f) => {
        const x = f[fact];
        return x !== null && x !== undefined && set.has(x) === wanted;
      };
    }
    default:
      // validateRules refuses ordering operators on string and boolean facts.
      throw new RangeError(`operator ${rule.operator} on ${fact}`);
  }
}

function compileNumeric(fact: string, operator: Operator, v: EligibilityRule['value']): Check {
  const get = (f: SupplierFacts) => f[fact] as Num | null | undefined;
  switch (operator) {
    case '>=':
    case '>':
    case '<=':
    case '<':
    case '==':
    case '!=': {
      const b = bound(v as Num);
      const accept = ACCEPT[operator];
      return (f) => {
        const x = get(f);
        return x !== null && x !== undefined && accept(compareTo(x, b));
      };
    }
    case 'between': {
      const [low, high] = (v as Num[]).map(bound);
      return (f) => {
        const x = get(f);
        return x !== null && x !== undefined && compareTo(x, low) >= 0 && compareTo(x, high) <= 0;
      };
    }
    case 'in':
    case 'notIn': {
      const bounds = (v as Num[]).map(bound);
      // Whole-number entries answer integer facts, the usual case, by a single lookup.
      const integers = new Set(bounds.filter((b) => b.low === b.high).map((b) => b.low));
      const wanted = operator === 'in';
      return (f) => {
        const x = get(f);
        if (x === null || x === undefined) return false;
        const found = Number.isSafeInteger(x) ? integers.has(x as number) : bounds.some((b) => compareTo(x, b) === 0);
        return found === wanted;
      };
    }
    default:
      // validateRules refuses isTrue and isFalse on numeric facts.
      throw new RangeError(`operator ${operator} on ${fact}`);
  }
}

const ACCEPT: Record<'>=' | '>' | '<=' | '<' | '==' | '!=', (c: number) => boolean> = {
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '<': (c) => c < 0,
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
};

/**
 * A rule value prepared for both kinds of numeric fact: its canonical digits for decimal-string
 * facts, and its floor and ceiling for integer facts (n >= v exactly when n >= ceil(v), and so on),
 * which plain number comparison then decides exactly for safe integers: beyond the safe range the
 * floor and ceiling may round, but never past a safe integer.
 */
interface Bound {
  text: string;
  sign: number;
  int: string;
  frac: string;
  low: number;
  high: number;
}

function bound(v: Num): Bound {
  const text = numToString(v);
  const negative = text.startsWith('-');
  const [intPart, fracPart = ''] = (negative ? text.slice(1) : text).split('.');
  const int = intPart.replace(/^0+/, '');
  const frac = fracPart.replace(/0+$/, '');
  const sign = int === '' && frac === '' ? 0 : negative ? -1 : 1;
  const whole = BigInt(int || '0') * BigInt(negative ? -1 : 1);
  // Truncation toward zero is the floor for positives and the ceiling for negatives.
  const fractional = frac === '' ? 0n : 1n;
  const floor = negative ? whole - fractional : whole;
  const ceil = negative ? whole : whole + fractional;
  return { text, sign, int, frac, low: Number(floor), high: Number(ceil) };
}

function compareTo(x: Num, b: Bound): number {
  if (typeof x === 'string') return compareDecimalText(x, b);
  if (!Number.isSafeInteger(x)) return compareNumbers(x, b.text);
  if (x < b.low) return -1;
  if (x > b.high) return 1;
  if (b.low === b.high) return 0;
  return x === b.low ? -1 : 1;
}

/** compareNumbers for a decimal string against a prepared value, reading characters in place. */
function compareDecimalText(s: string, b: Bound): number {
  const len = s.length;
  const negative = s.charCodeAt(0) === 45;
  let start = negative ? 1 : 0;
  let dot = s.indexOf('.', start);
  if (dot < 0) dot = len;
  while (start < dot && s.charCodeAt(start) === 48) start++;
  let end = len;
  while (end > dot + 1 && s.charCodeAt(end - 1) === 48) end--;
  const intLen = dot - start;
  const fracLen = dot < len ? end - dot - 1 : 0;
  const sign = intLen === 0 && fracLen === 0 ? 0 : negative ? -1 : 1;
  if (sign !== b.sign) return sign < b.sign ? -1 : 1;
  if (sign === 0) return 0;
  let mag = intLen === b.int.length ? 0 : intLen < b.int.length ? -1 : 1;
  for (let k = 0; mag === 0 && k < intLen; k++) mag = Math.sign(s.charCodeAt(start + k) - b.int.charCodeAt(k));
  const common = Math.min(fracLen, b.frac.length);
  for (let k = 0; mag === 0 && k < common; k++) mag = Math.sign(s.charCodeAt(dot + 1 + k) - b.frac.charCodeAt(k));
  if (mag === 0) mag = Math.sign(fracLen - b.frac.length);
  return sign * mag;
}
