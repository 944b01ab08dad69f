import { cnyOf, floorDiv, fenOf, moneyOfFen, roundHalfUp, scaled } from './fixed-point.js';

describe('fixed-point money and rates', () => {
  it('reads decimal strings exactly and refuses more decimals than the scale', () => {
    expect(fenOf('10000.00')).toBe(1_000_000n);
    expect(fenOf('0.5')).toBe(50n);
    expect(scaled('0.0345', 10)).toBe(345_000_000n);
    expect(() => fenOf('1.005')).toThrow(RangeError);
    expect(() => fenOf('-1.00')).toThrow(RangeError);
    expect(() => scaled('1e-3', 10)).toThrow(RangeError);
  });

  it('shows fen as CNY', () => {
    expect(moneyOfFen(863n)).toBe('8.63');
    expect(moneyOfFen(5n)).toBe('0.05');
    expect(moneyOfFen(0n)).toBe('0.00');
    expect(moneyOfFen(-5n)).toBe('-0.05');
  });

  it('floors toward −∞ where BigInt division truncates', () => {
    expect(floorDiv(-1n, 2n)).toBe(-1n);
    expect(floorDiv(-2n, 2n)).toBe(-1n);
    expect(floorDiv(3n, 2n)).toBe(1n);
  });

  it('rounds half up toward +∞, for a negative remainder too', () => {
    expect(roundHalfUp(8625n, 1000n)).toBe(9n); // 8.625 → 9
    expect(roundHalfUp(8624n, 1000n)).toBe(9n);
    expect(roundHalfUp(8499n, 1000n)).toBe(8n);
    expect(roundHalfUp(-500n, 1000n)).toBe(0n); // −0.5 → 0, not −1
    expect(roundHalfUp(-501n, 1000n)).toBe(-1n);
  });

  it('shows an exact accrual in CNY to 10 decimals, half toward +∞ like billing, a negative half rounding up', () => {
    // 1/3 fen
    expect(cnyOf(1n, 3n, 10)).toBe('0.0033333333');
    expect(cnyOf(2n, 3n, 10)).toBe('0.0066666667');
    expect(cnyOf(-2n, 3n, 10)).toBe('-0.0066666667');
    expect(cnyOf(-1n, 2n, 10)).toBe('-0.0050000000');
    expect(cnyOf(1n, 2n * 10n ** 8n, 10)).toBe('0.0000000001'); // exactly half of the last place
    expect(cnyOf(-1n, 2n * 10n ** 8n, 10)).toBe('0.0000000000'); // −½ of the last place rounds up to 0, unsigned
    expect(cnyOf(-3n, 2n * 10n ** 8n, 10)).toBe('-0.0000000001'); // −1½ rounds up to −1
    expect(cnyOf(0n, 7n, 10)).toBe('0.0000000000');
  });
});
