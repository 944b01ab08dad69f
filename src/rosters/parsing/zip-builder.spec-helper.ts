import zlib from 'node:zlib';

/**
 * Writes zip files by hand for the tests, honest or lying: large highly compressible entries, data
 * descriptors that hide the sizes, directories that declare other sizes than the data, zip64.
 */
export interface ZipEntrySpec {
  name: string;
  data?: Buffer | string;
  /** `head`, `times` copies of `chunk`, then `tail`: hundreds of MB of zeros take well under 1 MB. */
  repeat?: { chunk: Buffer | string; times: number; head?: string; tail?: string };
  stored?: boolean;
  /** Sizes 0 in the local header and the directory, the real ones in a data descriptor after the data. */
  hideSizes?: boolean;
  /** The uncompressed size the directory claims, instead of the real one. */
  declaredSize?: number;
}

interface Built {
  local: Buffer;
  dir: (offset: number, zip64: boolean) => Buffer;
}

/** The deflate stream's last block: empty, final (BFINAL=1, fixed Huffman, end of block). */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

function deflate(spec: ZipEntrySpec): { data: Buffer; size: number; crc: number } {
  if (spec.repeat) {
    // A full flush ends the chunk's blocks on a byte boundary with no reference to earlier data, so
    // the same compressed bytes repeated, then a final empty block, are a valid stream of the copies.
    const chunk = Buffer.from(spec.repeat.chunk);
    const head = Buffer.from(spec.repeat.head ?? '');
    const tail = Buffer.from(spec.repeat.tail ?? '');
    const flushed = (data: Buffer) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
    const block = flushed(chunk);
    let crc = zlib.crc32(head);
    for (let i = 0; i < spec.repeat.times; i++) crc = zlib.crc32(chunk, crc);
    crc = zlib.crc32(tail, crc);
    return {
      data: Buffer.concat([flushed(head), ...Array<Buffer>(spec.repeat.times).fill(block), flushed(tail), FINAL_EMPTY_BLOCK]),
      size: head.length + chunk.length * spec.repeat.times + tail.length,
      crc,
    };
  }
  const raw = Buffer.from(spec.data ?? '');
  return { data: spec.stored ? raw : zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) };
}

function entry(spec: ZipEntrySpec): Built {
  const name = Buffer.from(spec.name, 'utf8');
  const { data, size, crc } = deflate(spec);
  const method = spec.stored ? 0 : 8;
  const flags = 0x0800 | (spec.hideSizes ? 0x0008 : 0);
  const shownCrc = spec.hideSizes ? 0 : crc;
  const shownCompressed = spec.hideSizes ? 0 : data.length;
  const shownSize = spec.hideSizes ? 0 : size;

  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(shownCrc, 14);
  header.writeUInt32LE(shownCompressed, 18);
  header.writeUInt32LE(shownSize, 22);
  header.writeUInt16LE(name.length, 26);
  const parts = [header, name, data];
  if (spec.hideSizes) {
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(data.length, 8);
    descriptor.writeUInt32LE(size, 12);
    parts.push(descriptor);
  }
  const local = Buffer.concat(parts);

  const dir = (offset: number, zip64: boolean) => {
    const claimed = spec.declaredSize ?? shownSize;
    const d = Buffer.alloc(46);
    d.writeUInt32LE(0x02014b50, 0);
    d.writeUInt16LE(45, 4);
    d.writeUInt16LE(zip64 ? 45 : 20, 6);
    d.writeUInt16LE(flags, 8);
    d.writeUInt16LE(method, 10);
    d.writeUInt32LE(shownCrc, 16);
    d.writeUInt32LE(zip64 ? 0xffffffff : shownCompressed, 20);
    d.writeUInt32LE(zip64 ? 0xffffffff : claimed, 24);
    d.writeUInt16LE(name.length, 28);
    let extra = Buffer.alloc(0);
    if (zip64) {
      extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(claimed), 4);
      extra.writeBigUInt64LE(BigInt(shownCompressed), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      d.writeUInt32LE(0xffffffff, 42);
    } else {
      d.writeUInt32LE(offset, 42);
    }
    d.writeUInt16LE(extra.length, 30);
    return Buffer.concat([d, name, extra]);
  };
  return { local, dir };
}

export function buildZip(specs: ZipEntrySpec[], options: { zip64?: boolean } = {}): Buffer {
  const built = specs.map(entry);
  const locals: Buffer[] = [];
  const dirs: Buffer[] = [];
  let offset = 0;
  for (const b of built) {
    dirs.push(b.dir(offset, options.zip64 ?? false));
    locals.push(b.local);
    offset += b.local.length;
  }
  const directory = Buffer.concat(dirs);
  const directoryAt = offset;
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(specs.length), 24);
    record.writeBigUInt64LE(BigInt(specs.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryAt), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryAt + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : specs.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : specs.length, 10);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : directoryAt, 16);
  return Buffer.concat([...locals, directory, ...tail, eocd]);
}

/** The parts of a minimal workbook whose first sheet has these rows of inline strings. */
export function workbookParts(rows: string[][], options: { sharedStrings?: string } = {}): ZipEntrySpec[] {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetRows = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r + 1}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  const parts: ZipEntrySpec[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
  ];
  if (options.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: options.sharedStrings });
  parts.push({
    name: 'xl/worksheets/sheet1.xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
  return parts;
}
