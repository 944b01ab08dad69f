import { mulberry32 } from '../common/seeded-random.spec-helper.js';
import { Decimal } from 'decimal.js';
import { roundDownTo } from '../common/money.js';
import { compileFormula, computeLimit, limitTerms, type LimitFacts } from './limit.js';
import type { LimitFormula } from '../programmes/limit-formula.js';

// The reference: decimal.js with precision to spare (a 26-digit multiple times an 18-digit
// settlement is beyond the 40 digits money.ts keeps), min, then roundDownTo from money.ts.
const Exact = Decimal.clone({ precision: 200 });

function reference(formula: LimitFormula, facts: LimitFacts, eligible: boolean): string {
  if (!eligible) return '0.00';
  const terms: Decimal[] = [];
  if (formula.maxAmount !== undefined) terms.push(new Exact(formula.maxAmount));
  if (formula.settlementMultiple !== undefined) terms.push(new Exact(formula.settlementMultiple).times(facts.avgMonthlySettlement ?? 0));
  if (formula.perHeadAmount !== undefined) terms.push(new Exact(formula.perHeadAmount).times(facts.herdSize ?? 0));
  const min = Exact.min(...terms);
  const rounded =
    formula.roundDownTo === undefined ? min.toDecimalPlaces(2, Decimal.ROUND_DOWN) : roundDownTo(min, new Exact(formula.roundDownTo));
  return rounded.toFixed(2);
}

const DOC: LimitFormula = { maxAmount: '500000.00', settlementMultiple: '3', perHeadAmount: '8000.00', roundDownTo: '1000' };
const supplier = (avgMonthlySettlement: string | null, herdSize: number | null): LimitFacts => ({ avgMonthlySettlement, herdSize });

describe('computeLimit', () => {
  it('takes the smallest term of the documented formula', () => {
    expect(computeLimit(DOC, supplier('180000.00', 120), true)).toBe('500000.00');
    expect(computeLimit(DOC, supplier('100000.00', 120), true)).toBe('300000.00');
    expect(computeLimit(DOC, supplier('180000.00', 30), true)).toBe('240000.00');
  });

  it('rounds down to a multiple of roundDownTo', () => {
    // 3 x 41152.26 = 123456.78
    expect(computeLimit(DOC, supplier('41152.26', 120), true)).toBe('123000.00');
    expect(computeLimit(DOC, supplier('41000.00', 120), true)).toBe('123000.00');
    expect(computeLimit(DOC, supplier('40999.99', 120), true)).toBe('122000.00');
    expect(computeLimit({ ...DOC, roundDownTo: '0.5' }, supplier('411.58', 120), true)).toBe('1234.50');
    expect(computeLimit({ ...DOC, roundDownTo: '3.33' }, supplier('10', 120), true)).toBe('29.97');
    expect(computeLimit({ ...DOC, roundDownTo: '1000000' }, supplier('180000.00', 120), true)).toBe('0.00');
  });

  it('rounds down to the fen when the formula has no roundDownTo', () => {
    const f: LimitFormula = { settlementMultiple: '3' };
    expect(computeLimit(f, supplier('41152.26', null), true)).toBe('123456.78');
    expect(computeLimit({ settlementMultiple: '3.3333333333' }, supplier('1000.00', null), true)).toBe('3333.33');
    expect(computeLimit({ settlementMultiple: '0.6666666667' }, supplier('0.01', null), true)).toBe('0.00');
    expect(computeLimit({ settlementMultiple: '1.9999999999' }, supplier('0.01', null), true)).toBe('0.01');
    expect(computeLimit({ perHeadAmount: '0.01' }, supplier(null, 7), true)).toBe('0.07');
    expect(computeLimit({ maxAmount: '5' }, supplier(null, null), true)).toBe('5.00');
  });

  it('is 0.00 when the supplier is not eligible, whatever the terms', () => {
    expect(computeLimit(DOC, supplier('180000.00', 120), false)).toBe('0.00');
    expect(compileFormula({ maxAmount: '9999999999999999.99' })(supplier(null, null), false)).toBe('0.00');
  });

  // max 500000, settlement 3 x 150000 = 450000, per head 8000 x 70 = 560000
  it.each<[string, LimitFormula, string]>([
    ['max only', { maxAmount: '500000.00' }, '500000.00'],
    ['settlement only', { settlementMultiple: '3' }, '450000.00'],
    ['per head only', { perHeadAmount: '8000.00' }, '560000.00'],
    ['max and settlement', { maxAmount: '500000.00', settlementMultiple: '3' }, '450000.00'],
    ['max and per head', { maxAmount: '500000.00', perHeadAmount: '8000.00' }, '500000.00'],
    ['settlement and per head', { settlementMultiple: '3', perHeadAmount: '8000.00' }, '450000.00'],
    ['all three', { maxAmount: '500000.00', settlementMultiple: '3', perHeadAmount: '8000.00' }, '450000.00'],
    ['per head below the rest', { maxAmount: '500000.00', settlementMultiple: '4', perHeadAmount: '6000' }, '420000.00'],
  ])('%s: only the terms in the formula count', (_, formula, limit) => {
    expect(computeLimit(formula, supplier('150000.00', 70), true)).toBe(limit);
    expect(reference(formula, supplier('150000.00', 70), true)).toBe(limit);
  });

  it('counts a term whose fact the supplier lacks as 0', () => {
    expect(computeLimit(DOC, supplier(null, 120), true)).toBe('0.00');
    expect(computeLimit(DOC, supplier('180000.00', null), true)).toBe('0.00');
    expect(computeLimit({ maxAmount: '500000.00', perHeadAmount: '8000' }, supplier(null, 50), true)).toBe('400000.00');
    expect(computeLimit({ maxAmount: '500000.00', settlementMultiple: '3' }, supplier('100000', null), true)).toBe('300000.00');
  });

  it('takes a settlement with no decimals or with more than two, exactly', () => {
    expect(computeLimit({ settlementMultiple: '2.5' }, supplier('1001', null), true)).toBe('2502.50');
    expect(computeLimit({ settlementMultiple: '3' }, supplier('0.005', null), true)).toBe('0.01');
    expect(computeLimit({ settlementMultiple: '3' }, supplier('000100.10', null), true)).toBe('300.30');
  });

  it('keeps every digit of a multiple with 10 decimals', () => {
    const f: LimitFormula = { settlementMultiple: '2.1234567891' };
    // 2.1234567891 x 123456.78 = 262155.137651425098, rounded down to the fen
    expect(computeLimit(f, supplier('123456.78', null), true)).toBe('262155.13');
    expect(computeLimit({ settlementMultiple: '0.0000000001' }, supplier('9999999999999999.99', null), true)).toBe('999999.99');
    expect(computeLimit({ settlementMultiple: '0.0000000001' }, supplier('100000000.00', null), true)).toBe('0.01');
    expect(computeLimit({ settlementMultiple: '0.0000000001' }, supplier('99999999.99', null), true)).toBe('0.00');
  });

  it('handles the largest amounts without losing a digit', () => {
    expect(computeLimit({ maxAmount: '9999999999999999.99' }, supplier(null, null), true)).toBe('9999999999999999.99');
    expect(computeLimit({ perHeadAmount: '9999999999999999.99' }, supplier(null, 100000), true)).toBe('999999999999999999000.00');
    // 9999999999999999.9999999999 x 9999999999999999.99 = 99999999999999999899999999000000.000000000001
    expect(computeLimit({ settlementMultiple: '9999999999999999.9999999999' }, supplier('9999999999999999.99', null), true)).toBe(
      '99999999999999999899999999000000.00',
    );
    expect(
      computeLimit(
        {
          maxAmount: '9999999999999999.99',
          settlementMultiple: '9999999999999999.9999999999',
          perHeadAmount: '9999999999999999.98',
          roundDownTo: '0.03',
        },
        supplier('9999999999999999.99', 1),
        true,
      ),
    ).toBe('9999999999999999.96');
    expect(computeLimit({ maxAmount: '9007199254740993.01' }, supplier(null, null), true)).toBe('9007199254740993.01');
  });

  it('agrees with a decimal.js reference on 5,000 seeded random formulas and suppliers', () => {
    const rnd = mulberry32(1234);
    const digits = (max: number) => {
      const n = 1 + Math.floor(rnd() * max);
      let s = String(1 + Math.floor(rnd() * 9));
      for (let i = 1; i < n; i++) s += Math.floor(rnd() * 10);
      return rnd() < 0.1 ? '0' : s;
    };
    const decimals = (max: number) => {
      const n = Math.floor(rnd() * (max + 1));
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
      return s === '' ? '' : `.${s}`;
    };
    const money = () => digits(rnd() < 0.8 ? 7 : 16) + decimals(2);
    let nonZero = 0;
    for (let i = 0; i < 5000; i++) {
      const formula: LimitFormula = {};
      while (formula.maxAmount === undefined && formula.settlementMultiple === undefined && formula.perHeadAmount === undefined) {
        if (rnd() < 0.6) formula.maxAmount = money();
        if (rnd() < 0.6) formula.settlementMultiple = digits(rnd() < 0.8 ? 1 : 16) + decimals(10);
        if (rnd() < 0.6) formula.perHeadAmount = money();
      }
      if (rnd() < 0.6)
        formula.roundDownTo =
          rnd() < 0.5
            ? ['1000', '100', '0.01', '0.5', '50000', '3.33'][Math.floor(rnd() * 6)]
            : `${1 + Math.floor(rnd() * 999999)}${decimals(2)}`;
      const facts = supplier(rnd() < 0.1 ? null : money(), rnd() < 0.1 ? null : Math.floor(rnd() * 100001));
      const eligible = rnd() < 0.9;
      const expected = reference(formula, facts, eligible);
      const actual = compileFormula(formula)(facts, eligible);
      if (actual !== expected) expect({ i, formula, facts, eligible, actual }).toEqual({ i, formula, facts, eligible, actual: expected });
      if (expected !== '0.00') nonZero++;
    }
    expect(nonZero).toBeGreaterThan(2500);
  });

  it('refuses a formula that does not validate', () => {
    for (const bad of [
      {},
      { roundDownTo: '1000' },
      { maxAmount: '1.001' },
      { maxAmount: '1', roundDownTo: '0' },
      { settlementMultiple: '-3' },
    ]) {
      expect(() => computeLimit(bad, supplier('1', 1), true)).toThrow(RangeError);
      expect(() => compileFormula(bad)).toThrow(RangeError);
      expect(() => limitTerms(bad, supplier('1', 1))).toThrow(RangeError);
    }
  });

  it('refuses facts it cannot compute exactly', () => {
    for (const facts of [
      supplier('1e5', 1),
      supplier('-100.00', 1),
      supplier('1,000', 1),
      supplier('1', -1),
      supplier('1', 2.5),
      supplier('1', 2 ** 60),
    ]) {
      expect(() => computeLimit(DOC, facts, true)).toThrow(RangeError);
    }
  });
});

describe('limitTerms', () => {
  it("gives each present term's value, for the explanation", () => {
    expect(limitTerms(DOC, supplier('180000.00', 120))).toEqual({
      maxAmount: '500000.00',
      settlementMultiple: '540000.00',
      perHeadAmount: '960000.00',
    });
    expect(limitTerms({ settlementMultiple: '3.3333333333' }, supplier('1000.00', 120))).toEqual({ settlementMultiple: '3333.33' });
    expect(limitTerms({ maxAmount: '1', perHeadAmount: '8000' }, supplier('1000.00', 3))).toEqual({
      maxAmount: '1.00',
      perHeadAmount: '24000.00',
    });
  });

  it('shows a term whose fact is missing as 0.00', () => {
    expect(limitTerms(DOC, supplier(null, null))).toEqual({ maxAmount: '500000.00', settlementMultiple: '0.00', perHeadAmount: '0.00' });
  });

  it('the limit is the smallest term, rounded down', () => {
    const facts = supplier('41152.26', 120);
    const terms = Object.values(limitTerms(DOC, facts)).map((t) => new Exact(t));
    expect(roundDownTo(Exact.min(...terms), new Exact('1000')).toFixed(2)).toBe(computeLimit(DOC, facts, true));
  });
});

describe('compileFormula', () => {
  it('parses the formula once and serves many suppliers', () => {
    const limit = compileFormula(DOC);
    expect(limit(supplier('180000.00', 120), true)).toBe('500000.00');
    expect(limit(supplier('41152.26', 120), true)).toBe('123000.00');
    expect(limit(supplier('41152.26', 120), false)).toBe('0.00');
    expect(limit(supplier(null, 120), true)).toBe('0.00');
  });
});
