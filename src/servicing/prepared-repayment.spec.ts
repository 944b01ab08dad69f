import { moneyOfFen } from '../common/money.js';
import { closeDay } from './cob.js';
import { dateOf, dayNumber } from '../common/dates.js';
import { exampleLoan } from './example-loan.spec-helper.js';
import { openLoan, payoff } from './loan-state.js';
import {
  freedBy,
  PREPARED_COLUMNS,
  preparedCells,
  prepareRepayment,
  settlementOfReference,
  settlementReference,
} from './prepared-repayment.js';
import { applyRepayment } from './repayment.js';
import { storeState } from './servicing-row.js';
import { compileTerms } from './terms.js';

const LOAN = { amount: '10000.00', guaranteed_amount: '3333.33' };

describe('what repaid principal frees', () => {
  it('frees the principal itself and its guaranteed share', () => {
    expect(freedBy(LOAN, 0n, 300000n)).toMatchObject({ amount: '3000.00', guaranteed_amount: '1000.00' });
  });

  it('adds up to the guaranteed amount to the fen over any split of the repayments', () => {
    const cuts = [0n, 1n, 33333n, 50000n, 333333n, 700001n, 999999n, 1000000n];
    let guaranteed = 0n;
    let principal = 0n;
    for (let i = 1; i < cuts.length; i++) {
      const claim = freedBy(LOAN, cuts[i - 1], cuts[i]);
      guaranteed += BigInt(claim.guaranteed_amount.replace('.', ''));
      principal += BigInt(claim.amount.replace('.', ''));
    }
    expect([principal, guaranteed]).toEqual([1000000n, 333333n]);
  });

  it('frees nothing when no principal was repaid (interest or penalty only)', () => {
    expect(freedBy(LOAN, 250000n, 250000n)).toMatchObject({ amount: '0.00', guaranteed_amount: '0.00' });
  });
});

describe('a prepared repayment', () => {
  const terms = compileTerms(exampleLoan({ graceDays: 3 }));
  const loan = {
    loan_application_id: 'l1',
    supplier_id: 's',
    programme_id: 'p',
    core_enterprise_id: 'c',
    amount: '10000.00',
    guaranteed_amount: '4000.00',
  };
  /** COB from V through 2024-01-15: M was 2024-01-10, so principal is 6 days overdue on the 16th. */
  let overdue = openLoan(terms);
  for (let d = dayNumber('2024-01-01'); d <= dayNumber('2024-01-15'); d++) overdue = closeDay(overdue, terms, dateOf(d)).state;

  const prepare = (fen: bigint) => {
    const outcome = applyRepayment(overdue, terms, fen, '2024-01-16');
    if (!outcome.accepted) throw new Error(outcome.reason);
    return { outcome, prepared: prepareRepayment(loan, overdue, outcome, terms, '2024-01-16') };
  };

  it("holds the engine's state after it, its delinquency that day and the allocation, in PREPARED_COLUMNS order", () => {
    const { outcome, prepared } = prepare(300_000n);
    expect(outcome.allocation.principal).toBeGreaterThan(0n);
    expect(prepared).toEqual({
      loan,
      allocation: outcome.allocation,
      state: JSON.stringify(storeState(outcome.state)),
      status: 'DISBURSED',
      principalOutstanding: moneyOfFen(outcome.state.principalOutstanding),
      dpd: 6,
      overdue: true,
      classification: 'SPECIAL_MENTION',
      freedAmount: moneyOfFen(outcome.allocation.principal),
      freedGuaranteed: moneyOfFen((outcome.allocation.principal * 4n + 5n) / 10n),
    });
    expect(preparedCells(prepared)).toHaveLength(PREPARED_COLUMNS.length);
    const { penalty, interest, principal } = outcome.allocation;
    expect(preparedCells(prepared).slice(0, 7)).toEqual(['l1', 's', 'p', 'c', String(penalty), String(interest), String(principal)]);
  });

  it('is REPAID, current and frees the whole loan when it pays everything', () => {
    const { prepared } = prepare(payoff(overdue, terms));
    expect(prepared).toMatchObject({
      status: 'REPAID',
      principalOutstanding: '0.00',
      dpd: 0,
      overdue: false,
      classification: 'NORMAL',
      freedAmount: '10000.00',
      freedGuaranteed: '4000.00',
    });
  });
});

describe("a settlement's journal reference", () => {
  it('names the settlement, and only a settlement reference does', () => {
    expect(settlementOfReference(settlementReference('7b0c3a6e-1f0e-4d7e-9a3b-3c1f0e4d7e9a'))).toBe('7b0c3a6e-1f0e-4d7e-9a3b-3c1f0e4d7e9a');
    expect(settlementOfReference('BOC-20260310-000123')).toBeNull();
    expect(settlementOfReference(null)).toBeNull();
  });
});
