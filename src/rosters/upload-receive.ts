import busboy from 'busboy';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CommonErrors, DomainError, type ErrorDef } from '../common/errors.js';
import { BodyWatch, type BodyWatchLimits } from './upload-limits.js';

export interface ReceivedFile {
  fileName: string;
  fileType: 'csv' | 'xlsx';
  size: number;
  sha256: string;
  /** The form's text fields, by name (the roster's `role`). */
  fields: Record<string, string>;
}

/** The problems an upload can end in, as the feature receiving it names them (rosters, settlements). */
export interface UploadProblems {
  notMultipart: ErrorDef;
  missing: ErrorDef;
  unsupported: ErrorDef;
  /** What the unsupported-type problem says of a named file. */
  unsupportedDetail: (fileName: string) => string;
  tooLarge: ErrorDef;
  empty: ErrorDef;
  tooSlow: ErrorDef;
  /** The name a nameless upload gets, before its extension: "roster", "settlement". */
  defaultName: string;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
// multipart text fields: none is expected, so a tiny cap stops a body that hides data in them
const MAX_FIELD_BYTES = 4 * 1024;

/**
 * What the bytes are, by their content first (renamed files are common), then by name or MIME type.
 * An old binary .xls (OLE) is refused: it is neither of the two formats read.
 */
export function fileTypeOf(fileName: string, mimeType: string, head: Buffer): 'csv' | 'xlsx' | 'unsupported' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (head.subarray(0, 4).equals(OLE_MAGIC)) return 'unsupported';
  if (head.subarray(0, 4).equals(XLSX_MAGIC)) return ext === 'csv' || ext === 'xlsx' || !ext ? 'xlsx' : 'unsupported';
  if (ext === 'csv' || (!ext && /csv|text\/plain/.test(mimeType))) return 'csv';
  if (ext === 'xlsx' || (!ext && /spreadsheetml/.test(mimeType))) return 'xlsx';
  return 'unsupported';
}

/**
 * The multipart body's `file` part into the temporary file `target`, held to `maxBytes`. A client
 * that stalls, crawls or hangs up is cut off (its socket destroyed) and the upload fails; `onCut`
 * hears why (for the log). The caller removes `target` on every path.
 */
export function receiveUpload(
  req: Request,
  maxBytes: number,
  target: string,
  limits: BodyWatchLimits,
  problems: UploadProblems,
  onCut: (reason: 'idle' | 'slow') => void = () => undefined,
): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // defParamCharset: browsers and HTTP clients send the file name as raw UTF-8 (a Chinese name
      // such as 花名册.xlsx); busboy's default would read those bytes as Latin-1 and garble it.
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 30, fieldSize: MAX_FIELD_BYTES },
      });
    } catch {
      reject(new DomainError(problems.notMultipart));
      return;
    }
    let fileStream: Readable | undefined;
    let stored: Promise<ReceivedFile> | undefined;
    let settled = false;
    const fields: Record<string, string> = {};
    const settle = (err: Error | null, file?: ReceivedFile) => {
      if (settled) return;
      settled = true;
      watch.stop();
      if (err) {
        // nothing more is read: the partial file's stream is ended so that its descriptor closes
        req.unpipe(parser);
        fileStream?.destroy();
        reject(err);
      } else {
        resolve(file!);
      }
    };
    const watch = new BodyWatch(req, limits, (reason) => {
      onCut(reason);
      req.destroy();
      settle(
        new DomainError(
          problems.tooSlow,
          reason === 'idle'
            ? `Nothing arrived for ${Math.round(limits.idleMs / 1000)} seconds`
            : `The upload came in slower than ${limits.minBytesPerSecond} bytes per second`,
        ),
      );
    });
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored) {
        stream.resume();
        return;
      }
      fileStream = stream;
      stored = write(stream, target, info.filename ?? '', info.mimeType ?? '', maxBytes, problems);
      // keep reading the rest of the request even if writing fails, then report the failure
      stored.catch(() => stream.resume());
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('error', () => settle(new DomainError(CommonErrors.MALFORMED_REQUEST, 'The multipart body is cut off or malformed')));
    parser.on('close', () => {
      if (!stored) settle(new DomainError(problems.missing));
      else
        stored.then(
          (file) => settle(null, { ...file, fields }),
          (e: Error) => settle(e),
        );
    });
    req.on('close', () => {
      if (!req.complete) settle(new DomainError(problems.missing, 'The upload was interrupted'));
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
  problems: UploadProblems,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let size = 0;
  let type: 'csv' | 'xlsx' | 'unsupported' | undefined;
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  try {
    // Leaving the loop early (unsupported type) must not destroy the file stream: busboy would then
    // wait forever for it to read on, never finish the request and never answer. Left alive, it is
    // drained by the resume() calls and busboy reaches the end of the body.
    for await (const data of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      if (type === undefined) {
        type = fileTypeOf(fileName, mimeType, data.subarray(0, 8));
        if (type === 'unsupported') {
          stream.resume();
          throw new DomainError(problems.unsupported, problems.unsupportedDetail(fileName || 'The file'));
        }
      }
      size += data.length;
      hash.update(data);
      if (!out.write(data)) await once(out, 'drain');
    }
    if (stream.truncated)
      throw new DomainError(problems.tooLarge, `The file is larger than the limit of ${maxBytes} bytes`, { limit: maxBytes });
    if (size === 0) {
      if (fileTypeOf(fileName, mimeType, Buffer.alloc(0)) === 'unsupported') throw new DomainError(problems.unsupported);
      throw new DomainError(problems.empty, `${fileName || 'The file'} has no content`);
    }
    out.end();
    await finished(out);
  } catch (e) {
    // a write still in flight fails on the destroyed stream: nobody is waiting for it any more
    out.on('error', () => undefined).destroy();
    throw e;
  }
  return {
    fileName: fileName || `${problems.defaultName}.${type}`,
    fileType: type as 'csv' | 'xlsx',
    size,
    sha256: hash.digest('hex'),
    fields: {},
  };
}
