/** domain.md "Ledger": accounts per loan and programme. */
export const ACCOUNTS = [
  'LOAN_PRINCIPAL',
  'INTEREST_RECEIVABLE',
  'PENALTY_RECEIVABLE',
  'INTEREST_INCOME',
  'PENALTY_INCOME',
  'BANK_CLEARING',
] as const;
export type Account = (typeof ACCOUNTS)[number];

export type EntryType = 'DISBURSEMENT' | 'ACCRUAL' | 'REPAYMENT';

/** One side of a posting, on one loan's account; exactly one of debit and credit is positive (fen). */
export interface JournalLine {
  loanApplicationId: string;
  programmeId: string;
  coreEnterpriseId: string;
  account: Account;
  debit: bigint;
  credit: bigint;
}

export interface JournalEntry {
  type: EntryType;
  businessDate: string;
  reference?: string | null;
  /** An entry is one core enterprise's (the ledger is distributed by it): every line's too. */
  coreEnterpriseId: string;
  lines: JournalLine[];
}

/** Where a loan's lines go: the same three ids on every line. */
export interface LoanAccountKey {
  loanApplicationId: string;
  programmeId: string;
  coreEnterpriseId: string;
}

// Fields spelled out rather than spread: the end of day makes two million of these a date, and a
// spread object costs several times more to build (measured in a profile of bench:cob).
export const debit = (key: LoanAccountKey, account: Account, fen: bigint): JournalLine => line(key, account, fen, 0n);
export const credit = (key: LoanAccountKey, account: Account, fen: bigint): JournalLine => line(key, account, 0n, fen);

function line(key: LoanAccountKey, account: Account, debitFen: bigint, creditFen: bigint): JournalLine {
  return {
    loanApplicationId: key.loanApplicationId,
    programmeId: key.programmeId,
    coreEnterpriseId: key.coreEnterpriseId,
    account,
    debit: debitFen,
    credit: creditFen,
  };
}

/**
 * The lines of an entry without the zero ones (a line must move money), refusing an entry that does
 * not balance: the database refuses it too, but here the error names the entry's purpose.
 */
export function balancedLines(entry: Pick<JournalEntry, 'type' | 'businessDate' | 'lines'>): JournalLine[] {
  const lines = entry.lines.filter((l) => l.debit !== 0n || l.credit !== 0n);
  let balance = 0n;
  for (const l of lines) {
    if (l.debit < 0n || l.credit < 0n || (l.debit !== 0n && l.credit !== 0n)) throw new RangeError(`bad line on ${l.account}`);
    balance += l.debit - l.credit;
  }
  if (balance !== 0n) throw new RangeError(`${entry.type} entry of ${entry.businessDate} does not balance by ${balance} fen`);
  return lines;
}

/** Debit-normal accounts (assets and the clearing account) show debit − credit; income shows credit − debit. */
export function balanceOf(account: Account, debitFen: bigint, creditFen: bigint): bigint {
  return account === 'INTEREST_INCOME' || account === 'PENALTY_INCOME' ? creditFen - debitFen : debitFen - creditFen;
}
