import type { ItemStatus } from './disbursement-state.js';
import type { Pain002TransactionStatus } from './iso20022/pain002.js';
import { matchStatusReport, type ReportedItem } from './status-report-matching.js';

const item = (n: number, status: ItemStatus = 'SENT', held = false): ReportedItem => ({
  id: `item-${n}`,
  end_to_end_id: `E2E-${n}`,
  status,
  held_at: held ? new Date('2025-01-02T03:04:05Z') : null,
});

const tx = (
  n: number | string,
  status: string,
  reasonCode: string | null = null,
  reasonText: string | null = null,
): Pain002TransactionStatus => ({
  endToEndId: typeof n === 'number' ? `E2E-${n}` : n,
  status,
  reasonCode,
  reasonText,
});

const report = (transactions: Pain002TransactionStatus[], group: { status: string; code?: string; text?: string } | null = null) => ({
  transactions,
  groupStatus: group?.status ?? null,
  groupReasonCode: group?.code ?? null,
  groupReasonText: group?.text ?? null,
});

describe('matchStatusReport', () => {
  it('settles SENT items reported ACSC or ACCP', () => {
    const items = [item(1), item(2), item(3)];
    const m = matchStatusReport(report([tx(1, 'ACSC'), tx(3, 'ACCP')]), items);
    expect(m.toSettle).toEqual([items[0], items[2]]);
    expect(m.toHold).toEqual([]);
    expect(m).toMatchObject({ unchanged: 0, pending: 0, unknown: [], conflicts: [] });
  });

  it('only holds a SENT item reported RJCT, with its reason (the text, else the code)', () => {
    const items = [item(1), item(2)];
    const m = matchStatusReport(report([tx(1, 'RJCT', 'AC04', 'Closed account'), tx(2, 'RJCT', 'AM05')]), items);
    expect(m.toSettle).toEqual([]);
    expect(m.toHold).toEqual([
      { item: items[0], code: 'AC04', reason: 'Closed account' },
      { item: items[1], code: 'AM05', reason: 'AM05' },
    ]);
  });

  it('counts statuses that decide nothing yet as pending', () => {
    const m = matchStatusReport(report([tx(1, 'PDNG'), tx(2, 'ACTC')]), [item(1), item(2)]);
    expect(m).toMatchObject({ toSettle: [], toHold: [], pending: 2, unchanged: 0 });
  });

  it('lists endToEndIds the batch does not have', () => {
    const m = matchStatusReport(report([tx('NOPE', 'ACSC'), tx(1, 'ACSC')]), [item(1)]);
    expect(m.unknown).toEqual(['NOPE']);
    expect(m.toSettle.map((i) => i.id)).toEqual(['item-1']);
  });

  it('leaves an item that already is what the report says unchanged, so a report read twice changes nothing', () => {
    const items = [item(1, 'SETTLED'), item(2, 'SENT', true), item(3, 'FAILED')];
    const m = matchStatusReport(report([tx(1, 'ACSC'), tx(2, 'RJCT'), tx(3, 'RJCT')]), items);
    expect(m).toMatchObject({ toSettle: [], toHold: [], unchanged: 3, conflicts: [] });
  });

  it('changes nothing, and lists a conflict, where the report contradicts the item', () => {
    const m = matchStatusReport(report([tx(1, 'RJCT'), tx(2, 'ACSC'), tx(3, 'ACCP'), tx(4, 'ACSC')]), [
      item(1, 'SETTLED'),
      item(2, 'SENT', true),
      item(3, 'FAILED'),
      item(4, 'PENDING'),
    ]);
    expect(m.toSettle).toEqual([]);
    expect(m.toHold).toEqual([]);
    expect(m.conflicts).toEqual([
      { endToEndId: 'E2E-1', itemStatus: 'SETTLED', reported: 'RJCT' },
      { endToEndId: 'E2E-2', itemStatus: 'SENT', reported: 'ACSC' },
      { endToEndId: 'E2E-3', itemStatus: 'FAILED', reported: 'ACCP' },
      { endToEndId: 'E2E-4', itemStatus: 'PENDING', reported: 'ACSC' },
    ]);
  });

  it('believes neither of two contradicting statuses for one payment in the same report', () => {
    const m = matchStatusReport(report([tx(1, 'ACSC'), tx(1, 'RJCT', 'AC04')]), [item(1)]);
    expect(m.toSettle).toEqual([]);
    expect(m.toHold).toEqual([]);
    expect(m.conflicts).toEqual([{ endToEndId: 'E2E-1', itemStatus: 'SENT', reported: 'ACSC and RJCT' }]);
  });

  it('takes a status repeated with the same verdict once', () => {
    const items = [item(1)];
    const m = matchStatusReport(report([tx(1, 'ACSC'), tx(1, 'ACCP')]), items);
    expect(m.toSettle).toEqual(items);
    expect(m.conflicts).toEqual([]);
  });

  it('applies the group status to every item the report does not list, and never to those it does', () => {
    const items = [item(1), item(2), item(3)];
    const m = matchStatusReport(report([tx(2, 'PDNG')], { status: 'RJCT', code: 'AM04', text: 'Insufficient funds' }), items);
    expect(m.toHold).toEqual([
      { item: items[0], code: 'AM04', reason: 'Insufficient funds' },
      { item: items[2], code: 'AM04', reason: 'Insufficient funds' },
    ]);
    expect(m.pending).toBe(1);
  });

  it('without a group status, says nothing about unlisted items', () => {
    const m = matchStatusReport(report([]), [item(1), item(2, 'PENDING')]);
    expect(m).toEqual({ toSettle: [], toHold: [], unchanged: 0, pending: 0, unknown: [], conflicts: [] });
  });
});
