import { validateFormula } from './limit-formula.js';

describe('validateFormula', () => {
  const fcodes = (input: unknown) => validateFormula(input).map((e) => [e.field, e.code]);

  it('accepts the documented formula and each term alone', () => {
    expect(validateFormula({ maxAmount: '500000.00', settlementMultiple: '3', perHeadAmount: '8000.00', roundDownTo: '1000' })).toEqual([]);
    expect(validateFormula({ maxAmount: '0' })).toEqual([]);
    expect(validateFormula({ settlementMultiple: '2.5000000001' })).toEqual([]);
    expect(validateFormula({ perHeadAmount: '8000.5', roundDownTo: '0.01' })).toEqual([]);
    expect(validateFormula({ maxAmount: '9999999999999999.99', settlementMultiple: '9999999999999999.9999999999' })).toEqual([]);
  });

  it.each([[null], [[]], ['x'], [3]])('refuses a non-object %p', (input) => {
    expect(fcodes(input)).toEqual([['limitFormula', 'FORMULA_NOT_AN_OBJECT']]);
  });

  it('refuses a formula without a term, even with roundDownTo', () => {
    expect(fcodes({})).toEqual([['limitFormula', 'FORMULA_EMPTY']]);
    expect(fcodes({ roundDownTo: '1000' })).toEqual([['limitFormula', 'FORMULA_EMPTY']]);
  });

  it('refuses unknown keys', () => {
    expect(fcodes({ maxAmount: '1', cap: '2' })).toEqual([['limitFormula.cap', 'UNKNOWN_FIELD']]);
  });

  it.each(['maxAmount', 'perHeadAmount'])('%s must be a money string', (key) => {
    for (const v of ['1000', '1000.5', '1000.50', '0', '0.00', '9999999999999999.99']) expect(validateFormula({ [key]: v })).toEqual([]);
    for (const v of [1000, '1000.123', '-1', '1e3', '', '01', '10000000000000000', null, true])
      expect(fcodes({ [key]: v })).toContainEqual([`limitFormula.${key}`, 'FORMULA_TERM_INVALID']);
  });

  it('roundDownTo must be a positive money string', () => {
    for (const v of ['1000', '0.01', '0.5']) expect(validateFormula({ maxAmount: '1', roundDownTo: v })).toEqual([]);
    for (const v of ['0', '0.00', '0.0', '-1000', '1000.001', 1000, null])
      expect(fcodes({ maxAmount: '1', roundDownTo: v })).toEqual([['limitFormula.roundDownTo', 'FORMULA_TERM_INVALID']]);
  });

  it('settlementMultiple takes a non-negative decimal with up to 10 decimals', () => {
    for (const v of ['0', '3', '0.5', '1.0123456789']) expect(validateFormula({ settlementMultiple: v })).toEqual([]);
    for (const v of ['1.01234567891', '-1', '3x', 3, '', null])
      expect(fcodes({ settlementMultiple: v })).toContainEqual(['limitFormula.settlementMultiple', 'FORMULA_TERM_INVALID']);
  });
});
