import { Decimal } from 'decimal.js';

/**
 * Money is a decimal string at the edge ("125000.00"), numeric(18,2) in PostgreSQL and Decimal in
 * between. Nothing here ever goes through a JavaScript float.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

/** numeric(18,2): at most 16 integer digits and 2 decimals. */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
/** A non-negative decimal with up to 10 decimals, for rates, ratios and multipliers. */
export const DECIMAL_PATTERN = /^(0|[1-9]\d{0,15})(\.\d{1,10})?$/;
export const MAX_MONEY = new Dec('9999999999999999.99');

export function isMoneyString(v: unknown): v is string {
  return typeof v === 'string' && MONEY_PATTERN.test(v);
}

export function isDecimalString(v: unknown): v is string {
  return typeof v === 'string' && DECIMAL_PATTERN.test(v);
}

export function dec(v: string | number | Decimal): Decimal {
  return new Dec(v);
}

/** Canonical money string with two decimals. Rounds half-even to the fen. */
export function money(v: string | Decimal): string {
  return new Dec(v).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2);
}

/** "1234.50" from 123450n fen (the ledger and the servicing engine count in integer fen). */
export function moneyOfFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** 123450n from "1234.5" or "1234.50"; a money string (MONEY_PATTERN), never a float. */
export function fenOfMoney(amount: string): bigint {
  if (!MONEY_PATTERN.test(amount)) throw new RangeError(`not a money amount: ${amount}`);
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(2, '0'));
}

export function sumMoney(values: Iterable<string | Decimal>): string {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return money(total);
}

/** Largest multiple of step not above value (step > 0). */
export function roundDownTo(value: Decimal, step: Decimal): Decimal {
  if (step.lte(0)) throw new RangeError('step must be positive');
  return value.div(step).floor().times(step);
}

export function minDec(values: Decimal[]): Decimal {
  return values.reduce((a, b) => (b.lt(a) ? b : a));
}
