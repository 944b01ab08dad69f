import { closeDay, type CobPostings } from './cob.js';
import { exampleLoan } from './example-loan.spec-helper.js';
import { addDays, dateOf, dayNumber } from '../common/dates.js';
import { dpd, interestDue, type LoanState, openLoan, penaltyDue, principalDue, roundedAccruedInterest } from './loan-state.js';
import { type LoanTerms } from './scenario.js';
import { compileTerms, type ServicingTerms } from './terms.js';

const loan = (over: Partial<LoanTerms> = {}): ServicingTerms => compileTerms(exampleLoan(over));

/** COB of every date from the state's next one through `through`, summing the postings. */
function cobThrough(state: LoanState, terms: ServicingTerms, through: string): { state: LoanState; posted: CobPostings } {
  let interest = 0n;
  let penalty = 0n;
  const from = state.lastCobDate === null ? terms.valueDay : dayNumber(state.lastCobDate) + 1;
  for (let day = from; day <= dayNumber(through); day++) {
    const closed = closeDay(state, terms, dateOf(day));
    state = closed.state;
    interest += closed.postings.interest;
    penalty += closed.postings.penalty;
  }
  return { state, posted: { interest, penalty } };
}

describe('closeDay: accrual and interest billing', () => {
  it('bills 10,000.00 at 3.45% ACT/360 for 9 days as 8.63, from the exact sum, not 8.62 from daily figures', () => {
    const terms = loan();
    const { state, posted } = cobThrough(openLoan(terms), terms, '2024-01-09');
    expect(interestDue(state)).toBe(863n);
    expect(posted.interest).toBe(863n); // the period's postings add up to its bill
    expect(state.dues.map((d) => d.dueDate)).toEqual(['2024-01-10']);
  });

  it('makes all principal due at M and waives the remainder there', () => {
    const terms = loan();
    const { state } = cobThrough(openLoan(terms), terms, '2024-01-09');
    expect(principalDue(state)).toBe(1_000_000n);
    expect(state.principalOutstanding).toBe(1_000_000n);
    expect(state.accruedInterest).toBe(0n); // 862.5 fen billed 863: the −½ fen is waived at M
    expect(dpd(state, '2024-01-10')).toBe(0);
  });

  it('carries the remainder into the next period: 863 + 862 fen, the exact 18 days, not 863 + 863', () => {
    const terms = loan({ repaymentType: 'INTEREST_MONTHLY', interestDay: 10, termDays: 18 });
    let { state, posted } = cobThrough(openLoan(terms), terms, '2024-01-09');
    expect(state.dues.map((d) => [d.dueDate, d.interest])).toEqual([['2024-01-10', 863n]]);
    expect(posted.interest).toBe(863n);
    expect(state.accruedInterest).toBe(-terms.interestDenominator / 2n); // −½ fen carried
    expect(roundedAccruedInterest(state, terms)).toBe(0n);
    ({ state, posted } = cobThrough(state, terms, '2024-01-18'));
    expect(state.dues.map((d) => [d.dueDate, d.interest])).toEqual([
      ['2024-01-10', 863n],
      ['2024-01-19', 862n],
    ]);
    expect(posted.interest).toBe(862n);
  });

  it('posts each day the increase of the rounded accrual, never a rounded daily amount', () => {
    const terms = loan({ termDays: 30 });
    const days = [];
    let state = openLoan(terms);
    for (let d = '2024-01-01'; d <= '2024-01-06'; d = addDays(d, 1)) {
      const closed = closeDay(state, terms, d);
      state = closed.state;
      days.push(closed.postings.interest);
    }
    // 95.8333… fen a day: rounded totals 96, 192, 288 (287.5 up), 383, 479, 575
    expect(days).toEqual([96n, 96n, 96n, 95n, 96n, 96n]);
  });

  it('counts the leap day under ACT/365: B stays 365', () => {
    // 10,000.00 at 3.65% ACT/365 is exactly 1.00 a day; 1 Feb to 1 Mar 2024 is 29 days
    const terms = loan({ annualRate: '0.0365', basis: 'ACT/365', valueDate: '2024-02-01', termDays: 29 });
    const { state } = cobThrough(openLoan(terms), terms, '2024-02-29');
    expect(state.dues).toEqual([expect.objectContaining({ dueDate: '2024-03-01', interest: 2900n, principal: 1_000_000n })]);
  });
});

describe('closeDay: penalty', () => {
  // 10,000.00 at 3.6% ACT/360: 1.00 interest a day, 1.50 penalty a day on overdue principal
  const terms = loan({ annualRate: '0.036', termDays: 30 });

  it('accrues penalty from M on the principal due, and bills it at the month end', () => {
    let { state, posted } = cobThrough(openLoan(terms), terms, '2024-01-30');
    expect(interestDue(state)).toBe(3000n);
    expect(posted.penalty).toBe(0n);
    ({ state, posted } = cobThrough(state, terms, '2024-01-31')); // M is also a month end
    expect(penaltyDue(state)).toBe(150n);
    expect(state.accruedPenalty).toBe(0n);
    expect(posted.penalty).toBe(150n);
    ({ state, posted } = cobThrough(state, terms, '2024-02-29'));
    expect(penaltyDue(state)).toBe(150n + 29n * 150n);
    expect(posted.penalty).toBe(29n * 150n);
    expect(state.accruedInterest).toBe(0n); // regular interest stopped at M
  });

  it('bills month-end penalty onto the oldest unpaid due date, never a new one', () => {
    const monthly = loan({ annualRate: '0.036', repaymentType: 'INTEREST_MONTHLY', interestDay: 21, termDays: 40 });
    const { state } = cobThrough(openLoan(monthly), monthly, '2024-02-29');
    expect(state.dues.map((d) => [d.dueDate, d.interest, d.penalty, d.principal])).toEqual([
      ['2024-01-21', 2000n, 20n * 150n, 0n], // Feb 10 to Feb 29: 20 days of penalty
      ['2024-02-10', 2000n, 0n, 1_000_000n],
    ]);
    expect(dpd(state, '2024-03-01')).toBe(40);
  });
});

describe('closeDay: order and immutability', () => {
  const terms = loan();

  it('refuses a date out of order: before V, skipped, or repeated', () => {
    const state = openLoan(terms);
    expect(() => closeDay(state, terms, '2023-12-31')).toThrow(/out of order/);
    expect(() => closeDay(state, terms, '2024-01-02')).toThrow(/out of order/);
    const after = closeDay(state, terms, '2024-01-01').state;
    expect(() => closeDay(after, terms, '2024-01-01')).toThrow(/out of order/);
  });

  it('answers a new state and leaves the old one as it was', () => {
    const before = cobThrough(openLoan(terms), terms, '2024-01-08').state;
    const snapshot = JSON.stringify(before, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    closeDay(before, terms, '2024-01-09');
    expect(JSON.stringify(before, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toBe(snapshot);
  });

  it('accrues and posts nothing for a REPAID loan, but keeps its COB date moving', () => {
    const repaid: LoanState = { ...openLoan(terms), status: 'REPAID', principalOutstanding: 0n, lastCobDate: '2024-01-03' };
    const closed = closeDay(repaid, terms, '2024-01-04');
    expect(closed.postings).toEqual({ interest: 0n, penalty: 0n });
    expect(closed.state).toEqual({ ...repaid, lastCobDate: '2024-01-04' });
  });
});
