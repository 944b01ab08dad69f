import { actorSeenBy, type Actor, type ActorRef } from '../common/access/actor.js';
import { money } from '../common/money.js';
import type { Account } from '../ledger/accounts.js';
import type { LoanEntryView } from '../ledger/ledger.service.js';
import { moneyOfFen } from './fixed-point.js';
import { type LoanState, principalDue } from './loan-state.js';
import { settlementOfReference } from './prepared-repayment.js';
import type { LoanTerms } from './scenario.js';
import { statementOf } from './statement.js';
import { compileTerms, schedule } from './terms.js';

/** A row of the repayments table (a direct repayment), as read for a statement. */
export interface RepaymentRow {
  id: string;
  /** The REPAYMENT entry that posted it. */
  entry_id: string;
  reference: string;
  amount: string;
  business_date: string;
  penalty: string;
  interest: string;
  principal: string;
  actor: ActorRef;
  created_at: Date;
}

/**
 * One due date of the loan. Interest is known only once billed (the eve of the due date): before
 * that `interest` is null, and `principal` is what would fall due then if nothing is prepaid.
 * `paid` is everything paid against the date, penalty billed onto it included.
 */
export interface ScheduleLine {
  dueDate: string;
  billed: boolean;
  principal: string;
  interest: string | null;
  penalty: string;
  paid: string;
}

export function scheduleOf(terms: LoanTerms, state: LoanState): ScheduleLine[] {
  const billed = new Map(state.dues.map((d) => [d.dueDate, d]));
  const maturity = compileTerms(terms).maturityDate;
  return schedule(terms).map((dueDate) => {
    const item = billed.get(dueDate);
    if (!item) {
      const principal = dueDate === maturity ? state.principalOutstanding - principalDue(state) : 0n;
      return { dueDate, billed: false, principal: moneyOfFen(principal), interest: null, penalty: '0.00', paid: '0.00' };
    }
    return {
      dueDate,
      billed: true,
      principal: moneyOfFen(item.principal),
      interest: moneyOfFen(item.interest),
      penalty: moneyOfFen(item.penalty),
      paid: moneyOfFen(item.paidPrincipal + item.paidInterest + item.paidPenalty),
    };
  });
}

export interface StatementRepayment {
  source: 'DIRECT' | 'SETTLEMENT';
  /** The direct repayment's id; null for a settlement's allocation. */
  id: string | null;
  settlementId: string | null;
  reference: string;
  amount: string;
  businessDate: string;
  allocations: { penalty: string; interest: string; principal: string };
  /** Who entered a direct repayment; null for a settlement's allocation. */
  by: ActorRef | null;
  at: string;
}

/**
 * Every repayment of the loan in the order it was posted, one per REPAYMENT entry: a direct one
 * with its repayments row (the bank statement's reference, the officer who entered it), a
 * settlement's allocation with what the entry credited this loan and the settlement it came from
 * (who confirmed it is on the settlement).
 */
export function repaymentsOf(entries: readonly LoanEntryView[], rows: readonly RepaymentRow[], viewer: Actor): StatementRepayment[] {
  const direct = new Map(rows.map((r) => [r.entry_id, r]));
  return entries
    .filter((e) => e.type === 'REPAYMENT')
    .map((e) => {
      const r = direct.get(e.id);
      if (r)
        return {
          source: 'DIRECT',
          id: r.id,
          settlementId: null,
          reference: r.reference,
          amount: money(r.amount),
          businessDate: r.business_date,
          allocations: { penalty: money(r.penalty), interest: money(r.interest), principal: money(r.principal) },
          by: actorSeenBy(viewer, r.actor),
          at: r.created_at.toISOString(),
        };
      const line = (account: Account) => e.lines.find((l) => l.account === account);
      return {
        source: 'SETTLEMENT',
        id: null,
        settlementId: settlementOfReference(e.reference),
        reference: e.reference ?? '',
        amount: line('BANK_CLEARING')?.debit ?? '0.00',
        businessDate: e.businessDate,
        allocations: {
          penalty: line('PENALTY_RECEIVABLE')?.credit ?? '0.00',
          interest: line('INTEREST_RECEIVABLE')?.credit ?? '0.00',
          principal: line('LOAN_PRINCIPAL')?.credit ?? '0.00',
        },
        by: null,
        at: e.postedAt,
      };
    });
}

/**
 * GET /loan-applications/:id/statement: the engine's figures on business date `asOf`, the schedule,
 * the repayments (direct and from settlements) and the loan's journal entries. `cobDate` is the last
 * date whose end of day this loan has been through (null before its first).
 */
export function statementView(
  input: { terms: LoanTerms; state: LoanState; asOf: string; repayments: RepaymentRow[]; entries: LoanEntryView[] },
  viewer: Actor,
) {
  const { terms, state, asOf } = input;
  const figures = statementOf(state, compileTerms(terms), asOf);
  return {
    status: figures.status,
    asOf,
    valueDate: terms.valueDate,
    maturityDate: figures.maturityDate,
    cobDate: state.lastCobDate,
    principal: money(terms.principal),
    principalOutstanding: figures.principalOutstanding,
    principalDue: figures.principalDue,
    interestDue: figures.interestDue,
    penaltyDue: figures.penaltyDue,
    accruedInterest: figures.accruedInterest,
    accruedPenalty: figures.accruedPenalty,
    payoffAmount: figures.payoffAmount,
    dpd: figures.dpd,
    overdue: figures.overdue,
    classification: figures.classification,
    paid: figures.paid,
    schedule: scheduleOf(terms, state),
    repayments: repaymentsOf(input.entries, input.repayments, viewer),
    entries: input.entries,
  };
}
export type StatementView = ReturnType<typeof statementView>;
