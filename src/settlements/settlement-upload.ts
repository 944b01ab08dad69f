import busboy from 'busboy';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CommonErrors, DomainError } from '../common/errors.js';
import { BodyWatch, type BodyWatchLimits } from '../rosters/upload-limits.js';
import { SettlementErrors } from './settlements.errors.js';

export interface ReceivedFile {
  fileName: string;
  fileType: 'csv' | 'xlsx';
  size: number;
  sha256: string;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** By content first (renamed files are common), then by name, as rosters judge theirs. */
export function fileTypeOf(fileName: string, mimeType: string, head: Buffer): 'csv' | 'xlsx' | 'unsupported' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (head.subarray(0, 4).equals(OLE_MAGIC)) return 'unsupported';
  if (head.subarray(0, 4).equals(XLSX_MAGIC)) return ext === 'csv' || ext === 'xlsx' || !ext ? 'xlsx' : 'unsupported';
  if (ext === 'csv' || (!ext && /csv|text\/plain/.test(mimeType))) return 'csv';
  if (ext === 'xlsx' || (!ext && /spreadsheetml/.test(mimeType))) return 'xlsx';
  return 'unsupported';
}

/**
 * The multipart body's `file` part into the temporary file `target`, held to `maxBytes`, cut off if
 * the client stalls or crawls (rosters' BodyWatch). The caller removes `target` on every path.
 */
export function receiveSettlementFile(req: Request, maxBytes: number, target: string, limits: BodyWatchLimits): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 30 } });
    } catch {
      reject(new DomainError(SettlementErrors.SETTLEMENT_NOT_MULTIPART));
      return;
    }
    let stored: Promise<ReceivedFile> | undefined;
    let fileStream: Readable | undefined;
    let settled = false;
    const settle = (err: Error | null, file?: ReceivedFile) => {
      if (settled) return;
      settled = true;
      watch.stop();
      if (err) {
        req.unpipe(parser);
        fileStream?.destroy();
        reject(err);
      } else resolve(file!);
    };
    const watch = new BodyWatch(req, limits, () => {
      req.destroy();
      settle(new DomainError(SettlementErrors.SETTLEMENT_UPLOAD_TOO_SLOW));
    });
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored) {
        stream.resume();
        return;
      }
      fileStream = stream;
      stored = write(stream, target, info.filename ?? '', info.mimeType ?? '', maxBytes);
      stored.catch(() => stream.resume());
    });
    parser.on('error', () => settle(new DomainError(CommonErrors.MALFORMED_REQUEST, 'The multipart body is cut off or malformed')));
    parser.on('close', () => {
      if (!stored) settle(new DomainError(SettlementErrors.SETTLEMENT_FILE_MISSING));
      else
        stored.then(
          (file) => settle(null, file),
          (e: Error) => settle(e),
        );
    });
    req.on('close', () => {
      if (!req.complete) settle(new DomainError(SettlementErrors.SETTLEMENT_FILE_MISSING, 'The upload was interrupted'));
    });
    req.pipe(parser);
  });
}

async function write(
  stream: Readable & { truncated?: boolean },
  target: string,
  fileName: string,
  mimeType: string,
  maxBytes: number,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let size = 0;
  let type: 'csv' | 'xlsx' | 'unsupported' | undefined;
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  try {
    // not destroyed on an early exit: busboy would wait for ever for the file stream to be read
    for await (const data of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      if (type === undefined) {
        type = fileTypeOf(fileName, mimeType, data.subarray(0, 8));
        if (type === 'unsupported') {
          stream.resume();
          throw new DomainError(SettlementErrors.SETTLEMENT_UNSUPPORTED_TYPE, `${fileName || 'The file'} is not a .csv or .xlsx file`);
        }
      }
      size += data.length;
      hash.update(data);
      if (!out.write(data)) await once(out, 'drain');
    }
    if (stream.truncated)
      throw new DomainError(SettlementErrors.SETTLEMENT_FILE_TOO_LARGE, `The file is larger than the limit of ${maxBytes} bytes`, {
        limit: maxBytes,
      });
    if (size === 0) {
      if (fileTypeOf(fileName, mimeType, Buffer.alloc(0)) === 'unsupported')
        throw new DomainError(SettlementErrors.SETTLEMENT_UNSUPPORTED_TYPE);
      throw new DomainError(SettlementErrors.SETTLEMENT_EMPTY_FILE, `${fileName || 'The file'} has no content`);
    }
    out.end();
    await finished(out);
  } catch (e) {
    out.on('error', () => undefined).destroy();
    throw e;
  }
  return { fileName: fileName || `settlement.${type}`, fileType: type as 'csv' | 'xlsx', size, sha256: hash.digest('hex') };
}
