/**
 * The framework-free stages of a roster import, between reading the file and writing the suppliers:
 * map the header to roster columns, validate each row, pack the accepted rows into COPY data.
 */
import { detached } from '../../common/detached.js';
import { BinaryRows, binaryTypeOf } from '../../database/copy-binary.js';
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
 * A batch holds its rows as binary COPY data in Buffers of 64 KiB: outside the JS heap, and the
 * validated values die young instead of being promoted while the batch waits its turn. (Held as
 * strings, 200,000 rows pushed the service's memory past 600 MB between collections.)
 */
export interface Batch {
  data: Buffer[];
  rows: number;
  accepted: number;
  errors: ErrorEntry[];
}

export const BATCH_ROWS = 10_000;

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

const COPY_COLUMNS = SUPPLIER_ROSTER_COLUMNS.map((c) => ({ field: c.field, type: binaryTypeOf(c.type) }));

/**
 * Encodes suppliers as binary COPY rows: the leading columns a direct COPY adds to each row (the
 * same uuids on every row, encoded once), then SUPPLIER_ROSTER_COLUMNS; the role is the import's.
 */
export class SupplierRowEncoder {
  private readonly prefix: Buffer;
  private readonly fields: number;

  constructor(
    leading: string[],
    private readonly role = 'SUPPLIER',
  ) {
    const head = new BinaryRows();
    for (const id of leading) head.uuid(id);
    this.prefix = Buffer.concat(head.take());
    this.fields = leading.length + COPY_COLUMNS.length;
  }

  encode(s: SupplierInput, out: BinaryRows): void {
    out.row(this.fields);
    out.raw(this.prefix);
    for (const { field, type } of COPY_COLUMNS) {
      out.value(type, field === 'role' ? this.role : field === 'attributes' ? (s.attributes ?? '{}') : s[field]);
    }
  }
}

/**
 * Validate: a row to the supplier it gives, or to the problems of it that are kept. Every rejected row is
 * counted, but only `maxProblems` problems in all are kept, or a file of a million bad rows would
 * write millions of error rows.
 */
export class RowCheck {
  readonly totals = { accepted: 0, rejected: 0, lastRow: 1, problems: 0, problemsKept: 0 };

  constructor(
    private readonly validator: RosterRowValidator,
    private readonly maxProblems: number,
  ) {}

  get role(): string {
    return this.validator.role;
  }

  row(rowNumber: number, cells: Partial<Record<string, Cell>>): SupplierInput | ErrorEntry[] {
    const totals = this.totals;
    totals.lastRow = rowNumber;
    const result = this.validator.validate(rowNumber, cells);
    if (result.ok) {
      totals.accepted++;
      return result.supplier;
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

/** Pack: checked rows into batches of BATCH_ROWS rows, the accepted ones encoded for a binary COPY. */
export class BatchPacker {
  private batch = emptyBatch();
  private readonly encoded = new BinaryRows();

  constructor(private readonly encoder: SupplierRowEncoder) {}

  /** Adds a row's outcome; answers the batch it completed, if it did. */
  add(outcome: SupplierInput | ErrorEntry[]): Batch | undefined {
    const batch = this.batch;
    batch.rows++;
    if (Array.isArray(outcome)) {
      for (const e of outcome) batch.errors.push(e);
    } else {
      batch.accepted++;
      this.encoder.encode(outcome, this.encoded);
    }
    if (batch.rows < BATCH_ROWS) return undefined;
    batch.data = this.encoded.take();
    this.batch = emptyBatch();
    return batch;
  }

  /** The last, incomplete batch; undefined when it has no row. */
  flush(): Batch | undefined {
    const batch = this.batch;
    batch.data = this.encoded.take();
    this.batch = emptyBatch();
    return batch.rows ? batch : undefined;
  }
}
