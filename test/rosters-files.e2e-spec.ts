import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { rosterRows } from '../src/rosters/testing/roster-generator.js';
import { residentId } from './support/ids.js';
import { expectProblem } from './support/problems.js';
import {
  CHINESE,
  COLUMNS,
  allErrors,
  csvFile,
  csvText,
  entity,
  expectStatus,
  gb18030File,
  identityOf,
  individual,
  listSuppliers,
  problemsOf,
  serverErrors,
  storedCounts,
  supplierByCode,
  upload,
  uploadAndWait,
  xlsxFile,
  type Row,
} from './support/roster-files.js';
import { rosterBuffer, waitForImport } from './support/rosters.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MiB = 1024 * 1024;

describe('roster files: every form a core enterprise sends', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const newCe = () => t.coreEnterprise();

  describe('CSV encodings and line ends', () => {
    const rows = (prefix: string): Row[] => [
      individual(`${prefix}-0001`, { name: '额尔敦巴特尔', farm_name: '锡林郭勒额尔敦家庭牧场' }),
      entity(`${prefix}-0002`, { name: '内蒙古蒙牛奶牛养殖专业合作社', supplier_type: '合作社' }),
    ];

    /** Returns the suppliers as read back, in the order of `expected`. */
    async function expectImported(ceId: string, imp: Record<string, any>, expected: Row[]): Promise<Array<Record<string, any>>> {
      expect(imp).toMatchObject({
        status: 'COMPLETED',
        totalRows: 2,
        acceptedRows: 2,
        rejectedRows: 0,
        createdCount: 2,
        updatedCount: 0,
        failure: null,
      });
      const suppliers: Array<Record<string, any>> = [];
      for (const row of expected) {
        const s = await supplierByCode(t, ceId, row.supplier_code);
        expect(s).toMatchObject({ name: row.name, farmName: row.farm_name, bankName: row.bank_name, province: row.province });
        suppliers.push(s!);
      }
      return suppliers;
    }

    it('reads UTF-8 without a BOM and LF line ends', async () => {
      const ce = await newCe();
      const data = rows('U8LF');
      const imp = await uploadAndWait(t, ce.id, csvFile(data, { eol: '\n' }));
      await expectImported(ce.id, imp, data);
      expect(imp.unknownColumns).toEqual([]);
    });

    it('reads UTF-8 with a BOM and CRLF line ends under Chinese headers (the BOM is not part of the first header)', async () => {
      const ce = await newCe();
      const data = rows('U8BOM');
      const file = csvFile(data, { bom: true, eol: '\r\n', headers: COLUMNS.map((c) => CHINESE[c]) });
      expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const imp = await uploadAndWait(t, ce.id, file);
      await expectImported(ce.id, imp, data);
      expect(imp.unknownColumns).toEqual([]);
    });

    it('reads GB18030 (as Chinese Excel saves "CSV") with Chinese headers, including four-byte characters', async () => {
      const ce = await newCe();
      const data = [
        individual('GB-0001', { name: '王䶮', farm_name: '𠀾家庭牧场', bank_name: '内蒙古农村信用社' }),
        entity('GB-0002', { name: '呼伦贝尔牧业有限公司', supplier_type: '企业', province: '内蒙古' }),
      ];
      const file = gb18030File(data, { headers: COLUMNS.map((c) => CHINESE[c]) });
      // really GB18030: not valid UTF-8, and it decodes back to the same text
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
      expect(iconv.decode(file, 'gb18030')).toContain('𠀾家庭牧场');
      const imp = await uploadAndWait(t, ce.id, file);
      await expectImported(ce.id, imp, data);
    });

    it('reads GB18030 with LF line ends and English headers', async () => {
      const ce = await newCe();
      const data = rows('GBLF');
      const imp = await uploadAndWait(t, ce.id, gb18030File(data, { eol: '\n' }));
      const suppliers = await expectImported(ce.id, imp, data);
      expect(suppliers.map((s) => s.name)).toEqual(['额尔敦巴特尔', '内蒙古蒙牛奶牛养殖专业合作社']);
      expect(imp.unknownColumns).toEqual([]);
    });
  });

  describe('file names', () => {
    it('keeps a Chinese file name as sent (UTF-8, as browsers send it) and takes .CSV / .XLSX in capitals', async () => {
      const ce = await newCe();
      const csv = await upload(t, ce.id, csvFile([individual('FN-0001')]), '供应商花名册2026年5月.CSV');
      expectStatus(csv, 202);
      expect(csv.body).toMatchObject({ fileName: '供应商花名册2026年5月.CSV', fileType: 'csv' });
      const r = individual('FN-0002');
      const xlsx = await upload(t, ce.id, await xlsxFile([COLUMNS as string[], COLUMNS.map((c) => r[c] || null)]), '牧场名单.XLSX');
      expectStatus(xlsx, 202);
      expect(xlsx.body).toMatchObject({ fileName: '牧场名单.XLSX', fileType: 'xlsx' });
      expect(await waitForImport(t, csv.body.importId)).toMatchObject({ status: 'COMPLETED', fileName: '供应商花名册2026年5月.CSV' });
      expect(await waitForImport(t, xlsx.body.importId)).toMatchObject({ status: 'COMPLETED', acceptedRows: 1 });
      const audit = await t
        .http()
        .get('/audit-events')
        .query({ entityType: 'RosterImport', entityId: csv.body.importId, action: 'ROSTER_UPLOADED' })
        .set(t.admin.auth);
      expect(audit.body.items[0].after).toMatchObject({ fileName: '供应商花名册2026年5月.CSV', fileType: 'csv' });
    });
  });

  describe('quoting', () => {
    it('keeps commas, doubled quotes and line breaks inside quoted fields, and still numbers rows as a spreadsheet does', async () => {
      const ce = await newCe();
      const data = [
        individual('Q-0001', { farm_name: '张家,李家联营牧场', bank_name: '中国农业银行"呼市分行"' }),
        individual('Q-0002', { farm_name: '第一行\n第二行', name: '李四' }),
        individual('Q-0003', { farm_name: 'A "quoted", \r\nmulti-line farm' }),
        individual('Q-0004', { phone: '2380000000' }), // spreadsheet row 5, even though rows 3 and 4 took two lines each
        individual('Q-0005', { name: '王"五"' }),
      ];
      const text = csvText(data, { eol: '\r\n' });
      expect(text.split('\r\n').length - 1).toBe(6 + 1); // header + 5 records, one of them split by a CRLF
      const imp = await uploadAndWait(t, ce.id, csvFile(data, { eol: '\r\n' }));
      expect(imp).toMatchObject({ status: 'COMPLETED', totalRows: 5, acceptedRows: 4, rejectedRows: 1, createdCount: 4 });
      const errors = await allErrors(t, imp.importId);
      expect(errors).toEqual([{ row: 5, supplierCode: 'Q-0004', field: 'phone', code: 'PHONE_FORMAT', message: expect.any(String) }]);
      expect(await supplierByCode(t, ce.id, 'Q-0001')).toMatchObject({ farmName: '张家,李家联营牧场', bankName: '中国农业银行"呼市分行"' });
      expect((await supplierByCode(t, ce.id, 'Q-0002'))?.farmName).toBe('第一行\n第二行');
      expect((await supplierByCode(t, ce.id, 'Q-0003'))?.farmName).toBe('A "quoted", \r\nmulti-line farm');
      expect((await supplierByCode(t, ce.id, 'Q-0005'))?.name).toBe('王"五"');
    });

    it('reads a file where every field is quoted (LF line ends)', async () => {
      const ce = await newCe();
      const data = [individual('QA-0001'), entity('QA-0002')];
      const imp = await uploadAndWait(t, ce.id, csvFile(data, { quoteAll: true, eol: '\n' }));
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 2, createdCount: 2 });
    });
  });

  describe('headers', () => {
    it('matches headers in any order, any case, English or Chinese, with spaces around; lists unknown columns once', async () => {
      const ce = await newCe();
      const order = [...COLUMNS].reverse();
      const headers = order.map((c, i) => {
        const h = i % 3 === 0 ? CHINESE[c] : i % 3 === 1 ? c.toUpperCase() : c.replace(/^./, (x) => x.toUpperCase());
        return i % 2 === 0 ? `  ${h} ` : `\t${h}`;
      });
      const columns = [...order, 'x-remark', 'x-remark-again', 'x-note'];
      const allHeaders = [...headers, ' 备注 ', '备注', 'Remark'];
      const row = individual('HDR-0001', { 'x-remark': '随便写', 'x-remark-again': '再写', 'x-note': 'n' });
      const imp = await uploadAndWait(t, ce.id, csvFile([row, individual('HDR-0002')], { columns, headers: allHeaders }));
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 2, rejectedRows: 0, createdCount: 2 });
      expect(imp.unknownColumns).toEqual(['备注', 'Remark']);
      const s = await supplierByCode(t, ce.id, 'HDR-0001');
      expect(s).toMatchObject({
        name: row.name,
        herdSize: 120,
        yearsExperience: '8',
        epidemicCertExpiry: '2099-12-31',
        avgMonthlySettlement: '60000.00',
      });
    });

    it('fails the whole file, naming them, when required columns are missing; nothing is imported', async () => {
      const ce = await newCe();
      const columns = COLUMNS.filter((c) => c !== 'phone' && c !== 'herd_size');
      const imp = await uploadAndWait(t, ce.id, csvFile([individual('MC-0001')], { columns }));
      expect(imp).toMatchObject({ status: 'FAILED', failure: { code: 'MISSING_COLUMNS' } });
      expect(imp.failure.message).toContain('phone');
      expect(imp.failure.message).toContain('herd_size');
      expect(imp.failure.message).not.toContain('bank_account');
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
    });

    it('does not require the optional columns (a file without them imports INDIVIDUAL rows)', async () => {
      const ce = await newCe();
      const optional = ['legal_rep_id_number', 'epidemic_cert_no', 'epidemic_cert_expiry', 'avg_monthly_settlement'];
      const columns = COLUMNS.filter((c) => !optional.includes(c));
      const imp = await uploadAndWait(t, ce.id, csvFile([individual('OPT-0001')], { columns }));
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 1, createdCount: 1 });
      expect(await supplierByCode(t, ce.id, 'OPT-0001')).toMatchObject({
        epidemicCertNo: null,
        epidemicCertExpiry: null,
        avgMonthlySettlement: null,
      });
    });

    it('fails a file that names a column twice (in English and in Chinese)', async () => {
      const ce = await newCe();
      const imp = await uploadAndWait(
        t,
        ce.id,
        csvFile([{ ...individual('DC-0001'), dup: '另一个名字' }], { columns: [...COLUMNS, 'dup'], headers: [...COLUMNS, '名称'] }),
      );
      expect(imp).toMatchObject({ status: 'FAILED', failure: { code: 'DUPLICATE_COLUMNS' } });
      expect(imp.failure.message).toContain('name');
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
    });
  });

  describe('.xlsx workbooks', () => {
    it('reads text, number and date cells; an ID number stored as a number cell is rejected for its row, never repaired', async () => {
      const ce = await newCe();
      const a = individual('XL-0001');
      const b = individual('XL-0002');
      const c = entity('XL-0003');
      const d = individual('XL-0004');
      const e = individual('XL-0005');
      const f = individual('XL-0006');
      const dayCell = (iso: string) => new Date(`${iso}T00:00:00Z`);
      const typed = (r: Row, overrides: Record<string, ExcelJS.CellValue> = {}): ExcelJS.CellValue[] =>
        COLUMNS.map((col) => {
          if (col in overrides) return overrides[col];
          if (['herd_size', 'delivery_months', 'years_experience', 'avg_monthly_delivery_kg'].includes(col)) return Number(r[col]);
          return r[col] === '' ? null : r[col];
        });
      const file = await xlsxFile(
        [
          COLUMNS.map((col) => CHINESE[col]),
          typed(a, { epidemic_cert_expiry: dayCell('2027-05-01'), years_experience: 12.5, avg_monthly_settlement: 61234.5 }),
          typed(b, { id_number: Number(b.id_number.slice(0, 17)) * 10 }), // 18 digits in a number cell: Excel kept 15 of them
          typed(c, { epidemic_cert_expiry: '2026年5月1日', bank_account: '110060123456789012' }),
          typed(d, { legal_rep_id_number: null, epidemic_cert_expiry: dayCell('2028-02-29'), herd_size: 7 }),
          typed(e, { phone: Number(e.phone) }), // a mobile number in a number cell keeps all its 11 digits
          typed(f, { bank_account: Number(f.bank_account) }), // a 19-digit card in a number cell has lost digits
        ],
        (sheet) => {
          sheet.getColumn(COLUMNS.indexOf('epidemic_cert_expiry') + 1).numFmt = 'yyyy-mm-dd';
        },
      );
      const imp = await uploadAndWait(t, ce.id, file, '花名册.xlsx');
      expect(imp).toMatchObject({ status: 'COMPLETED', fileType: 'xlsx', totalRows: 6, acceptedRows: 4, rejectedRows: 2, createdCount: 4 });
      const errors = await allErrors(t, imp.importId);
      expect(errors).toEqual([
        { row: 3, supplierCode: 'XL-0002', field: 'id_number', code: 'ID_NUMBER_STORED_AS_NUMBER', message: expect.any(String) },
        { row: 7, supplierCode: 'XL-0006', field: 'bank_account', code: 'BANK_ACCOUNT_STORED_AS_NUMBER', message: expect.any(String) },
      ]);
      expect((await identityOf(t, (await supplierByCode(t, ce.id, 'XL-0005'))!.id)).phone).toBe(e.phone);
      expect(await supplierByCode(t, ce.id, 'XL-0002')).toBeUndefined();

      const sa = await supplierByCode(t, ce.id, 'XL-0001');
      expect(sa).toMatchObject({
        epidemicCertExpiry: '2027-05-01',
        yearsExperience: '12.5',
        herdSize: 120,
        deliveryMonths: 36,
        avgMonthlySettlement: '61234.50',
      });
      expect((await identityOf(t, sa!.id)).idNumber).toBe(a.id_number);
      const sc = await supplierByCode(t, ce.id, 'XL-0003');
      expect(sc).toMatchObject({ supplierType: 'ENTITY', epidemicCertExpiry: '2026-05-01' });
      expect(await supplierByCode(t, ce.id, 'XL-0004')).toMatchObject({ epidemicCertExpiry: '2028-02-29', herdSize: 7 });
    });

    it('takes a .xlsx whose name says .csv by its content', async () => {
      const ce = await newCe();
      const r = individual('XLR-0001');
      const file = await xlsxFile([COLUMNS as string[], COLUMNS.map((c) => r[c] || null)]);
      const imp = await uploadAndWait(t, ce.id, file, 'exported.csv');
      expect(imp).toMatchObject({ status: 'COMPLETED', fileType: 'xlsx', acceptedRows: 1 });
    });

    it('fails a header-only workbook with NO_DATA_ROWS', async () => {
      const ce = await newCe();
      const imp = await uploadAndWait(t, ce.id, await xlsxFile([COLUMNS as string[]]), 'empty.xlsx');
      expect(imp).toMatchObject({ status: 'FAILED', failure: { code: 'NO_DATA_ROWS' } });
    });
  });

  describe('a file larger than the 1 MiB storage chunks', () => {
    it('imports a 6,000-row Chinese roster; a second upload changes nothing and every name is the generated one', async () => {
      const ce = await newCe();
      const options = { rows: 6000, seed: 11, headers: 'zh' as const };
      const file = await rosterBuffer(options);
      expect(file.length).toBeGreaterThan(MiB);
      const first = await uploadAndWait(t, ce.id, file);
      expect(first).toMatchObject({
        status: 'COMPLETED',
        totalRows: 6000,
        acceptedRows: 6000,
        rejectedRows: 0,
        createdCount: 6000,
        updatedCount: 0,
      });

      const second = await uploadAndWait(t, ce.id, file);
      expect(second).toMatchObject({
        status: 'COMPLETED',
        totalRows: 6000,
        acceptedRows: 6000,
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 6000,
      });

      // the same roster saved as GB18030 is the same roster
      const gbk = await rosterBuffer({ ...options, encoding: 'gb18030' });
      const third = await uploadAndWait(t, ce.id, gbk);
      expect(third).toMatchObject({ status: 'COMPLETED', acceptedRows: 6000, createdCount: 0, updatedCount: 0, unchangedCount: 6000 });

      const expected = new Map<string, Record<string, string>>();
      for (const { values } of rosterRows({ rows: 6000, seed: 11, errorRate: 0, asOf: '2026-06-30' }))
        expected.set(values.supplier_code, values);
      const listed = await listSuppliers(t, ce.id);
      expect(listed).toHaveLength(6000);
      const wrong = listed.filter((s) => {
        const v = expected.get(s.supplierCode);
        return (
          !v ||
          v.name !== s.name ||
          v.farm_name !== s.farmName ||
          v.bank_name !== s.bankName ||
          v.province !== s.province ||
          (v.epidemic_cert_no || null) !== s.epidemicCertNo
        );
      });
      expect(wrong.map((s) => `${s.supplierCode}: ${s.name} / ${s.farmName}`)).toEqual([]);
    });

    it('keeps multi-byte characters whole across chunk boundaries in a file that is almost all Chinese', async () => {
      // ~2.3 KB of three- and four-byte characters a row: wherever the 1 MiB boundaries fall, they cut characters
      const ce = await newCe();
      const long = (seed: number, n: number) =>
        Array.from({ length: n }, (_, i) => (i % 7 === 3 ? '𩽾' : '牧场奶牛草料青贮饲养'[(seed + i) % 10])).join('');
      const rows: Row[] = [];
      for (let i = 0; i < 4500; i++) {
        const code = `CJK-${String(i).padStart(5, '0')}`;
        rows.push(
          individual(code, { name: long(i, 90), farm_name: long(i + 3, 190), bank_name: long(i + 5, 190), province: long(i + 7, 190) }),
        );
      }
      const file = csvFile(rows);
      expect(file.length).toBeGreaterThan(9 * MiB);
      const up = await upload(t, ce.id, file, 'roster.csv');
      expectStatus(up, 202);
      // Where the stored chunks end (read before the import completes and deletes them): the point of the
      // test is that some end falls inside a character, i.e. the next chunk starts with a continuation byte.
      const chunks: { n: number }[] = await t.db.query(
        `SELECT length(chunk) AS n FROM roster_import_files WHERE import_id = $1 ORDER BY seq`,
        [up.body.importId],
      );
      expect(chunks.length).toBeGreaterThan(9);
      expect(chunks.reduce((sum, c) => sum + c.n, 0)).toBe(file.length);
      let at = 0;
      const splits = chunks.slice(0, -1).filter((c) => {
        at += c.n;
        return (file[at] & 0xc0) === 0x80;
      });
      expect(splits.length).toBeGreaterThan(0);
      const imp = await waitForImport(t, up.body.importId);
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 4500, rejectedRows: 0, createdCount: 4500 });
      const stored: { supplier_code: string; name: string; farm_name: string; bank_name: string; province: string }[] = await t.db.query(
        `SELECT supplier_code, name, farm_name, bank_name, province FROM suppliers WHERE core_enterprise_id = $1`,
        [ce.id],
      );
      const byCode = new Map(rows.map((r) => [r.supplier_code, r]));
      const wrong = stored.filter((s) => {
        const r = byCode.get(s.supplier_code)!;
        return r.name !== s.name || r.farm_name !== s.farm_name || r.bank_name !== s.bank_name || r.province !== s.province;
      });
      expect(wrong.map((s) => s.supplier_code)).toEqual([]);
      // and the GB18030 form of the same file (two- and four-byte characters) is the same roster
      const again = await uploadAndWait(t, ce.id, gb18030File(rows));
      expect(again).toMatchObject({ status: 'COMPLETED', acceptedRows: 4500, createdCount: 0, updatedCount: 0 });
    });
  });

  describe('bad files', () => {
    const good = () => csvFile([individual(`BF-${Math.random().toString(36).slice(2, 8)}`)]);

    it('refuses a .txt file with 415 and stores nothing', async () => {
      const ce = await newCe();
      expectProblem(await upload(t, ce.id, good(), 'roster.txt'), 415, 'ROSTER_UNSUPPORTED_TYPE');
      expect(await storedCounts(t, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });
    });

    it('refuses an old .xls workbook (by its bytes, whatever its name) with 415', async () => {
      const ce = await newCe();
      const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0)]);
      expectProblem(await upload(t, ce.id, xls, 'roster.xls'), 415, 'ROSTER_UNSUPPORTED_TYPE');
      expectProblem(await upload(t, ce.id, xls, 'roster.xlsx'), 415, 'ROSTER_UNSUPPORTED_TYPE');
      expectProblem(await upload(t, ce.id, good(), 'roster.xls'), 415, 'ROSTER_UNSUPPORTED_TYPE');
      expect(await storedCounts(t, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });
    });

    it('refuses an empty file with 400', async () => {
      const ce = await newCe();
      expectProblem(await upload(t, ce.id, Buffer.alloc(0), 'roster.csv'), 400, 'ROSTER_EMPTY_FILE');
      expect(await storedCounts(t, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });
    });

    it('fails binary junk named .csv with NOT_TEXT', async () => {
      const ce = await newCe();
      const junk = Buffer.alloc(20_000);
      for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
      const imp = await uploadAndWait(t, ce.id, junk, 'roster.csv');
      expect(imp).toMatchObject({ status: 'FAILED', failure: { code: 'NOT_TEXT' } });
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
    });

    it('fails a corrupt .xlsx with CORRUPT_XLSX (random bytes, and a real workbook cut in half)', async () => {
      const ce = await newCe();
      const junk = Buffer.from('this is not a zip file at all, just text pretending'.repeat(50));
      const a = await uploadAndWait(t, ce.id, junk, 'roster.xlsx');
      expect(a).toMatchObject({ status: 'FAILED', failure: { code: 'CORRUPT_XLSX' } });
      const r = individual('CX-0001');
      const real = await xlsxFile([
        COLUMNS as string[],
        ...Array.from({ length: 300 }, (_, i) => COLUMNS.map((c) => (c === 'supplier_code' ? `CX-${i}` : r[c] || null))),
      ]);
      const b = await uploadAndWait(t, ce.id, real.subarray(0, Math.floor(real.length / 2)), 'roster.xlsx');
      expect(b).toMatchObject({ status: 'FAILED', failure: { code: 'CORRUPT_XLSX' } });
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
    });

    it('fails a header-only CSV with NO_DATA_ROWS, and a file of blank lines with NO_HEADER', async () => {
      const ce = await newCe();
      const a = await uploadAndWait(t, ce.id, Buffer.from(`${COLUMNS.join(',')}\r\n\r\n`), 'roster.csv');
      expect(a).toMatchObject({ status: 'FAILED', failure: { code: 'NO_DATA_ROWS' } });
      const b = await uploadAndWait(t, ce.id, Buffer.from(',,,\r\n,,,\r\n'), 'roster.csv');
      expect(b).toMatchObject({ status: 'FAILED', failure: { code: 'NO_HEADER' } });
    });

    it('fails a quote left open with MALFORMED_CSV, never a 5xx', async () => {
      const ce = await newCe();
      const text = csvText([individual('MAL-0001')]) + 'MAL-0002,INDIVIDUAL,"王五,' + residentId() + '\r\n';
      const imp = await uploadAndWait(t, ce.id, Buffer.from(text), 'roster.csv');
      expect(imp).toMatchObject({ status: 'FAILED', failure: { code: 'MALFORMED_CSV' } });
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
    });

    it('a row with a missing cell is a row error, not a file error', async () => {
      const ce = await newCe();
      const r = individual('SHORT-0001');
      const text = `${COLUMNS.join(',')}\r\n${COLUMNS.slice(0, -3)
        .map((c) => r[c])
        .join(',')}\r\n${csvText([individual('SHORT-0002')]).split('\r\n')[1]}\r\n`;
      const imp = await uploadAndWait(t, ce.id, Buffer.from(text), 'roster.csv');
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 1, rejectedRows: 1 });
      expect(problemsOf(await allErrors(t, imp.importId), 2)).toEqual(['avg_monthly_delivery_kg:REQUIRED', 'delivery_months:REQUIRED']);
    });
  });

  describe('an upload over ROSTER_MAX_UPLOAD_BYTES', () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await createTestApp({ ROSTER_MAX_UPLOAD_BYTES: '200000' });
    });
    afterAll(async () => {
      await small?.close();
    });

    it('is refused with 413 and leaves nothing stored, whether the excess is seen while streaming or from Content-Length', async () => {
      const ce = await small.coreEnterprise();
      const rows = Array.from({ length: 1500 }, (_, i) => individual(`BIG-${String(i).padStart(5, '0')}`));
      const over = csvFile(rows);
      expect(over.length).toBeGreaterThan(200_000);
      expect(over.length).toBeLessThan(200_000 + MiB);
      expectProblem(await upload(small, ce.id, over, 'roster.csv'), 413, 'ROSTER_TOO_LARGE');
      expect(await storedCounts(small, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });

      const wayOver = Buffer.concat([over, over, over, over, over, over, over]);
      expect(wayOver.length).toBeGreaterThan(200_000 + MiB);
      // refused from its Content-Length before a byte is stored; the rest of the body is read and dropped
      expectProblem(await upload(small, ce.id, wayOver, 'roster.csv'), 413, 'ROSTER_TOO_LARGE');
      expect(await storedCounts(small, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });
      const [all] = await small.db.query(
        `SELECT (SELECT count(*)::int FROM roster_imports) AS imports, (SELECT count(*)::int FROM roster_import_files) AS files`,
      );
      expect(all).toEqual({ imports: 0, files: 0 });

      // the same app still takes a file under the limit
      const fits = csvFile(rows.slice(0, 100));
      expect(fits.length).toBeLessThan(200_000);
      const imp = await uploadAndWait(small, ce.id, fits);
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 100 });
      expect(await storedCounts(small, ce.id)).toMatchObject({ suppliers: 100, imports: 1, files: 0 });
    });
  });

  it('fails UTF-16 text, control characters, a fake zip and a file without roster columns as whole files', async () => {
    const ce = await newCe();
    const bodies: [Buffer, string][] = [
      [Buffer.from('\u0000\u0001\u0002'), 'a.csv'],
      [Buffer.from('PK\u0003\u0004garbage'), 'a.xlsx'],
      [Buffer.from('a,b\r\n1,2\r\n'), 'a.csv'],
      [iconv.encode('供应商编号\r\n1\r\n', 'utf16le'), 'a.csv'],
    ];
    for (const [body, name] of bodies) {
      const res = await upload(t, ce.id, body, name);
      expectStatus(res, 202);
      const done = await waitForImport(t, res.body.importId);
      expect(done.status).toBe('FAILED');
      expect(done.failure.code).toMatch(/^[A-Z_]+$/);
    }
    expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
  });

  it('answered no request with a 5xx and failed no import for an unexpected reason', () => {
    expect(serverErrors(t)).toEqual([]);
  });
});
