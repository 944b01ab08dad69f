import { Dec, MAX_MONEY, dec, isDecimalString, isMoneyString, minDec, money, roundDownTo, sumMoney } from './money.js';

describe('money strings at the edge', () => {
  it.each(['0', '0.5', '0.50', '125000', '125000.00', '9999999999999999.99'])('accepts %s', (v) => {
    expect(isMoneyString(v)).toBe(true);
  });

  it.each([
    ['three decimals', '125000.001'],
    ['a leading zero', '0125000.00'],
    ['a sign', '-1.00'],
    ['a plus sign', '+1.00'],
    ['exponent form', '1e5'],
    ['no integer part', '.5'],
    ['a trailing dot', '1.'],
    ['thousands separators', '125,000.00'],
    ['spaces', ' 1.00'],
    ['seventeen integer digits', '12345678901234567'],
    ['empty', ''],
  ])('refuses %s', (_, v) => {
    expect(isMoneyString(v)).toBe(false);
  });

  it('refuses JSON numbers, so that no float ever carries an amount', () => {
    expect(isMoneyString(125000)).toBe(false);
    expect(isMoneyString(0.1)).toBe(false);
    expect(isMoneyString(null)).toBe(false);
    expect(isMoneyString(undefined)).toBe(false);
  });

  it('takes rates with up to ten decimals, never negative or numeric', () => {
    expect(isDecimalString('0.0435')).toBe(true);
    expect(isDecimalString('0.0000000001')).toBe(true);
    expect(isDecimalString('0.00000000001')).toBe(false);
    expect(isDecimalString('-0.01')).toBe(false);
    expect(isDecimalString(0.0435)).toBe(false);
  });
});

describe('money()', () => {
  it('formats with exactly two decimals', () => {
    expect(money('125000')).toBe('125000.00');
    expect(money('0.5')).toBe('0.50');
    expect(money(dec('7'))).toBe('7.00');
    expect(money('9999999999999999.99')).toBe('9999999999999999.99');
  });

  it('rounds half to even at the fen', () => {
    expect(money('1.005')).toBe('1.00');
    expect(money('1.015')).toBe('1.02');
    expect(money('1.025')).toBe('1.02');
    expect(money('1.0051')).toBe('1.01');
    expect(money('-1.005')).toBe('-1.00');
  });

  it('rounds the amounts that floats get wrong exactly as written', () => {
    // 2.675 is 2.67499999... as a double, so toFixed(2) answers 2.67
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(money('2.675')).toBe('2.68');
  });

  it('keeps all digits of large amounts', () => {
    expect(money(MAX_MONEY)).toBe('9999999999999999.99');
    expect(money(MAX_MONEY.plus('0.01'))).toBe('10000000000000000.00');
  });

  it('configures Dec to round half-even and never print exponents', () => {
    expect(new Dec('0.125').toDecimalPlaces(2).toString()).toBe('0.12');
    expect(new Dec('1e-20').toString()).toBe('0.00000000000000000001');
    expect(new Dec('1e30').toString()).toBe('1000000000000000000000000000000');
  });
});

describe('sums and limits', () => {
  it('adds without float drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
  });

  it('sums an empty list to zero and takes Decimals too', () => {
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney([dec('1.5'), '2.25'])).toBe('3.75');
  });

  it('sums past the float safe range exactly', () => {
    expect(sumMoney(['9007199254740993.01', '0.01'])).toBe('9007199254740993.02');
  });

  it('rounds down to a multiple of the step', () => {
    expect(roundDownTo(dec('123456.78'), dec('1000')).toString()).toBe('123000');
    expect(roundDownTo(dec('123000'), dec('1000')).toString()).toBe('123000');
    expect(roundDownTo(dec('999.99'), dec('1000')).toString()).toBe('0');
    expect(roundDownTo(dec('0.35'), dec('0.1')).toString()).toBe('0.3');
  });

  it('refuses a step that is not positive', () => {
    expect(() => roundDownTo(dec('1'), dec('0'))).toThrow(RangeError);
    expect(() => roundDownTo(dec('1'), dec('-5'))).toThrow(RangeError);
  });

  it('takes the smallest of several decimals', () => {
    expect(minDec([dec('500000'), dec('360000.50'), dec('960000')]).toString()).toBe('360000.5');
    expect(minDec([dec('0')]).toString()).toBe('0');
  });
});
