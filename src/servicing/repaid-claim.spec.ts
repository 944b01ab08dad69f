import { repaidClaim } from './servicing.service.js';

const ROW = { supplier_id: 's', programme_id: 'p', core_enterprise_id: 'c', amount: '10000.00', guaranteed_amount: '3333.33' };

describe('what repaid principal frees', () => {
  it('frees the principal itself and its guaranteed share', () => {
    expect(repaidClaim(ROW, 0n, 300000n)).toMatchObject({ amount: '3000.00', guaranteed_amount: '1000.00' });
  });

  it('adds up to the guaranteed amount to the fen over any split of the repayments', () => {
    const cuts = [0n, 1n, 33333n, 50000n, 333333n, 700001n, 999999n, 1000000n];
    let guaranteed = 0n;
    let principal = 0n;
    for (let i = 1; i < cuts.length; i++) {
      const claim = repaidClaim(ROW, cuts[i - 1], cuts[i]);
      guaranteed += BigInt(claim.guaranteed_amount.replace('.', ''));
      principal += BigInt(claim.amount.replace('.', ''));
    }
    expect([principal, guaranteed]).toEqual([1000000n, 333333n]);
  });

  it('frees nothing when no principal was repaid (interest or penalty only)', () => {
    expect(repaidClaim(ROW, 250000n, 250000n)).toMatchObject({ amount: '0.00', guaranteed_amount: '0.00' });
  });
});
