import { balancedLines, balanceOf, credit, debit, type LoanAccountKey } from './accounts.js';

const KEY: LoanAccountKey = { loanApplicationId: 'l', programmeId: 'p', coreEnterpriseId: 'c' };

describe('ledger lines', () => {
  it('keeps a balanced entry and drops its zero lines', () => {
    const lines = balancedLines({
      type: 'REPAYMENT',
      businessDate: '2026-03-01',
      lines: [debit(KEY, 'BANK_CLEARING', 1000n), credit(KEY, 'INTEREST_RECEIVABLE', 0n), credit(KEY, 'LOAN_PRINCIPAL', 1000n)],
    });
    expect(lines.map((l) => l.account)).toEqual(['BANK_CLEARING', 'LOAN_PRINCIPAL']);
  });

  it('refuses an entry that does not balance, and a line with both sides or a negative amount', () => {
    const entry = (lines: ReturnType<typeof debit>[]) => () => balancedLines({ type: 'ACCRUAL', businessDate: '2026-03-01', lines });
    expect(entry([debit(KEY, 'INTEREST_RECEIVABLE', 5n), credit(KEY, 'INTEREST_INCOME', 4n)])).toThrow('does not balance by 1 fen');
    expect(entry([{ ...debit(KEY, 'BANK_CLEARING', 5n), credit: 5n }])).toThrow('bad line');
    expect(entry([debit(KEY, 'BANK_CLEARING', -5n), credit(KEY, 'LOAN_PRINCIPAL', -5n)])).toThrow('bad line');
  });

  it('shows income credit-normal and everything else debit-normal', () => {
    expect(balanceOf('INTEREST_INCOME', 2n, 10n)).toBe(8n);
    expect(balanceOf('PENALTY_INCOME', 0n, 3n)).toBe(3n);
    expect(balanceOf('LOAN_PRINCIPAL', 10n, 2n)).toBe(8n);
    expect(balanceOf('BANK_CLEARING', 2n, 10n)).toBe(-8n);
  });
});
