import type { Scenario, StatementFigures } from '../scenario.js';
import { oracleStatement } from './interest-oracle.js';
import { randomScenarios, seededRng } from './random-scenarios.js';

/*
 * The generator must reach every corner the issue lists, or an engine-vs-oracle agreement proves
 * less than it says. This counts what a few thousand scenarios cover (as the oracle sees them).
 */
const probe = (s: Scenario) => oracleStatement(s).payoffAmount;

describe('random scenarios', () => {
  it('are reproducible from the seed', () => {
    expect(randomScenarios(50, 7, probe)).toEqual(randomScenarios(50, 7, probe));
    expect(randomScenarios(5, 7, probe)).not.toEqual(randomScenarios(5, 8, probe));
    expect(seededRng(1)()).toBe(seededRng(1)());
  });

  it('cover both types and bases, interest days 1-31, leap Februaries, every outcome and classification', () => {
    const seen = new Set<string>();
    const note = (key: string, yes: boolean) => yes && seen.add(key);
    for (const s of randomScenarios(3000, 11, probe)) {
      const f: StatementFigures = oracleStatement(s);
      const t = s.terms;
      const principal = Number(t.principal);
      note(t.repaymentType, true);
      note(t.basis, true);
      note(`day ${t.interestDay}`, true);
      note('principal < 10,000', principal < 10_000);
      note('principal > 1,000,000', principal > 1_000_000);
      note('odd fen', t.principal.endsWith('1') || t.principal.endsWith('3') || t.principal.endsWith('7'));
      note('rate 4 decimals', /^0\.\d{3}[1-9]$/.test(t.annualRate));
      note('term 7', t.termDays === 7);
      note('term 365', t.termDays === 365);
      note(
        'leap February in the life',
        [2024, 2028].some((y) => t.valueDate <= `${y}-02-29` && f.maturityDate > `${y}-02-29`),
      );
      note('maturity 29 February', f.maturityDate.endsWith('-02-29'));
      note('value date at month end', /-(31|30|28|29)$/.test(t.valueDate));
      note(f.status, true);
      note(f.classification, true);
      note('overdue', f.overdue);
      note('within grace', f.dpd > 0 && !f.overdue);
      note('refused', f.refused.length > 0);
      note('partial repayment', f.status === 'DISBURSED' && s.repayments.length > f.refused.length);
      note('early payoff', f.status === 'REPAID' && s.repayments.some((r) => r.date < f.maturityDate));
      note('penalty paid', f.paid.penalty !== '0.00');
      note('negative remainder', f.accruedInterest.startsWith('-') || f.accruedPenalty.startsWith('-'));
      note(
        'two repayments one day',
        s.repayments.some((r, i) => i > 0 && s.repayments[i - 1].date === r.date),
      );
    }
    const expected = [
      'INTEREST_MONTHLY',
      'BULLET',
      'ACT/360',
      'ACT/365',
      ...Array.from({ length: 31 }, (_, i) => `day ${i + 1}`),
      'principal < 10,000',
      'principal > 1,000,000',
      'odd fen',
      'rate 4 decimals',
      'term 7',
      'term 365',
      'leap February in the life',
      'maturity 29 February',
      'value date at month end',
      'DISBURSED',
      'REPAID',
      'NORMAL',
      'SPECIAL_MENTION',
      'SUBSTANDARD',
      'DOUBTFUL',
      'LOSS',
      'overdue',
      'within grace',
      'refused',
      'partial repayment',
      'early payoff',
      'penalty paid',
      'negative remainder',
      'two repayments one day',
    ];
    expect(expected.filter((k) => !seen.has(k))).toEqual([]);
  });
});
