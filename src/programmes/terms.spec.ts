import {
  amountRangeProblems,
  annualRateProblems,
  guaranteeRatioProblems,
  minAmountProblems,
  nullProblems,
  penaltyMultiplierProblems,
  settlementRatioProblems,
  termRangeProblems,
  timeZoneProblems,
} from './terms.js';

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`);

describe('programme term checks', () => {
  it('wants a positive minimum amount', () => {
    expect(codes(minAmountProblems('0.00'))).toEqual(['minAmount:AMOUNT_NOT_POSITIVE']);
    expect(minAmountProblems('0.01')).toEqual([]);
  });

  it('wants a rate in [0, 1) and a guarantee ratio in (0, 1]', () => {
    expect(codes(annualRateProblems('1'))).toEqual(['annualRate:RATE_OUT_OF_RANGE']);
    expect(annualRateProblems('0')).toEqual([]);
    expect(annualRateProblems('0.9999999999')).toEqual([]);
    expect(codes(guaranteeRatioProblems('0'))).toEqual(['guaranteeRatio:RATIO_OUT_OF_RANGE']);
    expect(codes(guaranteeRatioProblems('1.0000000001'))).toEqual(['guaranteeRatio:RATIO_OUT_OF_RANGE']);
    expect(guaranteeRatioProblems('1')).toEqual([]);
  });

  it('wants a penalty multiplier from 1 to 2 and a settlement deduction ratio in (0, 1]', () => {
    expect(codes(penaltyMultiplierProblems('0.9999'))).toEqual(['penaltyRateMultiplier:MULTIPLIER_OUT_OF_RANGE']);
    expect(codes(penaltyMultiplierProblems('2.0001'))).toEqual(['penaltyRateMultiplier:MULTIPLIER_OUT_OF_RANGE']);
    expect(penaltyMultiplierProblems('1')).toEqual([]);
    expect(penaltyMultiplierProblems('2')).toEqual([]);
    expect(codes(settlementRatioProblems('0'))).toEqual(['settlementDeductionRatio:RATIO_OUT_OF_RANGE']);
    expect(codes(settlementRatioProblems('1.01'))).toEqual(['settlementDeductionRatio:RATIO_OUT_OF_RANGE']);
    expect(settlementRatioProblems('0.80')).toEqual([]);
    expect(settlementRatioProblems('1')).toEqual([]);
  });

  it('wants an IANA time zone', () => {
    expect(codes(timeZoneProblems('Mars/Olympus_Mons'))).toEqual(['timeZone:UNKNOWN_TIME_ZONE']);
    expect(timeZoneProblems('Asia/Urumqi')).toEqual([]);
  });

  it('names the maximum when a minimum is above it', () => {
    expect(codes(amountRangeProblems('600000.00', '500000.00'))).toEqual(['maxAmount:MIN_ABOVE_MAX']);
    expect(amountRangeProblems('500000.00', '500000.00')).toEqual([]);
    expect(codes(termRangeProblems(91, 90))).toEqual(['maxTermDays:MIN_ABOVE_MAX']);
    expect(termRangeProblems(90, 90)).toEqual([]);
  });

  it('leaves values of the wrong type to the constraints that name them', () => {
    for (const bad of [undefined, null, 5, 'x', '-1', {}]) {
      expect(minAmountProblems(bad)).toEqual([]);
      expect(annualRateProblems(bad)).toEqual([]);
      expect(guaranteeRatioProblems(bad)).toEqual([]);
      expect(amountRangeProblems(bad, '1.00')).toEqual([]);
      expect(amountRangeProblems('1.00', bad)).toEqual([]);
    }
    for (const bad of [undefined, null, '90', 90.5, {}]) {
      expect(termRangeProblems(bad, 1)).toEqual([]);
      expect(termRangeProblems(400, bad)).toEqual([]);
    }
    expect(timeZoneProblems(undefined)).toEqual([]);
    expect(timeZoneProblems(7)).toEqual([]);
  });

  it('names each field set to null', () => {
    expect(codes(nullProblems({ name: null, minAmount: '1.00', active: null }))).toEqual(['name:NOT_NULLABLE', 'active:NOT_NULLABLE']);
    expect(nullProblems({ name: 'x' })).toEqual([]);
  });
});
