import { closeDay, compileTerms, openLoan, type LoanState, type ServicingTerms } from '../servicing/engine.js';
import { allocateDeduction, allocateSupplier, deductionCap, supplierRatio, type LoanPosition } from './allocate.js';

const position = (loanId: string, over: Partial<LoanPosition> = {}): LoanPosition => ({
  loanId,
  oldestUnpaidDueDate: null,
  valueDate: '2024-01-01',
  dueNow: 0n,
  prepayable: 0n,
  ...over,
});

describe('deductionCap: payable × ratio, rounded down to the fen', () => {
  it('floors, never rounds', () => {
    expect(deductionCap(123_457n, '0.8')).toBe(98_765n); // 1,234.57 × 0.8 = 987.656 → 987.65
    expect(deductionCap(100n, '0.3333333333')).toBe(33n);
    expect(deductionCap(99n, '1')).toBe(99n);
    expect(deductionCap(0n, '0.8')).toBe(0n);
  });

  it('takes the smallest ratio of a supplier’s programmes', () => {
    expect(supplierRatio(['0.8', '0.75', '0.9'])).toBe('0.75');
    expect(supplierRatio(['0.80'])).toBe('0.80');
  });
});

describe('allocateDeduction: the waterfall over a supplier’s loans', () => {
  it('pays each loan’s due-now in full, oldest unpaid due date, then value date, then loan id', () => {
    const loans = [
      position('loan-c', { oldestUnpaidDueDate: null, valueDate: '2023-12-01' }),
      position('loan-b', { oldestUnpaidDueDate: '2024-02-10', valueDate: '2024-01-05', dueNow: 5_000n }),
      position('loan-a', { oldestUnpaidDueDate: '2024-02-10', valueDate: '2024-01-05', dueNow: 2_500n }),
      position('loan-d', { oldestUnpaidDueDate: '2024-01-31', valueDate: '2024-01-20', dueNow: 3_000n }),
      position('loan-e', { oldestUnpaidDueDate: '2024-02-10', valueDate: '2024-01-02', dueNow: 1_000n }),
    ];
    // 100.00 × 0.8 = 80.00: d (oldest due date) 30.00, e (earlier value date) 10.00, a (smaller id) 25.00, b the last 15.00
    const result = allocateDeduction(10_000n, '0.8', loans);
    expect(result.cap).toBe(8_000n);
    expect(result.deduction).toBe(8_000n);
    expect(result.shares.map((s) => [s.loanId, s.due, s.prepaid])).toEqual([
      ['loan-d', 3_000n, 0n],
      ['loan-e', 1_000n, 0n],
      ['loan-a', 2_500n, 0n],
      ['loan-b', 1_500n, 0n],
      ['loan-c', 0n, 0n],
    ]);
  });

  it('takes only what is due when the cap is larger', () => {
    const result = allocateDeduction(1_000_000n, '0.8', [position('x', { oldestUnpaidDueDate: '2024-01-31', dueNow: 4_321n })]);
    expect(result.cap).toBe(800_000n);
    expect(result.deduction).toBe(4_321n);
  });

  it('prepays in a second pass, in the same order, after every loan’s due-now', () => {
    const loans = [
      position('x', { oldestUnpaidDueDate: '2024-01-21', dueNow: 1_000n, prepayable: 5_000n }),
      position('y', { oldestUnpaidDueDate: '2024-01-31', dueNow: 2_000n, prepayable: 0n }),
      position('z', { oldestUnpaidDueDate: null, valueDate: '2024-01-10', prepayable: 9_000n }),
    ];
    // 56.25 × 0.8 = 45.00: x 10.00 and y 20.00 due first, then x prepays 15.00; z gets nothing
    const result = allocateDeduction(5_625n, '0.8', loans);
    expect(result.deduction).toBe(4_500n);
    expect(result.shares.map((s) => [s.loanId, s.due, s.prepaid])).toEqual([
      ['x', 1_000n, 1_500n],
      ['y', 2_000n, 0n],
      ['z', 0n, 0n],
    ]);
  });

  it('deducts nothing from a supplier with nothing due and no prepayment', () => {
    const result = allocateDeduction(50_000n, '0.8', [position('x'), position('y', { prepayable: 0n })]);
    expect(result.cap).toBe(40_000n);
    expect(result.deduction).toBe(0n);
    expect(result.shares.every((s) => s.due === 0n && s.prepaid === 0n)).toBe(true);
    expect(allocateDeduction(50_000n, '0.8', []).deduction).toBe(0n);
  });
});

describe('allocateSupplier: priced by the engine on the stored state', () => {
  // 10,000.00 at 3.6% ACT/360, BULLET over 30 days: 1.00 interest a day
  const terms: ServicingTerms = compileTerms({
    principal: '10000.00',
    annualRate: '0.036',
    basis: 'ACT/360',
    repaymentType: 'BULLET',
    interestDay: 21,
    graceDays: 3,
    penaltyRateMultiplier: '1.5',
    valueDate: '2024-01-01',
    termDays: 30,
  });
  const opened = openLoan(terms);
  const through = (state: LoanState, last: string) => {
    for (let d = 1; d <= Number(last.slice(-2)); d++) state = closeDay(state, terms, `2024-01-${String(d).padStart(2, '0')}`).state;
    return state;
  };

  it('on the value date, only prepayment can take anything (nothing is due yet)', () => {
    const prepaying = allocateSupplier(500_000n, '0.8', [{ loanId: 'l1', state: opened, terms, prepay: true }], '2024-01-01');
    expect(prepaying).toEqual({
      cobPending: false,
      cap: 400_000n,
      deduction: 400_000n,
      allocations: [
        {
          loanApplicationId: 'l1',
          penalty: 0n,
          interest: 0n,
          principal: 400_000n,
          prepay: true,
          state: { ...opened, principalOutstanding: terms.principal - 400_000n, paidPrincipal: 400_000n },
        },
      ],
    });
    const notPrepaying = allocateSupplier(500_000n, '0.8', [{ loanId: 'l1', state: opened, terms, prepay: false }], '2024-01-01');
    expect(notPrepaying).toEqual({ cobPending: false, cap: 400_000n, deduction: 0n, allocations: [] });
  });

  it('prepays the accrued interest before principal', () => {
    const state = through(opened, '2024-01-10'); // 10 days: 10.00 accrued
    const result = allocateSupplier(10_000n, '0.8', [{ loanId: 'l1', state, terms, prepay: true }], '2024-01-11');
    expect(result).toMatchObject({ deduction: 8_000n, allocations: [{ interest: 1_000n, principal: 7_000n, penalty: 0n }] });
  });

  it('refuses to price a loan whose COB is behind', () => {
    expect(allocateSupplier(10_000n, '0.8', [{ loanId: 'l1', state: opened, terms, prepay: true }], '2024-01-03')).toEqual({
      cobPending: true,
      loanIds: ['l1'],
    });
  });
});
