import { isHeld, type ItemStatus } from './disbursement-state.js';
import type { Pain002Report } from './iso20022/pain002.js';

/** What the matching needs to know of an item of the batch. */
export interface ReportedItem {
  id: string;
  end_to_end_id: string;
  status: ItemStatus;
  held_at: Date | null;
}

export interface StatusReportMatch<I extends ReportedItem> {
  /** SENT items the report settles (ACSC/ACCP). */
  toSettle: I[];
  /** SENT items the report refuses (RJCT): held for reconciliation, never failed by the report alone. */
  toHold: { item: I; code: string | null; reason: string | null }[];
  /** Statuses that say what the item already is (settled, or held or failed after a RJCT). */
  unchanged: number;
  /** Statuses that decide nothing yet (PDNG, ACTC...). */
  pending: number;
  /** endToEndIds the batch does not have. */
  unknown: string[];
  /** Statuses that contradict the item's state, or another status for it in the same report: changing nothing. */
  conflicts: { endToEndId: string; itemStatus: ItemStatus; reported: string }[];
}

type Verdict = 'SETTLED' | 'HELD';
const verdictOf = (status: string): Verdict | null =>
  status === 'ACSC' || status === 'ACCP' ? 'SETTLED' : status === 'RJCT' ? 'HELD' : null;

/**
 * Reads a pain.002 status report against a batch's items: ACSC/ACCP settle; a RJCT only holds the
 * item (the bank may have paid it all the same, and a loan freed now could be paid twice); anything
 * else is still pending. A group status stands for every item the report does not list. Items
 * already settled or held the same way are left unchanged, so a report read twice changes nothing; a
 * report that contradicts an item's state changes nothing either and is listed as a conflict.
 */
export function matchStatusReport<I extends ReportedItem>(
  report: Pick<Pain002Report, 'transactions' | 'groupStatus' | 'groupReasonCode' | 'groupReasonText'>,
  items: readonly I[],
): StatusReportMatch<I> {
  const byE2e = new Map(items.map((i) => [i.end_to_end_id, i]));
  const listed = new Set(report.transactions.map((t) => t.endToEndId));
  const statuses = [...report.transactions];
  if (report.groupStatus) {
    for (const i of items) {
      if (!listed.has(i.end_to_end_id)) {
        statuses.push({
          endToEndId: i.end_to_end_id,
          status: report.groupStatus,
          reasonCode: report.groupReasonCode,
          reasonText: report.groupReasonText,
        });
      }
    }
  }
  const unknown: string[] = [];
  const conflicts: StatusReportMatch<I>['conflicts'] = [];
  type Change = { item: I; verdict: 'SETTLED' } | { item: I; verdict: 'HELD'; code: string | null; reason: string | null };
  const changes = new Map<string, Change>();
  let unchanged = 0;
  let pending = 0;
  // where the item stands, in the report's terms: held or failed, the bank said it refused it
  const stateOf = (i: I) => (isHeld(i) || i.status === 'FAILED' ? 'HELD' : i.status);
  const reported = new Map<string, string>();
  for (const t of statuses) {
    const item = byE2e.get(t.endToEndId);
    if (!item) {
      unknown.push(t.endToEndId);
      continue;
    }
    const verdict = verdictOf(t.status);
    const earlier = reported.get(t.endToEndId);
    reported.set(t.endToEndId, t.status);
    if (earlier !== undefined && verdictOf(earlier) !== verdict) {
      // the same report says two things about one payment: believe neither
      conflicts.push({ endToEndId: t.endToEndId, itemStatus: item.status, reported: `${earlier} and ${t.status}` });
      changes.delete(item.id);
      continue;
    }
    if (earlier !== undefined) continue;
    if (!verdict) {
      pending++;
      continue;
    }
    const state = stateOf(item);
    if (state === verdict) unchanged++;
    else if (state === 'SENT') {
      changes.set(
        item.id,
        verdict === 'SETTLED' ? { item, verdict } : { item, verdict, code: t.reasonCode, reason: t.reasonText ?? t.reasonCode },
      );
    } else conflicts.push({ endToEndId: t.endToEndId, itemStatus: item.status, reported: t.status });
  }
  const toSettle = [...changes.values()].filter((c) => c.verdict === 'SETTLED').map((c) => c.item);
  const toHold = [...changes.values()]
    .filter((c): c is Extract<Change, { verdict: 'HELD' }> => c.verdict === 'HELD')
    .map(({ item, code, reason }) => ({ item, code, reason }));
  return { toSettle, toHold, unchanged, pending, unknown, conflicts };
}
