import { addDays, dayNumber } from './dates.js';

/*
 * What an end-of-day run does, decided without a database: the dates it closes, the loan id ranges
 * it closes them in, and which dates may be asked for.
 */

/** Every business date from `from` to `to`, in order (empty when from > to). */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) out.push(addDays(from, out.length));
  return out;
}

/**
 * `count` ranges of loan ids [lo, hi) covering the whole uuid space, of equal width: loan ids are
 * random (gen_random_uuid), so each holds about the same number of loans. The last has no upper
 * bound (null). Ranges rather than lists, so a chunk is a primary-key range scan and a re-run after a
 * crash takes exactly the same loans.
 */
export function idRanges(count: number): { lo: string; hi: string | null }[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`chunk count must be a positive integer: ${count}`);
  const space = 1n << 128n;
  const at = (i: number) => uuidOf((space * BigInt(i)) / BigInt(count));
  return Array.from({ length: count }, (_, i) => ({ lo: at(i), hi: i + 1 < count ? at(i + 1) : null }));
}

function uuidOf(n: bigint): string {
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How many chunks for `loans` open loans, about `chunkSize` each. */
export function chunkCount(loans: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(loans / chunkSize));
}

/**
 * The last date a run may close: the day before the earliest "today" among the programmes' time
 * zones (a date still under way somewhere is not over). Dates are YYYY-MM-DD, so the smallest string
 * is the earliest.
 */
export function lastClosableDate(todays: readonly string[]): string {
  if (!todays.length) throw new RangeError('no business date to close');
  return addDays([...todays].sort()[0], -1);
}

export type UpToCheck = { ok: true; upTo: string } | { ok: false; lastClosable: string };

/** `upTo` defaults to the last closable date; a date not over yet (today or later) is refused. */
export function checkUpTo(requested: string | undefined, lastClosable: string): UpToCheck {
  if (requested === undefined) return { ok: true, upTo: lastClosable };
  return requested <= lastClosable ? { ok: true, upTo: requested } : { ok: false, lastClosable };
}
