/*
 * The engine counts money in fen (BigInt) and keeps accruals as exact integer numerators: fen × rate
 * with the rate scaled to an integer. Rates, ratios and multipliers have at most 10 decimals
 * (DECIMAL_PATTERN in common/money.ts), so r × 1e10 and r × m × 1e20 are integers and Σ fen × r is
 * exact. The day-count basis B divides only when a figure is rounded or shown, as domain.md asks:
 * summing divided daily amounts would lose fen (8.62 instead of 8.63).
 */

/** Scale of an annual rate: "0.0345" is 345000000n. */
export const RATE_SCALE = 10n ** 10n;
/** Scale of rate × penalty multiplier: both have at most 10 decimals. */
export const PENALTY_RATE_SCALE = RATE_SCALE * RATE_SCALE;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal string as an integer scaled by 10^decimals; refuses more decimals than that. */
export function scaled(value: string, decimals: number): bigint {
  const m = DECIMAL.exec(value);
  if (!m) throw new RangeError(`not a non-negative decimal: ${value}`);
  const fraction = m[2] ?? '';
  if (fraction.length > decimals) throw new RangeError(`more than ${decimals} decimals: ${value}`);
  return BigInt(m[1] + fraction.padEnd(decimals, '0'));
}

export function fenOf(amount: string): bigint {
  return scaled(amount, 2);
}

export { moneyOfFen } from '../common/money.js';

/** Division rounding toward −∞: BigInt's `/` truncates toward zero, wrong for a negative remainder. */
export function floorDiv(n: bigint, d: bigint): bigint {
  if (n >= 0n) return n / d;
  const q = n / d;
  return q * d === n ? q : q - 1n;
}

/**
 * round_half_up of n / d (d > 0): floor(n / d + 1/2), half toward +∞ as domain.md rounds billing
 * (floor(x + 0.005 CNY)); it also rounds a carried negative remainder of exactly −½ fen to 0.
 */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  return floorDiv(2n * n + d, 2n * d);
}

/**
 * n / d fen shown in CNY with `places` decimals, half toward +∞ like every other rounding here (the
 * statement contract: "toFixed(10) rounded half-up"); a tiny negative remainder shows as 0, unsigned.
 */
export function cnyOf(n: bigint, d: bigint, places: number): string {
  const unit = 10n ** BigInt(places);
  const units = roundHalfUp(n * unit, d * 100n);
  const abs = units < 0n ? -units : units;
  const fraction = String(abs % unit).padStart(places, '0');
  return `${units < 0n ? '-' : ''}${abs / unit}.${fraction}`;
}
