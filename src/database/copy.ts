import { once } from 'node:events';
import type { PoolClient } from 'pg';
import pgCopy from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER, BinaryRows } from './copy-binary.js';

/**
 * COPY ... FROM STDIN on a query runner's connection (and so inside its transaction): the fastest way
 * to put many rows into PostgreSQL. Values are written in COPY's text format.
 */
export type CopyValue = string | number | boolean | null;

export function copyValue(v: CopyValue): string {
  if (v === null) return '\\N';
  const s = typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** One COPY text line. join() makes a flat string, so it keeps no slice of a larger text alive. */
export function copyRow(values: CopyValue[]): string {
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = copyValue(values[i]);
  return cells.join('\t') + '\n';
}

/** A PostgreSQL text[] literal, every element quoted. */
export function textArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export function connectionOf(runner: QueryRunner): PoolClient {
  const client = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
  if (!client) throw new Error('the query runner is not connected');
  return client;
}

/**
 * Gives a query runner's connection back to the pool to be closed rather than reused: for one left
 * in the middle of a COPY, whose next query would wait for ever behind the unread rest.
 */
export async function discardConnection(runner: QueryRunner): Promise<void> {
  const postgres = runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> };
  await postgres.releasePostgresConnection(new Error('connection discarded in the middle of a COPY'));
}

/** Lines are gathered into blocks of about this size: one socket write per block, not per row. */
const BLOCK_CHARS = 64 * 1024;

export class CopyWriter {
  private readonly stream: ReturnType<typeof pgCopy.from>;
  private readonly finished: Promise<unknown>;
  private error: Error | undefined;
  private block = '';

  constructor(runner: QueryRunner, statement: string) {
    this.stream = connectionOf(runner).query(pgCopy.from(statement));
    this.finished = once(this.stream, 'finish');
    // surfaced by write()/end(), not as an unhandled 'error' event
    this.stream.on('error', (e: Error) => (this.error = e));
  }

  async write(line: string): Promise<void> {
    this.block += line;
    if (this.block.length >= BLOCK_CHARS) await this.flush();
  }

  /** Data already in COPY text format, as UTF-8 bytes. */
  async writeBytes(data: Buffer): Promise<void> {
    await this.flush();
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  private async flush(): Promise<void> {
    if (this.error) throw this.error;
    const block = this.block;
    this.block = '';
    if (block && !this.stream.write(block)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.finished;
    if (this.error) throw this.error;
  }

  /**
   * Hands the rest of the data over at once, without waiting for the socket to drain, and answers when
   * PostgreSQL has taken it all: the caller's next work overlaps the server's (the text stays in
   * memory until then).
   */
  async endWith(text: string): Promise<void> {
    if (this.error) throw this.error;
    this.stream.end(this.block + text);
    this.block = '';
    await this.finished;
    if (this.error) throw this.error;
  }

  abort(): void {
    this.stream.destroy();
  }
}

/**
 * COPY ... FROM STDIN (FORMAT binary): row() for rows of uuid, int4 and bytea values (large byte
 * strings go to PostgreSQL as they are, not as hex text twice their size); or any rows encoded into
 * `encoded` and streamed by send() (the ledger's lines).
 */
export class BinaryCopyWriter {
  private readonly stream: ReturnType<typeof pgCopy.from>;
  private readonly finished: Promise<unknown>;
  /** Rows encoded here are sent by send(), or by end(). */
  readonly encoded = new BinaryRows();
  private error: Error | undefined;

  constructor(runner: QueryRunner, statement: string) {
    this.stream = connectionOf(runner).query(pgCopy.from(statement));
    this.finished = once(this.stream, 'finish');
    this.stream.on('error', (e: Error) => (this.error = e));
    this.stream.write(BINARY_COPY_HEADER);
  }

  async row(values: ({ uuid: string } | { int4: number } | Buffer)[]): Promise<void> {
    if (this.error) throw this.error;
    const encoded = this.encoded;
    encoded.row(values.length);
    for (const v of values) {
      if (Buffer.isBuffer(v)) encoded.bytea(v);
      else if ('uuid' in v) encoded.uuid(v.uuid);
      else encoded.int4(v.int4);
    }
    await this.write(encoded.take());
  }

  /** Sends the blocks `encoded` has filled: call it between rows, so that a large COPY streams. */
  async send(): Promise<void> {
    if (this.error) throw this.error;
    await this.write(this.encoded.takeFilled());
  }

  async end(): Promise<void> {
    await this.write(this.encoded.take());
    this.stream.end(BINARY_COPY_TRAILER);
    await this.finished;
    if (this.error) throw this.error;
  }

  private async write(blocks: Buffer[]): Promise<void> {
    for (const block of blocks) if (!this.stream.write(block)) await once(this.stream, 'drain');
  }

  abort(): void {
    this.stream.destroy();
  }
}

/**
 * The bytea values of a one-column COPY ... TO STDOUT (FORMAT binary), as they stream in. pg decodes
 * ordinary result fields as UTF-8 text even in binary mode, which garbles raw bytes; COPY does not.
 */
export async function* byteaColumn(runner: QueryRunner, select: string): AsyncGenerator<Buffer> {
  const stream = connectionOf(runner).query(pgCopy.to(`COPY (${select}) TO STDOUT (FORMAT binary)`));
  // A reader that stops early closes the connection (discardConnection), and pg then reports the
  // interrupted COPY on this stream, which nobody listens to any more.
  stream.on('error', () => undefined);
  // Incoming pieces are kept as a list and joined once per complete value, not on every piece.
  let parts: Buffer[] = [];
  let length = 0;
  let need = 19; // the header first
  let headerRead = false;
  const take = (n: number): Buffer => {
    const all = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
    parts = all.length > n ? [all.subarray(n)] : [];
    length = all.length - n;
    return all.subarray(0, n);
  };
  for await (const data of stream as AsyncIterable<Buffer>) {
    parts.push(data);
    length += data.length;
    while (length >= need) {
      if (!headerRead) {
        const head = take(19);
        if (!head.subarray(0, 11).equals(BINARY_COPY_HEADER.subarray(0, 11))) throw new Error('not a binary COPY stream');
        take(head.readInt32BE(15));
        headerRead = true;
        need = 2;
        continue;
      }
      const peek = take(Math.min(length, 6));
      const fields = peek.readInt16BE(0);
      if (fields === -1) return;
      if (peek.length < 6) {
        parts.unshift(peek);
        length += peek.length;
        need = 6;
        break;
      }
      const len = peek.readInt32BE(2);
      if (length < len) {
        parts.unshift(peek);
        length += peek.length;
        need = 6 + len;
        break;
      }
      yield take(len);
      need = 2;
    }
  }
}
