import { addDays, dayNumber } from '../common/dates.js';

/*
 * What an end-of-day run does, decided without a database: the dates it closes, the page ranges it
 * closes them in, and which dates may be asked for.
 */

/** Every business date from `from` to `to`, in order (empty when from > to). */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) out.push(addDays(from, out.length));
  return out;
}

/** `dates` in passes of at most `size` consecutive dates, in order. */
export function passes(dates: readonly string[], size: number): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`dates per pass must be a positive integer: ${size}`);
  const out: string[][] = [];
  for (let i = 0; i < dates.length; i += size) out.push(dates.slice(i, i + size));
  return out;
}

/**
 * `count` ranges of heap pages [lo, hi) of the servicing table, as tids ('(page,0)'), covering
 * `pages` pages; the last has no upper bound (null), so it also takes pages added during the run.
 * Physical rather than key ranges: loan ids are random, so a key range touches pages all over the
 * table, and at a million loans (a gigabyte) every chunk read and rewrote pages scattered through
 * it; a page range reads and rewrites each page once, in order. Rows stay on their page through the
 * end of day's own (HOT) updates; one that another update moved out of a range is taken by the
 * date's last sweep over the whole table, so the ranges decide only speed, never which loans close.
 */
export function pageRanges(pages: number, count: number): { lo: string; hi: string | null }[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`chunk count must be a positive integer: ${count}`);
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`page count must be a non-negative integer: ${pages}`);
  const width = Math.max(1, Math.ceil(pages / count));
  const n = Math.max(1, Math.min(count, Math.ceil(pages / width)));
  return Array.from({ length: n }, (_, i) => ({ lo: `(${i * width},0)`, hi: i + 1 < n ? `(${(i + 1) * width},0)` : null }));
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
