import { luhnCheckDigit } from '../../common/identifiers.js';
import { COLUMN_NAMES, type RosterColumn } from '../parsing/columns.js';
import type { Cell } from '../parsing/reader.js';
import { RosterRowValidator } from '../parsing/validate-row.js';
import type { SupplierInput } from '../parsing/validate-row.js';
import { BinaryRows } from '../../database/copy-binary.js';
import { BATCH_ROWS, BatchPacker, HeaderColumns, ImportFailure, RowCheck, SupplierRowEncoder, type ErrorEntry } from './stages.js';

const card = (body: string) => body + luhnCheckDigit(body);

const row = (code: string, overrides: Partial<Record<RosterColumn, Cell>> = {}): Partial<Record<RosterColumn, Cell>> => ({
  supplier_code: code,
  supplier_type: 'INDIVIDUAL',
  name: '王建国',
  id_number: '11010519491231002X',
  legal_rep_id_number: '',
  phone: '13800138000',
  bank_account: card('622848001234567'),
  bank_name: '中国农业银行',
  farm_name: '王建国家庭牧场',
  province: '内蒙古',
  herd_size: '120',
  years_experience: '8.5',
  epidemic_cert_no: '',
  epidemic_cert_expiry: '',
  delivery_months: '36',
  avg_monthly_delivery_kg: '54000',
  avg_monthly_settlement: '',
  ...overrides,
});

const failureOf = (fn: () => unknown): ImportFailure => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportFailure) return e;
    throw e;
  }
  throw new Error('expected an ImportFailure');
};

describe('HeaderColumns', () => {
  it('puts each cell under the column its header names, leaving unknown headers out', () => {
    const header = HeaderColumns.of(['备注', ...COLUMN_NAMES]);
    expect(header.unknown).toEqual(['备注']);
    const cells = header.cellsOf(['note', 'SUP-1', 'INDIVIDUAL']);
    expect(cells.supplier_code).toBe('SUP-1');
    expect(cells.supplier_type).toBe('INDIVIDUAL');
    expect(cells.name).toBeNull();
    expect(Object.keys(cells)).toHaveLength(COLUMN_NAMES.length);
  });

  it('refuses a header without a required column, or with one twice', () => {
    expect(failureOf(() => HeaderColumns.of(COLUMN_NAMES.filter((c) => c !== 'phone'))).code).toBe('MISSING_COLUMNS');
    expect(failureOf(() => HeaderColumns.of([...COLUMN_NAMES, '手机号'])).code).toBe('DUPLICATE_COLUMNS');
  });
});

describe('RowCheck', () => {
  it('turns an accepted row into its supplier, and counts it', () => {
    const check = new RowCheck(new RosterRowValidator('2026-06-30'), 10);
    const supplier = check.row(2, row('SUP-1')) as SupplierInput;
    expect(supplier).toMatchObject({ supplierCode: 'SUP-1', supplierType: 'INDIVIDUAL', name: '王建国', birthDate: '1949-12-31' });
    expect(check.totals).toEqual({ accepted: 1, rejected: 0, lastRow: 2, problems: 0, problemsKept: 0 });
  });

  it('counts every problem but keeps only as many as it may', () => {
    const check = new RowCheck(new RosterRowValidator('2026-06-30'), 3);
    const bad = { name: '', phone: 'x', herd_size: '-1' };
    const first = check.row(2, row('SUP-1', bad)) as ErrorEntry[];
    const second = check.row(3, row('SUP-2', bad)) as ErrorEntry[];
    expect(first).toHaveLength(3);
    expect(first[0]).toMatchObject({ row: 2, supplierCode: 'SUP-1' });
    expect(second).toEqual([]);
    expect(check.totals).toEqual({ accepted: 0, rejected: 2, lastRow: 3, problems: 6, problemsKept: 3 });
  });
});

const ID = '0b6f3c52-1d2e-4f6a-9b1c-2d3e4f5a6b7c';
const supplier = (code: string) => new RosterRowValidator('2026-06-30').validate(2, row(code)) as { ok: true; supplier: SupplierInput };

describe('SupplierRowEncoder', () => {
  it('writes the leading uuids, then every roster column, the role the import’s', () => {
    const out = new BinaryRows();
    new SupplierRowEncoder([ID], 'DEALER').encode(supplier('SUP-1').supplier, out);
    const bytes = Buffer.concat(out.take());
    expect(bytes.readInt16BE(0)).toBe(21);
    expect(bytes.readInt32BE(2)).toBe(16);
    expect(bytes.subarray(6, 22).toString('hex')).toBe(ID.replace(/-/g, ''));
    expect(bytes.readInt32BE(22)).toBe(5);
    expect(bytes.subarray(26, 31).toString()).toBe('SUP-1');
    expect(bytes.includes(Buffer.from('DEALER'))).toBe(true);
  });
});

describe('BatchPacker', () => {
  const error: ErrorEntry = { row: 3, supplierCode: 'S', field: 'name', code: 'REQUIRED', message: 'm' };
  const encoder = new SupplierRowEncoder([]);
  const one = (code: string) => {
    const out = new BinaryRows();
    encoder.encode(supplier(code).supplier, out);
    return Buffer.concat(out.take());
  };

  it('encodes the accepted rows and keeps the rejected rows’ errors', () => {
    const packer = new BatchPacker(encoder);
    expect(packer.add(supplier('a').supplier)).toBeUndefined();
    expect(packer.add([error])).toBeUndefined();
    expect(packer.add(supplier('b').supplier)).toBeUndefined();
    const batch = packer.flush()!;
    expect(Buffer.concat(batch.data)).toEqual(Buffer.concat([one('a'), one('b')]));
    expect(batch).toMatchObject({ rows: 3, accepted: 2, errors: [error] });
    expect(packer.flush()).toBeUndefined();
  });

  it('hands over a batch every BATCH_ROWS rows, its rows in blocks of a few dozen kilobytes', () => {
    const packer = new BatchPacker(encoder);
    const s = supplier('SUP-1').supplier;
    const full = [];
    for (let i = 0; i < BATCH_ROWS + 1; i++) {
      const batch = packer.add(s);
      if (batch) full.push(batch);
    }
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ rows: BATCH_ROWS, accepted: BATCH_ROWS });
    expect(full[0].data.length).toBeGreaterThan(1);
    expect(Buffer.concat(full[0].data).length).toBe(BATCH_ROWS * one('SUP-1').length);
    expect(packer.flush()).toMatchObject({ rows: 1, accepted: 1 });
  });
});
