import { moneyOfFen } from '../common/money.js';
import { credit, debit, type JournalLine, type LoanAccountKey } from '../ledger/accounts.js';
import { closeDay } from './cob.js';
import { addDays, dayNumber } from '../common/dates.js';
import { datesFrom } from './cob-plan.js';
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
  /** The ACCRUAL lines of each business date closed, in date order: the lines of `dates[i]` are `lines[i]`. */
  dates: string[];
  lines: JournalLine[][];
  /** Loan-dates closed: each loan counts once for every date it was closed for. */
  loanDates: number;
}

/**
 * The end of day of the business dates `from` to `to` for the loans of one chunk: the engine's
 * closeDay for each loan and date in order, from the loan's own next date (the day after its last
 * COB date, or its value date) through `to`; the figures the columns beside the state repeat (DPD,
 * overdue, classification as of to + 1, the business date that follows); and each date's accrual
 * lines: Dr INTEREST_RECEIVABLE / Cr INTEREST_INCOME and Dr PENALTY_RECEIVABLE / Cr PENALTY_INCOME
 * per loan whose rounded accrual moved that day (a decrease, which the engine does not produce
 * today, would post the reverse lines). A loan whose next date is before `from` (a date would be
 * skipped) or after `to` (it would be applied twice) is refused with a RangeError.
 */
export function closeChunk(rows: readonly CobLoanRow[], from: string, to: string = from): ClosedChunk {
  const dates = datesFrom(from, to);
  if (!dates.length) throw new RangeError(`no business date from ${from} to ${to}`);
  const firstDay = dayNumber(from);
  const asOf = addDays(to, 1);
  const out: ClosedChunk = {
    ids: [],
    states: [],
    principal: [],
    dpd: [],
    overdue: [],
    classification: [],
    dates,
    lines: dates.map(() => []),
    loanDates: 0,
  };
  for (const row of rows) {
    const terms = compileTerms(row.terms);
    let state = loadState(row.state);
    const key: LoanAccountKey = { loanApplicationId: row.id, programmeId: row.programme_id, coreEnterpriseId: row.core_enterprise_id };
    const next = state.lastCobDate === null ? terms.valueDay : dayNumber(state.lastCobDate) + 1;
    if (next >= firstDay + dates.length)
      throw new RangeError(`COB through ${to} out of order: loan ${row.id} is closed through ${state.lastCobDate}`);
    for (let i = Math.max(0, next - firstDay); i < dates.length; i++) {
      const closed = closeDay(state, terms, dates[i]);
      state = closed.state;
      out.loanDates++;
      const { interest, penalty } = closed.postings;
      if (interest === 0n && penalty === 0n) continue;
      pushPair(out.lines[i], key, 'INTEREST_RECEIVABLE', 'INTEREST_INCOME', interest);
      pushPair(out.lines[i], key, 'PENALTY_RECEIVABLE', 'PENALTY_INCOME', penalty);
    }
    const late = delinquency(state, terms, asOf);
    out.ids.push(row.id);
    out.states.push(JSON.stringify(storeState(state)));
    out.principal.push(moneyOfFen(state.principalOutstanding));
    out.dpd.push(late.dpd);
    out.overdue.push(late.overdue);
    out.classification.push(late.classification);
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
