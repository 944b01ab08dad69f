/**
 * Guards against zip bombs for .xlsx rosters (an .xlsx is a zip of XML parts).
 *
 * - inspectZipDirectory() reads the zip's own table of contents (end-of-central-directory record and
 *   central directory, zip64 included) without inflating anything: entry count, declared sizes and
 *   each entry's compression ratio. Cheap, so it runs on every upload.
 * - InflateBudget counts the bytes actually inflated while the workbook is read, since the sizes a zip
 *   declares can lie (data descriptors, local headers that disagree with the directory).
 */
import { open } from 'node:fs/promises';

export interface ZipLimits {
  /** Most bytes the whole workbook may inflate to. */
  maxInflatedBytes: number;
  /** Most an entry (or the workbook, as it is read) may expand relative to its compressed bytes. */
  maxRatio: number;
}

/** A roster workbook has a dozen parts; thousands of entries are a way to make work, not a roster. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Below this many inflated bytes nothing is a bomb, whatever its ratio (an empty sheet compresses 50:1). */
export const RATIO_GRACE_BYTES = 1024 * 1024;
/** A directory larger than this describes far more than MAX_ZIP_ENTRIES entries of sane names. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_BYTES = 56;
const DIRECTORY_ENTRY_SIGNATURE = 0x02014b50;
const DIRECTORY_ENTRY_BYTES = 46;
const ZIP64_EXTRA_ID = 0x0001;

export type ZipVerdict =
  | { ok: true; entries: number; declaredBytes: number }
  /** Not a zip whose directory can be read: the import reports it as a damaged workbook. */
  | { ok: false; tooComplex: false; message: string }
  | { ok: false; tooComplex: true; message: string };

export type ReadAt = (position: number, length: number) => Promise<Buffer>;

const MiB = 1024 * 1024;
const mib = (n: number) => `${Math.ceil(n / MiB).toLocaleString('en')} MiB`;

function unreadable(message: string): ZipVerdict {
  return { ok: false, tooComplex: false, message };
}

function tooComplex(message: string): ZipVerdict {
  return { ok: false, tooComplex: true, message };
}

function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
}

/** Finds the end-of-central-directory record: the last signature whose comment ends the file. */
function findEocd(tail: Buffer): number {
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_BYTES + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}

/**
 * Reads the directory of a zip of `size` bytes through `read` and judges it against `limits`. Reads
 * at most 64 KiB of tail and the directory itself (bounded), never an entry's data.
 */
export async function inspectZipDirectory(read: ReadAt, size: number, limits: ZipLimits): Promise<ZipVerdict> {
  const tailStart = Math.max(0, size - EOCD_BYTES - MAX_COMMENT_BYTES);
  const tail = await read(tailStart, size - tailStart);
  const at = findEocd(tail);
  if (at === -1) return unreadable('no end of central directory');
  let entries = tail.readUInt16LE(at + 10);
  let directoryBytes = tail.readUInt32LE(at + 12);
  let directoryAt = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) return unreadable('a zip split over several disks');

  if (entries === 0xffff || directoryBytes === 0xffffffff || directoryAt === 0xffffffff) {
    const locatorAt = tailStart + at - ZIP64_LOCATOR_BYTES;
    if (locatorAt < 0) return unreadable('zip64 locator missing');
    const locator = await read(locatorAt, ZIP64_LOCATOR_BYTES);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) return unreadable('zip64 locator missing');
    const recordAt = u64(locator, 8);
    if (recordAt + ZIP64_EOCD_BYTES > locatorAt) return unreadable('zip64 record out of place');
    const record = await read(recordAt, ZIP64_EOCD_BYTES);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) return unreadable('zip64 record missing');
    entries = u64(record, 32);
    directoryBytes = u64(record, 40);
    directoryAt = u64(record, 48);
  }

  if (entries > MAX_ZIP_ENTRIES)
    return tooComplex(`The workbook has ${entries.toLocaleString('en')} parts; at most ${MAX_ZIP_ENTRIES.toLocaleString('en')} are read.`);
  if (directoryBytes > MAX_DIRECTORY_BYTES) return tooComplex(`The workbook's table of contents is ${mib(directoryBytes)}.`);
  if (directoryAt + directoryBytes > size) return unreadable('the directory lies outside the file');

  const directory = await read(directoryAt, directoryBytes);
  let declaredBytes = 0;
  let pos = 0;
  for (let n = 0; n < entries; n++) {
    if (pos + DIRECTORY_ENTRY_BYTES > directory.length || directory.readUInt32LE(pos) !== DIRECTORY_ENTRY_SIGNATURE) {
      return unreadable('the directory is shorter than it says');
    }
    let compressed = directory.readUInt32LE(pos + 20);
    let uncompressed = directory.readUInt32LE(pos + 24);
    const nameBytes = directory.readUInt16LE(pos + 28);
    const extraBytes = directory.readUInt16LE(pos + 30);
    const commentBytes = directory.readUInt16LE(pos + 32);
    const next = pos + DIRECTORY_ENTRY_BYTES + nameBytes + extraBytes + commentBytes;
    if (next > directory.length) return unreadable('the directory is shorter than it says');
    const name = directory.toString('utf8', pos + DIRECTORY_ENTRY_BYTES, pos + DIRECTORY_ENTRY_BYTES + nameBytes);
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
      const sizes = zip64Sizes(
        directory.subarray(pos + DIRECTORY_ENTRY_BYTES + nameBytes, pos + DIRECTORY_ENTRY_BYTES + nameBytes + extraBytes),
        uncompressed,
        compressed,
      );
      if (!sizes) return unreadable(`${name}: zip64 sizes missing`);
      ({ uncompressed, compressed } = sizes);
    }
    declaredBytes += uncompressed;
    if (declaredBytes > limits.maxInflatedBytes) {
      return tooComplex(`The workbook expands to more than ${mib(limits.maxInflatedBytes)}, the most a roster may take.`);
    }
    if (uncompressed > RATIO_GRACE_BYTES && uncompressed > limits.maxRatio * Math.max(compressed, 1)) {
      return tooComplex(
        `The part ${name} expands ${Math.round(uncompressed / Math.max(compressed, 1)).toLocaleString('en')} times; a roster expands at most ${limits.maxRatio} times.`,
      );
    }
    pos = next;
  }
  return { ok: true, entries, declaredBytes };
}

/** inspectZipDirectory() of a file on disk. */
export async function inspectZipFile(file: string, limits: ZipLimits): Promise<ZipVerdict> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const read: ReadAt = async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    return await inspectZipDirectory(read, size, limits);
  } finally {
    await handle.close();
  }
}

/** The 64-bit sizes of a zip64 extra field, present only for the fields whose 32-bit value is all ones. */
function zip64Sizes(extra: Buffer, uncompressed: number, compressed: number): { uncompressed: number; compressed: number } | null {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === ZIP64_EXTRA_ID) {
      const field = extra.subarray(p + 4, p + 4 + length);
      let q = 0;
      const next = (): number | null => {
        if (q + 8 > field.length) return null;
        const v = u64(field, q);
        q += 8;
        return v;
      };
      const u = uncompressed === 0xffffffff ? next() : uncompressed;
      const c = compressed === 0xffffffff ? next() : compressed;
      return u === null || c === null ? null : { uncompressed: u, compressed: c };
    }
    p += 4 + length;
  }
  return null;
}

/**
 * Counts what a workbook really inflates to while it is read, and its entries. Each method answers
 * the problem when a limit is crossed, or null.
 */
export class InflateBudget {
  private inflated = 0;
  private compressed = 0;
  private entries = 0;

  constructor(private readonly limits: ZipLimits) {}

  /** Bytes of the zip file read so far. */
  read(bytes: number): void {
    this.compressed += bytes;
  }

  entry(): string | null {
    return ++this.entries > MAX_ZIP_ENTRIES ? `The workbook has more than ${MAX_ZIP_ENTRIES.toLocaleString('en')} parts.` : null;
  }

  inflate(bytes: number): string | null {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes) {
      return `The workbook expands to more than ${mib(this.limits.maxInflatedBytes)}, the most a roster may take.`;
    }
    // judged against the bytes read ahead of the inflater, so never more than the true ratio
    if (this.inflated > RATIO_GRACE_BYTES && this.inflated > this.limits.maxRatio * this.compressed) {
      return `The workbook expands more than ${this.limits.maxRatio} times its size.`;
    }
    return null;
  }
}
