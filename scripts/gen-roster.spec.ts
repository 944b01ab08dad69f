import { Readable, Writable } from 'node:stream';
import { mapHeaders, type RosterColumn } from '../src/rosters/parsing/columns.js';
import { readCsv, readXlsx, type Cell, type RosterRecord } from '../src/rosters/parsing/reader.js';
import { RosterRowValidator } from '../src/rosters/parsing/validate-row.js';
import { DEFAULT_OPTIONS, generateRoster, rosterRows, type Defect, type RosterOptions } from '../src/rosters/testing/roster-generator.js';
import { USAGE, main, parseArgs } from './gen-roster.js';

class Collector extends Writable {
  private parts: Buffer[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.parts.push(Buffer.from(chunk));
    callback();
  }

  get bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

async function generate(options: Partial<RosterOptions>): Promise<{ file: Buffer; truth: string[] }> {
  const file = new Collector();
  const truth = new Collector();
  await generateRoster({ ...DEFAULT_OPTIONS, ...options }, file, truth);
  return { file: file.bytes, truth: truth.bytes.toString('utf8').trim().split('\n') };
}

interface Outcome {
  rowNumber: number;
  cells: Partial<Record<RosterColumn, Cell>>;
  codes: string[] | null;
}

/** Reads a generated roster back and validates it as an import would. */
async function importOutcome(records: AsyncIterable<RosterRecord>, asOf: string): Promise<{ header: string[]; rows: Outcome[] }> {
  const validator = new RosterRowValidator(asOf);
  let header: string[] = [];
  let columns: (RosterColumn | null)[] = [];
  const rows: Outcome[] = [];
  for await (const record of records) {
    if (record.kind === 'header') {
      header = record.cells;
      const mapping = mapHeaders(record.cells);
      expect(mapping).toMatchObject({ unknown: [], missing: [], duplicated: [] });
      columns = mapping.columns;
      continue;
    }
    const cells: Partial<Record<RosterColumn, Cell>> = {};
    columns.forEach((column, i) => {
      if (column) cells[column] = record.cells[i] ?? null;
    });
    const result = validator.validate(record.rowNumber, cells);
    rows.push({ rowNumber: record.rowNumber, cells, codes: result.ok ? null : result.problems.map((p) => p.code) });
  }
  return { header, rows };
}

const EXPECTED_CODES: Record<Defect, string[]> = {
  bad_id_checksum: ['ID_NUMBER_CHECKSUM', 'USCC_CHECKSUM'],
  bad_phone: ['PHONE_FORMAT'],
  bad_bank_account: ['BANK_CARD_CHECKSUM', 'BANK_ACCOUNT_FORMAT'],
  missing_name: ['REQUIRED'],
  negative_herd: ['OUT_OF_RANGE'],
  non_numeric_herd: ['NOT_AN_INTEGER'],
  bad_date: ['DATE_INVALID'],
  duplicate_supplier_code: ['DUPLICATE_SUPPLIER_CODE'],
  unknown_supplier_type: ['SUPPLIER_TYPE_UNKNOWN'],
  bad_id_length: ['ID_NUMBER_FORMAT', 'USCC_FORMAT'],
};

describe('rosterRows', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const take = (seed: number) => [...rosterRows({ rows: 50, seed, errorRate: 0.3, asOf: '2026-06-30' })];
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
  });

  it('carries defects in about the share asked for, of every kind', () => {
    const rows = [...rosterRows({ rows: 5000, seed: 3, errorRate: 0.1, asOf: '2026-06-30' })];
    const defects = rows.filter((r) => r.defect !== null);
    expect(defects.length).toBeGreaterThan(400);
    expect(defects.length).toBeLessThan(600);
    expect(new Set(defects.map((r) => r.defect))).toEqual(new Set(Object.keys(EXPECTED_CODES)));
  });

  it('writes settlements as exact money strings', () => {
    for (const { values } of rosterRows({ rows: 200, seed: 5, errorRate: 0, asOf: '2026-06-30' })) {
      expect(values.avg_monthly_settlement).toMatch(/^[1-9]\d*\.\d{2}$/);
    }
  });
});

describe('generateRoster', () => {
  it('writes a CSV whose clean rows all import and whose defective rows are refused for their defect', async () => {
    const { file, truth } = await generate({ rows: 3000, seed: 11, errorRate: 0.2, headers: 'zh' });
    const { header, rows } = await importOutcome(readCsv(Readable.from([file])), DEFAULT_OPTIONS.asOf);
    expect(header[0]).toBe('供应商编号');
    expect(rows).toHaveLength(3000);
    const lines = truth.map((line) => JSON.parse(line) as { row: number; supplier_code: string; defect: Defect | null });
    expect(lines).toHaveLength(3000);
    rows.forEach((outcome, i) => {
      const { row, supplier_code, defect } = lines[i];
      expect(outcome.rowNumber).toBe(row + 1);
      expect(outcome.cells.supplier_code).toBe(supplier_code);
      if (defect === null) expect(outcome.codes).toBeNull();
      else {
        expect(outcome.codes).toHaveLength(1);
        expect(EXPECTED_CODES[defect]).toContain(outcome.codes![0]);
      }
    });
  });

  it('writes the same rows in every encoding, with English or Chinese headers', async () => {
    const options = { rows: 300, seed: 2, errorRate: 0.1 };
    const utf8 = await generate({ ...options, headers: 'en' });
    const bom = await generate({ ...options, headers: 'zh', encoding: 'utf8-bom' });
    const gb = await generate({ ...options, headers: 'zh', encoding: 'gb18030' });
    expect([...bom.file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(gb.file.includes(Buffer.from('供应商编号'))).toBe(false);
    const read = async (file: Buffer) => (await importOutcome(readCsv(Readable.from([file])), DEFAULT_OPTIONS.asOf)).rows;
    const expected = await read(utf8.file);
    expect(await read(bom.file)).toEqual(expected);
    expect(await read(gb.file)).toEqual(expected);
    expect(gb.truth).toEqual(utf8.truth);
  });

  it('writes an xlsx with identifiers as text, counts as numbers and the expiry as a date cell', async () => {
    const options = { rows: 400, seed: 4, errorRate: 0.1 };
    const xlsx = await generate({ ...options, format: 'xlsx' });
    const csv = await generate(options);
    const fromXlsx = (await importOutcome(readXlsx(Readable.from([xlsx.file])), DEFAULT_OPTIONS.asOf)).rows;
    const fromCsv = (await importOutcome(readCsv(Readable.from([csv.file])), DEFAULT_OPTIONS.asOf)).rows;
    expect(fromXlsx.map((r) => r.codes)).toEqual(fromCsv.map((r) => r.codes));
    const clean = fromXlsx.find((r) => r.codes === null && r.cells.epidemic_cert_expiry !== null)!;
    expect(clean.cells.epidemic_cert_expiry).toBeInstanceOf(Date);
    expect(typeof clean.cells.id_number).toBe('string');
    expect(typeof clean.cells.bank_account).toBe('string');
    expect(typeof clean.cells.herd_size).toBe('number');
    expect(typeof clean.cells.avg_monthly_settlement).toBe('string');
    expect(xlsx.truth).toEqual(csv.truth);
  });
});

describe('parseArgs', () => {
  it('takes the reference flags and the two of its own', () => {
    expect(
      parseArgs([
        '--rows',
        '200000',
        '--seed',
        '7',
        '--error-rate',
        '0.02',
        '--headers',
        'zh',
        '--out',
        'r.csv',
        '--truth',
        't.jsonl',
        '--as-of',
        '2026-01-31',
        '--encoding',
        'gb18030',
        '--format',
        'xlsx',
      ]),
    ).toEqual({
      rows: 200000,
      seed: 7,
      errorRate: 0.02,
      headers: 'zh',
      out: 'r.csv',
      truth: 't.jsonl',
      asOf: '2026-01-31',
      encoding: 'gb18030',
      format: 'xlsx',
    });
  });

  it('defaults like the reference generator', () => {
    expect(parseArgs([])).toEqual({ ...DEFAULT_OPTIONS, out: undefined, truth: undefined });
  });

  it('takes --flag=value like --flag value', () => {
    expect(parseArgs(['--rows=10', '--error-rate=0.5', '--headers=zh', '--out=a=b.csv'])).toEqual({
      ...DEFAULT_OPTIONS,
      rows: 10,
      errorRate: 0.5,
      headers: 'zh',
      out: 'a=b.csv',
      truth: undefined,
    });
    expect(parseArgs(['--rows=10'])).toEqual(parseArgs(['--rows', '10']));
  });

  it.each([
    [['--encoding', 'latin1'], /--encoding/],
    [['--format', 'xls'], /--format/],
    [['--rows', 'many'], /--rows/],
    [['--rows=many'], /--rows/],
    [['--as-of', '30/06/2026'], /--as-of/],
    [['--row', '10'], /unknown flag --row/],
    [['--rows', '10', '--colour=red'], /unknown flag --colour/],
    [['--rows'], /--rows needs a value/],
    [['--rows='], /--rows needs a value/],
    [['--rows', '--seed', '3'], /--rows needs a value/],
    [['--rows', '10', '--rows', '20'], /--rows is given twice/],
    [['10'], /unexpected argument "10"/],
    [['-r', '10'], /unexpected argument "-r"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('main (the command line)', () => {
  it.each([[['--help']], [['-h']], [['--rows', '10', '--help']]])('prints the usage for %j, and no roster', async (argv) => {
    const out = new Collector();
    await main(argv, out);
    const text = out.bytes.toString('utf8');
    expect(text).toBe(USAGE);
    expect(text).not.toMatch(/^supplier_code,/m);
    for (const flag of [
      '--rows',
      '--seed',
      '--error-rate',
      '--headers',
      '--out',
      '--truth',
      '--as-of',
      '--encoding',
      '--format',
      '--help',
    ]) {
      expect(USAGE).toContain(flag);
    }
  });

  it('writes as many rows as --rows=N asks for', async () => {
    const out = new Collector();
    await main(['--rows=10', '--seed=3'], out);
    const lines = out.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^supplier_code,/);
    expect(lines).toHaveLength(11);
    const spaced = new Collector();
    await main(['--rows', '10', '--seed', '3'], spaced);
    expect(spaced.bytes).toEqual(out.bytes);
  });

  it('refuses an unknown flag before writing anything', async () => {
    const out = new Collector();
    await expect(main(['--rows=10', '--sead=3'], out)).rejects.toThrow(/unknown flag --sead/);
    expect(out.bytes).toHaveLength(0);
  });
});
