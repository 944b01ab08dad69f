import { type Readable, Transform, type TransformCallback, type Writable, pipeline } from 'node:stream';
import { TextDecoder } from 'node:util';
import type ExcelJS from 'exceljs';
import { DEFAULT_XLSX_LIMITS } from '../../config/xlsx-limits.js';
import { InflateBudget, type ZipLimits } from './zip-guard.js';

/**
 * Streaming readers for supplier rosters: CSV in the encodings Excel saves, and the first worksheet of
 * an .xlsx workbook. Both yield the header row, then every non-empty row with the row number a
 * spreadsheet would show, and never hold the whole file in memory.
 */

/** CSV gives strings; an .xlsx cell keeps the type Excel stored. */
export type Cell = string | number | boolean | Date | null;

export type RosterRecord = { kind: 'header'; cells: string[]; rowNumber: number } | { kind: 'row'; cells: Cell[]; rowNumber: number };

export type RosterFileErrorCode =
  'EMPTY_FILE' | 'NO_HEADER' | 'NOT_TEXT' | 'MALFORMED_CSV' | 'CORRUPT_XLSX' | 'NO_WORKSHEET' | 'FILE_TOO_COMPLEX';

/** The file as a whole cannot be read; no row of it is usable. */
export class RosterFileError extends Error {
  override readonly name = 'RosterFileError';

  constructor(
    readonly code: RosterFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------
// CSV

/** How much text is enough to tell UTF-8 from GB18030. */
const SAMPLE_BYTES = 64 * 1024;
/**
 * The encoding is judged on text after the first non-ASCII byte: a file whose first 64 KiB are ASCII
 * (English headers, codes, numbers) says nothing about how its Chinese names are encoded.
 */
const NON_ASCII_LOOKAHEAD_BYTES = 1024;
/** A quote left open would otherwise swallow the rest of the file into one row held in memory. */
const MAX_ROW_CHARS = 1_000_000;
/** Characters no spreadsheet writes into a CSV; tab and line breaks excepted. */
const CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001F]/;

function notText(detail: string): RosterFileError {
  return new RosterFileError(
    'NOT_TEXT',
    `The file is not a CSV text file (${detail}). Save the roster from Excel as "CSV UTF-8" or as an .xlsx workbook.`,
  );
}

function firstNonAsciiByte(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return i;
  return -1;
}

/**
 * Decodes CSV bytes: UTF-8 when the file starts with a BOM or its first non-ASCII text is valid UTF-8,
 * GB18030 (a superset of GBK, what Chinese Excel saves as "CSV") otherwise.
 */
class RosterTextDecoder {
  private decoder: TextDecoder | null = null;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private atStart = true;

  push(chunk: Buffer): string {
    if (this.decoder) return this.decode(chunk, true);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    return this.decideIfEnough(false);
  }

  end(): string {
    return this.decoder ? this.decode(undefined, false) : this.decideIfEnough(true);
  }

  private decideIfEnough(final: boolean): string {
    if (this.heldBytes === 0 || (!final && this.heldBytes < SAMPLE_BYTES)) return '';
    const bytes = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held);
    if (this.atStart) {
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw notText('it is UTF-16 "Unicode text"');
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.release();
        this.decoder = new TextDecoder('utf-8', { fatal: true });
        return this.decode(bytes, !final);
      }
    }
    const nonAscii = firstNonAsciiByte(bytes);
    if (nonAscii !== -1 && !final && bytes.length - nonAscii < NON_ASCII_LOOKAHEAD_BYTES) {
      this.held = [bytes];
      return '';
    }
    this.release();
    if (nonAscii === -1) return this.checked(bytes.toString('latin1'));
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = utf8.decode(bytes, { stream: !final });
    } catch {
      this.decoder = new TextDecoder('gb18030', { fatal: true });
      return this.decode(bytes, !final);
    }
    this.decoder = utf8;
    return this.checked(text);
  }

  /** Drops the held bytes, which the caller is about to decode. */
  private release(): void {
    this.held = [];
    this.heldBytes = 0;
    this.atStart = false;
  }

  private decode(bytes: Buffer | undefined, stream: boolean): string {
    const decoder = this.decoder!;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream });
    } catch {
      throw notText(`it is not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : 'GB18030/GBK'} text`);
    }
    return this.checked(text);
  }

  private checked(text: string): string {
    if (CONTROL_CHARS.test(text)) throw notText('it contains binary data');
    return text;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i === -1 ? text.length : i;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 records from text arriving in pieces, as leniently as Excel reads them: a quote inside an
 * unquoted field is kept, text after a closing quote is kept, records end with CRLF, LF or a lone CR.
 * Most roster lines have neither quote nor lone CR, so they are cut at their commas without a
 * character-by-character scan.
 */
class CsvTokenizer {
  private pending = '';
  private recordsDone = 0;

  /** Appends the records complete in `chunk` to `out`; the last one must wait for more text unless `final`. */
  push(chunk: string, final: boolean, out: string[][]): void {
    const text = this.pending + chunk;
    const n = text.length;
    let pos = 0;
    // positions of the next quote, CR and comma, each searched for once rather than once per line
    let nextQuote = -1;
    let nextCr = -1;
    let nextComma = -1;
    while (pos < n) {
      if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
      if (nextCr < pos) nextCr = indexOrEnd(text, '\r', pos);
      const lf = text.indexOf('\n', pos);
      if (lf !== -1 && nextQuote > lf && nextCr >= lf - 1) {
        const end = nextCr === lf - 1 ? lf - 1 : lf;
        const fields: string[] = [];
        let from = pos;
        if (nextComma < from) nextComma = indexOrEnd(text, ',', from);
        while (nextComma < end) {
          fields.push(text.slice(from, nextComma));
          from = nextComma + 1;
          nextComma = indexOrEnd(text, ',', from);
        }
        fields.push(text.slice(from, end));
        out.push(fields);
        this.recordsDone++;
        pos = lf + 1;
        continue;
      }
      const next = this.quotedRecord(text, pos, final, out);
      if (next === -1) break;
      pos = next;
    }
    this.pending = pos < n ? text.slice(pos) : '';
    if (this.pending.length > MAX_ROW_CHARS) {
      throw new RosterFileError(
        'MALFORMED_CSV',
        `Row ${this.recordsDone + 1} is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters; a quote (") is probably not closed.`,
      );
    }
  }

  /** Parses one record starting at `pos`; returns where the next one starts, or -1 if it needs more text. */
  private quotedRecord(text: string, pos: number, final: boolean, out: string[][]): number {
    const n = text.length;
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      let value = '';
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1 || (q + 1 === n && !final)) {
            if (!final) return -1;
            throw new RosterFileError('MALFORMED_CSV', `Row ${this.recordsDone + 1} opens a quote (") that is never closed.`);
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
          } else {
            value += text.slice(from, q);
            i = q + 1;
            break;
          }
        }
      }
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        i++;
      }
      value += text.slice(start, i);
      fields.push(value);
      if (i === n) {
        if (!final) return -1;
        return this.emit(fields, out, n);
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i === n) {
          if (!final) return -1;
          fields.push('');
          return this.emit(fields, out, n);
        }
        continue;
      }
      if (c === LF) return this.emit(fields, out, i + 1);
      if (i + 1 < n) return this.emit(fields, out, text.charCodeAt(i + 1) === LF ? i + 2 : i + 1);
      if (!final) return -1;
      return this.emit(fields, out, n);
    }
  }

  private emit(fields: string[], out: string[][], next: number): number {
    out.push(fields);
    this.recordsDone++;
    return next;
  }
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Numbers rows as a spreadsheet does, skips empty ones and tells the header from the data. */
class RowSequencer {
  rowNumber = 0;
  headerSeen = false;
  /** Whether a skipped row had separators: the file is not blank, it only lacks a header. */
  sawEmptyCells = false;

  next(cells: Cell[], rowNumber = this.rowNumber + 1): RosterRecord | null {
    this.rowNumber = rowNumber;
    if (cells.every(isBlank)) {
      if (cells.length > 1) this.sawEmptyCells = true;
      return null;
    }
    if (this.headerSeen) return { kind: 'row', cells, rowNumber };
    this.headerSeen = true;
    return { kind: 'header', cells: cells.map(headerText), rowNumber };
  }
}

function headerText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * Reads a CSV roster. Throws RosterFileError for a file that is empty, binary, has no header row or
 * leaves a quote open; a row with more or fewer cells than the header is yielded as it is.
 */
export async function* readCsv(source: AsyncIterable<Buffer>): AsyncGenerator<RosterRecord> {
  const decoder = new RosterTextDecoder();
  const tokenizer = new CsvTokenizer();
  const rows = new RowSequencer();
  const records: string[][] = [];
  for await (const chunk of source) {
    const text = decoder.push(chunk);
    if (text === '') continue;
    tokenizer.push(text, false, records);
    for (const cells of records) {
      const record = rows.next(cells);
      if (record) yield record;
    }
    records.length = 0;
  }
  tokenizer.push(decoder.end(), true, records);
  for (const cells of records) {
    const record = rows.next(cells);
    if (record) yield record;
  }
  if (!rows.headerSeen) {
    throw rows.sawEmptyCells
      ? new RosterFileError('NO_HEADER', 'The file has no header row: every row is empty.')
      : new RosterFileError('EMPTY_FILE', 'The file is empty.');
  }
}

// ---------------------------------------------------------------------------------------------------
// XLSX

const CORRUPT_XLSX_MESSAGE =
  'The file is not a readable Excel .xlsx workbook: it is damaged, incomplete, or another format. Open it in Excel and save it again as .xlsx or as CSV.';

export interface XlsxLimits extends ZipLimits {
  /** Most distinct texts (shared strings) a workbook may hold: exceljs keeps them all in memory. */
  maxSharedStrings: number;
}

/** Excel's own limit for the text of one cell; a longer shared string was not written by a spreadsheet. */
const MAX_CELL_CHARS = 32_767;

export function fileTooComplex(detail: string): RosterFileError {
  return new RosterFileError('FILE_TOO_COMPLEX', `${detail} Save the roster as CSV, or split it into smaller workbooks.`);
}

/**
 * Checks the zip signature before exceljs sees a byte, counts the bytes read for the inflate budget,
 * and learns the unzip stream exceljs pipes it into: the reader's own streams report a damaged zip
 * only as an event on that stream, and would otherwise wait forever for the rest of a truncated entry.
 */
class XlsxFeed extends Transform {
  zip: Writable | null = null;
  private head: Buffer | null = Buffer.alloc(0);

  constructor(
    private readonly budget: InflateBudget,
    private readonly onLimit: (problem: RosterFileError) => void,
  ) {
    super();
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    const zip = destination as unknown as Readable & Writable;
    guardZip(zip, this.budget, this.onLimit);
    this.zip = zip;
    return super.pipe(destination, options);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.budget.read(chunk.length);
    if (this.head === null) return callback(null, chunk);
    const head = Buffer.concat([this.head, chunk]);
    if (head.length < 4) {
      this.head = head;
      return callback();
    }
    this.head = null;
    callback(signatureProblem(head), head);
  }

  override _flush(callback: TransformCallback): void {
    if (this.head === null) return callback();
    callback(
      this.head.length === 0
        ? new RosterFileError('EMPTY_FILE', 'The file is empty.')
        : new RosterFileError('CORRUPT_XLSX', CORRUPT_XLSX_MESSAGE),
    );
  }
}

function signatureProblem(head: Buffer): RosterFileError | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return null;
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return new RosterFileError(
      'CORRUPT_XLSX',
      'The file is an old Excel 97-2003 .xls workbook. Open it in Excel and save it as .xlsx or as CSV.',
    );
  }
  return new RosterFileError('CORRUPT_XLSX', CORRUPT_XLSX_MESSAGE);
}

type Entry = Transform & { path?: string };

/**
 * Watches every entry of the unzip stream from the moment it exists: unzipper pushes an entry (a
 * PassThrough) before it pipes the inflater into it, so hooking push() sees each entry before its
 * first inflated byte, whether exceljs reads it, spools it to a temporary file or drains it unread.
 * Each byte that passes is charged to the budget; the first limit crossed calls `onLimit`.
 * Entries still open when the zip turns out damaged are ended, so that exceljs, which waits on them,
 * gets to its next entry and reports the error instead of hanging.
 */
function guardZip(zip: Readable, budget: InflateBudget, onLimit: (problem: RosterFileError) => void): void {
  const open = new Set<Writable>();
  const push = zip.push.bind(zip);
  zip.push = (entry: Entry | null, encoding?: BufferEncoding) => {
    if (entry) {
      open.add(entry);
      // an inflater may still write into an entry ended below
      entry.on('error', () => {});
      entry.on('finish', () => open.delete(entry));
      const tooMany = budget.entry();
      if (tooMany) onLimit(fileTooComplex(tooMany));
      // Past a limit the entry's bytes are dropped, not failed: a failed entry would leave the
      // temporary file exceljs pipes it into unfinished, and exceljs waiting on it for ever. The
      // zip's error then ends the entry (below) and exceljs reports the destroyed zip.
      entry._transform = (chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) => {
        const problem = budget.inflate(chunk.length);
        if (!problem) return callback(null, chunk);
        onLimit(fileTooComplex(problem));
        callback();
      };
    }
    return push(entry, encoding);
  };
  zip.on('error', () => {
    for (const entry of open) entry.end();
    open.clear();
  });
  // unzipper emits 'end' by hand as soon as its input is consumed, even while entries it pushed still
  // wait in its buffer (exceljs pauses it between entries); exceljs then stops at that 'end' and
  // never sees the last entries (now and then a workbook read without its xl/workbook.xml). The
  // early 'end' is held back until the buffer is empty.
  const emit = zip.emit.bind(zip);
  let endHeld = false;
  zip.emit = (event: string | symbol, ...args: unknown[]) => {
    if (event === 'end' && zip.readableLength > 0) {
      endHeld = true;
      return false;
    }
    const listened = emit(event, ...args);
    if (event === 'data' && endHeld && zip.readableLength === 0) {
      endHeld = false;
      emit('end');
    }
    return listened;
  };
}

/**
 * The list exceljs fills with the workbook's shared strings, refusing to grow past the limit: a
 * workbook of millions of distinct texts would otherwise be held whole in memory.
 */
function capSharedStrings(workbook: object, max: number): void {
  let list: unknown[] | undefined;
  Object.defineProperty(workbook, 'sharedStrings', {
    configurable: true,
    get: () => list,
    set(value: unknown[] | undefined) {
      if (!Array.isArray(value)) {
        list = value;
        return;
      }
      const capped = value;
      capped.push = (...items: unknown[]) => {
        if (capped.length + items.length > max)
          throw fileTooComplex(`The workbook holds more than ${max.toLocaleString('en')} distinct texts.`);
        for (const item of items) {
          if (typeof item === 'string' && item.length > MAX_CELL_CHARS) {
            throw fileTooComplex(
              `The workbook holds a text of ${item.length.toLocaleString('en')} characters; a cell holds at most ${MAX_CELL_CHARS.toLocaleString('en')}.`,
            );
          }
        }
        return Array.prototype.push.apply(capped, items);
      };
      list = capped;
    },
  });
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** What a cell shows: rich text as its text, a formula as its result, an error as nothing. */
function cellOf(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellOf(value.result as ExcelValue);
  if ('text' in value) return cellOf(value.text as ExcelValue);
  return null;
}

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

function cellsOf(row: ExcelJS.Row): Cell[] {
  const values = row.values as readonly ExcelValue[];
  const cells: Cell[] = [];
  for (let col = 1; col < values.length; col++) cells.push(cellOf(values[col]));
  return cells;
}

/**
 * Reads the worksheets after the first to the end, unused: exceljs spools a worksheet that comes
 * before the shared strings (as Excel writes them) to a temporary file, and deletes it only once that
 * sheet has been read. Reading on also reaches a damaged end of the zip, which is then reported.
 */
async function readOtherWorksheets(worksheets: AsyncIterator<WorksheetReader>): Promise<void> {
  for (let sheet = await worksheets.next(); !sheet.done; sheet = await worksheets.next()) {
    for await (const _row of sheet.value);
  }
}

/** Reads the rest of a workbook its caller stopped reading, for the same reason. */
async function drainAbandoned(rows: AsyncIterator<ExcelJS.Row> | null, worksheets: AsyncIterator<WorksheetReader>): Promise<void> {
  try {
    if (rows) while (!(await rows.next()).done);
    await readOtherWorksheets(worksheets);
  } catch {
    // nobody is waiting for this file any more
  }
}

/**
 * Reads the first worksheet of an .xlsx roster. Number cells stay numbers and date-formatted cells
 * become Dates (midnight UTC of the day Excel shows); a damaged or non-xlsx file throws
 * RosterFileError CORRUPT_XLSX. A caller that stops early leaves the rest of the source to be read in
 * the background, so that nothing exceljs spooled to disk stays behind.
 */
export async function* readXlsx(
  source: AsyncIterable<Buffer> | Readable,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): AsyncGenerator<RosterRecord> {
  // loaded on first use: exceljs and its zip libraries weigh ~28 MB that a CSV-only service never needs
  const { default: Excel } = await import('exceljs');
  let sourceError: unknown = null;
  let limitError: RosterFileError | null = null;
  const feed = new XlsxFeed(new InflateBudget(limits), (problem) => {
    if (limitError) return;
    limitError = problem;
    // stop inflating at once (the feed may have ended already: the whole file can be read before a
    // bomb inflates); exceljs then fails on the destroyed zip stream, and the limit is reported
    feed.zip?.destroy(problem);
    feed.destroy(problem);
  });
  feed.on('error', (err) => {
    if (!(err instanceof RosterFileError)) sourceError ??= err;
    feed.zip?.destroy(err);
  });
  // the feed's error listener above reports every failure of the pipeline
  pipeline(source, feed, () => {});
  const workbook = new Excel.stream.xlsx.WorkbookReader(feed, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  capSharedStrings(workbook, limits.maxSharedStrings);
  const worksheets: AsyncIterator<WorksheetReader> = workbook[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row> | null = null;
  const sequencer = new RowSequencer();
  let settled = false;
  try {
    const first = await worksheets.next();
    if (first.done) {
      // exceljs keeps the workbook part it read in `model`; a zip without one is not a workbook at all
      const isWorkbook = (workbook as unknown as { model?: unknown }).model !== undefined;
      throw isWorkbook
        ? new RosterFileError('NO_WORKSHEET', 'The workbook has no worksheet.')
        : new RosterFileError('CORRUPT_XLSX', CORRUPT_XLSX_MESSAGE);
    }
    rows = first.value[Symbol.asyncIterator]();
    for (let row = await rows.next(); !row.done; row = await rows.next()) {
      const record = sequencer.next(cellsOf(row.value), row.value.number);
      if (record) yield record;
    }
    rows = null;
    await readOtherWorksheets(worksheets);
    settled = true;
    // bytes past a limit were dropped: whatever exceljs made of the rest is not the file
    if (limitError) throw limitError;
  } catch (err) {
    settled = true;
    if (limitError) throw limitError;
    if (sourceError) throw sourceError;
    if (err instanceof RosterFileError) throw err;
    throw new RosterFileError('CORRUPT_XLSX', CORRUPT_XLSX_MESSAGE);
  } finally {
    if (!settled) void drainAbandoned(rows, worksheets);
  }
  if (!sequencer.headerSeen) throw new RosterFileError('EMPTY_FILE', 'The first worksheet of the workbook is empty.');
}
