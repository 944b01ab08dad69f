/**
 * Rows in COPY's binary format, encoded straight into Buffers. PostgreSQL takes them as they are:
 * no text to parse for numbers and dates, no escapes, which is most of what a text COPY costs the
 * server beyond writing the rows (about a third more server time for a roster of 200,000 suppliers).
 */
import { dayNumber } from '../common/dates.js';

/** The binary COPY header (signature, flags, no extension) and the end-of-data marker. */
export const BINARY_COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
export const BINARY_COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** The column types rows can hold, as they are declared in SQL. */
export type BinaryType = 'text' | 'int4' | 'numeric' | 'date' | 'jsonb' | 'uuid';

/** The binary type of an SQL column type such as 'numeric(16,3) NOT NULL'. */
export function binaryTypeOf(sqlType: string): BinaryType {
  const t = sqlType.toLowerCase();
  if (t.startsWith('text')) return 'text';
  if (t.startsWith('integer')) return 'int4';
  if (t.startsWith('numeric')) return 'numeric';
  if (t.startsWith('date')) return 'date';
  if (t.startsWith('jsonb')) return 'jsonb';
  if (t.startsWith('uuid')) return 'uuid';
  throw new Error(`no binary COPY encoding for ${sqlType}`);
}

const BLOCK_BYTES = 64 * 1024;
/** Until the first value: a block is allocated when one is needed. */
const NO_BLOCK: Buffer = Buffer.alloc(0);
/** Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates. */
const PG_EPOCH_DAYS = 10_957;
const MINUS = 45;
const POINT = 46;
const ZERO = 48;
const isDigit = (c: number) => c >= ZERO && c <= ZERO + 9;
/** The value of each hex digit by character code, -1 for any other character below 128. */
const HEX = Int8Array.from({ length: 128 }, (_, c) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1,
);

/** numeric()'s base-10000 digits, reused: one array for every value instead of one each. */
let scratch = new Int16Array(16);
function groupsFor(n: number): Int16Array {
  if (scratch.length < n) scratch = new Int16Array(n);
  return scratch;
}

/**
 * Appends rows to blocks of about 64 KiB (a row may straddle two). take() hands the blocks over and
 * starts afresh.
 */
export class BinaryRows {
  private blocks: Buffer[] = [];
  private buf: Buffer = NO_BLOCK;
  private pos = 0;

  /** Starts a row of `fields` values. */
  row(fields: number): void {
    this.ensure(2);
    this.pos = this.buf.writeInt16BE(fields, this.pos);
  }

  /** Bytes already encoded as whole fields (length and value each), e.g. the same leading columns of every row. */
  raw(bytes: Buffer): void {
    this.ensure(bytes.length);
    this.pos += bytes.copy(this.buf, this.pos);
  }

  value(type: BinaryType, v: string | number | null): void {
    if (v === null) return this.null();
    switch (type) {
      case 'text':
        return this.text(String(v));
      case 'int4':
        return this.int4(Number(v));
      case 'numeric':
        return this.numeric(String(v));
      case 'date':
        return this.date(String(v));
      case 'jsonb':
        return this.jsonb(String(v));
      case 'uuid':
        return this.uuid(String(v));
    }
  }

  null(): void {
    this.ensure(4);
    this.pos = this.buf.writeInt32BE(-1, this.pos);
  }

  text(s: string): void {
    this.ensure(4 + s.length * 3);
    const n = this.buf.write(s, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
  }

  /** jsonb's binary form: a version byte, then the JSON text. */
  jsonb(json: string): void {
    this.ensure(5 + json.length * 3);
    this.buf[this.pos + 4] = 1;
    const n = this.buf.write(json, this.pos + 5, 'utf8');
    this.buf.writeInt32BE(n + 1, this.pos);
    this.pos += 5 + n;
  }

  int4(n: number): void {
    this.ensure(8);
    this.pos = this.buf.writeInt32BE(4, this.pos);
    this.pos = this.buf.writeInt32BE(n, this.pos);
  }

  int8(n: bigint): void {
    this.ensure(12);
    this.pos = this.buf.writeInt32BE(8, this.pos);
    this.pos = this.buf.writeBigInt64BE(n, this.pos);
  }

  /** YYYY-MM-DD, as days since 2000-01-01. */
  date(iso: string): void {
    this.int4(dayNumber(iso) - PG_EPOCH_DAYS);
  }

  /**
   * A byte string, handed over as it is, without a copy: it becomes a block of its own, so this is
   * for large values (a stored upload's 1 MiB chunks), not many small ones.
   */
  bytea(bytes: Buffer): void {
    this.ensure(4);
    this.pos = this.buf.writeInt32BE(bytes.length, this.pos);
    this.blocks.push(this.buf.subarray(0, this.pos), bytes);
    this.buf = NO_BLOCK;
    this.pos = 0;
  }

  /**
   * 8-4-4-4-12 hex digits (either case), read digit by digit: a ledger COPY encodes three per line,
   * and a regular expression and a hex string per value cost more than the rest of the line.
   */
  uuid(id: string): void {
    if (id.length !== 36 || id[8] !== '-' || id[13] !== '-' || id[18] !== '-' || id[23] !== '-') throw new Error(`not a uuid: ${id}`);
    this.ensure(20);
    const b = this.buf;
    let p = b.writeInt32BE(16, this.pos);
    for (let i = 0; i < 36; i += 2) {
      if (i === 8 || i === 13 || i === 18 || i === 23) i++;
      const hi = HEX[id.charCodeAt(i)];
      const lo = HEX[id.charCodeAt(i + 1)];
      if (hi === undefined || lo === undefined || hi < 0 || lo < 0) throw new Error(`not a uuid: ${id}`);
      b[p++] = (hi << 4) | lo;
    }
    this.pos = p;
  }

  /**
   * A plain decimal ("-12.50"): base-10000 digits, the weight of the first, the sign and the number
   * of decimals (which the column's scale then rounds, as it would the text). Read character by
   * character into a scratch array: a roster has three decimals per row, and a regular expression
   * with slices and padding cost more than all the rest of a row's encoding.
   */
  numeric(decimal: string): void {
    const len = decimal.length;
    const minus = decimal.charCodeAt(0) === MINUS;
    let i = minus ? 1 : 0;
    const intStart = i;
    while (i < len && isDigit(decimal.charCodeAt(i))) i++;
    const intEnd = i;
    let fracStart = i;
    if (i < len && decimal.charCodeAt(i) === POINT) {
      fracStart = ++i;
      while (i < len && isDigit(decimal.charCodeAt(i))) i++;
      if (i === fracStart) i = -1;
    }
    if (i !== len || intEnd === intStart) throw new Error(`not a plain decimal: ${decimal}`);
    const fracEnd = len;
    let firstDigit = intStart;
    while (firstDigit < intEnd && decimal.charCodeAt(firstDigit) === ZERO) firstDigit++;
    const intGroups = Math.ceil((intEnd - firstDigit) / 4);
    const fracLength = fracEnd - fracStart;
    const groups = groupsFor(intGroups + Math.ceil(fracLength / 4));
    // whole part: groups of four aligned on the decimal point, so the first may be shorter
    let n = 0;
    let group = 0;
    let inGroup = (intEnd - firstDigit) % 4 || 4;
    for (let at = firstDigit; at < intEnd; at++) {
      group = group * 10 + decimal.charCodeAt(at) - ZERO;
      if (--inGroup === 0) {
        groups[n++] = group;
        group = 0;
        inGroup = 4;
      }
    }
    // fraction: groups of four from the point, the last one padded with zeros on the right
    for (let at = fracStart; at < fracEnd; at += 4) {
      group = 0;
      for (let k = at; k < at + 4; k++) group = group * 10 + (k < fracEnd ? decimal.charCodeAt(k) - ZERO : 0);
      groups[n++] = group;
    }
    let weight = intGroups - 1;
    let first = 0;
    while (first < n && groups[first] === 0) {
      first++;
      weight--;
    }
    let last = n;
    while (last > first && groups[last - 1] === 0) last--;
    const ndigits = last - first;
    this.ensure(12 + ndigits * 2);
    const b = this.buf;
    let p = b.writeInt32BE(8 + ndigits * 2, this.pos);
    p = b.writeInt16BE(ndigits, p);
    p = b.writeInt16BE(ndigits ? weight : 0, p);
    p = b.writeUInt16BE(minus && ndigits ? 0x4000 : 0, p);
    p = b.writeInt16BE(fracLength, p);
    for (let k = first; k < last; k++) p = b.writeInt16BE(groups[k], p);
    this.pos = p;
  }

  /** The blocks already filled, leaving the one being filled: for a writer that sends as it goes. */
  takeFilled(): Buffer[] {
    const blocks = this.blocks;
    this.blocks = [];
    return blocks;
  }

  /** The rows so far, as blocks; the next row starts a new block. */
  take(): Buffer[] {
    if (this.pos) {
      this.blocks.push(this.buf.subarray(0, this.pos));
      this.buf = NO_BLOCK;
      this.pos = 0;
    }
    const blocks = this.blocks;
    this.blocks = [];
    return blocks;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos) this.blocks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, n));
    this.pos = 0;
  }
}
