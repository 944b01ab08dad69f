import { classify, type DueItem, dpd, dueNow, isOverdue, type LoanState, oldestUnpaidDueDate, openLoan, payoff } from './loan-state.js';
import { compileTerms } from './terms.js';

const terms = compileTerms({
  principal: '10000.00',
  annualRate: '0.036',
  basis: 'ACT/360',
  repaymentType: 'INTEREST_MONTHLY',
  interestDay: 21,
  graceDays: 3,
  penaltyRateMultiplier: '1.5',
  valueDate: '2024-01-01',
  termDays: 90,
});

const item = (dueDate: string, over: Partial<DueItem> = {}): DueItem => ({
  dueDate,
  interest: 0n,
  penalty: 0n,
  principal: 0n,
  paidInterest: 0n,
  paidPenalty: 0n,
  paidPrincipal: 0n,
  ...over,
});

const withDues = (dues: DueItem[], over: Partial<LoanState> = {}): LoanState => ({ ...openLoan(terms), dues, ...over });

describe('days past due', () => {
  const state = withDues([
    item('2024-01-21', { interest: 2000n, paidInterest: 2000n }),
    item('2024-02-21', { interest: 3100n, paidInterest: 100n }),
  ]);

  it('counts from the oldest due date with anything unpaid, 0 on the due date itself', () => {
    expect(oldestUnpaidDueDate(state)).toBe('2024-02-21');
    expect(dpd(state, '2024-02-21')).toBe(0);
    expect(dpd(state, '2024-02-22')).toBe(1);
    expect(dpd(state, '2024-05-21')).toBe(90);
  });

  it('is 0 when nothing is unpaid, however old the due dates', () => {
    expect(dpd(withDues([item('2024-01-21', { interest: 5n, paidInterest: 5n })]), '2025-01-01')).toBe(0);
    expect(dpd(withDues([item('2024-01-21')]), '2025-01-01')).toBe(0); // a period that billed 0
  });

  it('counts unpaid penalty as unpaid', () => {
    expect(dpd(withDues([item('2024-01-21', { interest: 5n, paidInterest: 5n, penalty: 1n })]), '2024-01-31')).toBe(10);
  });

  it('makes a loan overdue only after the grace days, whose DPD still counts', () => {
    expect(isOverdue(3, 3)).toBe(false);
    expect(isOverdue(4, 3)).toBe(true);
    expect(isOverdue(1, 0)).toBe(true);
    expect(isOverdue(0, 0)).toBe(false);
  });
});

describe('five-tier classification by DPD', () => {
  it.each([
    [0, 'NORMAL'],
    [1, 'SPECIAL_MENTION'],
    [90, 'SPECIAL_MENTION'],
    [91, 'SUBSTANDARD'],
    [270, 'SUBSTANDARD'],
    [271, 'DOUBTFUL'],
    [360, 'DOUBTFUL'],
    [361, 'LOSS'],
    [5000, 'LOSS'],
  ])('DPD %i is %s', (days, tier) => {
    expect(classify(days)).toBe(tier);
  });
});

describe('due now and payoff', () => {
  it('round the accruals half up and add principal outstanding only to the payoff', () => {
    // accrued interest 10.005 CNY = 1000.5 fen → 1001; accrued penalty 0.5 fen → 1
    const state = withDues([item('2024-01-21', { interest: 300n, penalty: 20n, paidPenalty: 5n })], {
      accruedInterest: (10_005n * terms.interestDenominator) / 10n,
      accruedPenalty: terms.penaltyDenominator / 2n,
    });
    expect(dueNow(state, terms)).toBe(15n + 1n + 300n);
    expect(payoff(state, terms)).toBe(15n + 1n + 300n + 1001n + 1_000_000n);
  });
});
