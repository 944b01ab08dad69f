import { closeDay } from './cob.js';
import { openLoan } from './loan-state.js';
import { loadState, storeState, termsOf } from './servicing-row.js';
import { compileTerms } from './terms.js';

describe('servicing rows', () => {
  const terms = termsOf(
    {
      amount: '2439200.33',
      annual_rate: '0.1089000000',
      term_days: 29,
      day_count_basis: 'ACT/360',
      repayment_type: 'INTEREST_MONTHLY',
      interest_day: 27,
      grace_days: 3,
      penalty_rate_multiplier: '1.2500000000',
    },
    '2024-02-25',
  );

  it('reads the frozen terms of a loan row as the engine takes them', () => {
    expect(terms).toMatchObject({ annualRate: '0.1089', penaltyRateMultiplier: '1.25', principal: '2439200.33', termDays: 29 });
  });

  it('stores a state through JSON and reads back the same state, integers intact', () => {
    const compiled = compileTerms(terms);
    let state = openLoan(compiled);
    for (let d = 25; d <= 29; d++) state = closeDay(state, compiled, `2024-02-${d}`).state;
    const back = loadState(JSON.parse(JSON.stringify(storeState(state))));
    expect(back).toEqual(state);
    expect(typeof back.accruedInterest).toBe('bigint');
  });
});
