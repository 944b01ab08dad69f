import type { EntityManager } from 'typeorm';

/**
 * The one thing loans must know about payments: whether a loan sits in an open disbursement batch.
 * The disbursements module answers it (it provides OPEN_BATCHES): it imports this module, so this
 * module may not import it, nor read its tables.
 */
export interface OpenBatches {
  /**
   * Of `loanIds`, those with an item still to be paid (PENDING or SENT) in a batch that is not
   * finished. Asked in the caller's transaction, after it has locked the loans: a batch locks its
   * loans before it adds them, so one made meanwhile has committed its items by then.
   */
  loansInOpenBatch(m: EntityManager, loanIds: readonly string[]): Promise<string[]>;
}

export const OPEN_BATCHES = Symbol('OPEN_BATCHES');
