import { applyRepayment, dueNow, oldestUnpaidDueDate, payoff, type LoanState, type ServicingTerms } from '../servicing/engine.js';
import { RATE_SCALE, scaled } from '../servicing/fixed-point.js';

/*
 * The settlement waterfall (domain.md "Repayment from the core enterprise's settlement"), without a
 * database: how much of a supplier's payable the bank takes, and how it splits over that supplier's
 * loans with the core enterprise. Money in fen.
 */

/** What one loan can take from a settlement, as its stored state says today. */
export interface LoanPosition {
  loanId: string;
  /** Null when nothing billed is unpaid: such loans come after every loan with something overdue or due. */
  oldestUnpaidDueDate: string | null;
  valueDate: string;
  /** penalty due + round_half_up(accrued penalty) + interest due + principal due. */
  dueNow: bigint;
  /** What a second pass may prepay: payoff − dueNow with the programme's prepayFromSettlement, else 0. */
  prepayable: bigint;
}

export interface LoanShare {
  loanId: string;
  /** First pass: the loan's due-now, paid in full before the next loan's. */
  due: bigint;
  /** Second pass: prepayment, in the same order. */
  prepaid: bigint;
}

export interface SupplierDeduction {
  /** floor(payable × ratio) to the fen: the most the bank may take. */
  cap: bigint;
  deduction: bigint;
  /** Every loan in waterfall order, zero shares included. */
  shares: LoanShare[];
}

/** floor(payable × ratio) in fen; the ratio has at most 10 decimals, so this is exact. */
export function deductionCap(payableFen: bigint, ratio: string): bigint {
  if (payableFen < 0n) throw new RangeError(`a payable is not negative: ${payableFen}`);
  return (payableFen * scaled(ratio, 10)) / RATE_SCALE;
}

/**
 * The ratio of a supplier whose loans sit in programmes with different ratios: the smallest, so that
 * no programme's promise to the supplier ("the bank takes at most this share of a settlement") breaks.
 */
export function supplierRatio(ratios: readonly string[]): string {
  if (!ratios.length) throw new RangeError('no ratio');
  return ratios.reduce((min, r) => (scaled(r, 10) < scaled(min, 10) ? r : min));
}

/** Oldest unpaid due date first (loans with nothing unpaid last), then value date, then loan id. */
export function waterfallOrder(a: LoanPosition, b: LoanPosition): number {
  if (a.oldestUnpaidDueDate !== b.oldestUnpaidDueDate) {
    if (a.oldestUnpaidDueDate === null) return 1;
    if (b.oldestUnpaidDueDate === null) return -1;
    return a.oldestUnpaidDueDate < b.oldestUnpaidDueDate ? -1 : 1;
  }
  if (a.valueDate !== b.valueDate) return a.valueDate < b.valueDate ? -1 : 1;
  return a.loanId < b.loanId ? -1 : a.loanId > b.loanId ? 1 : 0;
}

/**
 * deduction = min(cap, Σ due-now + Σ prepayable); the first pass pays each loan's due-now in full in
 * waterfall order, the second prepays in the same order with what is left.
 */
export function allocateDeduction(payableFen: bigint, ratio: string, loans: readonly LoanPosition[]): SupplierDeduction {
  const cap = deductionCap(payableFen, ratio);
  const ordered = [...loans].sort(waterfallOrder);
  let left = cap;
  const shares = ordered.map((loan) => {
    const due = min(left, loan.dueNow);
    left -= due;
    return { loanId: loan.loanId, due, prepaid: 0n };
  });
  ordered.forEach((loan, i) => {
    const prepaid = min(left, loan.prepayable);
    left -= prepaid;
    shares[i].prepaid = prepaid;
  });
  return { cap, deduction: cap - left, shares };
}

/** A loan as its servicing row holds it, with what its programme says of settlements. */
export interface ServicedLoan {
  loanId: string;
  state: LoanState;
  terms: ServicingTerms;
  /** The programme's prepayFromSettlement. */
  prepay: boolean;
}

export interface LoanAllocation {
  loanApplicationId: string;
  /** What the engine makes of the loan's share, in fen. */
  penalty: bigint;
  interest: bigint;
  principal: bigint;
  prepay: boolean;
  /** The loan's state after it: what the confirmation writes, if the loan has not moved by then. */
  state: LoanState;
}

export type SupplierAllocation =
  { cobPending: false; cap: bigint; deduction: bigint; allocations: LoanAllocation[] } | { cobPending: true; loanIds: string[] };

/**
 * One supplier's line, priced by the engine on the stored states as a repayment valued `date` would
 * be (nothing is written): refused as a whole while COB is behind for any of its loans. Loans whose
 * share is zero are left out of the allocations: a zero allocation bills and posts nothing.
 */
export function allocateSupplier(payableFen: bigint, ratio: string, loans: readonly ServicedLoan[], date: string): SupplierAllocation {
  const behind = loans.filter((l) => {
    const probe = applyRepayment(l.state, l.terms, 0n, date, { prepay: false });
    return !probe.accepted && probe.reason === 'COB_PENDING';
  });
  if (behind.length) return { cobPending: true, loanIds: behind.map((l) => l.loanId) };
  const byId = new Map(loans.map((l) => [l.loanId, l]));
  const positions = loans.map((l) => {
    const now = dueNow(l.state, l.terms);
    return {
      loanId: l.loanId,
      oldestUnpaidDueDate: oldestUnpaidDueDate(l.state),
      valueDate: l.terms.valueDate,
      dueNow: now,
      prepayable: l.prepay ? payoff(l.state, l.terms) - now : 0n,
    };
  });
  const { cap, deduction, shares } = allocateDeduction(payableFen, ratio, positions);
  const allocations: LoanAllocation[] = [];
  for (const share of shares) {
    const amount = share.due + share.prepaid;
    if (amount === 0n) continue;
    const loan = byId.get(share.loanId)!;
    const outcome = applyRepayment(loan.state, loan.terms, amount, date, { prepay: loan.prepay });
    // the shares never exceed what the engine accepts (due-now, or payoff when prepaying)
    if (!outcome.accepted) throw new Error(`settlement share of loan ${loan.loanId} refused by the engine: ${outcome.reason}`);
    allocations.push({ loanApplicationId: loan.loanId, ...outcome.allocation, prepay: loan.prepay, state: outcome.state });
  }
  return { cobPending: false, cap, deduction, allocations };
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
