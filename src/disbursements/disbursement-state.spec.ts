import { DomainError } from '../common/errors.js';
import {
  BATCH_STATUSES,
  ITEM_STATUSES,
  assertBatchTransition,
  batchStateMachine,
  finalBatchStatus,
  itemStateMachine,
  retryDelayMs,
  type BatchStatus,
  type ItemStatus,
} from './disbursement-state.js';

// domain.md, written out again here rather than read from the code under test.
const BATCH_ALLOWED: Record<BatchStatus, BatchStatus[]> = {
  DRAFT: ['APPROVED'],
  APPROVED: ['EXECUTING'],
  EXECUTING: ['COMPLETED', 'PARTIALLY_FAILED', 'FAILED'],
  COMPLETED: [],
  PARTIALLY_FAILED: [],
  FAILED: [],
};
const ITEM_ALLOWED: Record<ItemStatus, ItemStatus[]> = {
  PENDING: ['SENT'],
  SENT: ['SETTLED', 'FAILED'],
  SETTLED: [],
  FAILED: [],
};

const pairs = <S extends string>(states: readonly S[], allowed: Record<S, S[]>) =>
  states.flatMap((from) => states.map((to) => [from, to, allowed[from].includes(to)] as const));

describe('disbursement batch state machine', () => {
  it('knows exactly the six batch statuses of domain.md', () => {
    expect([...batchStateMachine.states].sort()).toEqual([...BATCH_STATUSES].sort());
    expect([...BATCH_STATUSES].sort()).toEqual(Object.keys(BATCH_ALLOWED).sort());
  });

  it.each(pairs(BATCH_STATUSES, BATCH_ALLOWED))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(batchStateMachine.can(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertBatchTransition(from, to)).not.toThrow();
    } else {
      let error: unknown;
      try {
        assertBatchTransition(from, to);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      const d = error as DomainError;
      expect(d.def.code).toBe('INVALID_BATCH_TRANSITION');
      expect(d.def.status).toBe(409);
      expect(d.extras).toEqual(expect.objectContaining({ currentStatus: from, requestedStatus: to }));
    }
  });

  it('has final states with no way out and only EXECUTING leads to them', () => {
    for (const final of ['COMPLETED', 'PARTIALLY_FAILED', 'FAILED'] as const) {
      expect(BATCH_STATUSES.filter((to) => batchStateMachine.can(final, to))).toEqual([]);
      expect(batchStateMachine.sourcesOf(final)).toEqual(['EXECUTING']);
    }
    expect(batchStateMachine.sourcesOf('EXECUTING')).toEqual(['APPROVED']);
    expect(batchStateMachine.sourcesOf('DRAFT')).toEqual([]);
  });

  it('refuses a status it does not know', () => {
    expect(batchStateMachine.can('CANCELLED' as BatchStatus, 'DRAFT')).toBe(false);
    expect(() => assertBatchTransition('DRAFT', 'SENT' as BatchStatus)).toThrow(DomainError);
  });
});

describe('disbursement item state machine', () => {
  it('knows exactly the four item statuses of domain.md', () => {
    expect([...itemStateMachine.states].sort()).toEqual([...ITEM_STATUSES].sort());
    expect([...ITEM_STATUSES].sort()).toEqual(Object.keys(ITEM_ALLOWED).sort());
  });

  it.each(pairs(ITEM_STATUSES, ITEM_ALLOWED))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(itemStateMachine.can(from, to)).toBe(allowed);
    if (allowed) expect(() => itemStateMachine.assert(from, to)).not.toThrow();
    else {
      expect(() => itemStateMachine.assert(from, to)).toThrow(DomainError);
      try {
        itemStateMachine.assert(from, to);
      } catch (e) {
        expect((e as DomainError).def.status).toBe(409);
      }
    }
  });

  it('never goes straight from PENDING to a result, nor back to PENDING', () => {
    expect(itemStateMachine.sourcesOf('SETTLED')).toEqual(['SENT']);
    expect(itemStateMachine.sourcesOf('FAILED')).toEqual(['SENT']);
    expect(itemStateMachine.sourcesOf('PENDING')).toEqual([]);
  });
});

describe('finalBatchStatus', () => {
  it.each([
    [1, 0, 'COMPLETED'],
    [250, 0, 'COMPLETED'],
    [249, 1, 'PARTIALLY_FAILED'],
    [1, 249, 'PARTIALLY_FAILED'],
    [0, 1, 'FAILED'],
    [0, 250, 'FAILED'],
  ] as const)('%i settled, %i failed → %s', (settled, failed, status) => {
    expect(finalBatchStatus(settled, failed)).toBe(status);
  });

  it('only ever names a status EXECUTING may move to', () => {
    for (const [s, f] of [
      [0, 0],
      [3, 0],
      [2, 1],
      [0, 3],
    ]) {
      expect(batchStateMachine.can('EXECUTING', finalBatchStatus(s, f))).toBe(true);
    }
  });
});

describe('retryDelayMs', () => {
  it('starts at 200 ms and doubles with each unanswered attempt', () => {
    expect(retryDelayMs(1)).toBe(200);
    expect(retryDelayMs(2)).toBe(400);
    expect(retryDelayMs(3)).toBe(800);
    expect(retryDelayMs(4)).toBe(1600);
    expect(retryDelayMs(8)).toBe(25_600);
  });

  it('is capped at 30 s', () => {
    expect(retryDelayMs(9)).toBe(30_000);
    expect(retryDelayMs(10)).toBe(30_000);
    expect(retryDelayMs(60)).toBe(30_000);
    expect(retryDelayMs(5000)).toBe(30_000);
  });

  it('treats no or a nonsensical attempt count as the first', () => {
    expect(retryDelayMs(0)).toBe(200);
    expect(retryDelayMs(-3)).toBe(200);
  });

  it('never shrinks as attempts grow', () => {
    let last = 0;
    for (let n = 0; n <= 40; n++) {
      const d = retryDelayMs(n);
      expect(d).toBeGreaterThanOrEqual(last);
      expect(Number.isInteger(d)).toBe(true);
      last = d;
    }
  });
});
