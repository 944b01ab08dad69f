import { StateMachine } from '../common/state-machine.js';
import { DisbursementErrors } from './disbursements.errors.js';

export const BATCH_STATUSES = ['DRAFT', 'APPROVED', 'EXECUTING', 'COMPLETED', 'PARTIALLY_FAILED', 'FAILED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const ITEM_STATUSES = ['PENDING', 'SENT', 'SETTLED', 'FAILED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** domain.md: DRAFT → APPROVED → EXECUTING → COMPLETED | PARTIALLY_FAILED | FAILED. */
export const batchStateMachine = new StateMachine<BatchStatus>('Disbursement batch', {
  DRAFT: ['APPROVED'],
  APPROVED: ['EXECUTING'],
  EXECUTING: ['COMPLETED', 'PARTIALLY_FAILED', 'FAILED'],
  COMPLETED: [],
  PARTIALLY_FAILED: [],
  FAILED: [],
});

/** domain.md: PENDING → SENT → SETTLED | FAILED. */
export const itemStateMachine = new StateMachine<ItemStatus>('Disbursement item', {
  PENDING: ['SENT'],
  SENT: ['SETTLED', 'FAILED'],
  SETTLED: [],
  FAILED: [],
});

/** Held for reconciliation: a RJCT read from a file, not yet resolved by a person. */
export const isHeld = (i: { status: ItemStatus; held_at: Date | null }) => i.status === 'SENT' && i.held_at !== null;

export function assertBatchTransition(from: BatchStatus, to: BatchStatus): void {
  batchStateMachine.assert(from, to, DisbursementErrors.INVALID_BATCH_TRANSITION);
}

/** How a finished batch is named from its items' outcomes. */
export function finalBatchStatus(settled: number, failed: number): BatchStatus {
  if (failed === 0) return 'COMPLETED';
  return settled === 0 ? 'FAILED' : 'PARTIALLY_FAILED';
}

/** Retry delay after the n-th unanswered attempt: 200 ms doubling, at most 30 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000, 200 * 2 ** Math.max(0, attempts - 1));
}
