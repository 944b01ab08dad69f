import { Dec } from '../../common/money.js';
import type { LoanTerms, Scenario } from '../scenario.js';
import { dueDates, oracleStatement } from './interest-oracle.js';
import { randomScenarios } from './random-scenarios.js';

/*
 * The oracle checked against figures worked out by hand (the arithmetic is in the comments), so that
 * the random comparison with the engine starts from something known to be right.
 */
const terms = (over: Partial<LoanTerms>): LoanTerms => ({
  principal: '10000.00',
  annualRate: '0.0345',
  basis: 'ACT/360',
  repaymentType: 'BULLET',
  interestDay: 21,
  graceDays: 3,
  penaltyRateMultiplier: '1.5',
  valueDate: '2024-03-01',
  termDays: 9,
  ...over,
});
const at = (t: LoanTerms, asOf: string, repayments: Scenario['repayments'] = []) => oracleStatement({ terms: t, repayments, asOf });

// 10,000.00 at 3.65% ACT/365 accrues exactly 1.00 a day, penalty (×1.5) 1.50 a day.
const ONE_A_DAY = { annualRate: '0.0365', basis: 'ACT/365' as const, valueDate: '2024-01-01' };

describe('interest oracle, hand-worked', () => {
  it('bills 8.63 for 10,000.00 at 3.45% ACT/360 over 9 days (862.5 fen, half up), waiving nothing left', () => {
    expect(at(terms({}), '2024-03-10')).toEqual({
      status: 'DISBURSED',
      maturityDate: '2024-03-10',
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

  it('carries the billing remainder into the next period and waives it at maturity', () => {
    const monthly = terms({ repaymentType: 'INTEREST_MONTHLY', interestDay: 10, termDays: 40 });
    expect(dueDates(monthly)).toEqual(['2024-03-10', '2024-04-10']);
    // 9 days × 95.8333… fen = 862.5 → 863 billed, −0.5 fen carried.
    expect(at(monthly, '2024-03-10')).toMatchObject({
      interestDue: '8.63',
      accruedInterest: '-0.0050000000',
      payoffAmount: '10008.63',
      dpd: 0,
    });
    // −0.5 + 95.8333… = 95.3333… fen; the 8.63 of 03-10 is one day late.
    expect(at(monthly, '2024-03-11')).toMatchObject({
      accruedInterest: '0.9533333333',
      dpd: 1,
      classification: 'SPECIAL_MENTION',
      overdue: false,
    });
    // 31 days × 95.8333… − 0.5 = 2970.333… → 29.70; the 0.333… fen left is waived at M.
    expect(at(monthly, '2024-04-10')).toMatchObject({
      interestDue: '38.33',
      principalDue: '10000.00',
      accruedInterest: '0.0000000000',
      dpd: 31,
    });
  });

  it('clamps interest day 31 to 29 February in a leap year and to 28 February otherwise', () => {
    const feb = (valueDate: string) =>
      terms({ repaymentType: 'INTEREST_MONTHLY', interestDay: 31, basis: 'ACT/365', valueDate, termDays: 30 });
    expect(dueDates(feb('2024-02-10'))).toEqual(['2024-02-29', '2024-03-11']);
    expect(dueDates(feb('2028-02-10'))).toEqual(['2028-02-29', '2028-03-11']);
    expect(dueDates(feb('2025-02-10'))).toEqual(['2025-02-28', '2025-03-12']);
    // 19 days × 1,000,000 × 0.0345 / 365 = 1795.89 fen; 18 days = 1701.37 fen.
    expect(at(feb('2024-02-10'), '2024-02-29')).toMatchObject({ interestDue: '17.96', dpd: 0 });
    expect(at(feb('2025-02-10'), '2025-02-28')).toMatchObject({ interestDue: '17.01', dpd: 0 });
  });

  it('a prepayment bills only the interest it pays, the rest stays accrued', () => {
    // 3 days × 95.8333… = 287.5 fen accrued; 1.00 pays 100 fen of it, 187.5 fen stay.
    expect(at(terms({ termDays: 30 }), '2024-03-04', [{ date: '2024-03-04', amount: '1.00' }])).toMatchObject({
      accruedInterest: '1.8750000000',
      interestDue: '0.00',
      paid: { penalty: '0.00', interest: '1.00', principal: '0.00' },
      payoffAmount: '10001.88',
    });
    // 10 days at 1.00; 5,005.00 pays the 10.00 accrued, then 4,995.00 of principal: 50.05 fen a day after.
    expect(at(terms({ ...ONE_A_DAY, termDays: 30 }), '2024-01-12', [{ date: '2024-01-11', amount: '5005.00' }])).toMatchObject({
      principalOutstanding: '5005.00',
      accruedInterest: '0.5005000000',
      paid: { penalty: '0.00', interest: '10.00', principal: '4995.00' },
    });
  });

  it('a repayment dated V comes before the first accrual', () => {
    expect(at(terms({ ...ONE_A_DAY, termDays: 30 }), '2024-01-03', [{ date: '2024-01-01', amount: '5000.00' }])).toMatchObject({
      principalOutstanding: '5000.00',
      accruedInterest: '1.0000000000',
    });
  });

  it('bills penalty at month end, then pays penalty → interest → principal, refusing more than the payoff', () => {
    const bullet = terms({ ...ONE_A_DAY, termDays: 30 }); // M = 2024-01-31, 30.00 interest billed.
    // Penalty 1.50 on 01-31, billed that month end; 02-01..02-05 accrue 7.50 more.
    expect(at(bullet, '2024-02-06')).toMatchObject({
      interestDue: '30.00',
      penaltyDue: '1.50',
      accruedPenalty: '7.5000000000',
      payoffAmount: '10039.00',
      dpd: 6,
      overdue: true,
      classification: 'SPECIAL_MENTION',
    });
    const day = '2024-02-06';
    expect(at(bullet, day, [{ date: day, amount: '20.00' }])).toMatchObject({
      penaltyDue: '0.00',
      accruedPenalty: '0.0000000000',
      interestDue: '19.00',
      paid: { penalty: '9.00', interest: '11.00', principal: '0.00' },
      payoffAmount: '10019.00',
      dpd: 6,
    });
    const all = [
      { date: day, amount: '10039.01' },
      { date: day, amount: '20.00' },
      { date: day, amount: '10019.00' },
      { date: day, amount: '0.01' },
    ];
    expect(at(bullet, '2024-02-10', all)).toEqual({
      status: 'REPAID',
      maturityDate: '2024-01-31',
      principalOutstanding: '0.00',
      principalDue: '0.00',
      interestDue: '0.00',
      penaltyDue: '0.00',
      accruedInterest: '0.0000000000',
      accruedPenalty: '0.0000000000',
      payoffAmount: '0.00',
      dpd: 0,
      overdue: false,
      classification: 'NORMAL',
      paid: { penalty: '9.00', interest: '30.00', principal: '10000.00' },
      refused: [0, 3],
    });
  });

  it('penalty joins the oldest unpaid due date, and DPD moves once that date is cleared', () => {
    // Due 01-15 (14.00), 02-15 (31.00), M = 03-01 (15.00 + principal); 03-01..03-04 accrue 6.00 penalty.
    const monthly = terms({ ...ONE_A_DAY, repaymentType: 'INTEREST_MONTHLY', interestDay: 15, termDays: 60 });
    expect(at(monthly, '2024-03-05')).toMatchObject({
      interestDue: '60.00',
      accruedPenalty: '6.0000000000',
      payoffAmount: '10066.00',
      dpd: 50,
    });
    const day = '2024-03-05';
    const partly = at(monthly, day, [{ date: day, amount: '14.00' }]);
    expect(partly).toMatchObject({
      penaltyDue: '0.00',
      interestDue: '52.00',
      paid: { penalty: '6.00', interest: '8.00', principal: '0.00' },
      dpd: 50,
    });
    const cleared = at(monthly, day, [
      { date: day, amount: '14.00' },
      { date: day, amount: '6.00' },
    ]);
    expect(cleared).toMatchObject({ interestDue: '46.00', dpd: 19, classification: 'SPECIAL_MENTION' });
  });

  it('counts DPD from the due date and classifies at the boundaries; grace only changes overdue', () => {
    const bullet = terms({ ...ONE_A_DAY, termDays: 30 }); // M = 2024-01-31
    const cases: [number, string, boolean][] = [
      [0, 'NORMAL', false],
      [1, 'SPECIAL_MENTION', false],
      [3, 'SPECIAL_MENTION', false],
      [4, 'SPECIAL_MENTION', true],
      [90, 'SPECIAL_MENTION', true],
      [91, 'SUBSTANDARD', true],
      [270, 'SUBSTANDARD', true],
      [271, 'DOUBTFUL', true],
      [360, 'DOUBTFUL', true],
      [361, 'LOSS', true],
    ];
    for (const [dpd, classification, overdue] of cases) {
      const asOf = new Date(Date.UTC(2024, 0, 31 + dpd)).toISOString().slice(0, 10);
      expect(at(bullet, asOf)).toMatchObject({ dpd, classification, overdue });
    }
  });

  it('penalty accrues on principal due only, month after month', () => {
    const bullet = terms({ ...ONE_A_DAY, termDays: 30 });
    // 01-31: 1.50; February 29 days: 43.50; March 1-9: 13.50 accrued.
    expect(at(bullet, '2024-03-10')).toMatchObject({ penaltyDue: '45.00', accruedPenalty: '13.5000000000', dpd: 39 });
  });
});

describe('interest oracle, closed forms for loans nobody repays', () => {
  // Billing only moves money from accrued to due and the remainder is carried, so without
  // repayments: due + accrued = P × r × days / B exactly, and over the whole life the interest
  // billed is that total rounded half up once (what is waived at M is the last remainder).
  const half = new Dec('0.005');
  const roundHalfUp = (x: Dec) => x.plus(half).toDecimalPlaces(2, Dec.ROUND_FLOOR);
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

  it('agrees with P × r × days / B on 2,000 random loans', () => {
    for (const s of randomScenarios(2000, 3)) {
      const t = s.terms;
      const f = oracleStatement({ ...s, repayments: [] });
      const B = t.basis === 'ACT/360' ? 360 : 365;
      const daily = new Dec(t.principal).times(t.annualRate).div(B);
      const interestDays = Math.min(days(t.valueDate, s.asOf), t.termDays);
      const penaltyDays = Math.max(0, days(f.maturityDate, s.asOf));
      const tenth = new Dec('1e-10');
      if (s.asOf >= f.maturityDate) {
        expect(f.interestDue).toBe(roundHalfUp(daily.times(t.termDays)).toFixed(2));
      } else {
        const total = new Dec(f.interestDue).plus(f.accruedInterest);
        expect(total.minus(daily.times(interestDays)).abs().lte(tenth)).toBe(true);
      }
      const penalty = new Dec(f.penaltyDue).plus(f.accruedPenalty);
      expect(penalty.minus(daily.times(t.penaltyRateMultiplier).times(penaltyDays)).abs().lte(tenth)).toBe(true);
      expect(f.principalOutstanding).toBe(t.principal);
    }
  });
});

describe('interest oracle, conservation on random loans with repayments', () => {
  it('pays out exactly what it accepts and never lets principal or dues go negative', () => {
    const fen = (m: string) => Math.round(Number(m) * 100);
    for (const s of randomScenarios(2000, 5, (p) => oracleStatement(p).payoffAmount)) {
      const f = oracleStatement(s);
      const accepted = s.repayments.filter((_, i) => !f.refused.includes(i)).reduce((a, r) => a + fen(r.amount), 0);
      expect(fen(f.paid.penalty) + fen(f.paid.interest) + fen(f.paid.principal)).toBe(accepted);
      expect(fen(f.principalOutstanding)).toBe(fen(s.terms.principal) - fen(f.paid.principal));
      for (const m of [f.principalOutstanding, f.principalDue, f.interestDue, f.penaltyDue, f.payoffAmount])
        expect(m.startsWith('-')).toBe(false);
      expect(fen(f.principalDue)).toBeLessThanOrEqual(fen(f.principalOutstanding));
      if (f.status === 'REPAID') expect(f.payoffAmount).toBe('0.00');
      if (s.asOf >= f.maturityDate && f.status === 'DISBURSED') expect(f.principalDue).toBe(f.principalOutstanding);
      if (s.asOf > f.maturityDate) expect(f.accruedInterest).toBe('0.0000000000');
    }
  });
});
