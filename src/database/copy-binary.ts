/**
 * Rows in COPY's binary format, encoded straight into Buffers. PostgreSQL takes them as they are:
 * no text to parse for numbers and dates, no escapes, which is most of what a text COPY costs the
 * server beyond writing the rows (about a third more server time for a roster of 200,000 suppliers).
 */

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
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

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

  /** YYYY-MM-DD, as days since 2000-01-01. */
  date(iso: string): void {
    const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))];
    const at = new Date(Date.UTC(y, m, d));
    // Date.UTC rolls 2025-13-45 over into 2026, and reads years below 100 as 19xx
    if (iso.length !== 10 || at.getUTCFullYear() !== y || at.getUTCMonth() !== m || at.getUTCDate() !== d)
      throw new Error(`not a date: ${iso}`);
    this.int4(at.getTime() / 86_400_000 - PG_EPOCH_DAYS);
  }

  uuid(id: string): void {
    this.ensure(20);
    this.pos = this.buf.writeInt32BE(16, this.pos);
    this.pos += this.buf.write(id.replace(/-/g, ''), this.pos, 'hex');
  }

  /**
   * A plain decimal ("-12.50"): base-10000 digits, the weight of the first, the sign and the number
   * of decimals (which the column's scale then rounds, as it would the text).
   */
  numeric(decimal: string): void {
    const m = DECIMAL.exec(decimal);
    if (!m) throw new Error(`not a plain decimal: ${decimal}`);
    const [, minus, whole, fraction = ''] = m;
    const intPart = whole.replace(/^0+/, '');
    const intGroups = Math.ceil(intPart.length / 4);
    const digits: number[] = [];
    const padded = intPart.padStart(intGroups * 4, '0') + fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
    for (let i = 0; i < padded.length; i += 4) digits.push(Number(padded.slice(i, i + 4)));
    let weight = intGroups - 1;
    let first = 0;
    while (first < digits.length && digits[first] === 0) {
      first++;
      weight--;
    }
    let last = digits.length;
    while (last > first && digits[last - 1] === 0) last--;
    const ndigits = last - first;
    this.ensure(12 + ndigits * 2);
    const b = this.buf;
    let p = b.writeInt32BE(8 + ndigits * 2, this.pos);
    p = b.writeInt16BE(ndigits, p);
    p = b.writeInt16BE(ndigits ? weight : 0, p);
    p = b.writeUInt16BE(minus && ndigits ? 0x4000 : 0, p);
    p = b.writeInt16BE(fraction.length, p);
    for (let i = first; i < last; i++) p = b.writeInt16BE(digits[i], p);
    this.pos = p;
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
