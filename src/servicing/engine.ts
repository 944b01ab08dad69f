/*
 * The servicing engine: pure functions over one loan's state, without Nest or a database, which the
 * COB, repayments and settlements call inside their transactions, and which simulate() runs for
 * the independent oracle of the tests (see scenario.ts).
 */
export { type Allocation, applyRepayment, type RepaymentOptions, type RepaymentOutcome, type RepaymentRefusal } from './repayment.js';
export { type ClosedDay, closeDay, type CobPostings } from './cob.js';
export {
  classify,
  type DueItem,
  dpd,
  dueNow,
  interestDue,
  isOverdue,
  type LoanState,
  type LoanStatus,
  openLoan,
  oldestUnpaidDueDate,
  payoff,
  penaltyDue,
  principalDue,
  roundedAccruedInterest,
  roundedAccruedPenalty,
} from './loan-state.js';
export { cnyOf, fenOf, moneyOfFen } from './fixed-point.js';
export { simulate, statementOf } from './statement.js';
export { compileTerms, isDueDay, maturityDate, schedule, type ServicingTerms } from './terms.js';
