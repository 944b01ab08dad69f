import { addDays } from '../common/dates.js';
import { closeChunk, type CobLoanRow } from './cob-chunk.js';
import { exampleLoan } from './example-loan.spec-helper.js';
import { openLoan } from './loan-state.js';
import type { LoanTerms } from './scenario.js';
import { storeState } from './servicing-row.js';
import { compileTerms } from './terms.js';

const TERMS: LoanTerms = exampleLoan();

const row = (id: string, terms: LoanTerms = TERMS): CobLoanRow => ({
  id,
  programme_id: 'p',
  core_enterprise_id: 'c',
  terms,
  state: storeState(openLoan(compileTerms(terms))),
});

/** Runs the chunk date by date, feeding each day's states back like the database would. */
function run(rows: CobLoanRow[], dates: string[]) {
  let current = rows;
  const lines = [];
  let last;
  for (const d of dates) {
    last = closeChunk(current, d);
    lines.push(...last.lines.flat());
    current = current.map((r, i) => ({ ...r, state: JSON.parse(last!.states[i]) }));
  }
  return { last: last!, lines, rows: current };
}

describe('closeChunk', () => {
  it('closes each loan for the date and posts the increase of its rounded accrued interest, Dr receivable / Cr income', () => {
    const out = closeChunk([row('a')], '2024-01-01');
    expect(out.ids).toEqual(['a']);
    expect(JSON.parse(out.states[0]).lastCobDate).toBe('2024-01-01');
    expect(out.principal).toEqual(['10000.00']);
    // 10,000.00 × 3.45% / 360 = 0.958… → 0.96 rounded: 96 fen on the first day
    expect(out.dates).toEqual(['2024-01-01']);
    expect(out.lines[0].map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['INTEREST_RECEIVABLE', 96n, 0n],
      ['INTEREST_INCOME', 0n, 96n],
    ]);
  });

  it("posts exactly the period's bill over its days (8.63 for 9 days), then penalty once principal is overdue", () => {
    const dates = Array.from({ length: 14 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
    const { last, lines } = run([row('a')], dates);
    const sum = (account: string) => lines.filter((l) => l.account === account).reduce((s, l) => s + l.debit - l.credit, 0n);
    expect(sum('INTEREST_RECEIVABLE')).toBe(863n);
    expect(sum('PENALTY_RECEIVABLE')).toBeGreaterThan(0n);
    // M = 2024-01-10; after the COB of 01-14 the business date is 01-15: 5 days past due, beyond 3 days' grace
    expect([last.dpd[0], last.overdue[0], last.classification[0]]).toEqual([5, true, 'SPECIAL_MENTION']);
  });

  it('counts DPD from the due date within grace without marking the loan overdue', () => {
    const dates = Array.from({ length: 11 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
    const { last } = run([row('a')], dates);
    expect([last.dpd[0], last.overdue[0], last.classification[0]]).toEqual([2, false, 'SPECIAL_MENTION']);
  });

  it('closes a span of dates in one pass exactly as date by date: the same states, figures and lines of each date', () => {
    const dates = Array.from({ length: 40 }, (_, i) => addDays('2024-01-01', i));
    // b is valued in the middle of the span, c is closed through part of it already
    const b = row('b', exampleLoan({ valueDate: '2024-01-20', termDays: 30 }));
    const { rows: started } = run([row('c')], dates.slice(0, 5));
    const rows = [row('a'), b, started[0]];
    const oneByOne = dates.map(() => [] as string[]);
    let current = rows;
    let last;
    for (const [i, d] of dates.entries()) {
      const due = current.filter((r) => r.id !== 'b' || d >= '2024-01-20').filter((r) => r.id !== 'c' || i >= 5);
      last = closeChunk(due, d);
      oneByOne[i] = last.lines[0].map((l) => `${l.loanApplicationId} ${l.account} ${l.debit} ${l.credit}`);
      current = current.map((r) => {
        const at = last!.ids.indexOf(r.id);
        return at < 0 ? r : { ...r, state: JSON.parse(last!.states[at]) };
      });
    }
    const pass = closeChunk(rows, dates[0], dates[39]);
    expect(pass.dates).toEqual(dates);
    expect(pass.lines.map((ls) => ls.map((l) => `${l.loanApplicationId} ${l.account} ${l.debit} ${l.credit}`))).toEqual(oneByOne);
    expect(pass.states.map((st) => JSON.parse(st))).toEqual(current.map((r) => r.state));
    expect([pass.dpd, pass.overdue, pass.classification]).toEqual([last!.dpd, last!.overdue, last!.classification]);
    expect(pass.loanDates).toBe(40 + (40 - 19) + 35);
  });

  it('refuses a loan whose next date is before the span, rather than skipping a date', () => {
    expect(() => closeChunk([row('a')], '2024-01-02', '2024-01-05')).toThrow(RangeError);
  });

  it('refuses a date out of order rather than applying one twice', () => {
    const { rows } = run([row('a')], ['2024-01-01']);
    expect(() => closeChunk(rows, '2024-01-01')).toThrow(RangeError);
  });
});
