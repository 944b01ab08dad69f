import { dateOf, dayNumber } from '../common/dates.js';
import { exampleLoan } from './example-loan.spec-helper.js';
import { type LoanTerms } from './scenario.js';
import { compileTerms, isDueDay, maturityDate, schedule } from './terms.js';

const terms = (over: Partial<LoanTerms> = {}): LoanTerms =>
  exampleLoan({ repaymentType: 'INTEREST_MONTHLY', valueDate: '2024-01-15', termDays: 90, ...over });

describe('maturity and due dates', () => {
  it('puts M termDays calendar days after V, across a leap day', () => {
    expect(maturityDate(terms())).toBe('2024-04-14');
    expect(maturityDate(terms({ valueDate: '2023-01-15' }))).toBe('2023-04-15');
  });

  it('clamps interest day 31 to the end of February, 29 in a leap year', () => {
    expect(schedule(terms({ interestDay: 31 }))).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-14']);
    expect(schedule(terms({ interestDay: 31, valueDate: '2023-01-15' }))).toEqual(['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-15']);
    expect(schedule(terms({ interestDay: 30, valueDate: '2023-01-15' }))).toEqual(['2023-01-30', '2023-02-28', '2023-03-30', '2023-04-15']);
  });

  it('keeps interest days strictly between V and M: none on V, one date when it falls on M', () => {
    expect(schedule(terms({ valueDate: '2024-01-21', termDays: 60 }))).toEqual(['2024-02-21', '2024-03-21']);
    expect(schedule(terms({ valueDate: '2024-01-21', termDays: 5 }))).toEqual(['2024-01-26']);
  });

  it('has only M for BULLET', () => {
    expect(schedule(terms({ repaymentType: 'BULLET', interestDay: 31 }))).toEqual(['2024-04-14']);
  });

  it('answers isDueDay exactly on the schedule, for every interest day', () => {
    for (const repaymentType of ['INTEREST_MONTHLY', 'BULLET'] as const) {
      for (let interestDay = 1; interestDay <= 31; interestDay++) {
        const t = terms({ repaymentType, interestDay, valueDate: '2023-11-30', termDays: 400 });
        const ct = compileTerms(t);
        const due: string[] = [];
        for (let day = ct.valueDay - 5; day <= ct.maturityDay + 40; day++) if (isDueDay(ct, day)) due.push(dateOf(day));
        expect(due).toEqual(schedule(t));
      }
    }
  });

  it('parses the rates once into exact integers over B', () => {
    const ct = compileTerms(terms({ basis: 'ACT/365', annualRate: '0.0435', penaltyRateMultiplier: '1.5' }));
    expect(ct.interestRate).toBe(435_000_000n);
    expect(ct.penaltyRate).toBe(435_000_000n * 15_000_000_000n);
    expect(ct.interestDenominator).toBe(365n * 10n ** 10n);
    expect(ct.maturityDay - ct.valueDay).toBe(90);
    expect(ct.maturityDay).toBe(dayNumber('2024-04-14'));
  });

  it('refuses terms it cannot service', () => {
    expect(() => compileTerms(terms({ termDays: 0 }))).toThrow(RangeError);
    expect(() => compileTerms(terms({ interestDay: 32 }))).toThrow(RangeError);
    expect(() => compileTerms(terms({ annualRate: '0.00000000001' }))).toThrow(RangeError);
    expect(() => compileTerms(terms({ principal: '0.00' }))).toThrow(RangeError);
  });
});
