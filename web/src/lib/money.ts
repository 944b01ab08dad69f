/**
 * Money arrives as decimal strings ("1688864.56") and is shown as such, with thousands separators:
 * never through a float.
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [sign, whole, fraction] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value)?.slice(1) ?? [];
  if (whole === undefined) return value;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Is `a` ≤ `b`, both non-negative decimal strings (fen precision)? */
export function moneyAtMost(a: string, b: string): boolean {
  return toFen(a) <= toFen(b);
}

export function toFen(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

export function fromFen(fen: bigint): string {
  const s = fen.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** A valid amount as the API takes it: digits, at most two decimals. */
export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

/** `part` as a percentage of `whole`, two decimals, by integer arithmetic ("0.24%"). */
export function percentOf(part: string, whole: string): string {
  const w = toFen(whole);
  if (w === 0n) return '—';
  const bp = (toFen(part) * 10000n) / w;
  return `${bp / 100n}.${String(bp % 100n).padStart(2, '0')}%`;
}

/** A rate as the API gives it ("0.0435") as a percentage ("4.35%"), by moving the decimal point. */
export function formatRate(rate: string): string {
  const [whole, fraction = ''] = rate.split('.');
  const digits = (fraction + '00').slice(0, Math.max(2, fraction.length));
  const intPart = String(Number(whole) * 100 + Number(digits.slice(0, 2)));
  const rest = digits.slice(2).replace(/0+$/, '');
  return `${intPart}${rest ? `.${rest}` : ''}%`;
}
