/**
 * The framework-free stages of a roster import, between reading the file and writing the suppliers:
 * map the header to roster columns, validate each row, pack the accepted rows into COPY data.
 */
import { detached } from '../../common/detached.js';
import { copyRow } from '../../database/copy.js';
import { SUPPLIER_ROSTER_COLUMNS } from '../../suppliers/roster-columns.js';
import { DAIRY_LAYOUT, mapHeaders, type RosterLayout } from '../parsing/columns.js';
import type { Cell } from '../parsing/reader.js';
import type { RosterRowValidator, SupplierInput } from '../parsing/validate-row.js';

/** A reason the whole file is refused; the import fails with its code and message. */
export class ImportFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const noHeader = () => new ImportFailure('NO_HEADER', 'The file has no header row');

export interface ErrorEntry {
  row: number;
  supplierCode: string | null;
  field: string | null;
  code: string;
  message: string;
}

/**
 * A batch holds its COPY data as UTF-8 Buffers of a few hundred rows each: outside the JS heap, and
 * the row strings die young instead of being promoted while the batch waits its turn. (Held as
 * strings, 200,000 rows pushed the service's memory past 600 MB between collections.)
 */
export interface Batch {
  data: Buffer[];
  rows: number;
  accepted: number;
  errors: ErrorEntry[];
}

export const BATCH_ROWS = 10_000;
const PACK_ROWS = 64;

/** Map header: which roster column each cell of a row holds. */
export class HeaderColumns {
  private constructor(
    private readonly columns: (string | null)[],
    /** Header texts that name no roster column: reported on the import, not refused. */
    readonly unknown: string[],
  ) {}

  /** Refuses a header that lacks a required column or names one twice. */
  static of(headers: string[], layout: RosterLayout = DAIRY_LAYOUT): HeaderColumns {
    const mapped = mapHeaders(headers, layout);
    if (mapped.missing.length) {
      throw new ImportFailure('MISSING_COLUMNS', `The file has no column for: ${mapped.missing.join(', ')} (English or Chinese headers)`);
    }
    if (mapped.duplicated.length)
      throw new ImportFailure('DUPLICATE_COLUMNS', `These columns appear more than once: ${mapped.duplicated.join(', ')}`);
    return new HeaderColumns(mapped.columns, mapped.unknown);
  }

  cellsOf(row: Cell[]): Partial<Record<string, Cell>> {
    const cells: Partial<Record<string, Cell>> = {};
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i];
      if (c) cells[c] = row[i] ?? null;
    }
    return cells;
  }
}

const COPY_FIELDS = SUPPLIER_ROSTER_COLUMNS.map((c) => c.field);

/** A supplier as a line of COPY text, its values in the order of SUPPLIER_ROSTER_COLUMNS; the role is the import's. */
export function copyLine(s: SupplierInput, role = 'SUPPLIER'): string {
  return copyRow(COPY_FIELDS.map((f) => (f === 'role' ? role : f === 'attributes' ? (s.attributes ?? '{}') : s[f])));
}

/**
 * Validate: a row to its COPY line, or to the problems of it that are kept. Every rejected row is
 * counted, but only `maxProblems` problems in all are kept, or a file of a million bad rows would
 * write millions of error rows.
 */
export class RowCheck {
  readonly totals = { accepted: 0, rejected: 0, lastRow: 1, problems: 0, problemsKept: 0 };

  constructor(
    private readonly validator: RosterRowValidator,
    private readonly maxProblems: number,
  ) {}

  row(rowNumber: number, cells: Partial<Record<string, Cell>>): string | ErrorEntry[] {
    const totals = this.totals;
    totals.lastRow = rowNumber;
    const result = this.validator.validate(rowNumber, cells);
    if (result.ok) {
      totals.accepted++;
      return copyLine(result.supplier, this.validator.role);
    }
    totals.rejected++;
    totals.problems += result.problems.length;
    const kept: ErrorEntry[] = [];
    for (const p of result.problems) {
      if (totals.problemsKept === this.maxProblems) break;
      totals.problemsKept++;
      // the code is a slice of the decoded file text, which it would otherwise keep alive
      const supplierCode = result.supplierCode === null ? null : detached(result.supplierCode);
      kept.push({ row: rowNumber, supplierCode, field: p.field, code: p.code, message: p.message });
    }
    return kept;
  }
}

const emptyBatch = (): Batch => ({ data: [], rows: 0, accepted: 0, errors: [] });

/** Pack: checked rows into batches of BATCH_ROWS rows, their COPY lines into Buffers of PACK_ROWS lines. */
export class BatchPacker {
  private batch = emptyBatch();
  private lines: string[] = [];

  /** @param linePrefix written before every line (the columns a direct COPY adds to each row) */
  constructor(private readonly linePrefix: string) {}

  /** Adds a row's outcome; answers the batch it completed, if it did. */
  add(outcome: string | ErrorEntry[]): Batch | undefined {
    const batch = this.batch;
    batch.rows++;
    if (typeof outcome === 'string') {
      batch.accepted++;
      this.lines.push(outcome);
      if (this.lines.length >= PACK_ROWS) this.pack();
    } else {
      for (const e of outcome) batch.errors.push(e);
    }
    if (batch.rows < BATCH_ROWS) return undefined;
    this.pack();
    this.batch = emptyBatch();
    return batch;
  }

  /** The last, incomplete batch; undefined when it has no row. */
  flush(): Batch | undefined {
    this.pack();
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch.rows ? batch : undefined;
  }

  // every line ends with a newline, so the prefix as the separator puts it at each line's start
  private pack(): void {
    const lines = this.lines;
    if (lines.length) this.batch.data.push(Buffer.from(this.linePrefix + lines.join(this.linePrefix), 'utf8'));
    this.lines = [];
  }
}
