import { DomainError } from '../common/errors.js';
import { LOAN_STATUSES, assertLoanTransition, loanStateMachine, type LoanStatus } from './loan-state.js';
import { LoanErrors } from './loans.errors.js';

/**
 * domain.md, as we read it: SUBMITTED → REJECTED_INELIGIBLE | PENDING_REVIEW; PENDING_REVIEW →
 * APPROVED | PENDING_SECOND_APPROVAL | REJECTED; PENDING_SECOND_APPROVAL → APPROVED | REJECTED;
 * APPROVED → DISBURSING | CANCELLED; DISBURSING → DISBURSED | APPROVED (payment failed).
 * Extended (issue 9): PENDING_SECOND_APPROVAL and APPROVED → PENDING_REVIEW, when a roster changes the
 * payee, identity or credit facts of the supplier before any money moves.
 * Servicing (issue 11): DISBURSED → REPAID once nothing is owed.
 * Written out independently of loan-state.ts so that a change there has to change this too.
 */
const ALLOWED: ReadonlyArray<readonly [LoanStatus, LoanStatus]> = [
  ['SUBMITTED', 'REJECTED_INELIGIBLE'],
  ['SUBMITTED', 'PENDING_REVIEW'],
  ['PENDING_REVIEW', 'APPROVED'],
  ['PENDING_REVIEW', 'PENDING_SECOND_APPROVAL'],
  ['PENDING_REVIEW', 'REJECTED'],
  ['PENDING_SECOND_APPROVAL', 'APPROVED'],
  ['PENDING_SECOND_APPROVAL', 'REJECTED'],
  ['PENDING_SECOND_APPROVAL', 'PENDING_REVIEW'],
  ['APPROVED', 'DISBURSING'],
  ['APPROVED', 'CANCELLED'],
  ['APPROVED', 'PENDING_REVIEW'],
  ['DISBURSING', 'DISBURSED'],
  ['DISBURSING', 'APPROVED'],
  ['DISBURSED', 'REPAID'],
];

const ALL_STATUSES: LoanStatus[] = [
  'SUBMITTED',
  'REJECTED_INELIGIBLE',
  'PENDING_REVIEW',
  'PENDING_SECOND_APPROVAL',
  'APPROVED',
  'REJECTED',
  'DISBURSING',
  'DISBURSED',
  'REPAID',
  'CANCELLED',
];

const isAllowed = (from: LoanStatus, to: LoanStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = ALL_STATUSES.flatMap((from) => ALL_STATUSES.map((to) => [from, to] as const));
const allowedPairs = pairs.filter(([f, t]) => isAllowed(f, t));
const refusedPairs = pairs.filter(([f, t]) => !isAllowed(f, t));

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('loan application state machine', () => {
  it('knows exactly the nine statuses of domain.md', () => {
    expect([...LOAN_STATUSES].sort()).toEqual([...ALL_STATUSES].sort());
    expect(loanStateMachine.states.sort()).toEqual([...ALL_STATUSES].sort());
  });

  it('covers all 100 pairs: 14 allowed, 86 refused', () => {
    expect(pairs).toHaveLength(100);
    expect(allowedPairs).toHaveLength(14);
    expect(refusedPairs).toHaveLength(86);
  });

  it.each(allowedPairs)('allows %s → %s', (from, to) => {
    expect(loanStateMachine.can(from, to)).toBe(true);
    expect(() => assertLoanTransition(from, to)).not.toThrow();
  });

  it.each(refusedPairs)('refuses %s → %s with 409 INVALID_TRANSITION', (from, to) => {
    expect(loanStateMachine.can(from, to)).toBe(false);
    const err = thrownBy(() => assertLoanTransition(from, to));
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    expect(e.def).toBe(LoanErrors.INVALID_TRANSITION);
    expect(e.def.code).toBe('INVALID_TRANSITION');
    expect(e.def.status).toBe(409);
    expect(e.detail).toBe(`Loan application cannot go from ${from} to ${to}`);
    expect(e.extras).toMatchObject({ currentStatus: from, requestedStatus: to });
  });

  it('has terminal states with no way out', () => {
    for (const s of ['REJECTED_INELIGIBLE', 'REJECTED', 'REPAID', 'CANCELLED'] as LoanStatus[]) {
      expect(ALL_STATUSES.filter((to) => loanStateMachine.can(s, to))).toEqual([]);
    }
  });

  it('never lets anything reach SUBMITTED (it is only an initial state)', () => {
    expect(loanStateMachine.sourcesOf('SUBMITTED')).toEqual([]);
  });

  it('reaches APPROVED from review, second approval and a failed payment only', () => {
    expect(loanStateMachine.sourcesOf('APPROVED').sort()).toEqual(['DISBURSING', 'PENDING_REVIEW', 'PENDING_SECOND_APPROVAL']);
  });

  it('sends a loan back to review only before money moves: from the second approval or APPROVED, never from DISBURSING', () => {
    expect(loanStateMachine.sourcesOf('PENDING_REVIEW').sort()).toEqual(['APPROVED', 'PENDING_SECOND_APPROVAL', 'SUBMITTED']);
    expect(loanStateMachine.can('DISBURSING', 'PENDING_REVIEW')).toBe(false);
    expect(loanStateMachine.can('DISBURSED', 'PENDING_REVIEW')).toBe(false);
  });

  it('cancels only an APPROVED loan: once money moves (DISBURSING) it cannot be cancelled', () => {
    expect(loanStateMachine.sourcesOf('CANCELLED')).toEqual(['APPROVED']);
    expect(loanStateMachine.can('DISBURSING', 'CANCELLED')).toBe(false);
  });

  it('refuses a status it does not know, either way', () => {
    expect(loanStateMachine.can('ARCHIVED' as LoanStatus, 'APPROVED')).toBe(false);
    expect(loanStateMachine.can('APPROVED', 'ARCHIVED' as LoanStatus)).toBe(false);
    expect(thrownBy(() => assertLoanTransition('ARCHIVED' as LoanStatus, 'APPROVED'))).toBeInstanceOf(DomainError);
  });
});
