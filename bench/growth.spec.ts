import { growthExponent, growthVerdict } from './growth.js';

describe('growthExponent', () => {
  it('is 1 for a cost proportional to size, 0 for a constant and 2 for a quadratic', () => {
    expect(growthExponent({ size: 50_000, value: 5 }, { size: 200_000, value: 20 })).toBeCloseTo(1, 10);
    expect(growthExponent({ size: 50_000, value: 5 }, { size: 200_000, value: 5 })).toBeCloseTo(0, 10);
    expect(growthExponent({ size: 50_000, value: 5 }, { size: 200_000, value: 80 })).toBeCloseTo(2, 10);
  });

  it('is unknown when a value is missing, zero or the sizes are not increasing', () => {
    expect(growthExponent({ size: 50_000, value: 0 }, { size: 200_000, value: 20 })).toBeNull();
    expect(growthExponent({ size: 200_000, value: 5 }, { size: 200_000, value: 20 })).toBeNull();
  });
});

describe('growthVerdict', () => {
  it('accepts steps up to 1.15 as linear and names a worse step', () => {
    expect(growthVerdict([0.8, 1.1])).toBe('linear or better');
    expect(growthVerdict([0.9, 1.3])).toBe('worse than linear');
    expect(growthVerdict([null])).toBe('not measured');
  });
});
