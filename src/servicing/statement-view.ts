import { actorSeenBy, type Actor, type ActorRef } from '../common/access/actor.js';
import { money } from '../common/money.js';
import type { LoanEntryView } from '../ledger/ledger.service.js';
import { moneyOfFen } from './fixed-point.js';
import { type LoanState, principalDue } from './loan-state.js';
import type { LoanTerms } from './scenario.js';
import { statementOf } from './statement.js';
import { compileTerms, schedule } from './terms.js';

/** A row of the repayments table, as read for a statement. */
export interface RepaymentRow {
  id: string;
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

/**
 * GET /loan-applications/:id/statement: the engine's figures on business date `asOf`, the schedule,
 * the direct repayments and the loan's journal entries. `cobDate` is the last date whose end of day
 * this loan has been through (null before its first).
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
    repayments: input.repayments.map((r) => ({
      id: r.id,
      reference: r.reference,
      amount: money(r.amount),
      businessDate: r.business_date,
      allocations: { penalty: money(r.penalty), interest: money(r.interest), principal: money(r.principal) },
      by: actorSeenBy(viewer, r.actor),
      at: r.created_at.toISOString(),
    })),
    entries: input.entries,
  };
}
export type StatementView = ReturnType<typeof statementView>;
