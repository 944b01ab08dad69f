import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Response } from 'supertest';
import { bankCard, mobile, residentId, uscc } from './ids.js';
import type { TestApp } from './test-app.js';

/**
 * Hand-made roster files for the roster e2e tests: rows written column by column, CSV in any
 * encoding / line ending / quoting, .xlsx workbooks built in memory with typed cells, and the calls
 * that upload them and read back what the import made of them.
 */

export type Auth = Record<string, string>;

/** The roster columns of domain.md, with their Chinese aliases, in the reference generator's order. */
export const ROSTER_COLUMNS: readonly [name: string, alias: string][] = [
  ['supplier_code', '供应商编号'],
  ['supplier_type', '主体类型'],
  ['name', '名称'],
  ['id_number', '证件号码'],
  ['legal_rep_id_number', '法定代表人身份证号'],
  ['phone', '手机号'],
  ['bank_account', '银行账号'],
  ['bank_name', '开户行'],
  ['farm_name', '牧场名称'],
  ['province', '省份'],
  ['herd_size', '存栏数'],
  ['years_experience', '养殖年限'],
  ['epidemic_cert_no', '动物防疫条件合格证号'],
  ['epidemic_cert_expiry', '防疫证有效期至'],
  ['delivery_months', '供奶月数'],
  ['avg_monthly_delivery_kg', '月均交奶量kg'],
  ['avg_monthly_settlement', '月均结算金额'],
];
export const COLUMNS: readonly string[] = ROSTER_COLUMNS.map(([name]) => name);
export const CHINESE: Readonly<Record<string, string>> = Object.fromEntries(ROSTER_COLUMNS);

/** One roster row by canonical column name; a column left out is written as an empty cell. */
export type Row = Record<string, string>;

/** A valid INDIVIDUAL row. */
export function individual(code: string, overrides: Row = {}): Row {
  return {
    supplier_code: code,
    supplier_type: 'INDIVIDUAL',
    name: `张伟${code.slice(-4)}`,
    id_number: residentId('1980-05-17'),
    legal_rep_id_number: '',
    phone: mobile(),
    bank_account: bankCard(),
    bank_name: '中国农业银行',
    farm_name: '张伟家庭牧场',
    province: '内蒙古',
    herd_size: '120',
    years_experience: '8',
    epidemic_cert_no: '(蒙)动防合字第150102000001号',
    epidemic_cert_expiry: '2099-12-31',
    delivery_months: '36',
    avg_monthly_delivery_kg: '50000',
    avg_monthly_settlement: '60000.00',
    ...overrides,
  };
}

/** A valid ENTITY row (a cooperative with its legal representative). */
export function entity(code: string, overrides: Row = {}): Row {
  return individual(code, {
    supplier_type: 'ENTITY',
    name: `蒙牛奶牛养殖专业合作社${code.slice(-4)}`,
    id_number: uscc(),
    legal_rep_id_number: residentId('1975-03-09'),
    bank_account: '110060123456789012',
    farm_name: '合作社牧场',
    ...overrides,
  });
}

/** A valid resident ID whose check character is X (upper-case). */
export function residentIdEndingInX(birthDate = '1981-07-23'): string {
  for (let seq = 0; seq < 1000; seq++) {
    const id = residentId(birthDate, '150102', seq);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives check character X');
}

/** `id` with its last character replaced so that the checksum fails. */
export function withBadCheck(id: string): string {
  const last = id.at(-1)!;
  return id.slice(0, -1) + (last === '1' ? '2' : '1');
}

export interface CsvOptions {
  /** Header texts, in file order; default the canonical names of `columns`. */
  headers?: readonly string[];
  /** The column each header holds (canonical name, or anything else for an extra column); default COLUMNS. */
  columns?: readonly string[];
  eol?: '\r\n' | '\n';
  /** Quote every field (Excel quotes only where needed). */
  quoteAll?: boolean;
}

function csvField(v: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The text of a CSV roster (no BOM). */
export function csvText(rows: Row[], options: CsvOptions = {}): string {
  const columns = options.columns ?? COLUMNS;
  const headers = options.headers ?? columns;
  const eol = options.eol ?? '\r\n';
  const quoteAll = options.quoteAll ?? false;
  const lines = [
    headers.map((h) => csvField(h, quoteAll)).join(','),
    ...rows.map((r) => columns.map((c) => csvField(r[c] ?? '', quoteAll)).join(',')),
  ];
  return lines.join(eol) + eol;
}

/** A UTF-8 CSV roster, with a BOM when asked. */
export function csvFile(rows: Row[], options: CsvOptions & { bom?: boolean } = {}): Buffer {
  return Buffer.from((options.bom ? '\uFEFF' : '') + csvText(rows, options), 'utf8');
}

/** A CSV roster as Chinese Excel saves "CSV": GB18030 (GBK), no BOM. */
export function gb18030File(rows: Row[], options: CsvOptions = {}): Buffer {
  return iconv.encode(csvText(rows, options), 'gb18030');
}

/** An .xlsx workbook built in memory: one worksheet with these rows, cells typed as given. */
export async function xlsxFile(rows: ExcelJS.CellValue[][], setup?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  for (const r of rows) sheet.addRow(r);
  setup?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** POST /core-enterprises/:id/rosters with `file` as the multipart field `file`. */
export function upload(
  t: TestApp,
  coreEnterpriseId: string,
  file: Buffer,
  fileName: string,
  auth: Auth = t.admin.auth,
  headers: Record<string, string> = {},
) {
  return t.http().post(`/core-enterprises/${coreEnterpriseId}/rosters`).set(auth).set(headers).attach('file', file, fileName);
}

/** Uploads (expecting 202) and waits until the import has finished; answers its final view. */
export async function uploadAndWait(
  t: TestApp,
  coreEnterpriseId: string,
  file: Buffer,
  fileName = 'roster.csv',
  auth: Auth = t.admin.auth,
): Promise<Record<string, any>> {
  const res = await upload(t, coreEnterpriseId, file, fileName, auth);
  if (res.status !== 202) throw new Error(`upload ${fileName}: ${res.status} ${JSON.stringify(res.body)}`);
  return waitImport(t, res.body.importId, auth);
}

/** Polls GET /roster-imports/:id until COMPLETED or FAILED (any caller: user token or API key). */
export async function waitImport(
  t: TestApp,
  importId: string,
  auth: Auth = t.admin.auth,
  timeoutMs = 60_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http().get(`/roster-imports/${importId}`).set(auth);
    if (res.status !== 200) throw new Error(`import ${importId}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'COMPLETED' || res.body.status === 'FAILED') return res.body;
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RowError {
  row: number;
  supplierCode: string | null;
  field: string | null;
  code: string;
  message: string;
}

/** Every entry of GET /roster-imports/:id/errors, page by page. */
export async function allErrors(t: TestApp, importId: string, auth: Auth = t.admin.auth): Promise<RowError[]> {
  const out: RowError[] = [];
  for (let page = 1; ; page++) {
    const res = await t.http().get(`/roster-imports/${importId}/errors`).query({ page, pageSize: 500 }).set(auth);
    if (res.status !== 200) throw new Error(`errors: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(...(res.body.items as RowError[]));
    if (out.length >= res.body.total || res.body.items.length === 0) return out;
  }
}

/** GET /roster-imports/:id/errors as the CSV export, its body kept as raw bytes (BOM included). */
export function errorsCsvReq(t: TestApp, importId: string, auth: Auth = t.admin.auth) {
  return t.http().get(`/roster-imports/${importId}/errors`).set(auth).set('Accept', 'text/csv').buffer(true).parse(rawBody);
}

/** The errors of one row, as `field:code` strings, sorted. */
export function problemsOf(errors: RowError[], row: number): string[] {
  return errors
    .filter((e) => e.row === row)
    .map((e) => `${e.field}:${e.code}`)
    .sort();
}

/** Suppliers of a core enterprise whose code starts with `q`, as the API lists them. */
export async function listSuppliers(
  t: TestApp,
  coreEnterpriseId: string,
  q?: string,
  auth: Auth = t.admin.auth,
): Promise<Record<string, any>[]> {
  const out: Record<string, any>[] = [];
  for (let page = 1; ; page++) {
    const res = await t
      .http()
      .get(`/core-enterprises/${coreEnterpriseId}/suppliers`)
      .query({ ...(q ? { q } : {}), page, pageSize: 500 })
      .set(auth);
    if (res.status !== 200) throw new Error(`suppliers: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(...res.body.items);
    if (out.length >= res.body.total || res.body.items.length === 0) return out;
  }
}

/** The supplier with exactly this code (via the list), or undefined. */
export async function supplierByCode(
  t: TestApp,
  coreEnterpriseId: string,
  code: string,
  auth: Auth = t.admin.auth,
): Promise<Record<string, any> | undefined> {
  return (await listSuppliers(t, coreEnterpriseId, code, auth)).find((s) => s.supplierCode === code);
}

/** GET /suppliers/:id/identity as ADMIN (full identifiers). */
export async function identityOf(t: TestApp, supplierId: string, auth: Auth = t.admin.auth): Promise<Record<string, any>> {
  const res = await t.http().get(`/suppliers/${supplierId}/identity`).set(auth);
  if (res.status !== 200) throw new Error(`identity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Rows the database holds for a core enterprise's suppliers and imports (what an upload may leave behind). */
export async function storedCounts(t: TestApp, coreEnterpriseId: string): Promise<{ suppliers: number; imports: number; files: number }> {
  const [r] = await t.db.query(
    `SELECT (SELECT count(*)::int FROM suppliers WHERE core_enterprise_id = $1) AS suppliers,
            (SELECT count(*)::int FROM roster_imports WHERE core_enterprise_id = $1) AS imports,
            (SELECT count(*)::int FROM roster_import_files f JOIN roster_imports i ON i.id = f.import_id WHERE i.core_enterprise_id = $1) AS files`,
    [coreEnterpriseId],
  );
  return r;
}

/** A supertest parser that keeps the raw body bytes (to see a BOM). */
export function rawBody(response: unknown, callback: (err: Error | null, body: Buffer) => void): void {
  const res = response as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(Buffer.from(c)));
  res.on('end', () => callback(null, Buffer.concat(parts)));
  res.on('error', (e: Error) => callback(e, Buffer.alloc(0)));
}

/** Parses a small CSV (RFC 4180, as our errors export writes it) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function expectStatus(res: Response, status: number): Response {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Log lines of responses with a 5xx status, and of imports that failed for an unexpected reason. */
export function serverErrors(t: TestApp): string[] {
  return t.logs.filter((l) => /"statusCode":5\d\d/.test(l) || /roster import failed for good/.test(l));
}
