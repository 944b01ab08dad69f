import type { LoanTerms } from './scenario.js';

/**
 * domain.md's worked example: 10,000.00 at 3.45% ACT/360 for 9 days bills 8.63 (summing daily
 * rounded amounts would give 8.62). The engine's specs start from it and change what they test.
 */
export const exampleLoan = (over: Partial<LoanTerms> = {}): LoanTerms => ({
  principal: '10000.00',
  annualRate: '0.0345',
  basis: 'ACT/360',
  repaymentType: 'BULLET',
  interestDay: 21,
  graceDays: 3,
  penaltyRateMultiplier: '1.5',
  valueDate: '2024-01-01',
  termDays: 9,
  ...over,
});
