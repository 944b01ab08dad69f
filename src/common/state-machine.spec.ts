import { CommonErrors, DomainError, defineErrors } from './errors.js';
import { StateMachine } from './state-machine.js';

type LoanStatus =
  | 'SUBMITTED'
  | 'REJECTED_INELIGIBLE'
  | 'PENDING_REVIEW'
  | 'PENDING_SECOND_APPROVAL'
  | 'APPROVED'
  | 'REJECTED'
  | 'DISBURSING'
  | 'DISBURSED'
  | 'CANCELLED';

// The loan application machine of domain.md, as a realistic table to test against.
const loans = new StateMachine<LoanStatus>('Loan application', {
  SUBMITTED: ['REJECTED_INELIGIBLE', 'PENDING_REVIEW'],
  PENDING_REVIEW: ['APPROVED', 'PENDING_SECOND_APPROVAL', 'REJECTED'],
  PENDING_SECOND_APPROVAL: ['APPROVED', 'REJECTED'],
  APPROVED: ['DISBURSING', 'CANCELLED'],
  DISBURSING: ['DISBURSED', 'APPROVED'],
  REJECTED_INELIGIBLE: [],
  REJECTED: [],
  DISBURSED: [],
  CANCELLED: [],
});

describe('StateMachine', () => {
  it('allows exactly the listed transitions', () => {
    expect(loans.can('SUBMITTED', 'PENDING_REVIEW')).toBe(true);
    expect(loans.can('PENDING_REVIEW', 'PENDING_SECOND_APPROVAL')).toBe(true);
    expect(loans.can('DISBURSING', 'APPROVED')).toBe(true);
    expect(loans.can('SUBMITTED', 'APPROVED')).toBe(false);
    expect(loans.can('APPROVED', 'PENDING_REVIEW')).toBe(false);
    expect(loans.can('DISBURSED', 'CANCELLED')).toBe(false);
  });

  it('refuses staying in the same state unless it is listed', () => {
    expect(loans.can('APPROVED', 'APPROVED')).toBe(false);
  });

  it('refuses a state it does not know', () => {
    expect(loans.can('ARCHIVED' as LoanStatus, 'APPROVED')).toBe(false);
    expect(loans.can('APPROVED', 'ARCHIVED' as LoanStatus)).toBe(false);
  });

  it('counts every state with outgoing or no outgoing transitions', () => {
    expect(loans.states).toHaveLength(9);
    expect(loans.states).toContain('CANCELLED');
  });

  it('lists the states a target can be reached from', () => {
    expect(loans.sourcesOf('APPROVED').sort()).toEqual(['DISBURSING', 'PENDING_REVIEW', 'PENDING_SECOND_APPROVAL']);
    expect(loans.sourcesOf('REJECTED').sort()).toEqual(['PENDING_REVIEW', 'PENDING_SECOND_APPROVAL']);
    expect(loans.sourcesOf('SUBMITTED')).toEqual([]);
  });

  it('lets an allowed transition through', () => {
    expect(() => loans.assert('APPROVED', 'DISBURSING')).not.toThrow();
  });

  it('refuses a forbidden transition with 409 naming both states', () => {
    let thrown: unknown;
    try {
      loans.assert('DISBURSED', 'CANCELLED');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const err = thrown as DomainError;
    expect(err.def).toBe(CommonErrors.CONFLICT);
    expect(err.def.status).toBe(409);
    expect(err.detail).toBe('Loan application cannot go from DISBURSED to CANCELLED');
    expect(err.extras).toMatchObject({ currentStatus: 'DISBURSED', requestedStatus: 'CANCELLED' });
  });

  it('refuses with the error a feature chooses', () => {
    const { LOAN_NOT_PENDING } = defineErrors({ LOAN_NOT_PENDING: { status: 409, title: 'The loan is not pending' } });
    const thrown = (() => {
      try {
        loans.assert('APPROVED', 'REJECTED', LOAN_NOT_PENDING);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).def).toBe(LOAN_NOT_PENDING);
  });
});
