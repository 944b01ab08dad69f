import { claimLiterals, type ExposureClaim } from './reservation.js';

const claim: ExposureClaim = {
  supplier_id: '0b7f1f0e-6a3c-4d8e-9c51-2f7c1f3a9e01',
  programme_id: '5d2c8a47-1b9e-4f3a-8e6d-7a0b9c1d2e3f',
  core_enterprise_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  amount: '20000.00',
  guaranteed_amount: '10000.00',
};

describe('claimLiterals (the reservation sent with its COMMIT, without parameters)', () => {
  it('writes the ids as uuid literals and the amounts as numeric ones, in the statement order', () => {
    expect(claimLiterals(claim)).toEqual([
      `'${claim.supplier_id}'::uuid`,
      `'${claim.programme_id}'::uuid`,
      `'20000.00'::numeric`,
      `'${claim.core_enterprise_id}'::uuid`,
      `'10000.00'::numeric`,
    ]);
  });

  it.each([
    ['an id that is not a uuid', { supplier_id: "x'; DROP TABLE loan_applications; --" }],
    ['an amount with a quote', { amount: "1'" }],
    ['a negative amount', { guaranteed_amount: '-5.00' }],
    ['an amount in exponent form', { amount: '1e9' }],
  ])('refuses %s', (_, change) => {
    expect(() => claimLiterals({ ...claim, ...change })).toThrow(/claimLiterals/);
  });
});
