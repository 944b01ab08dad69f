import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { DataSource, QueryRunner } from 'typeorm';
import type { RosterLimits } from '../../config/app-config.js';
import { BinaryCopyWriter, byteaColumn, discardConnection } from '../../database/copy.js';
import { fileTooComplex, readCsv, type RosterRecord, type XlsxLimits } from '../parsing/reader.js';
import { readXlsxInWorker } from '../parsing/xlsx-in-worker.js';
import { inspectZipFile } from '../parsing/zip-guard.js';
import type { RosterTempFiles } from '../temp-files.js';

const DECODE_PIECE_BYTES = 64 * 1024;

/** Where uploads are stored in chunks (seq, chunk), keyed by their owner's id. */
export interface StoredFileTable {
  table: string;
  key: string;
}

export const ROSTER_FILES: StoredFileTable = { table: 'roster_import_files', key: 'import_id' };

const STORE_CHUNK_BYTES = 1024 * 1024;

/**
 * Write: a received upload into its table in 1 MiB chunks, in the caller's transaction; read from
 * local disk, it never waits on the client.
 */
export async function storeUpload(
  runner: QueryRunner,
  files: StoredFileTable,
  owner: { id: string; coreEnterpriseId: string },
  file: string,
): Promise<void> {
  const copy = new BinaryCopyWriter(
    runner,
    `COPY ${files.table} (${files.key}, core_enterprise_id, seq, chunk) FROM STDIN (FORMAT binary)`,
  );
  try {
    let seq = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: STORE_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      await copy.row([{ uuid: owner.id }, { uuid: owner.coreEnterpriseId }, { int4: seq++ }, chunk]);
    }
    await copy.end();
  } catch (e) {
    copy.abort();
    throw e;
  }
}

/**
 * Read: the records of a stored upload, streamed, never all in memory. Rosters' own, and any other
 * upload kept the same way (settlement files) with the same reader and the same limits.
 */
export class StoredRosterReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tempFiles: RosterTempFiles,
    private readonly limits: RosterLimits,
    private readonly files: StoredFileTable = ROSTER_FILES,
  ) {}

  /** CSV is read here (a row is at most MAX_ROW_CHARS); an .xlsx in a worker thread with its own memory limit. */
  records(importId: string, fileType: 'csv' | 'xlsx'): AsyncIterable<RosterRecord> {
    return fileType === 'csv' ? readCsv(this.fileChunks(importId)) : this.xlsxRecords(importId);
  }

  /** The stored upload, chunk by chunk, on a connection of its own. */
  private async *fileChunks(importId: string): AsyncGenerator<Buffer> {
    if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new Error('bad import id');
    const reader = this.dataSource.createQueryRunner();
    await reader.connect();
    let complete = false;
    try {
      // Decoded text is read row by row while the rows are validated; in small pieces it is garbage
      // before the next young-generation collection instead of being promoted.
      const { table, key } = this.files;
      for await (const chunk of byteaColumn(reader, `SELECT chunk FROM ${table} WHERE ${key} = '${importId}' ORDER BY seq`)) {
        for (let at = 0; at < chunk.length; at += DECODE_PIECE_BYTES) yield chunk.subarray(at, at + DECODE_PIECE_BYTES);
      }
      complete = true;
    } finally {
      // A reader stopped early (the file failed on its header) leaves the rest of the COPY unread on
      // its connection; back in the pool, that connection would hang the next query run on it.
      if (complete) await reader.release();
      else await discardConnection(reader);
    }
  }

  /**
   * The rows of a stored .xlsx: copied to a private temporary file, its zip directory checked, then
   * read by a worker thread, so that a workbook built to exhaust memory ends the worker, not the service.
   */
  private async *xlsxRecords(importId: string): AsyncGenerator<RosterRecord> {
    const dir = await this.tempFiles.directory('import');
    try {
      const file = path.join(dir, 'roster.xlsx');
      const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
      try {
        for await (const chunk of this.fileChunks(importId)) if (!out.write(chunk)) await once(out, 'drain');
        out.end();
        await finished(out);
      } catch (e) {
        // a write still in flight fails on the destroyed stream: nobody is waiting for it any more
        out.on('error', () => undefined).destroy();
        throw e;
      }
      const { maxInflatedBytes, maxInflateRatio, maxSharedStrings, parserMemoryMb } = this.limits;
      const limits: XlsxLimits = { maxInflatedBytes, maxRatio: maxInflateRatio, maxSharedStrings };
      const verdict = await inspectZipFile(file, limits);
      if (!verdict.ok && verdict.tooComplex) throw fileTooComplex(verdict.message);
      yield* readXlsxInWorker(file, { limits, memoryMb: parserMemoryMb, spoolDir: dir });
    } finally {
      await this.tempFiles.remove(dir);
    }
  }
}
