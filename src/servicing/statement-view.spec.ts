import type { Actor } from '../common/access/actor.js';
import type { Account } from '../ledger/accounts.js';
import type { LoanEntryView } from '../ledger/ledger.service.js';
import { exampleLoan } from './example-loan.spec-helper.js';
import { closeDay } from './cob.js';
import { addDays } from '../common/dates.js';
import { type LoanState, openLoan } from './loan-state.js';
import { applyRepayment } from './repayment.js';
import type { LoanTerms } from './scenario.js';
import { scheduleOf, statementView } from './statement-view.js';
import { compileTerms } from './terms.js';

const terms: LoanTerms = exampleLoan({ repaymentType: 'INTEREST_MONTHLY', valueDate: '2024-01-15', termDays: 40 });
const compiled = compileTerms(terms);

/** COB from V through the day before `asOf`. */
function runTo(asOf: string, state: LoanState = openLoan(compiled)): LoanState {
  for (let d = state.lastCobDate ? addDays(state.lastCobDate, 1) : terms.valueDate; d < asOf; d = addDays(d, 1))
    state = closeDay(state, compiled, d).state;
  return state;
}

describe('the statement schedule', () => {
  it('lists every due date, with interest unknown (null) until billed and the principal that would fall due at M', () => {
    expect(scheduleOf(terms, openLoan(compiled))).toEqual([
      { dueDate: '2024-01-21', billed: false, principal: '0.00', interest: null, penalty: '0.00', paid: '0.00' },
      { dueDate: '2024-02-21', billed: false, principal: '0.00', interest: null, penalty: '0.00', paid: '0.00' },
      { dueDate: '2024-02-24', billed: false, principal: '10000.00', interest: null, penalty: '0.00', paid: '0.00' },
    ]);
  });

  it('shows what was billed for a date and what of it is paid', () => {
    // 6 days at 3.45% on 10,000.00 (ACT/360): 5.75 billed on the eve of the 21st
    let state = runTo('2024-01-21');
    const outcome = applyRepayment(state, compiled, 500n, '2024-01-21');
    if (!outcome.accepted) throw new Error(outcome.reason);
    state = outcome.state;
    expect(scheduleOf(terms, state)[0]).toEqual({
      dueDate: '2024-01-21',
      billed: true,
      principal: '0.00',
      interest: '5.75',
      penalty: '0.00',
      paid: '5.00',
    });
    // nothing was prepaid: the whole principal still falls due at M
    expect(scheduleOf(terms, state)[2]).toMatchObject({ principal: '10000.00', billed: false });
  });
});

describe('statementView', () => {
  const viewer = (role: Actor['role']): Actor => ({
    kind: 'USER',
    id: 'u1',
    name: 'someone',
    role,
    coreEnterpriseId: role === 'ENTERPRISE' ? 'ce' : null,
    correlationId: 'c',
  });
  const repayment = {
    id: 'r1',
    entry_id: '7',
    reference: 'BOC-1',
    amount: '5.00',
    business_date: '2024-01-21',
    penalty: '0.00',
    interest: '5.00',
    principal: '0.00',
    actor: { kind: 'USER', id: 'o1', name: 'officer.li', role: 'OFFICER' },
    created_at: new Date('2024-01-21T02:00:00Z'),
  };

  const entry = (id: string, reference: string, lines: [Account, string, string][]): LoanEntryView => ({
    id,
    type: 'REPAYMENT',
    businessDate: '2024-01-21',
    reference,
    postedAt: '2024-01-21T03:00:00.000Z',
    lines: lines.map(([account, debit, credit]) => ({ account, debit, credit })),
  });
  const direct = entry('7', 'BOC-1', [
    ['BANK_CLEARING', '5.00', '0.00'],
    ['INTEREST_RECEIVABLE', '0.00', '5.00'],
  ]);

  it("shows the engine's figures, the repayments and a core enterprise the officer by role only", () => {
    const state = runTo('2024-01-21');
    const view = statementView({ terms, state, asOf: '2024-01-21', repayments: [repayment], entries: [direct] }, viewer('ENTERPRISE'));
    expect(view).toMatchObject({
      status: 'DISBURSED',
      asOf: '2024-01-21',
      valueDate: '2024-01-15',
      maturityDate: '2024-02-24',
      cobDate: '2024-01-20',
      principal: '10000.00',
      interestDue: '5.75',
      payoffAmount: '10005.75',
      dpd: 0,
      classification: 'NORMAL',
    });
    expect(view.repayments[0]).toEqual({
      source: 'DIRECT',
      id: 'r1',
      settlementId: null,
      reference: 'BOC-1',
      amount: '5.00',
      businessDate: '2024-01-21',
      allocations: { penalty: '0.00', interest: '5.00', principal: '0.00' },
      by: { kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' },
      at: '2024-01-21T02:00:00.000Z',
    });
    expect(
      statementView({ terms, state, asOf: '2024-01-21', repayments: [repayment], entries: [direct] }, viewer('AUDITOR')).repayments[0].by,
    ).toEqual(repayment.actor);
  });

  it("lists a settlement's allocation, as its entry credited this loan, beside the direct repayments in posting order", () => {
    const settled = entry('9', 'settlement:s-1', [
      ['BANK_CLEARING', '105.75', '0.00'],
      ['INTEREST_RECEIVABLE', '0.00', '5.75'],
      ['LOAN_PRINCIPAL', '0.00', '100.00'],
    ]);
    const accrual: LoanEntryView = { ...entry('8', 'cob:2024-01-21:x', [['INTEREST_RECEIVABLE', '0.01', '0.00']]), type: 'ACCRUAL' };
    const view = statementView(
      { terms, state: runTo('2024-01-21'), asOf: '2024-01-21', repayments: [repayment], entries: [direct, accrual, settled] },
      viewer('AUDITOR'),
    );
    expect(view.repayments.map((r) => [r.source, r.reference])).toEqual([
      ['DIRECT', 'BOC-1'],
      ['SETTLEMENT', 'settlement:s-1'],
    ]);
    expect(view.repayments[1]).toEqual({
      source: 'SETTLEMENT',
      id: null,
      settlementId: 's-1',
      reference: 'settlement:s-1',
      amount: '105.75',
      businessDate: '2024-01-21',
      allocations: { penalty: '0.00', interest: '5.75', principal: '100.00' },
      by: null,
      at: '2024-01-21T03:00:00.000Z',
    });
  });
});
