import { fenOfMoney, moneyOfFen } from '../common/money.js';
import type { CopyValue } from '../database/copy.js';
import type { ExposureClaim } from '../exposure/exposure.service.js';
import { roundHalfUp } from './fixed-point.js';
import { delinquency, type LoanState } from './loan-state.js';
import type { Allocation } from './repayment.js';
import { storeState } from './servicing-row.js';
import type { ServicingTerms } from './terms.js';

/**
 * A repayment the engine has priced, as ServicingService.postPrepared writes it: the loan's keys,
 * the allocation (fen), the loan's servicing row after it, and the exposure its principal frees.
 * Priced once, by whoever holds the loan's state (a direct repayment in its transaction, a
 * settlement's computation), and valid only while that state is still the loan's: the caller of
 * postPrepared makes sure of it.
 */
export interface PreparedRepayment {
  loan: PreparedLoan;
  allocation: Allocation;
  /** storeState() of the state after the repayment, as JSON. */
  state: string;
  status: LoanState['status'];
  principalOutstanding: string;
  dpd: number;
  overdue: boolean;
  classification: string;
  freedAmount: string;
  freedGuaranteed: string;
}

/** What a loan holds against the limits (loan_applications.amount and guaranteed_amount). */
export interface LoanAmounts {
  amount: string;
  guaranteed_amount: string;
}

/** A loan's keys (its servicing row's) and what it holds against the limits. */
export interface PreparedLoan extends LoanAmounts {
  loan_application_id: string;
  supplier_id: string;
  programme_id: string;
  core_enterprise_id: string;
}

/** The columns of a prepared repayment, in the order postPrepared reads them from its source and preparedCells() writes them. */
export const PREPARED_COLUMNS = [
  'loan_application_id',
  'supplier_id',
  'programme_id',
  'core_enterprise_id',
  'penalty',
  'interest',
  'principal',
  'state',
  'status',
  'principal_outstanding',
  'dpd',
  'overdue',
  'classification',
  'freed_amount',
  'freed_guaranteed',
] as const;

/** The SQL types of PREPARED_COLUMNS, for a source built from parameter arrays (unnest). */
export const PREPARED_TYPES = [
  'uuid',
  'uuid',
  'uuid',
  'uuid',
  'bigint',
  'bigint',
  'bigint',
  'jsonb',
  'text',
  'numeric',
  'int',
  'boolean',
  'text',
  'numeric',
  'numeric',
];

/** A repayment of a loan, from its state `before` to the engine's outcome, valued `date`. */
export function prepareRepayment(
  loan: PreparedLoan,
  before: LoanState,
  outcome: { state: LoanState; allocation: Allocation },
  terms: ServicingTerms,
  date: string,
): PreparedRepayment {
  const { state, allocation } = outcome;
  const late = delinquency(state, terms, date);
  const freed = freedBy(loan, before.paidPrincipal, state.paidPrincipal);
  return {
    loan,
    allocation,
    state: JSON.stringify(storeState(state)),
    status: state.status,
    principalOutstanding: moneyOfFen(state.principalOutstanding),
    dpd: late.dpd,
    overdue: late.overdue,
    classification: late.classification,
    freedAmount: freed.amount,
    freedGuaranteed: freed.guaranteed_amount,
  };
}

/** PREPARED_COLUMNS of a prepared repayment, as COPY cells or parameter array elements. */
export function preparedCells(p: PreparedRepayment): CopyValue[] {
  return [
    p.loan.loan_application_id,
    p.loan.supplier_id,
    p.loan.programme_id,
    p.loan.core_enterprise_id,
    String(p.allocation.penalty),
    String(p.allocation.interest),
    String(p.allocation.principal),
    p.state,
    p.status,
    p.principalOutstanding,
    p.dpd,
    p.overdue,
    p.classification,
    p.freedAmount,
    p.freedGuaranteed,
  ];
}

/**
 * What the principal repaid between two moments frees: itself on the supplier's limit and the
 * programme cap, and its guaranteed share on the guarantee cap, computed on the running total so that
 * the shares of all repayments add up to the loan's guaranteed amount to the fen.
 */
export function freedBy(loan: LoanAmounts, paidBefore: bigint, paidAfter: bigint): Pick<ExposureClaim, 'amount' | 'guaranteed_amount'> {
  const amount = fenOfMoney(loan.amount);
  const guaranteed = fenOfMoney(loan.guaranteed_amount);
  const share = (paid: bigint) => roundHalfUp(guaranteed * paid, amount);
  return { amount: moneyOfFen(paidAfter - paidBefore), guaranteed_amount: moneyOfFen(share(paidAfter) - share(paidBefore)) };
}

/** The journal reference of a settlement's allocations. */
export function settlementReference(settlementId: string): string {
  return `settlement:${settlementId}`;
}

/** The settlement a journal reference names; null for any other reference. */
export function settlementOfReference(reference: string | null): string | null {
  return reference?.startsWith('settlement:') ? reference.slice('settlement:'.length) : null;
}
