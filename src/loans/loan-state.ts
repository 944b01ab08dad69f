import { StateMachine } from '../common/state-machine.js';
import { LoanErrors } from './loans.errors.js';

export const LOAN_STATUSES = [
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
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/**
 * domain.md: SUBMITTED → REJECTED_INELIGIBLE | PENDING_REVIEW; PENDING_REVIEW → APPROVED |
 * PENDING_SECOND_APPROVAL | REJECTED; PENDING_SECOND_APPROVAL → APPROVED | REJECTED;
 * APPROVED → DISBURSING → DISBURSED | APPROVED (payment failed) | CANCELLED.
 * We read the last line as: a loan is cancelled while APPROVED (before any money moves); once its
 * payment is under way (DISBURSING) it can only be paid or fail back to APPROVED.
 * Extended: PENDING_SECOND_APPROVAL and APPROVED go back to PENDING_REVIEW when a roster changes the
 * supplier's payee, identity or credit facts before any money moves (README, Operations).
 * Servicing (domain.md): DISBURSED → REPAID when the repayment that leaves nothing owing is posted.
 */
export const loanStateMachine = new StateMachine<LoanStatus>('Loan application', {
  SUBMITTED: ['REJECTED_INELIGIBLE', 'PENDING_REVIEW'],
  PENDING_REVIEW: ['APPROVED', 'PENDING_SECOND_APPROVAL', 'REJECTED'],
  PENDING_SECOND_APPROVAL: ['APPROVED', 'REJECTED', 'PENDING_REVIEW'],
  APPROVED: ['DISBURSING', 'CANCELLED', 'PENDING_REVIEW'],
  DISBURSING: ['DISBURSED', 'APPROVED'],
  REJECTED_INELIGIBLE: [],
  REJECTED: [],
  DISBURSED: ['REPAID'],
  REPAID: [],
  CANCELLED: [],
});

export function assertLoanTransition(from: LoanStatus, to: LoanStatus): void {
  loanStateMachine.assert(from, to, LoanErrors.INVALID_TRANSITION);
}
