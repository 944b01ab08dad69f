import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { RosterFileError, readCsv, readXlsx, type RosterRecord, type XlsxLimits } from './reader.js';
import { buildZip, workbookParts } from './zip-builder.spec-helper.js';

async function* chunks(data: Buffer, size = data.length || 1): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function collect(records: AsyncIterable<RosterRecord>): Promise<RosterRecord[]> {
  const out: RosterRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

async function failure(records: AsyncIterable<RosterRecord>): Promise<RosterFileError> {
  try {
    await collect(records);
  } catch (err) {
    if (err instanceof RosterFileError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

const rowsOf = (records: RosterRecord[]) => records.filter((r) => r.kind === 'row').map((r) => [r.rowNumber, r.cells]);

const HEADER_EN = 'supplier_code,name,herd_size';
const HEADER_ZH = '供应商编号,名称,存栏数';

describe('readCsv', () => {
  it('reads UTF-8 without a BOM, numbering rows as a spreadsheet does', async () => {
    const csv = `${HEADER_EN}\nS1,张三,12\nS2,李四,30\n`;
    expect(await collect(readCsv(chunks(Buffer.from(csv))))).toEqual([
      { kind: 'header', cells: ['supplier_code', 'name', 'herd_size'], rowNumber: 1 },
      { kind: 'row', cells: ['S1', '张三', '12'], rowNumber: 2 },
      { kind: 'row', cells: ['S2', '李四', '30'], rowNumber: 3 },
    ]);
  });

  it('reads UTF-8 with a BOM and CRLF line ends, leaving neither in the cells', async () => {
    const csv = `\uFEFF${HEADER_ZH}\r\nS1,张三,12\r\nS2,李四,30`;
    const records = await collect(readCsv(chunks(Buffer.from(csv))));
    expect(records[0]).toEqual({ kind: 'header', cells: ['供应商编号', '名称', '存栏数'], rowNumber: 1 });
    expect(rowsOf(records)).toEqual([
      [2, ['S1', '张三', '12']],
      [3, ['S2', '李四', '30']],
    ]);
  });

  it('detects GB18030 as Excel saves a Chinese CSV, even arriving a byte at a time', async () => {
    const csv = iconv.encode(`${HEADER_ZH}\r\nS1,王建国家庭牧场,12\r\nS2,额尔敦,30\r\n`, 'gb18030');
    const records = await collect(readCsv(chunks(csv, 1)));
    expect(records[0].cells).toEqual(['供应商编号', '名称', '存栏数']);
    expect(rowsOf(records)).toEqual([
      [2, ['S1', '王建国家庭牧场', '12']],
      [3, ['S2', '额尔敦', '30']],
    ]);
  });

  it('judges the encoding by the first Chinese text even when it comes after 64 KiB of ASCII', async () => {
    const filler = Array.from({ length: 4000 }, (_, i) => `S${i},Zhang San,${i}`).join('\n');
    const csv = iconv.encode(`${HEADER_EN}\n${filler}\nLAST,内蒙古牧业,7\n`, 'gb18030');
    expect(csv.length).toBeGreaterThan(64 * 1024);
    const records = await collect(readCsv(chunks(csv, 4096)));
    expect(records.at(-1)).toEqual({ kind: 'row', cells: ['LAST', '内蒙古牧业', '7'], rowNumber: 4002 });
  });

  it('keeps a UTF-8 character whole when it straddles the bytes the encoding is judged on', async () => {
    // 3-byte characters from byte 32 on: the judgement, at the first chunk end past 64 KiB (66,000), cuts one
    const long = '牧'.repeat(30000);
    const csv = Buffer.from(`${HEADER_EN}\nS1,${long},1\nS2,场,2\n`);
    expect((66000 - 32) % 3).not.toBe(0);
    const records = await collect(readCsv(chunks(csv, 1000)));
    expect(rowsOf(records)).toEqual([
      [2, ['S1', long, '1']],
      [3, ['S2', '场', '2']],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks as one row each', async () => {
    const csv =
      `${HEADER_EN}\r\n` +
      `S1,"Wang, Jianguo",10\r\n` +
      `S2,"the ""Big"" farm",20\r\n` +
      `S3,"line one\r\nline two\nline three",30\r\n` +
      `S4,after,40\r\n`;
    expect(rowsOf(await collect(readCsv(chunks(Buffer.from(csv)))))).toEqual([
      [2, ['S1', 'Wang, Jianguo', '10']],
      [3, ['S2', 'the "Big" farm', '20']],
      [4, ['S3', 'line one\r\nline two\nline three', '30']],
      [5, ['S4', 'after', '40']],
    ]);
  });

  it('parses quotes the same whatever chunk boundaries fall inside them', async () => {
    const tricky = `Q,"a ""b"", c\nd",""\r\n`;
    const plain = `P,plain,1\n`;
    const csv = Buffer.from(`${HEADER_EN}\n${plain.repeat(7000)}${tricky}${plain}${tricky}`);
    expect(csv.length).toBeGreaterThan(64 * 1024);
    for (const size of [1, 7, 4096]) {
      const rows = rowsOf(await collect(readCsv(chunks(csv, size))));
      expect(rows).toHaveLength(7003);
      expect(rows[7000]).toEqual([7002, ['Q', 'a "b", c\nd', '']]);
      expect(rows[7002]).toEqual([7004, ['Q', 'a "b", c\nd', '']]);
    }
  });

  it('splits random well-formed CSV exactly as csv-parse does, whatever the chunk size', async () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['a', '牧', ',', '"', '\n', '\r\n', ' '];
    const field = () => {
      let s = '';
      for (let n = Math.floor(random() * 6); n > 0; n--) s += pieces[Math.floor(random() * pieces.length)];
      return /[",\r\n]/.test(s) || random() < 0.1 ? `"${s.replaceAll('"', '""')}"` : s;
    };
    for (let file = 0; file < 150; file++) {
      const eol = random() < 0.5 ? '\n' : '\r\n';
      const lines = ['h1,h2,h3'];
      for (let n = 1 + Math.floor(random() * 20); n > 0; n--)
        lines.push(Array.from({ length: 1 + Math.floor(random() * 4) }, field).join(','));
      const text = lines.join(eol) + (random() < 0.5 ? eol : '');
      const expected = (parseCsv(text, { relax_column_count: true, record_delimiter: eol }) as string[][]).filter(
        (cells) => !cells.every((c) => c.trim() === ''),
      );
      for (const size of [1, 5, 4096]) {
        const records = await collect(readCsv(chunks(Buffer.from(text), size)));
        expect(records.map((r) => r.cells)).toEqual(expected);
      }
    }
  });

  it('reads lone CR line ends, as old Mac Excel wrote them', async () => {
    const csv = `${HEADER_EN}\rS1,a,1\rS2,"b\rc",2\r`;
    expect(rowsOf(await collect(readCsv(chunks(Buffer.from(csv)))))).toEqual([
      [2, ['S1', 'a', '1']],
      [3, ['S2', 'b\rc', '2']],
    ]);
  });

  it('skips blank lines and rows of empty cells but still counts them', async () => {
    const csv = `\n \n${HEADER_EN}\nS1,a,1\n\n,,\n , ,\nS2,b,2\n\n`;
    const records = await collect(readCsv(chunks(Buffer.from(csv))));
    expect(records[0]).toEqual({ kind: 'header', cells: ['supplier_code', 'name', 'herd_size'], rowNumber: 3 });
    expect(rowsOf(records)).toEqual([
      [4, ['S1', 'a', '1']],
      [8, ['S2', 'b', '2']],
    ]);
  });

  it('yields rows shorter or longer than the header as they are', async () => {
    const csv = `${HEADER_EN}\nS1,a\nS2,b,2,extra\n`;
    expect(rowsOf(await collect(readCsv(chunks(Buffer.from(csv)))))).toEqual([
      [2, ['S1', 'a']],
      [3, ['S2', 'b', '2', 'extra']],
    ]);
  });

  it('yields only the header of a header-only file', async () => {
    expect(await collect(readCsv(chunks(Buffer.from(`${HEADER_EN}\r\n`))))).toEqual([
      { kind: 'header', cells: ['supplier_code', 'name', 'herd_size'], rowNumber: 1 },
    ]);
  });

  it('yields the first rows before it has read the whole file', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${HEADER_EN}\n`);
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.from(`S${i},${'牧'.repeat(100)},${i}\n`);
      }
    }
    for await (const record of readCsv(source())) {
      if (record.kind === 'row') break;
    }
    expect(pulled).toBeLessThan(1000);
  });

  it.each([
    ['no bytes at all', Buffer.alloc(0)],
    ['only whitespace', Buffer.from(' \r\n\t\n  \n')],
    ['only a BOM', Buffer.from('\uFEFF')],
  ])('refuses an empty file (%s)', async (_, data) => {
    const err = await failure(readCsv(chunks(data)));
    expect(err.code).toBe('EMPTY_FILE');
  });

  it('refuses a file whose rows are all empty cells: it has no header', async () => {
    const err = await failure(readCsv(chunks(Buffer.from(',,,\r\n,,\r\n'))));
    expect(err.code).toBe('NO_HEADER');
  });

  it('refuses binary data', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const err = await failure(readCsv(chunks(junk, 512)));
    expect(err.code).toBe('NOT_TEXT');
    expect(err.message).toMatch(/not a CSV text file/);
  });

  it('refuses control characters hidden in otherwise valid text', async () => {
    const err = await failure(readCsv(chunks(Buffer.from(`${HEADER_EN}\nS1,a\u0000b,1\n`))));
    expect(err.code).toBe('NOT_TEXT');
  });

  it('refuses UTF-16 "Unicode text", naming it', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER_EN}\n`, 'utf16le')]);
    const err = await failure(readCsv(chunks(utf16)));
    expect(err.code).toBe('NOT_TEXT');
    expect(err.message).toMatch(/UTF-16/);
  });

  it('refuses a file with a UTF-8 BOM whose text is not UTF-8', async () => {
    const data = Buffer.concat([Buffer.from('\uFEFF' + HEADER_ZH + '\n'), iconv.encode('S1,王,1\n', 'gb18030')]);
    const err = await failure(readCsv(chunks(data)));
    expect(err.code).toBe('NOT_TEXT');
    expect(err.message).toMatch(/UTF-8/);
  });

  it('refuses a quote that is never closed, naming its row', async () => {
    const err = await failure(readCsv(chunks(Buffer.from(`${HEADER_EN}\nS1,a,1\nS2,"b,2\nS3,c,3\n`))));
    expect(err.code).toBe('MALFORMED_CSV');
    expect(err.message).toMatch(/Row 3/);
  });

  it('refuses an open quote before it has swallowed a huge file', async () => {
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${HEADER_EN}\nS1,"never closed`);
      for (let i = 0; i < 100; i++) yield Buffer.from('x'.repeat(64 * 1024));
      throw new Error('read too far');
    }
    const err = await failure(readCsv(source()));
    expect(err.code).toBe('MALFORMED_CSV');
    expect(err.message).toMatch(/Row 2 is longer/);
  });
});

// ---------------------------------------------------------------------------------------------------

async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip with its entries in the given order: exceljs writes its own in a fixed order. */
function zipOf(entries: [name: string, text: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>';
const SHARED_STRINGS =
  '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>supplier_code</t></si><si><t>herd_size</t></si></sst>';

/** A workbook laid out so that exceljs streams its sheet instead of spooling it to a temporary file. */
function streamedWorkbook(dataRows: number): Buffer {
  let rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
  for (let r = 2; r < dataRows + 2; r++)
    rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>S${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  return zipOf([
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
    ['xl/workbook.xml', WORKBOOK],
    ['xl/sharedStrings.xml', SHARED_STRINGS],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

describe('readXlsx', () => {
  afterAll(() => {
    // exceljs leaves the temporary file of a sheet spooled before the damage in a cut-off workbook
    // until the process exits, and jest workers do not exit that way
    for (const name of readdirSync(tmpdir())) if (name.startsWith(`tmp-${process.pid}-`)) rmSync(join(tmpdir(), name), { force: true });
  });

  it('reads the first worksheet with each cell as the type Excel stored', async () => {
    const expiry = new Date(Date.UTC(2026, 4, 1));
    const data = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Roster');
      ws.getRow(2).values = [
        'supplier_code',
        'name',
        'herd_size',
        'epidemic_cert_expiry',
        'id_number',
        'note',
        'flag',
        'formula',
        'link',
        'err',
      ];
      ws.getRow(3).values = [
        'S1',
        { richText: [{ text: '王' }, { font: { bold: true }, text: '建国' }] },
        120,
        expiry,
        '11010519491231002X',
        null,
        true,
        { formula: 'C3*2', result: 240 },
        { text: 'farm site', hyperlink: 'https://example.com' },
        { error: '#N/A' },
      ];
      ws.getCell('D3').numFmt = 'yyyy-mm-dd';
      ws.getRow(5).values = ['S2', '李四', 45.5];
      wb.addWorksheet('Notes').getRow(1).values = ['not', 'read'];
    });
    const records = await collect(readXlsx(Readable.from([data])));
    expect(records).toEqual([
      {
        kind: 'header',
        cells: ['supplier_code', 'name', 'herd_size', 'epidemic_cert_expiry', 'id_number', 'note', 'flag', 'formula', 'link', 'err'],
        rowNumber: 2,
      },
      { kind: 'row', cells: ['S1', '王建国', 120, expiry, '11010519491231002X', null, true, 240, 'farm site', null], rowNumber: 3 },
      { kind: 'row', cells: ['S2', '李四', 45.5], rowNumber: 5 },
    ]);
  });

  it('keeps a long number typed into a number cell as the number Excel kept', async () => {
    const data = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Roster');
      ws.addRow(['id_number']);
      // An identity number typed as a number: Excel keeps only its first 15 digits, as this does.
      // eslint-disable-next-line no-loss-of-precision
      ws.addRow([150102199001011234]);
    });
    const [, row] = await collect(readXlsx(chunks(data, 1000)));
    expect(typeof row.cells[0]).toBe('number');
  });

  it('streams a sheet laid out to be read as it arrives', async () => {
    const records = await collect(readXlsx(chunks(streamedWorkbook(500), 1000)));
    expect(records[0]).toEqual({ kind: 'header', cells: ['supplier_code', 'herd_size'], rowNumber: 1 });
    expect(records).toHaveLength(501);
    expect(records[500]).toEqual({ kind: 'row', cells: ['S501', 501], rowNumber: 501 });
  });

  it('yields only the header of a header-only sheet', async () => {
    const data = await workbookBuffer((wb) => wb.addWorksheet('Roster').addRow(['supplier_code', 'name']));
    expect(await collect(readXlsx(Readable.from([data])))).toEqual([{ kind: 'header', cells: ['supplier_code', 'name'], rowNumber: 1 }]);
  });

  it('refuses a workbook whose first worksheet is empty', async () => {
    const data = await workbookBuffer((wb) => {
      wb.addWorksheet('Empty');
      wb.addWorksheet('Roster').addRow(['supplier_code']);
    });
    expect((await failure(readXlsx(Readable.from([data])))).code).toBe('EMPTY_FILE');
  });

  it('refuses an empty file', async () => {
    expect((await failure(readXlsx(chunks(Buffer.alloc(0))))).code).toBe('EMPTY_FILE');
  });

  it('refuses random bytes', async () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    const err = await failure(readXlsx(chunks(junk, 1024)));
    expect(err.code).toBe('CORRUPT_XLSX');
    expect(err.message).toMatch(/not a readable Excel .xlsx workbook/);
  });

  it('refuses random bytes behind a zip signature', async () => {
    const junk = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256))]);
    expect((await failure(readXlsx(chunks(junk, 1024)))).code).toBe('CORRUPT_XLSX');
  });

  it('refuses an old .xls workbook, saying so', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await failure(readXlsx(chunks(xls)));
    expect(err.code).toBe('CORRUPT_XLSX');
    expect(err.message).toMatch(/\.xls/);
  });

  it.each([0.1, 0.5, 0.9, 0.99])('refuses a workbook cut off at %s of its length, without hanging', async (share) => {
    const data = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Roster');
      ws.addRow(['supplier_code', 'herd_size']);
      for (let i = 0; i < 2000; i++) ws.addRow([`S${i}`, i]);
    });
    const cut = data.subarray(0, Math.floor(data.length * share));
    expect((await failure(readXlsx(chunks(cut, 4096)))).code).toBe('CORRUPT_XLSX');
  });

  it('refuses a streamed sheet cut off in the middle, after the rows before the cut', async () => {
    const data = streamedWorkbook(20000);
    let rows = 0;
    let error: unknown = null;
    try {
      for await (const record of readXlsx(chunks(data.subarray(0, Math.floor(data.length * 0.6)), 1000))) {
        if (record.kind === 'row') rows++;
      }
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).code).toBe('CORRUPT_XLSX');
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(20000);
  });

  it('refuses a zip that is not a workbook', async () => {
    const data = zipOf([
      ['readme.txt', 'hello'],
      ['docs/roster.csv', 'supplier_code\nS1\n'],
    ]);
    expect((await failure(readXlsx(chunks(data)))).code).toBe('CORRUPT_XLSX');
  });

  it('refuses a workbook without any worksheet', async () => {
    const data = zipOf([
      ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
      ['xl/workbook.xml', WORKBOOK],
    ]);
    expect((await failure(readXlsx(chunks(data)))).code).toBe('NO_WORKSHEET');
  });

  it('passes on an error of the source itself rather than blaming the file', async () => {
    const data = await workbookBuffer((wb) => wb.addWorksheet('Roster').addRow(['supplier_code']));
    async function* source(): AsyncGenerator<Buffer> {
      yield data.subarray(0, 100);
      throw new Error('connection reset');
    }
    await expect(collect(readXlsx(source()))).rejects.toThrow('connection reset');
  });

  it('reads the rest of the source in the background when the caller stops early', async () => {
    const data = streamedWorkbook(20000);
    const source = Readable.from(Array.from({ length: Math.ceil(data.length / 1000) }, (_, i) => data.subarray(i * 1000, (i + 1) * 1000)));
    for await (const record of readXlsx(source)) {
      if (record.kind === 'header') break;
    }
    expect(source.readableEnded).toBe(false);
    for (let wait = 0; wait < 500 && !source.readableEnded; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.readableEnded).toBe(true);
  });
});

describe('readXlsx limits', () => {
  const MiB = 1024 * 1024;
  const limits = (overrides: Partial<XlsxLimits> = {}): XlsxLimits => ({
    maxInflatedBytes: 8 * MiB,
    maxRatio: 10_000,
    maxSharedStrings: 1000,
    ...overrides,
  });
  const sharedStrings = (n: number, text = (i: number) => `s${i}`) =>
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from({ length: n }, (_, i) => `<si><t>${text(i)}</t></si>`).join('')}</sst>`;

  afterAll(() => {
    for (const name of readdirSync(tmpdir())) if (name.startsWith(`tmp-${process.pid}-`)) rmSync(join(tmpdir(), name), { force: true });
  });

  it('reads an ordinary workbook within the limits', async () => {
    const data = buildZip(
      workbookParts(
        [
          ['supplier_code', 'name'],
          ['S1', '王五'],
        ],
        { sharedStrings: sharedStrings(3) },
      ),
    );
    expect(await collect(readXlsx(chunks(data, 1000), limits()))).toEqual([
      { kind: 'header', cells: ['supplier_code', 'name'], rowNumber: 1 },
      { kind: 'row', cells: ['S1', '王五'], rowNumber: 2 },
    ]);
  });

  it('counts the bytes really inflated: a part that hides its sizes is stopped at the limit, even one nobody reads', async () => {
    const hidden = { name: 'xl/media/padding.bin', repeat: { chunk: Buffer.alloc(MiB), times: 64 }, hideSizes: true };
    const data = buildZip([...workbookParts([['supplier_code'], ['S1']]), hidden]);
    const err = await failure(readXlsx(chunks(data, 64 * 1024), limits()));
    expect(err.code).toBe('FILE_TOO_COMPLEX');
    expect(err.message).toMatch(/more than 8 MiB/);
  });

  it('bounds a worksheet that comes before the shared strings, which exceljs copies to a temporary file', async () => {
    const parts = workbookParts([['supplier_code']], { sharedStrings: sharedStrings(1) });
    const sheet = parts.pop()!;
    const spooled = { name: sheet.name, repeat: { chunk: Buffer.alloc(MiB, 0x20), times: 64 }, hideSizes: true };
    const data = buildZip([...parts.slice(0, 4), spooled, parts[4]]);
    expect(data.length).toBeLessThan(MiB);
    expect((await failure(readXlsx(chunks(data, 64 * 1024), limits()))).code).toBe('FILE_TOO_COMPLEX');
  });

  it('stops a workbook that expands more than the ratio allows', async () => {
    const hidden = { name: 'xl/media/padding.bin', repeat: { chunk: Buffer.alloc(MiB), times: 6 }, hideSizes: true };
    const data = buildZip([...workbookParts([['supplier_code'], ['S1']]), hidden]);
    const err = await failure(readXlsx(chunks(data, 64 * 1024), limits({ maxRatio: 100 })));
    expect(err.code).toBe('FILE_TOO_COMPLEX');
    expect(err.message).toMatch(/more than 100 times/);
  });

  it('caps the number of shared strings', async () => {
    const fits = buildZip(workbookParts([['supplier_code']], { sharedStrings: sharedStrings(1000) }));
    expect(await collect(readXlsx(chunks(fits), limits()))).toHaveLength(1);
    const over = buildZip(workbookParts([['supplier_code']], { sharedStrings: sharedStrings(1001) }));
    const err = await failure(readXlsx(chunks(over), limits()));
    expect(err.code).toBe('FILE_TOO_COMPLEX');
    expect(err.message).toMatch(/more than 1,000 distinct texts/);
  });

  it('refuses a shared string longer than an Excel cell can hold', async () => {
    const data = buildZip(workbookParts([['supplier_code']], { sharedStrings: sharedStrings(2, (i) => (i ? 'x'.repeat(32_768) : 'ok')) }));
    const err = await failure(readXlsx(chunks(data), limits({ maxRatio: 100_000 })));
    expect(err.code).toBe('FILE_TOO_COMPLEX');
    expect(err.message).toMatch(/32,767/);
  });
});
