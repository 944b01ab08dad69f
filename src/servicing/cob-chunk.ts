import { moneyOfFen } from '../common/money.js';
import { credit, debit, type JournalLine, type LoanAccountKey } from '../ledger/accounts.js';
import { closeDay } from './cob.js';
import { addDays } from '../common/dates.js';
import { delinquency } from './loan-state.js';
import type { LoanTerms } from './scenario.js';
import { loadState, storeState, type StoredLoanState } from './servicing-row.js';
import { compileTerms } from './terms.js';

/** One open loan as a chunk reads it (jsonb already parsed by the driver). */
export interface CobLoanRow {
  id: string;
  programme_id: string;
  core_enterprise_id: string;
  terms: LoanTerms;
  state: StoredLoanState;
}

/** The columns of the chunk's one set-based UPDATE, as parallel arrays (one COPY row each), and its ACCRUAL lines. */
export interface ClosedChunk {
  ids: string[];
  states: string[];
  principal: string[];
  dpd: number[];
  overdue: boolean[];
  classification: string[];
  lines: JournalLine[];
}

/**
 * The end of day of business date `d` for the loans of one chunk: the engine's closeDay for each,
 * the figures the columns beside the state repeat (DPD, overdue, classification as of d + 1, the
 * business date that follows), and the day's accrual lines: Dr INTEREST_RECEIVABLE / Cr
 * INTEREST_INCOME and Dr PENALTY_RECEIVABLE / Cr PENALTY_INCOME per loan whose rounded accrual moved
 * (a decrease, which the engine does not produce today, would post the reverse lines).
 */
export function closeChunk(rows: readonly CobLoanRow[], d: string): ClosedChunk {
  const asOf = addDays(d, 1);
  const out: ClosedChunk = { ids: [], states: [], principal: [], dpd: [], overdue: [], classification: [], lines: [] };
  for (const row of rows) {
    const terms = compileTerms(row.terms);
    const { state, postings } = closeDay(loadState(row.state), terms, d);
    const late = delinquency(state, terms, asOf);
    out.ids.push(row.id);
    out.states.push(JSON.stringify(storeState(state)));
    out.principal.push(moneyOfFen(state.principalOutstanding));
    out.dpd.push(late.dpd);
    out.overdue.push(late.overdue);
    out.classification.push(late.classification);
    if (postings.interest === 0n && postings.penalty === 0n) continue;
    const key: LoanAccountKey = { loanApplicationId: row.id, programmeId: row.programme_id, coreEnterpriseId: row.core_enterprise_id };
    pushPair(out.lines, key, 'INTEREST_RECEIVABLE', 'INTEREST_INCOME', postings.interest);
    pushPair(out.lines, key, 'PENALTY_RECEIVABLE', 'PENALTY_INCOME', postings.penalty);
  }
  return out;
}

function pushPair(
  lines: JournalLine[],
  key: LoanAccountKey,
  receivable: 'INTEREST_RECEIVABLE' | 'PENALTY_RECEIVABLE',
  income: 'INTEREST_INCOME' | 'PENALTY_INCOME',
  fen: bigint,
): void {
  if (fen > 0n) lines.push(debit(key, receivable, fen), credit(key, income, fen));
  else if (fen < 0n) lines.push(debit(key, income, -fen), credit(key, receivable, -fen));
}
