import { closeDay } from './cob.js';
import { dateOf, dayNumber } from '../common/dates.js';
import { dueNow, interestDue, type LoanState, openLoan, payoff, penaltyDue, principalDue } from './loan-state.js';
import { applyRepayment, type RepaymentOptions } from './repayment.js';
import { type LoanTerms } from './scenario.js';
import { compileTerms, type ServicingTerms } from './terms.js';

// 10,000.00 at 3.6% ACT/360: 1.00 interest a day; overdue principal 1.50 penalty a day.
const loan = (over: Partial<LoanTerms> = {}): ServicingTerms =>
  compileTerms({
    principal: '10000.00',
    annualRate: '0.036',
    basis: 'ACT/360',
    repaymentType: 'BULLET',
    interestDay: 21,
    graceDays: 3,
    penaltyRateMultiplier: '1.5',
    valueDate: '2024-01-01',
    termDays: 30,
    ...over,
  });

function cobThrough(state: LoanState, terms: ServicingTerms, through: string): LoanState {
  const from = state.lastCobDate === null ? terms.valueDay : dayNumber(state.lastCobDate) + 1;
  for (let day = from; day <= dayNumber(through); day++) state = closeDay(state, terms, dateOf(day)).state;
  return state;
}

function repay(state: LoanState, terms: ServicingTerms, fen: bigint, date: string, options?: RepaymentOptions) {
  const outcome = applyRepayment(state, terms, fen, date, options);
  if (!outcome.accepted) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
}

describe('applyRepayment: the waterfall', () => {
  const terms = loan();
  // M = 31 Jan: interest 30.00 and principal due; penalty 1.50 billed at the Jan month end, 3.00 accrued by 3 Feb
  const overdue = cobThrough(openLoan(terms), terms, '2024-02-02');

  it('bills the accrued penalty first, then pays penalty → interest → principal', () => {
    expect(penaltyDue(overdue)).toBe(150n);
    const { allocation, state } = repay(overdue, terms, 10_000n, '2024-02-03');
    expect(allocation).toEqual({ penalty: 450n, interest: 3000n, principal: 6550n });
    expect(state.principalOutstanding).toBe(993_450n);
    expect(principalDue(state)).toBe(993_450n);
    expect(penaltyDue(state) + interestDue(state)).toBe(0n);
    expect(state.accruedPenalty).toBe(0n);
    expect(state.paidPrincipal).toBe(6550n);
  });

  it('keeps the billed penalty due when the amount does not cover it', () => {
    const { allocation, state } = repay(overdue, terms, 100n, '2024-02-03');
    expect(allocation).toEqual({ penalty: 100n, interest: 0n, principal: 0n });
    expect(penaltyDue(state)).toBe(350n);
    expect(state.dues[0].paidPenalty).toBe(100n);
  });

  it('pays the oldest due date first', () => {
    const monthly = loan({ repaymentType: 'INTEREST_MONTHLY', interestDay: 10, termDays: 60 });
    const state = cobThrough(openLoan(monthly), monthly, '2024-02-09'); // due 10 Jan (900) and 10 Feb (3100)
    expect(state.dues.map((d) => d.interest)).toEqual([900n, 3100n]);
    const after = repay(state, monthly, 1000n, '2024-02-10').state;
    expect(after.dues.map((d) => d.paidInterest)).toEqual([900n, 100n]);
    expect(after.principalOutstanding).toBe(1_000_000n);
  });
});

describe('applyRepayment: prepayment', () => {
  const terms = loan({ repaymentType: 'INTEREST_MONTHLY', interestDay: 21, termDays: 90 });
  const tenDays = cobThrough(openLoan(terms), terms, '2024-01-10'); // 10.00 accrued, nothing due

  it('pays accrued interest through yesterday, billing only the part it pays and making no due date', () => {
    const first = repay(tenDays, terms, 400n, '2024-01-11');
    expect(first.allocation).toEqual({ penalty: 0n, interest: 400n, principal: 0n });
    expect(first.state.dues).toEqual([]);
    expect(first.state.accruedInterest).toBe(600n * terms.interestDenominator);
    const second = repay(first.state, terms, 100_600n, '2024-01-11');
    expect(second.allocation).toEqual({ penalty: 0n, interest: 600n, principal: 100_000n });
    expect(second.state.principalOutstanding).toBe(900_000n);
    const billed = cobThrough(second.state, terms, '2024-01-20');
    expect(billed.dues.map((d) => [d.dueDate, d.interest])).toEqual([['2024-01-21', 900n]]); // 10 days on 9,000.00
  });

  it('refuses more than the payoff and applies nothing', () => {
    expect(payoff(tenDays, terms)).toBe(1_001_000n);
    const outcome = applyRepayment(tenDays, terms, 1_001_001n, '2024-01-11');
    expect(outcome).toEqual({ accepted: false, reason: 'ABOVE_PAYOFF', state: tenDays });
  });

  it('closes the loan REPAID at exactly the payoff, after which nothing accrues', () => {
    const { allocation, state } = repay(tenDays, terms, 1_001_000n, '2024-01-11');
    expect(allocation).toEqual({ penalty: 0n, interest: 1000n, principal: 1_000_000n });
    expect(state.status).toBe('REPAID');
    const later = cobThrough(state, terms, '2024-06-30');
    expect(later.dues).toEqual([]);
    expect(later.accruedInterest).toBe(0n);
    expect(applyRepayment(later, terms, 1n, '2024-07-01')).toMatchObject({ accepted: false, reason: 'ABOVE_PAYOFF' });
  });

  it('waives the sub-fen remainder when the loan is REPAID (−½ fen here)', () => {
    const t = loan({ annualRate: '0.0345' }); // 95.8333… fen a day
    const threeDays = cobThrough(openLoan(t), t, '2024-01-03'); // 287.5 fen, shown as 288
    expect(payoff(threeDays, t)).toBe(1_000_288n);
    const { state } = repay(threeDays, t, 1_000_288n, '2024-01-04');
    expect(state).toMatchObject({ status: 'REPAID', accruedInterest: 0n, accruedPenalty: 0n, principalOutstanding: 0n });
  });

  it('waives a positive remainder too: 1.00 lent, 0.1 fen accrued, 1.00 repays everything', () => {
    const t = loan({ principal: '1.00' });
    const tenDaysSmall = cobThrough(openLoan(t), t, '2024-01-10');
    expect(tenDaysSmall.accruedInterest).toBe(t.interestDenominator / 10n);
    const { state, allocation } = repay(tenDaysSmall, t, 100n, '2024-01-11');
    expect(allocation).toEqual({ penalty: 0n, interest: 0n, principal: 100n });
    expect(state).toMatchObject({ status: 'REPAID', accruedInterest: 0n });
  });

  it('lets a repayment on V come before the first COB, so that day accrues on the reduced principal', () => {
    const { state } = repay(openLoan(terms), terms, 500_000n, '2024-01-01');
    expect(cobThrough(state, terms, '2024-01-01').accruedInterest).toBe(500_000n * terms.interestRate);
  });
});

describe('applyRepayment: a settlement without prepayFromSettlement', () => {
  const terms = loan({ repaymentType: 'INTEREST_MONTHLY', interestDay: 21, termDays: 90 });
  const noPrepay = { prepay: false };

  it('may take only what is due now: nothing before the first due date', () => {
    const state = cobThrough(openLoan(terms), terms, '2024-01-10');
    expect(dueNow(state, terms)).toBe(0n);
    expect(applyRepayment(state, terms, 1n, '2024-01-11', noPrepay)).toMatchObject({ accepted: false, reason: 'ABOVE_DUE_NOW' });
    expect(applyRepayment(state, terms, 0n, '2024-01-11', noPrepay)).toEqual({
      accepted: true,
      state,
      allocation: { penalty: 0n, interest: 0n, principal: 0n },
    });
  });

  it('pays the due interest and leaves the new period accrued', () => {
    const state = cobThrough(openLoan(terms), terms, '2024-01-22'); // 20.00 due 21 Jan, 2.00 accrued since
    expect(dueNow(state, terms)).toBe(2000n);
    const { allocation, state: after } = repay(state, terms, 2000n, '2024-01-23', noPrepay);
    expect(allocation).toEqual({ penalty: 0n, interest: 2000n, principal: 0n });
    expect(after.accruedInterest).toBe(200n * terms.interestDenominator);
  });
});

describe('applyRepayment: COB order', () => {
  const terms = loan();
  const state = cobThrough(openLoan(terms), terms, '2024-01-10');

  it('answers COB_PENDING while a date before the repayment has not been closed', () => {
    expect(applyRepayment(state, terms, 100n, '2024-01-12')).toEqual({ accepted: false, reason: 'COB_PENDING', state });
  });

  it('refuses a repayment dated on or before a date COB already closed', () => {
    expect(() => applyRepayment(state, terms, 100n, '2024-01-10')).toThrow(RangeError);
    expect(() => applyRepayment(openLoan(terms), terms, 100n, '2023-12-31')).toThrow(RangeError);
  });

  it('refuses a negative amount', () => {
    expect(() => applyRepayment(state, terms, -1n, '2024-01-11')).toThrow(RangeError);
  });
});
