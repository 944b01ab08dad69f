import { mulberry32 } from '../common/seeded-random.spec-helper.js';
import {
  BOOLEAN_FACTS,
  FACTS,
  NUMERIC_FACTS,
  OPERATORS,
  STRING_FACTS,
  compareNumbers,
  factKind,
  numToString,
  validateRules,
  type FactName,
  type Operator,
} from './rules.js';

const codes = (input: unknown) => validateRules(input).map((e) => e.code);
const one = (rule: Record<string, unknown>) => validateRules([{ name: 'r', ...rule }]);
const oneCodes = (rule: Record<string, unknown>) => one(rule).map((e) => e.code);

const ALLOWED: Record<'numeric' | 'string' | 'boolean', Operator[]> = {
  numeric: ['>=', '>', '<=', '<', '==', '!=', 'between', 'in', 'notIn'],
  string: ['==', '!=', 'in', 'notIn'],
  boolean: ['isTrue', 'isFalse', '==', '!='],
};

/** A value each accepted (fact, operator) pair takes. */
function goodValue(fact: FactName, op: Operator): unknown {
  const kind = factKind(fact);
  const scalar = kind === 'numeric' ? 3 : kind === 'boolean' ? true : fact === 'supplierType' ? 'ENTITY' : '内蒙古';
  if (op === 'between') return [1, '2.5'];
  if (op === 'in' || op === 'notIn') return [scalar];
  if (op === 'isTrue' || op === 'isFalse') return undefined;
  return scalar;
}

describe('factKind', () => {
  it('sorts every fact into its kind', () => {
    for (const f of NUMERIC_FACTS) expect(factKind(f)).toBe('numeric');
    for (const f of STRING_FACTS) expect(factKind(f)).toBe('string');
    for (const f of BOOLEAN_FACTS) expect(factKind(f)).toBe('boolean');
  });
});

describe('validateRules: shape', () => {
  it('accepts the documented example and an empty list', () => {
    expect(
      validateRules([
        { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
        { name: 'epidemic-cert', fact: 'epidemicCertValidDays', operator: '>=', value: 30 },
        { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
        { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
        { name: 'deliveries', fact: 'deliveryMonths', operator: '>=', value: 12 },
        { name: 'type', fact: 'supplierType', operator: 'in', value: ['INDIVIDUAL', 'ENTITY'] },
      ]),
    ).toEqual([]);
    expect(validateRules([])).toEqual([]);
  });

  it.each([[null], [{}], ['rules'], [3]])('refuses a non-list %p', (input) => {
    expect(codes(input)).toEqual(['RULES_NOT_A_LIST']);
  });

  it('names the field it was given', () => {
    expect(validateRules({}, 'programme.rules')[0].field).toBe('programme.rules');
    expect(validateRules([null], 'programme.rules')[0].field).toBe('programme.rules[0]');
  });

  it('takes up to 50 rules', () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `r${i}`, fact: 'blacklisted', operator: 'isFalse' }));
    expect(validateRules(rules(50))).toEqual([]);
    expect(codes(rules(51))).toEqual(['TOO_MANY_RULES']);
  });

  it.each([[null], [[]], ['rule'], [7]])('refuses a rule that is not an object: %p', (rule) => {
    expect(validateRules([rule])).toEqual([expect.objectContaining({ field: 'eligibilityRules[0]', code: 'RULE_NOT_AN_OBJECT' })]);
  });

  it('refuses unknown keys, one error each, and still checks the rest', () => {
    const errors = one({ fact: 'herdSize', operator: '>=', value: 10, weight: 2, note: 'x' });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['eligibilityRules[0].weight', 'UNKNOWN_FIELD'],
      ['eligibilityRules[0].note', 'UNKNOWN_FIELD'],
    ]);
    expect(oneCodes({ fact: 'herdSize', operator: '>=', value: 'many', extra: 1 })).toEqual(['UNKNOWN_FIELD', 'RULE_VALUE_TYPE']);
  });

  it.each([['a'], ['年限'], ['rule 1_a.b:c-d'], ['x'.repeat(64)], ['7']])('accepts the name %p', (name) => {
    expect(validateRules([{ name, fact: 'blacklisted', operator: 'isFalse' }])).toEqual([]);
  });

  it.each([[''], [' lead'], ['-lead'], ['x'.repeat(65)], ['a/b'], [42], [null], [undefined]])('refuses the name %p', (name) => {
    expect(codes([{ name, fact: 'blacklisted', operator: 'isFalse' }])).toEqual(['RULE_NAME_INVALID']);
  });

  it('refuses a name used twice, naming the later rule', () => {
    const errors = validateRules([
      { name: 'same', fact: 'blacklisted', operator: 'isFalse' },
      { name: 'other', fact: 'blacklisted', operator: 'isFalse' },
      { name: 'same', fact: 'hasOverdueLoan', operator: 'isFalse' },
    ]);
    expect(errors).toEqual([expect.objectContaining({ field: 'eligibilityRules[2].name', code: 'RULE_NAME_DUPLICATE' })]);
  });

  it.each([['creditScore'], ['HERDSIZE'], [undefined], [3]])('refuses the unknown fact %p', (fact) => {
    expect(oneCodes({ fact, operator: '>=', value: 1 })).toEqual(['RULE_UNKNOWN_FACT']);
  });

  it.each([['=>'], ['='], ['contains'], ['IN'], [undefined], [1]])('refuses the unknown operator %p', (operator) => {
    expect(oneCodes({ fact: 'herdSize', operator, value: 1 })).toEqual(['RULE_UNKNOWN_OPERATOR']);
  });

  it('reports every broken rule with its index', () => {
    const errors = validateRules([
      { name: 'ok', fact: 'herdSize', operator: '>=', value: 10 },
      { name: 'bad op', fact: 'province', operator: '>=', value: 'x' },
      { name: 'bad value', fact: 'age', operator: 'between', value: [65, 18] },
    ]);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['eligibilityRules[1].operator', 'RULE_OPERATOR_NOT_FOR_FACT'],
      ['eligibilityRules[2].value', 'RULE_VALUE_TYPE'],
    ]);
  });
});

describe('validateRules: every fact with every operator', () => {
  const pairs = FACTS.flatMap((fact) => OPERATORS.map((op) => [fact, op] as [FactName, Operator]));

  it.each(pairs)('%s %s is accepted exactly when the operator applies to the fact kind', (fact, operator) => {
    const allowed = ALLOWED[factKind(fact)].includes(operator);
    const value = allowed ? goodValue(fact, operator) : factKind(fact) === 'numeric' ? 'x' : 1;
    const rule: Record<string, unknown> = { fact, operator };
    if (value !== undefined) rule.value = value;
    expect(oneCodes(rule)).toEqual(allowed ? [] : ['RULE_OPERATOR_NOT_FOR_FACT']);
  });
});

describe('validateRules: values', () => {
  const numericOps = ['>=', '>', '<=', '<', '==', '!='] as const;

  it.each(numericOps.flatMap((op) => [0, 3, -2, 2.99, '3', '3.01', '-0.5', '0', '123456789012345678', '1.0123456789'].map((v) => [op, v])))(
    'a numeric %s takes the number or decimal string %p',
    (operator, value) => {
      expect(oneCodes({ fact: 'yearsExperience', operator, value })).toEqual([]);
    },
  );

  it.each(
    numericOps.flatMap((op) =>
      [
        'three',
        '',
        '03',
        '3.',
        '.5',
        '+3',
        '1e3',
        '1.01234567890',
        '1234567890123456789',
        ' 3',
        true,
        null,
        undefined,
        [3],
        {},
        NaN,
        Infinity,
      ].map((v) => [op, v]),
    ),
  )('a numeric %s refuses %p', (operator, value) => {
    expect(oneCodes({ fact: 'herdSize', operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });

  it.each([[[10, 5000]], [[5, 5]], [['2.99', 3]], [['-1', '0']], [[0.5, '0.50']]])('between takes [low, high] = %p', (value) => {
    expect(oneCodes({ fact: 'herdSize', operator: 'between', value })).toEqual([]);
  });

  it.each([[[5000, 10]], [['3.01', 3]], [[3, '2.999']], [[10]], [[1, 2, 3]], [[]], [['a', 'b']], [[1, true]], [10], ['10,5000'], [null]])(
    'between refuses %p',
    (value) => {
      expect(oneCodes({ fact: 'herdSize', operator: 'between', value })).toEqual(['RULE_VALUE_TYPE']);
    },
  );

  it('between compares its ends exactly, not as floats', () => {
    expect(oneCodes({ fact: 'avgMonthlySettlement', operator: 'between', value: ['0.3000000001', '0.3'] })).toEqual(['RULE_VALUE_TYPE']);
    expect(oneCodes({ fact: 'avgMonthlySettlement', operator: 'between', value: ['12345678901234567.1', '12345678901234567.2'] })).toEqual(
      [],
    );
  });

  it.each(['in', 'notIn'] as const)('%s on a numeric fact takes 1 to 200 numbers', (operator) => {
    expect(oneCodes({ fact: 'deliveryMonths', operator, value: [12] })).toEqual([]);
    expect(oneCodes({ fact: 'deliveryMonths', operator, value: [1, '2', '2.5'] })).toEqual([]);
    expect(oneCodes({ fact: 'deliveryMonths', operator, value: Array.from({ length: 200 }, (_, i) => i) })).toEqual([]);
    for (const value of [[], Array.from({ length: 201 }, (_, i) => i), [1, 'two'], [true], 12, null])
      expect(oneCodes({ fact: 'deliveryMonths', operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });

  it.each(['in', 'notIn'] as const)('%s on supplierType takes only the two supplier types', (operator) => {
    expect(oneCodes({ fact: 'supplierType', operator, value: ['INDIVIDUAL', 'ENTITY'] })).toEqual([]);
    for (const value of [['individual'], ['INDIVIDUAL', 'COOPERATIVE'], [1], [], 'INDIVIDUAL'])
      expect(oneCodes({ fact: 'supplierType', operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });

  it.each(['in', 'notIn'] as const)('%s on province takes non-empty texts up to 100 characters', (operator) => {
    expect(oneCodes({ fact: 'province', operator, value: ['内蒙古', '黑龙江', 'x'.repeat(100)] })).toEqual([]);
    for (const value of [[''], ['x'.repeat(101)], [1], ['a', null], [], Array.from({ length: 201 }, (_, i) => `p${i}`)])
      expect(oneCodes({ fact: 'province', operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });

  it.each(['==', '!='] as const)('%s on a string fact takes a matching text', (operator) => {
    expect(oneCodes({ fact: 'supplierType', operator, value: 'ENTITY' })).toEqual([]);
    expect(oneCodes({ fact: 'province', operator, value: '内蒙古' })).toEqual([]);
    for (const [fact, value] of [
      ['supplierType', 'entity'],
      ['supplierType', '企业'],
      ['province', ''],
      ['province', 3],
      ['province', ['a']],
      ['province', true],
      ['province', undefined],
    ])
      expect(oneCodes({ fact, operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });

  it.each(['==', '!='] as const)('%s on a boolean fact takes true or false only', (operator) => {
    expect(oneCodes({ fact: 'blacklisted', operator, value: true })).toEqual([]);
    expect(oneCodes({ fact: 'hasEpidemicCert', operator, value: false })).toEqual([]);
    for (const value of ['true', 1, 0, null, undefined, [true]])
      expect(oneCodes({ fact: 'hasOverdueLoan', operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });

  it.each(['isTrue', 'isFalse'] as const)('%s takes no value (absent or null)', (operator) => {
    expect(oneCodes({ fact: 'blacklisted', operator })).toEqual([]);
    expect(oneCodes({ fact: 'blacklisted', operator, value: null })).toEqual([]);
    for (const value of [true, false, 'yes', 0]) expect(oneCodes({ fact: 'blacklisted', operator, value })).toEqual(['RULE_VALUE_TYPE']);
  });
});

describe('compareNumbers', () => {
  it.each([
    [2.99, 3, -1],
    [3, 3, 0],
    [3.01, 3, 1],
    ['2.99', '3', -1],
    ['3.00', 3, 0],
    ['3.01', '3', 1],
    [3, '3.0000000001', -1],
    ['-2.5', '-3', 1],
    ['-3', -2.5, -1],
    ['-0', 0, 0],
    [-0, '0.00', 0],
    ['0.1', 0.1, 0],
    ['0.30000000000000004', 0.3, 1],
    ['007', 7, 0],
    ['12345678901234567890', '12345678901234567891', -1],
    ['9007199254740993', 9007199254740992, 1],
    ['0.0000001', 1e-7, 0],
    [1.5e-7, '0.00000015', 0],
    [1e21, '999999999999999999999', 1],
    [1e21, '1000000000000000000000', 0],
    [1e30, '1000000000000000000000', 1],
    ['9999999999999999.99', 1e21, -1],
    [-1e21, '-999999999999999999999.5', -1],
  ])('compareNumbers(%p, %p) = %p', (a, b, expected) => {
    // + 0: the sign of an equal pair of negatives comes back as -0, which is still "equal".
    expect(compareNumbers(a, b) + 0).toBe(expected);
    expect(compareNumbers(b, a) + 0).toBe(-expected + 0);
  });

  it('agrees with float order on random doubles, including exponent forms', () => {
    const rnd = mulberry32(42);
    for (let i = 0; i < 2000; i++) {
      const a = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 60 - 30);
      const b = rnd() < 0.2 ? a : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 60 - 30);
      const floatOrder = a < b ? -1 : a > b ? 1 : 0;
      expect([a, b, compareNumbers(numToString(a), numToString(b)) + 0]).toEqual([a, b, floatOrder]);
      expect(compareNumbers(a, numToString(b)) + 0).toBe(floatOrder);
    }
  });
});

describe('numToString', () => {
  it.each([
    [3, '3'],
    [-2.5, '-2.5'],
    [-0, '0'],
    [1e-7, '0.0000001'],
    [-1.25e-8, '-0.0000000125'],
    [1e21, '1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [1.25e25, '12500000000000000000000000'],
    ['2.50', '2.50'],
  ])('%p prints as %p', (v, text) => {
    expect(numToString(v)).toBe(text);
  });
});

describe('numbers a JSON document cannot carry exactly', () => {
  it('refuses numeric rule values beyond 2^53, which must come as decimal strings', () => {
    const big = [{ name: 'x', fact: 'avgMonthlySettlement', operator: '>=', value: 2 ** 53 }];
    expect(validateRules(big)).toEqual([expect.objectContaining({ field: 'eligibilityRules[0].value', code: 'RULE_VALUE_TYPE' })]);
    expect(validateRules([{ ...big[0], value: '9007199254740993' }])).toEqual([]);
    expect(validateRules([{ ...big[0], value: Number.MAX_SAFE_INTEGER }])).toEqual([]);
    expect(validateRules([{ name: 'x', fact: 'herdSize', operator: 'between', value: [1, 1e21] }])).toHaveLength(1);
  });
});
