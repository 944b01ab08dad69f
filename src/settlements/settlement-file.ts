import type { Cell } from '../rosters/parsing/reader.js';

/*
 * The rows of a settlement file (domain.md: `supplier_code` 供应商编号, `payable_amount` 应付金额,
 * optional `period` 结算期), checked row by row. A file with any problem is refused as a whole, so
 * every problem is collected (up to a limit) for the core enterprise to fix in one go.
 */

export interface SettlementProblem {
  /** The row a spreadsheet shows; null for the file as a whole. */
  row: number | null;
  field: string | null;
  code: string;
  message: string;
}

export interface SettlementRow {
  row: number;
  supplierCode: string;
  payableFen: bigint;
  period: string | null;
}

type Column = 'supplier_code' | 'payable_amount' | 'period';

const ALIASES: Record<string, Column> = {
  supplier_code: 'supplier_code',
  供应商编号: 'supplier_code',
  payable_amount: 'payable_amount',
  应付金额: 'payable_amount',
  period: 'period',
  结算期: 'period',
};
const REQUIRED: Column[] = ['supplier_code', 'payable_amount'];
/** MONEY_PATTERN's bound: 16 integer digits. */
const MAX_INTEGER_DIGITS = 16;
const MAX_TEXT = 64;

function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export type AmountCheck = { ok: true; fen: bigint } | { ok: false; code: string; message: string };

/** A payable: a non-negative amount with at most 2 decimals; thousands separators as Excel writes them are allowed. */
export function payableOf(cell: Cell | undefined): AmountCheck {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))
    return { ok: false, code: 'MISSING_VALUE', message: 'payable_amount is empty' };
  let text: string;
  if (typeof cell === 'number') text = String(cell);
  else if (typeof cell === 'string') text = cell.trim();
  else return { ok: false, code: 'NOT_A_NUMBER', message: 'payable_amount is not a number' };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (/^-\s*\d/.test(text)) return { ok: false, code: 'NEGATIVE_AMOUNT', message: `payable_amount ${text} is negative` };
  const m = /^\+?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, code: 'NOT_A_NUMBER', message: `payable_amount "${text.slice(0, MAX_TEXT)}" is not a number` };
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, code: 'TOO_MANY_DECIMALS', message: `payable_amount ${text} has more than 2 decimals` };
  const integer = m[1].replace(/^0+(?=\d)/, '');
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, code: 'AMOUNT_TOO_LARGE', message: `payable_amount ${text} is too large` };
  return { ok: true, fen: BigInt(integer) * 100n + BigInt(fraction.padEnd(2, '0')) };
}

function textOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Reads records one at a time: the header first, then each row. */
export class SettlementFileCheck {
  /** The good rows not taken yet (takeRows), so that a large file is priced as it is read. */
  readonly rows: SettlementRow[] = [];
  private goodRows = 0;
  readonly problems: SettlementProblem[] = [];
  problemCount = 0;
  private columns: Partial<Record<Column, number>> | null = null;
  private readonly firstRowOf = new Map<string, number>();

  constructor(private readonly maxProblems = 1000) {}

  get headerSeen(): boolean {
    return this.columns !== null;
  }

  header(cells: readonly string[], rowNumber: number): void {
    const columns: Partial<Record<Column, number>> = {};
    cells.forEach((cell, i) => {
      const column = ALIASES[normalizeHeader(cell)] ?? ALIASES[cell.trim()];
      if (column && columns[column] === undefined) columns[column] = i;
    });
    this.columns = columns;
    for (const column of REQUIRED) {
      if (columns[column] === undefined)
        this.problem({ row: rowNumber, field: column, code: 'MISSING_COLUMN', message: `The header has no ${column} column` });
    }
  }

  row(cells: readonly Cell[], rowNumber: number): void {
    const columns = this.columns!;
    if (columns.supplier_code === undefined || columns.payable_amount === undefined) return;
    const code = textOf(cells[columns.supplier_code]);
    const payable = payableOf(cells[columns.payable_amount]);
    const period = columns.period === undefined ? '' : textOf(cells[columns.period]);
    let ok = true;
    if (!code) {
      this.problem({ row: rowNumber, field: 'supplier_code', code: 'MISSING_VALUE', message: 'supplier_code is empty' });
      ok = false;
    } else if (code.length > MAX_TEXT) {
      this.problem({ row: rowNumber, field: 'supplier_code', code: 'TOO_LONG', message: `supplier_code is longer than ${MAX_TEXT}` });
      ok = false;
    } else {
      const first = this.firstRowOf.get(code);
      if (first !== undefined) {
        this.problem({
          row: rowNumber,
          field: 'supplier_code',
          code: 'DUPLICATE_SUPPLIER_CODE',
          message: `supplier_code ${code} is also on row ${first}`,
        });
        ok = false;
      } else this.firstRowOf.set(code, rowNumber);
    }
    if (!payable.ok) {
      this.problem({ row: rowNumber, field: 'payable_amount', code: payable.code, message: payable.message });
      ok = false;
    }
    if (period.length > MAX_TEXT) {
      this.problem({ row: rowNumber, field: 'period', code: 'TOO_LONG', message: `period is longer than ${MAX_TEXT}` });
      ok = false;
    }
    if (ok && payable.ok) {
      this.rows.push({ row: rowNumber, supplierCode: code, payableFen: payable.fen, period: period || null });
      this.goodRows++;
    }
  }

  /** After the last record: a file without data rows is refused too. */
  finish(): void {
    if (!this.columns) this.problem({ row: null, field: null, code: 'NO_HEADER', message: 'The file has no header row' });
    else if (this.problemCount === 0 && this.goodRows === 0)
      this.problem({ row: null, field: null, code: 'NO_DATA_ROWS', message: 'The file has a header but no supplier rows' });
  }

  /** The good rows read since the last call. */
  takeRows(): SettlementRow[] {
    return this.rows.splice(0, this.rows.length);
  }

  problem(p: SettlementProblem): void {
    this.problemCount++;
    if (this.problems.length < this.maxProblems) this.problems.push(p);
  }
}
