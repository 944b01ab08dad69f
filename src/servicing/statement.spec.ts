import { closeDay } from './cob.js';
import { exampleLoan } from './example-loan.spec-helper.js';
import { dateOf } from '../common/dates.js';
import { interestDue, type LoanState, openLoan, payoff, penaltyDue, roundedAccruedInterest, roundedAccruedPenalty } from './loan-state.js';
import { applyRepayment } from './repayment.js';
import { type Scenario } from './scenario.js';
import { simulate } from './statement.js';
import { compileTerms } from './terms.js';

const terms = exampleLoan;

describe('simulate: a scenario to its statement figures', () => {
  it('shows the 9-day loan at M: 8.63 due with the principal, nothing accrued, DPD 0', () => {
    expect(simulate({ terms: terms(), repayments: [], asOf: '2024-01-10' })).toEqual({
      status: 'DISBURSED',
      maturityDate: '2024-01-10',
      principalOutstanding: '10000.00',
      principalDue: '10000.00',
      interestDue: '8.63',
      penaltyDue: '0.00',
      accruedInterest: '0.0000000000',
      accruedPenalty: '0.0000000000',
      payoffAmount: '10008.63',
      dpd: 0,
      overdue: false,
      classification: 'NORMAL',
      paid: { penalty: '0.00', interest: '0.00', principal: '0.00' },
      refused: [],
    });
  });

  it('shows a carried negative remainder as the accrued interest of the new period', () => {
    const figures = simulate({
      terms: terms({ repaymentType: 'INTEREST_MONTHLY', interestDay: 10, termDays: 18 }),
      repayments: [],
      asOf: '2024-01-10',
    });
    expect(figures).toMatchObject({ interestDue: '8.63', accruedInterest: '-0.0050000000', payoffAmount: '10008.63' });
  });

  it('applies repayments on their dates, lists refused ones, and classifies by DPD with grace', () => {
    const scenario: Scenario = {
      terms: terms({ annualRate: '0.036', termDays: 30 }),
      repayments: [
        { date: '2024-02-03', amount: '100.00' },
        { date: '2024-02-03', amount: '99999.00' },
      ],
      asOf: '2024-02-04',
    };
    expect(simulate(scenario)).toMatchObject({
      principalOutstanding: '9934.50',
      principalDue: '9934.50',
      interestDue: '0.00',
      penaltyDue: '0.00',
      accruedPenalty: '1.4901750000', // one day of 9,934.50 × 3.6% × 1.5 / 360
      payoffAmount: '9935.99',
      dpd: 4,
      overdue: true,
      classification: 'SPECIAL_MENTION',
      paid: { penalty: '4.50', interest: '30.00', principal: '65.50' },
      refused: [1],
    });
    expect(simulate({ ...scenario, asOf: '2024-02-03' })).toMatchObject({ dpd: 3, overdue: false });
  });

  it('applies a repayment dated asOf (its COB has not run) and refuses one after asOf', () => {
    const base = terms({ annualRate: '0.036', termDays: 30 });
    expect(simulate({ terms: base, repayments: [{ date: '2024-01-05', amount: '10004.00' }], asOf: '2024-01-05' })).toMatchObject({
      status: 'REPAID',
      payoffAmount: '0.00',
      paid: { penalty: '0.00', interest: '4.00', principal: '10000.00' },
    });
    expect(() => simulate({ terms: base, repayments: [{ date: '2024-01-06', amount: '1.00' }], asOf: '2024-01-05' })).toThrow(RangeError);
  });

  it('reaches LOSS after 360 days past M', () => {
    expect(simulate({ terms: terms(), repayments: [], asOf: '2025-01-05' })).toMatchObject({ dpd: 361, classification: 'LOSS' });
  });
});

/** A small deterministic generator: the same random loans on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the ledger identities hold at every moment (random loans)', () => {
  it('LOAN_PRINCIPAL, INTEREST_RECEIVABLE and PENALTY_RECEIVABLE equal the state after every COB and repayment', () => {
    const random = mulberry32(11);
    const pick = (n: number) => Math.floor(random() * n);
    for (let loan = 0; loan < 300; loan++) {
      const t = compileTerms(
        terms({
          principal: `${1 + pick(500_000)}.${String(pick(100)).padStart(2, '0')}`,
          annualRate: `0.0${1 + pick(9)}${pick(10)}${pick(10)}`,
          basis: random() < 0.5 ? 'ACT/360' : 'ACT/365',
          repaymentType: random() < 0.5 ? 'INTEREST_MONTHLY' : 'BULLET',
          interestDay: 1 + pick(31),
          valueDate: dateOf(19_700 + pick(1500)),
          termDays: 1 + pick(200),
        }),
      );
      let state: LoanState = openLoan(t);
      let interestReceivable = 0n;
      let penaltyReceivable = 0n;
      // Plain comparisons: expect() in a loop of 60,000 days is most of the test's time.
      const check = (when: number) => {
        const identities = [
          [interestReceivable, interestDue(state) + roundedAccruedInterest(state, t)],
          [penaltyReceivable, penaltyDue(state) + roundedAccruedPenalty(state, t)],
          [state.principalOutstanding, t.principal - state.paidPrincipal],
        ];
        for (const [ledger, statement] of identities)
          if (ledger !== statement) throw new Error(`loan ${loan} on ${dateOf(when)}: ledger ${ledger}, statement ${statement}`);
      };
      for (let day = t.valueDay; day < t.maturityDay + 120; day++) {
        if (random() < 0.04) {
          const cap = payoff(state, t);
          const amount = random() < 0.1 ? cap + 1n : BigInt(pick(Number(cap) + 1));
          const outcome = applyRepayment(state, t, amount, dateOf(day), { prepay: random() < 0.7 });
          if (outcome.accepted) {
            state = outcome.state;
            interestReceivable -= outcome.allocation.interest;
            penaltyReceivable -= outcome.allocation.penalty;
            check(day);
          }
        }
        const closed = closeDay(state, t, dateOf(day));
        state = closed.state;
        interestReceivable += closed.postings.interest;
        penaltyReceivable += closed.postings.penalty;
        if (closed.postings.interest < 0n || closed.postings.penalty < 0n) throw new Error(`loan ${loan}: a negative posting`);
        check(day);
      }
    }
  });
});
