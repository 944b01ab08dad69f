import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors.js';
import { maskBankAccount } from '../common/identifiers.js';
import { money, sumMoney } from '../common/money.js';
import { sql } from '../database/sql.js';
import { isHeld, type BatchStatus, type ItemStatus } from './disbursement-state.js';
import type { ReconcileOutcome } from './dto.js';

export const DISBURSE_QUEUE = 'disbursement-batch';

export interface BatchRow {
  id: string;
  programme_id: string;
  core_enterprise_id: string;
  status: BatchStatus;
  channel: 'API' | 'FILE' | null;
  message_id: string;
  created_by_id: string;
  created_by: string;
  approved_by_id: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  executed_by_id: string | null;
  executed_by: string | null;
  execute_requested_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: string;
  batch_id: string;
  seq: number;
  loan_application_id: string;
  amount: string;
  creditor_name: string;
  creditor_account: string;
  creditor_bank: string | null;
  end_to_end_id: string;
  status: ItemStatus;
  attempts: number;
  sent_at: Date | null;
  settled_at: Date | null;
  failure_code: string | null;
  failure_reason: string | null;
  hold_code: string | null;
  hold_reason: string | null;
  hold_report_message_id: string | null;
  held_at: Date | null;
  held_by_id: string | null;
  held_by: string | null;
  reconciled_at: Date | null;
  reconciled_by_id: string | null;
  reconciled_by: string | null;
  reconcile_outcome: ReconcileOutcome | null;
  reconcile_note: string | null;
}

/** An item as the batch views show it: with whether its supplier's payee details changed since approval (see viewItemsOf). */
export type ViewItemRow = ItemRow & { payee_changed: boolean };

/** What the bank said about one item, or that it said nothing we can use yet. */
export type ItemOutcome =
  | { itemId: string; result: 'SETTLED' }
  | { itemId: string; result: 'FAILED'; code: string | null; reason: string | null }
  | { itemId: string; result: 'RETRY'; attempts: number };

function itemView(i: ViewItemRow) {
  return {
    id: i.id,
    seq: i.seq,
    loanApplicationId: i.loan_application_id,
    amount: money(i.amount),
    creditorName: i.creditor_name,
    creditorAccount: maskBankAccount(i.creditor_account),
    creditorBank: i.creditor_bank,
    payeeChanged: i.payee_changed,
    endToEndId: i.end_to_end_id,
    status: i.status,
    attempts: i.attempts,
    failureCode: i.failure_code,
    failureReason: i.failure_reason,
    sentAt: i.sent_at?.toISOString() ?? null,
    settledAt: i.settled_at?.toISOString() ?? null,
    hold: i.held_at
      ? {
          reasonCode: i.hold_code,
          reason: i.hold_reason,
          reportMessageId: i.hold_report_message_id,
          heldBy: i.held_by,
          heldAt: i.held_at.toISOString(),
          reconciliation: i.reconciled_at
            ? { outcome: i.reconcile_outcome, note: i.reconcile_note, by: i.reconciled_by, at: i.reconciled_at.toISOString() }
            : null,
        }
      : null,
  };
}

export function batchView(b: BatchRow, items: ViewItemRow[]) {
  const by = (s: ItemStatus) => items.filter((i) => i.status === s);
  return {
    id: b.id,
    programmeId: b.programme_id,
    coreEnterpriseId: b.core_enterprise_id,
    status: b.status,
    channel: b.channel,
    messageId: b.message_id,
    createdBy: b.created_by,
    approvedBy: b.approved_by,
    approvedAt: b.approved_at?.toISOString() ?? null,
    executedBy: b.executed_by,
    executeRequestedAt: b.execute_requested_at?.toISOString() ?? null,
    finishedAt: b.finished_at?.toISOString() ?? null,
    createdAt: b.created_at.toISOString(),
    counts: {
      items: items.length,
      pending: by('PENDING').length,
      sent: by('SENT').length,
      settled: by('SETTLED').length,
      failed: by('FAILED').length,
    },
    held: items.filter(isHeld).length,
    payeeChanged: items.filter((i) => i.payee_changed).length,
    totals: {
      amount: sumMoney(items.map((i) => i.amount)),
      settled: sumMoney(by('SETTLED').map((i) => i.amount)),
      failed: sumMoney(by('FAILED').map((i) => i.amount)),
      outstanding: sumMoney([...by('PENDING'), ...by('SENT')].map((i) => i.amount)),
    },
    items: items.map(itemView),
  };
}
export type BatchView = ReturnType<typeof batchView>;

/**
 * Items for the views, with `payee_changed`: for an item still to be paid (PENDING or SENT), the
 * supplier's current name, account or bank differ from what it pays (the payee frozen at approval),
 * so whoever approves the batch or reconciles the item sees it. A settled or failed item has nothing
 * left to decide, and is not looked up: lists of finished batches stay cheap.
 */
export async function viewItemsOf(m: EntityManager, batchIds: string[]): Promise<ViewItemRow[]> {
  const r = await sql<ViewItemRow>(
    m,
    `SELECT i.*, i.status IN ('PENDING', 'SENT') AND EXISTS (
              SELECT 1 FROM loan_applications la JOIN suppliers s ON s.id = la.supplier_id JOIN core_enterprises ce ON ce.id = la.core_enterprise_id
               WHERE la.id = i.loan_application_id
                 -- a dealer loan pays the core enterprise's collection account
                 AND (CASE WHEN la.purchase_order_id IS NULL THEN (s.name, s.bank_account, s.bank_name)
                           ELSE (ce.name, ce.collection_account, ce.collection_bank_name) END)
                     IS DISTINCT FROM (i.creditor_name, i.creditor_account, i.creditor_bank)
            ) AS payee_changed
       FROM disbursement_items i
      WHERE i.batch_id = ANY($1::uuid[])
      ORDER BY i.batch_id, i.seq`,
    [batchIds],
  );
  return r.rows;
}

export async function itemsOf(m: EntityManager, batchId: string): Promise<ItemRow[]> {
  const r = await sql<ItemRow>(m, `SELECT * FROM disbursement_items WHERE batch_id = $1 ORDER BY seq`, [batchId]);
  return r.rows;
}

export async function loadBatch(m: EntityManager, id: string): Promise<BatchRow> {
  const r = await sql<BatchRow>(m, `SELECT * FROM disbursement_batches WHERE id = $1`, [id]);
  if (!r.rows[0]) throw notFound('Disbursement batch', id);
  return r.rows[0];
}

export async function lockBatch(m: EntityManager, id: string): Promise<BatchRow> {
  const r = await sql<BatchRow>(m, `SELECT * FROM disbursement_batches WHERE id = $1 FOR UPDATE`, [id]);
  if (!r.rows[0]) throw notFound('Disbursement batch', id);
  return r.rows[0];
}

export async function viewBatch(m: EntityManager, id: string): Promise<BatchView> {
  return batchView(await loadBatch(m, id), await viewItemsOf(m, [id]));
}
