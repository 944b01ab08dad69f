import { mulberry32 } from '../common/seeded-random.spec-helper.js';
import { BLACKLIST_RESULT, compileRules, evaluate, failedRuleNames } from './evaluator.js';
import type { SupplierFacts } from './facts.js';
import {
  FACTS,
  OPERATORS,
  compareNumbers,
  factKind,
  numToString,
  validateRules,
  type EligibilityRule,
  type FactName,
  type Operator,
  type RuleValue,
} from '../programmes/rules.js';

const FULL: SupplierFacts = {
  yearsExperience: '5.50',
  herdSize: 120,
  deliveryMonths: 24,
  avgMonthlyDeliveryKg: '54000.5',
  avgMonthlySettlement: '180000.00',
  age: 45,
  epidemicCertValidDays: 200,
  supplierType: 'INDIVIDUAL',
  province: '内蒙古',
  hasEpidemicCert: true,
  blacklisted: false,
  hasOverdueLoan: false,
};

const facts = (over: Partial<Record<FactName, unknown>> = {}) => ({ ...FULL, ...over }) as SupplierFacts;
// A programme must give numbers beyond 2^53 as decimal strings (a JSON number has lost digits already),
// so the large sample values below reach the rules the way a client has to send them.
const exact = (v: number | string | boolean) => (typeof v === 'number' && Math.abs(v) > Number.MAX_SAFE_INTEGER ? numToString(v) : v);
const rule = (fact: FactName, operator: Operator, value?: RuleValue): EligibilityRule =>
  value === undefined
    ? { name: 'r', fact, operator }
    : {
        name: 'r',
        fact,
        operator,
        value: Array.isArray(value) ? value.map((x) => exact(x) as number | string) : value === null ? value : exact(value),
      };

/** The decision of one rule, asserted to be the same from evaluate and from compileRules. */
function decide(r: EligibilityRule, f: SupplierFacts): boolean {
  const slow = evaluate([r], f);
  const fast = compileRules([r])(f);
  // the rule's own result comes last, after the blacklist's when the supplier is on it
  const own = slow.results.at(-1)!;
  expect(fast).toEqual({ eligible: slow.eligible, failed: own.passed ? [] : [0], blacklisted: f.blacklisted === true });
  return own.passed;
}

const ORDER: Record<'>=' | '>' | '<=' | '<' | '==' | '!=', (c: number) => boolean> = {
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '<': (c) => c < 0,
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
};
const COMPARISONS = Object.keys(ORDER) as Array<keyof typeof ORDER>;

describe('numeric comparisons at their boundary', () => {
  // [actual, rule value, how actual compares with the value]
  const decimalCases: Array<[string, number | string, number]> = [
    ['2.99', 3, -1],
    ['3', 3, 0],
    ['3.00', 3, 0],
    ['3.01', 3, 1],
    ['2.99', '3', -1],
    ['3.0', '3.00', 0],
    ['3.01', '3.00', 1],
    ['2.9999999999', 3, -1],
    ['3.0000000001', '3', 1],
    ['2.99', '2.99', 0],
    ['0.3', 0.3, 0],
    ['0.30', '0.3000000001', -1],
    ['-0.01', 0, -1],
    ['0.00', '-0', 0],
    ['9999999999999999.99', '9999999999999999.98', 1],
    ['9999999999999999.99', '999999999999999999', -1],
    ['123456789012345678.9999999999', '123456789012345679', -1],
  ];
  const integerCases: Array<[number, number | string, number]> = [
    [9, 10, -1],
    [10, 10, 0],
    [11, 10, 1],
    [10, '10', 0],
    [10, '10.00', 0],
    [10, '9.99', 1],
    [10, '10.01', -1],
    [9, '9.99', -1],
    [11, '10.01', 1],
    [-1, 0, -1],
    [0, '-0.5', 1],
    [-1, '-0.5', -1],
    [0, -0, 0],
    [100000, 2.5, 1],
    [2, 2.5, -1],
    [3, 2.5, 1],
    [Number.MAX_SAFE_INTEGER, '9007199254740991.5', -1],
    [Number.MAX_SAFE_INTEGER, '9007199254740992', -1],
    [Number.MAX_SAFE_INTEGER, 2 ** 53, -1],
    [-Number.MAX_SAFE_INTEGER, '-9007199254740991.5', 1],
    [5, '123456789012345678', -1],
    [5, '-123456789012345678', 1],
    [5, '999999999999999999', -1],
  ];

  it.each(COMPARISONS.flatMap((op) => decimalCases.map(([a, v, c]) => [a, op, v, ORDER[op](c)] as const)))(
    'yearsExperience %p %s %p: %p',
    (actual, operator, value, passed) => {
      expect(decide(rule('yearsExperience', operator, value), facts({ yearsExperience: actual }))).toBe(passed);
    },
  );

  it.each(COMPARISONS.flatMap((op) => integerCases.map(([a, v, c]) => [a, op, v, ORDER[op](c)] as const)))(
    'epidemicCertValidDays %p %s %p: %p',
    (actual, operator, value, passed) => {
      expect(decide(rule('epidemicCertValidDays', operator, value), facts({ epidemicCertValidDays: actual }))).toBe(passed);
    },
  );
});

describe('between, inclusive at both ends', () => {
  it.each([
    [9, false],
    [10, true],
    [11, true],
    [4999, true],
    [5000, true],
    [5001, false],
  ])('herdSize %p between [10, 5000]: %p', (herdSize, passed) => {
    expect(decide(rule('herdSize', 'between', [10, 5000]), facts({ herdSize }))).toBe(passed);
  });

  it.each([
    ['2.98', false],
    ['2.99', true],
    ['2.990', true],
    ['3', true],
    ['3.01', true],
    ['3.0100000001', false],
    ['3.02', false],
  ])('yearsExperience %p between ["2.99", 3.01]: %p', (yearsExperience, passed) => {
    expect(decide(rule('yearsExperience', 'between', ['2.99', 3.01]), facts({ yearsExperience }))).toBe(passed);
  });

  it.each([
    [2, false],
    [3, true],
    [4, false],
  ])('age %p between [2.5, 3.5] (integer facts against decimal ends): %p', (age, passed) => {
    expect(decide(rule('age', 'between', ['2.5', 3.5]), facts({ age }))).toBe(passed);
  });

  it('a one-point range holds only that point', () => {
    expect(decide(rule('deliveryMonths', 'between', [12, '12.00']), facts({ deliveryMonths: 12 }))).toBe(true);
    expect(decide(rule('deliveryMonths', 'between', [12, 12]), facts({ deliveryMonths: 13 }))).toBe(false);
  });
});

describe('in and notIn, by exact value', () => {
  it.each([
    ['herdSize', 10, [10, 20], true],
    ['herdSize', 10, ['10.00'], true],
    ['herdSize', 10, [9.99, '10.01'], false],
    ['herdSize', 10, ['999999999999999999', '123456789012345678'], false],
    ['yearsExperience', '3.00', [3], true],
    ['yearsExperience', '3', ['3.0', 4], true],
    ['yearsExperience', '3.01', [3, '3.1'], false],
    ['yearsExperience', '0.1', [0.1], true],
    ['supplierType', 'ENTITY', ['INDIVIDUAL', 'ENTITY'], true],
    ['supplierType', 'ENTITY', ['INDIVIDUAL'], false],
    ['province', '内蒙古', ['内蒙古', '黑龙江'], true],
    ['province', '内蒙古自治区', ['内蒙古'], false],
    ['province', 'hebei', ['Hebei'], false],
  ] as Array<[FactName, unknown, Array<number | string>, boolean]>)('%s %p in %p: %p', (fact, actual, value, found) => {
    expect(decide(rule(fact, 'in', value), facts({ [fact]: actual }))).toBe(found);
    expect(decide(rule(fact, 'notIn', value), facts({ [fact]: actual }))).toBe(!found);
  });
});

describe('equality on strings and booleans', () => {
  it.each([
    ['supplierType', 'INDIVIDUAL', 'INDIVIDUAL', true],
    ['supplierType', 'ENTITY', 'INDIVIDUAL', false],
    ['province', '内蒙古', '内蒙古', true],
    ['province', '内蒙古 ', '内蒙古', false],
    ['blacklisted', false, false, true],
    ['blacklisted', true, false, false],
    ['hasEpidemicCert', true, true, true],
  ] as Array<[FactName, unknown, string | boolean, boolean]>)('%s %p == %p: %p', (fact, actual, value, equal) => {
    expect(decide(rule(fact, '==', value), facts({ [fact]: actual }))).toBe(equal);
    expect(decide(rule(fact, '!=', value), facts({ [fact]: actual }))).toBe(!equal);
  });

  it.each([
    ['blacklisted', true],
    ['blacklisted', false],
    ['hasOverdueLoan', true],
    ['hasEpidemicCert', false],
  ] as Array<[FactName, boolean]>)('%s = %p: isTrue and isFalse', (fact, actual) => {
    expect(decide(rule(fact, 'isTrue'), facts({ [fact]: actual }))).toBe(actual);
    expect(decide(rule(fact, 'isFalse'), facts({ [fact]: actual }))).toBe(!actual);
  });
});

/** A value each (fact, operator) pair takes, chosen so that it would pass on FULL were the fact there. */
function someValue(fact: FactName, op: Operator): RuleValue {
  const kind = factKind(fact);
  const present = FULL[fact] as number | string | boolean;
  if (op === 'isTrue' || op === 'isFalse') return undefined;
  if (kind === 'numeric') {
    if (op === 'between') return [0, '1000000'];
    if (op === 'in') return [present as number | string];
    if (op === 'notIn') return [-7];
    if (op === '!=') return -7;
    return op === '<' || op === '<=' ? '1000000' : op === '==' ? (present as number | string) : 0;
  }
  if (op === 'in') return [present as string];
  if (op === 'notIn') return fact === 'supplierType' ? ['ENTITY'] : ['河北'];
  if (op === '!=') return kind === 'boolean' ? !present : fact === 'supplierType' ? 'ENTITY' : '河北';
  return present;
}

describe('a missing fact fails every rule on it', () => {
  const pairs = FACTS.flatMap((fact) =>
    OPERATORS.filter((op) => validateRules([rule(fact, op, someValue(fact, op))]).length === 0).map((op) => [fact, op] as const),
  );

  it('covers every operator the rule language allows for each fact', () => {
    expect(pairs).toHaveLength(7 * 9 + 2 * 4 + 3 * 4);
  });

  it.each(pairs)('%s %s', (fact, operator) => {
    const r = rule(fact, operator, someValue(fact, operator));
    const flag = operator === 'isTrue' || operator === 'isFalse' ? { [fact]: operator === 'isTrue' } : {};
    // the rule's own result: `blacklisted isTrue` passes on a blacklisted supplier, who is still not eligible
    expect(evaluate([r], facts(flag)).results.at(-1)!.passed).toBe(true);
    for (const missing of [null, undefined]) {
      const f = facts({ [fact]: missing });
      const result = evaluate([r], f).results[0];
      expect(result).toMatchObject({ passed: false, actual: null });
      if (fact !== 'epidemicCertValidDays') expect(result.message).toMatch(/ is missing$/);
      expect(compileRules([r])(f)).toEqual({ eligible: false, failed: [0], blacklisted: false });
    }
  });

  it('says which value is missing', () => {
    const f = facts({ herdSize: null, province: null, blacklisted: null });
    expect(
      evaluate(
        [
          rule('herdSize', '!=', 0),
          { ...rule('province', 'notIn', ['河北']), name: 'p' },
          { ...rule('blacklisted', 'isFalse'), name: 'b' },
        ],
        f,
      ).results.map((r) => r.message),
    ).toEqual(['herd size is missing', 'province is missing', 'blacklist status is missing']);
  });

  it('a rule on certificate validity fails when there is no certificate, and says so', () => {
    const r = rule('epidemicCertValidDays', '>=', 30);
    const none = evaluate([r], facts({ hasEpidemicCert: false, epidemicCertValidDays: null }));
    expect(none.results[0]).toEqual({
      rule: 'r',
      fact: 'epidemicCertValidDays',
      operator: '>=',
      passed: false,
      actual: null,
      expected: '>= 30',
      message: 'no epidemic prevention certificate on record',
    });
    const noExpiry = evaluate([r], facts({ hasEpidemicCert: true, epidemicCertValidDays: null }));
    expect(noExpiry.results[0].message).toBe('the epidemic prevention certificate has no expiry date on record');
    expect(evaluate([rule('epidemicCertValidDays', '<', 0)], facts({ hasEpidemicCert: false, epidemicCertValidDays: null })).eligible).toBe(
      false,
    );
  });
});

describe('evaluate: results and explanations', () => {
  it('an empty rule list is eligible', () => {
    expect(evaluate([], FULL)).toEqual({ eligible: true, results: [] });
    expect(compileRules([])(FULL)).toEqual({ eligible: true, failed: [], blacklisted: false });
  });

  it('answers one result per rule, in rule order, eligible only when all pass', () => {
    const rules: EligibilityRule[] = [
      { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
      { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
      { name: 'type', fact: 'supplierType', operator: 'in', value: ['INDIVIDUAL', 'ENTITY'] },
      { name: 'not blacklisted', fact: 'blacklisted', operator: 'isFalse' },
    ];
    const ok = evaluate(rules, FULL);
    expect(ok.eligible).toBe(true);
    expect(ok.results.map((r) => [r.rule, r.passed])).toEqual([
      ['experience', true],
      ['herd', true],
      ['type', true],
      ['not blacklisted', true],
    ]);
    const bad = evaluate(rules, facts({ yearsExperience: '2.5', hasOverdueLoan: true }));
    expect(bad.eligible).toBe(false);
    expect(bad.results.map((r) => r.passed)).toEqual([false, true, true, true]);
    expect(compileRules(rules)(facts({ yearsExperience: '2.5', herdSize: 5 }))).toEqual({
      eligible: false,
      failed: [0, 1],
      blacklisted: false,
    });
  });

  it('gives the actual value, a short expected form and a readable sentence', () => {
    expect(evaluate([rule('yearsExperience', '>=', 3)], facts({ yearsExperience: '2.5' })).results[0]).toEqual({
      rule: 'r',
      fact: 'yearsExperience',
      operator: '>=',
      passed: false,
      actual: '2.5',
      expected: '>= 3',
      message: 'years of experience 2.5 is below the required 3',
    });
  });

  const explain = (r: EligibilityRule, over: Partial<Record<FactName, unknown>> = {}) => {
    const result = evaluate([r], facts(over)).results.at(-1)!;
    return [result.expected, result.message];
  };

  it.each<[EligibilityRule, Partial<Record<FactName, unknown>>, string, string]>([
    [rule('yearsExperience', '>=', 3), { yearsExperience: '3.00' }, '>= 3', 'years of experience 3.00 meets the required 3'],
    [rule('herdSize', 'between', [10, 5000]), {}, 'between 10 and 5000', 'herd size 120 is between 10 and 5000'],
    [rule('herdSize', 'between', [10, 5000]), { herdSize: 8 }, 'between 10 and 5000', 'herd size 8 is below the range 10 to 5000'],
    [rule('herdSize', 'between', [10, 5000]), { herdSize: 6000 }, 'between 10 and 5000', 'herd size 6000 is above the range 10 to 5000'],
    [rule('age', '<=', 65), { age: 66 }, '<= 65', 'age 66 is above the maximum 65'],
    [rule('age', '<=', 65), {}, '<= 65', 'age 45 is within the maximum 65'],
    [rule('age', '<', '65.5'), {}, '< 65.5', 'age 45 is below 65.5'],
    [rule('age', '<', 18), {}, '< 18', 'age 45 is not below 18'],
    [rule('deliveryMonths', '>', 24), {}, '> 24', 'milk delivery months 24 is not above 24'],
    [rule('deliveryMonths', '>', 12), {}, '> 12', 'milk delivery months 24 is above 12'],
    [
      rule('epidemicCertValidDays', '>=', 30),
      { epidemicCertValidDays: -1 },
      '>= 30',
      'days left on the epidemic prevention certificate -1 is below the required 30',
    ],
    [
      rule('avgMonthlySettlement', '>=', '999999999999999999'),
      {},
      '>= 999999999999999999',
      'average monthly settlement (CNY) 180000.00 is below the required 999999999999999999',
    ],
    [
      rule('supplierType', 'in', ['INDIVIDUAL', 'ENTITY']),
      {},
      'in [INDIVIDUAL, ENTITY]',
      'supplier type INDIVIDUAL is one of [INDIVIDUAL, ENTITY]',
    ],
    [rule('supplierType', 'in', ['ENTITY']), {}, 'in [ENTITY]', 'supplier type INDIVIDUAL is not one of [ENTITY]'],
    [rule('province', 'notIn', ['河北', '山东']), {}, 'not in [河北, 山东]', 'province 内蒙古 is not one of the excluded [河北, 山东]'],
    [rule('province', 'notIn', ['内蒙古']), {}, 'not in [内蒙古]', 'province 内蒙古 is one of the excluded [内蒙古]'],
    [rule('supplierType', '==', 'ENTITY'), {}, '== ENTITY', 'supplier type is INDIVIDUAL, not the required ENTITY'],
    [rule('supplierType', '==', 'INDIVIDUAL'), {}, '== INDIVIDUAL', 'supplier type is INDIVIDUAL, as required'],
    [rule('province', '!=', '河北'), {}, '!= 河北', 'province is 内蒙古, not the excluded 河北'],
    [rule('province', '!=', '内蒙古'), {}, '!= 内蒙古', 'province is 内蒙古, which is excluded'],
    [rule('hasEpidemicCert', 'isTrue'), { hasEpidemicCert: false }, 'is true', 'no epidemic prevention certificate on record'],
    [rule('hasEpidemicCert', 'isTrue'), {}, 'is true', 'an epidemic prevention certificate is on record'],
    [rule('blacklisted', 'isFalse'), { blacklisted: true }, 'is false', 'the supplier is blacklisted'],
    [rule('hasOverdueLoan', '==', false), {}, '== false', 'the supplier has no overdue loan'],
    [rule('hasOverdueLoan', '!=', true), { hasOverdueLoan: true }, '!= true', 'the supplier has an overdue loan'],
  ])('%j on %j', (r, over, expected, message) => {
    expect(explain(r, over)).toEqual([expected, message]);
  });

  it('refuses rules that do not validate, rather than deciding on them', () => {
    for (const bad of [
      [rule('province', '>=', 3)],
      [rule('herdSize', '>=', 'many')],
      [rule('herdSize', 'between', [5000, 10])],
      [rule('herdSize', '>=', 1), rule('age', '>=', 18)],
    ]) {
      expect(() => evaluate(bad, FULL)).toThrow(RangeError);
      expect(() => compileRules(bad)).toThrow(RangeError);
    }
  });
});

describe('compileRules agrees with evaluate', () => {
  const NUMBERS: Array<number | string> = [
    0,
    -0,
    1,
    2,
    3,
    10,
    12,
    18,
    30,
    65,
    5000,
    -1,
    -30,
    2.5,
    0.1,
    '999999999999999999',
    2 ** 53,
    2 ** 53 + 2,
    1e-7,
    '2.99',
    '3',
    '3.00',
    '3.01',
    '-0.5',
    '0.0000000001',
    '9999999999999999.99',
    '123456789012345678.9999999999',
    '-123456789012345678',
    '9007199254740993',
    '9007199254740991.5',
    '10.5',
    '65.0000000001',
  ];
  const DECIMALS = [
    '0',
    '-0',
    '0.00',
    '2.98',
    '2.99',
    '2.990',
    '3',
    '3.0',
    '3.00',
    '3.01',
    '3.0100',
    '2.9999999999',
    '3.0000000001',
    '-0.5',
    '-0.50',
    '-1',
    '0.1',
    '0.0000000001',
    '0.0000001',
    '10.5',
    '65',
    '65.0000000001',
    '9999999999999999.99',
    '1000000000000000000000',
    '123456789012345678.9999999999',
    '123456789012345679',
    '9007199254740993',
    '9007199254740991.5',
    '-123456789012345678',
    '0030',
    '5000.000',
  ];
  const MAX = Number.MAX_SAFE_INTEGER;
  const INTEGERS = [
    -31,
    -30,
    -29,
    -2,
    -1,
    0,
    1,
    2,
    3,
    4,
    9,
    10,
    11,
    12,
    13,
    17,
    18,
    19,
    29,
    30,
    31,
    64,
    65,
    66,
    4999,
    5000,
    5001,
    MAX - 1,
    MAX,
    -MAX,
  ];
  // Not what factsOf produces, but a SupplierFacts built elsewhere could hold them.
  const ODD_NUMBERS = [2.5, 0.1, 2 ** 60, -(2 ** 60), 1e21];
  const PROVINCES = ['内蒙古', '黑龙江', '河北', '山东'];
  const OPS_FOR = new Map(
    FACTS.map((fact) => [fact, OPERATORS.filter((op) => validateRules([rule(fact, op, someValue(fact, op))]).length === 0)]),
  );

  it('on every comparison of the sample values, exhaustively', () => {
    for (const value of NUMBERS) {
      for (const operator of [...COMPARISONS, 'in', 'notIn'] as const) {
        const v = operator === 'in' || operator === 'notIn' ? [value] : value;
        const onDecimal = compileRules([rule('yearsExperience', operator, v)]);
        const onInteger = compileRules([rule('herdSize', operator, v)]);
        for (const yearsExperience of DECIMALS) {
          const f = facts({ yearsExperience });
          expect([value, operator, yearsExperience, onDecimal(f).eligible]).toEqual([
            value,
            operator,
            yearsExperience,
            evaluate([rule('yearsExperience', operator, v)], f).eligible,
          ]);
        }
        for (const herdSize of [...INTEGERS, ...ODD_NUMBERS]) {
          const f = facts({ herdSize });
          expect([value, operator, herdSize, onInteger(f).eligible]).toEqual([
            value,
            operator,
            herdSize,
            evaluate([rule('herdSize', operator, v)], f).eligible,
          ]);
        }
      }
    }
  });

  function scenario(rnd: () => number) {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const sorted = (a: number | string, b: number | string) => (compareNumbers(a, b) <= 0 ? [a, b] : [b, a]);
    const rules: EligibilityRule[] = [];
    const count = Math.floor(rnd() * 9);
    for (let i = 0; i < count; i++) {
      const fact = pick(FACTS);
      const kind = factKind(fact);
      const operator = pick(OPS_FOR.get(fact)!);
      let value: RuleValue;
      if (kind === 'numeric') {
        if (operator === 'between') value = sorted(pick(NUMBERS), pick(NUMBERS));
        else if (operator === 'in' || operator === 'notIn') value = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(NUMBERS));
        else value = pick(NUMBERS);
      } else if (kind === 'string') {
        const values: readonly string[] = fact === 'supplierType' ? ['INDIVIDUAL', 'ENTITY'] : PROVINCES;
        value = operator === 'in' || operator === 'notIn' ? values.filter(() => rnd() < 0.5).concat(pick(values)) : pick(values);
      } else {
        value = operator === 'isTrue' || operator === 'isFalse' ? undefined : rnd() < 0.5;
      }
      rules.push({ ...rule(fact, operator, value), name: `r${i}` });
    }
    const integer = () => {
      const r = rnd();
      return r < 0.1 ? null : r < 0.15 ? pick(ODD_NUMBERS) : r < 0.7 ? pick(INTEGERS) : Math.floor(rnd() * 6000) - 100;
    };
    const decimal = () => {
      const r = rnd();
      return r < 0.1 ? null : r < 0.7 ? pick(DECIMALS) : `${Math.floor(rnd() * 6000)}.${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    };
    const bool = () => pick([true, false, null]);
    const f = facts({
      yearsExperience: decimal(),
      herdSize: integer(),
      deliveryMonths: integer(),
      avgMonthlyDeliveryKg: decimal(),
      avgMonthlySettlement: decimal(),
      age: integer(),
      epidemicCertValidDays: integer(),
      supplierType: pick(['INDIVIDUAL', 'ENTITY', null]),
      province: pick([...PROVINCES, null]),
      hasEpidemicCert: bool(),
      blacklisted: bool(),
      hasOverdueLoan: bool(),
    });
    return { rules, facts: f };
  }

  it('on 5,000 seeded random rule lists and fact sets', () => {
    const rnd = mulberry32(20250615);
    let failures = 0;
    let passes = 0;
    for (let i = 0; i < 5000; i++) {
      const { rules, facts: f } = scenario(rnd);
      const slow = evaluate(rules, f);
      const fast = compileRules(rules)(f);
      const blacklisted = f.blacklisted === true;
      const failed = slow.results.slice(blacklisted ? 1 : 0).flatMap((r, k) => (r.passed ? [] : [k]));
      if (fast.eligible !== slow.eligible || fast.failed.join() !== failed.join() || fast.blacklisted !== blacklisted) {
        expect({ i, rules, facts: f, fast }).toEqual({ i, rules, facts: f, fast: { eligible: slow.eligible, failed, blacklisted } });
      }
      failures += failed.length;
      passes += slow.results.length - failed.length;
    }
    // Both outcomes must be well represented for the agreement to mean anything.
    expect(failures).toBeGreaterThan(3000);
    expect(passes).toBeGreaterThan(3000);
  });

  it('a compiled rule list can be reused across suppliers', () => {
    const screen = compileRules([rule('herdSize', '>=', 10), { ...rule('blacklisted', 'isFalse'), name: 'b' }]);
    expect(screen(facts({ herdSize: 9 }))).toEqual({ eligible: false, failed: [0], blacklisted: false });
    expect(screen(facts({ herdSize: 10 }))).toEqual({ eligible: true, failed: [], blacklisted: false });
    expect(screen(facts({ herdSize: 10, blacklisted: true }))).toEqual({ eligible: false, failed: [1], blacklisted: true });
  });
});

describe('the blacklist, whatever the rules', () => {
  const STANDARD: EligibilityRule[] = [
    { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
    { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
  ];
  const listed = facts({ blacklisted: true });

  it('makes a supplier ineligible under rules that never mention it, and under none at all', () => {
    expect(evaluate(STANDARD, listed).eligible).toBe(false);
    expect(evaluate([], listed).eligible).toBe(false);
    expect(compileRules(STANDARD)(listed)).toEqual({ eligible: false, failed: [], blacklisted: true });
    expect(compileRules([])(listed)).toEqual({ eligible: false, failed: [], blacklisted: true });
    // a rule that would let a blacklisted supplier through cannot
    const lenient: EligibilityRule[] = [{ name: 'listed', fact: 'blacklisted', operator: 'isTrue' }];
    expect(evaluate(lenient, listed).eligible).toBe(false);
    expect(compileRules(lenient)(listed)).toEqual({ eligible: false, failed: [], blacklisted: true });
  });

  it('explains it as its own first result, failing with the reason', () => {
    const { results } = evaluate(STANDARD, listed, 'fraudulent delivery records');
    expect(results.map((r) => [r.rule, r.passed])).toEqual([
      [BLACKLIST_RESULT, false],
      ['experience', true],
      ['herd', true],
    ]);
    expect(results[0]).toEqual({
      rule: 'blacklist',
      fact: 'blacklisted',
      operator: 'isFalse',
      passed: false,
      actual: true,
      expected: 'is false',
      message: 'the supplier is blacklisted: fraudulent delivery records',
    });
    expect(evaluate([], listed).results[0].message).toBe('the supplier is blacklisted');
  });

  it('adds nothing to the explanation of a supplier that is not on it', () => {
    expect(evaluate(STANDARD, FULL, 'ignored').results.map((r) => r.rule)).toEqual(['experience', 'herd']);
  });

  it('names the blacklist first among the failed rules', () => {
    const bad = facts({ blacklisted: true, herdSize: 5 });
    expect(failedRuleNames(STANDARD, compileRules(STANDARD)(bad))).toEqual(['blacklist', 'herd']);
    expect(failedRuleNames(STANDARD, compileRules(STANDARD)(facts({ herdSize: 5 })))).toEqual(['herd']);
    expect(
      evaluate(STANDARD, bad)
        .results.filter((r) => !r.passed)
        .map((r) => r.rule),
    ).toEqual(['blacklist', 'herd']);
  });
});
