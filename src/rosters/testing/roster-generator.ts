/**
 * Deterministic synthetic supplier rosters for a dairy "1+N" programme: the project's port of the
 * shared reference generator (tools/gen-roster.mjs), for demos, benchmarks and tests. Every identifier
 * is valid unless the row was chosen to carry a defect; the truth lines say which rows were.
 * For the same seed the rows are those of the reference generator, except avg_monthly_settlement, which
 * is computed here in whole fen rather than with floats. Its command line is scripts/gen-roster.ts;
 * bench/ and scripts/ both import it from here.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { isIsoDate } from '../../common/business-date.js';
import { USCC_ALPHABET, luhnCheckDigit, residentIdCheckChar, usccCheckChar } from '../../common/identifiers.js';
import { IDENTITY_COLUMNS, TEMPLATES } from '../../counterparties/roster-schema.js';
import { CHINESE_ALIAS, COLUMN_NAMES, type RosterColumn } from '../parsing/columns.js';

export const DEFECTS = [
  'bad_id_checksum',
  'bad_phone',
  'bad_bank_account',
  'missing_name',
  'negative_herd',
  'non_numeric_herd',
  'bad_date',
  'duplicate_supplier_code',
  'unknown_supplier_type',
  'bad_id_length',
] as const;
export type Defect = (typeof DEFECTS)[number];

export interface RosterRowOptions {
  rows: number;
  seed: number;
  /** Share of rows, 0 to 1, that carry one defect. */
  errorRate: number;
  /** YYYY-MM-DD */
  asOf: string;
}

export const GENERATOR_TEMPLATES = ['DAIRY_SUPPLIER', 'DEALER', 'FREIGHT_FORWARDER'] as const;
export type GeneratorTemplate = (typeof GENERATOR_TEMPLATES)[number];

export interface RosterOptions extends RosterRowOptions {
  /** The roster schema template the rows follow (api.md "Counterparties"); DAIRY_SUPPLIER when absent. */
  template?: GeneratorTemplate;
  headers: 'en' | 'zh';
  encoding: 'utf8' | 'utf8-bom' | 'gb18030';
  format: 'csv' | 'xlsx';
}

export const DEFAULT_OPTIONS: RosterOptions = {
  rows: 1000,
  seed: 1,
  errorRate: 0,
  asOf: '2026-06-30',
  headers: 'en',
  encoding: 'utf8',
  format: 'csv',
};

export interface GeneratedRow {
  /** 1 for the first data row. */
  row: number;
  values: Record<RosterColumn, string>;
  defect: Defect | null;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** GB 11714 check character of the 8-character organisation code inside a credit code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeCheckChar(body8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) s += USCC_ALPHABET.indexOf(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const REGIONS: [code: string, province: string, abbreviation: string][] = [
  ['150102', '内蒙古', '蒙'],
  ['150121', '内蒙古', '蒙'],
  ['150202', '内蒙古', '蒙'],
  ['152502', '内蒙古', '蒙'],
  ['130102', '河北', '冀'],
  ['130681', '河北', '冀'],
  ['230102', '黑龙江', '黑'],
  ['230221', '黑龙江', '黑'],
  ['640104', '宁夏', '宁'],
  ['650102', '新疆', '新'],
  ['370102', '山东', '鲁'],
  ['210102', '辽宁', '辽'],
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕春梅文军宝山巴特尔其木格乌兰那仁额尔敦'];
const BANKS: [bin: string, name: string][] = [
  ['622848', '中国农业银行'],
  ['621700', '中国建设银行'],
  ['622202', '中国工商银行'],
  ['621226', '中国工商银行'],
  ['621661', '中国银行'],
  ['623668', '渤海银行'],
  ['622180', '内蒙古农村信用社'],
];
const ENTITY_SUFFIXES = ['家庭牧场', '奶牛养殖专业合作社', '牧业有限公司'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Fen as a money string: 12345 → "123.45". */
function fenToMoney(fen: number): string {
  return `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;
}

/**
 * The rows of a roster, one at a time. The random draws follow the reference generator call for call,
 * so the same seed gives the same suppliers.
 */
export function* rosterRows(options: RosterRowOptions): Generator<GeneratedRow> {
  const rnd = mulberry32(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  const asOf = new Date(`${options.asOf}T00:00:00Z`);

  const residentId = (region: string, age: number) => {
    const birth = `${asOf.getUTCFullYear() - age}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
    const body = `${region}${birth}${pad(int(0, 999), 3)}`;
    return body + residentIdCheckChar(body);
  };
  const uscc = (region: string, kind: string) => {
    const org8 = Array.from({ length: 8 }, () => pick<string>(USCC_ALPHABET)).join('');
    const body = `9${kind}${region}${org8}${orgCodeCheckChar(org8)}`;
    return body + usccCheckChar(body);
  };
  const bankCard = (): [string, string] => {
    const [bin, name] = pick(BANKS);
    const body = bin + Array.from({ length: 12 }, () => int(0, 9)).join('');
    return [body + luhnCheckDigit(body), name];
  };

  const cleanCodes: string[] = [];
  for (let r = 1; r <= options.rows; r++) {
    const [region, province, abbr] = pick(REGIONS);
    const entity = rnd() < 0.25;
    const youngest = rnd() < 0.03 ? 16 : 20;
    const age = int(youngest, rnd() < 0.04 ? 70 : 62);
    const name = entity
      ? `${pick(['', '', abbr])}${pick(SURNAMES)}${pick(ENTITY_SUFFIXES)}`
      : pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : '');
    const code = `SUP-${pad(options.seed, 3)}-${pad(r, 7)}`;
    const herd = entity ? int(80, 3000) : int(5, 150);
    const drift = rnd() * 20;
    const years = Math.min(age - 14, Math.max(0, Math.round((drift + (rnd() < 0.15 ? -5 : 0)) * 10) / 10));
    const hasCert = rnd() < 0.9;
    const expiry = new Date(asOf.getTime() + int(-400, 1500) * 86_400_000);
    const months = int(0, 120);
    // about 0.4-0.5 t a head a month across milking and dry cows
    const kg = Math.round(herd * int(380, 520) * (0.85 + rnd() * 0.3));
    // farm-gate price 3.000-3.899 CNY/kg, in thousandths of a yuan, so the amount is exact in fen
    const priceMilliYuan = 3000 + Math.floor(rnd() * 900);
    const settlementFen = Math.floor((kg * priceMilliYuan + 5) / 10);
    const [card, bank] = bankCard();
    const idNumber = entity ? uscc(region, pick(['1', '2', '3'])) : residentId(region, age);
    const legalRep = entity ? residentId(region, age) : '';
    const phone = `1${pick<string>('3456789')}${Array.from({ length: 9 }, () => int(0, 9)).join('')}`;
    const bankAccount = entity ? String(int(1e11, 9e11)) + String(int(1e7, 9e7)) : card;
    const certNo = hasCert ? `(${abbr})动防合字第${region}${pad(int(1, 99999), 5)}号` : '';
    const values: Record<RosterColumn, string> = {
      supplier_code: code,
      supplier_type: entity ? 'ENTITY' : 'INDIVIDUAL',
      name,
      id_number: idNumber,
      legal_rep_id_number: legalRep,
      phone,
      bank_account: bankAccount,
      bank_name: bank,
      farm_name: entity ? name : `${name}家庭牧场`,
      province,
      herd_size: String(herd),
      years_experience: String(years),
      epidemic_cert_no: certNo,
      epidemic_cert_expiry: hasCert ? isoDate(expiry) : '',
      delivery_months: String(months),
      avg_monthly_delivery_kg: String(kg),
      avg_monthly_settlement: fenToMoney(settlementFen),
    };

    let defect: Defect | null = null;
    if (rnd() < options.errorRate) {
      defect = pick(DEFECTS);
      switch (defect) {
        case 'bad_id_checksum':
          values.id_number = idNumber.slice(0, 17) + (idNumber.at(-1) === '1' ? '2' : '1');
          break;
        case 'bad_phone':
          values.phone = `2${phone.slice(1)}`;
          break;
        case 'bad_bank_account':
          values.bank_account = entity ? `ACCT-${bankAccount}` : bankAccount.slice(0, -1) + String((Number(bankAccount.at(-1)) + 1) % 10);
          break;
        case 'missing_name':
          values.name = '';
          break;
        case 'negative_herd':
          values.herd_size = String(-herd);
          break;
        case 'non_numeric_herd':
          values.herd_size = `约${herd}`;
          break;
        case 'bad_date':
          values.epidemic_cert_expiry = '2025-13-45';
          values.epidemic_cert_no ||= `(${abbr})动防合字第${region}00001号`;
          break;
        case 'duplicate_supplier_code':
          if (cleanCodes.length) values.supplier_code = pick(cleanCodes);
          else defect = null;
          break;
        case 'unknown_supplier_type':
          values.supplier_type = 'FARMER?';
          break;
        case 'bad_id_length':
          values.id_number = `${idNumber.slice(0, 15)}Q`;
          break;
      }
    }
    if (!defect) cleanCodes.push(code);
    yield { row: r, values, defect };
  }
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A roster's columns, headers and rows, whatever its template. */
interface Layout {
  columns: readonly string[];
  headers: (language: 'en' | 'zh') => readonly string[];
  rows: (options: RosterRowOptions) => Generator<{ row: number; values: Record<string, string>; defect: Defect | null }>;
  /** Cells an .xlsx holds as text (identifiers), as numbers, and as dates. */
  text: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  dates: ReadonlySet<string>;
}

const TEXT_COLUMNS: ReadonlySet<string> = new Set(['supplier_code', 'id_number', 'legal_rep_id_number', 'phone', 'bank_account']);

const DAIRY: Layout = {
  columns: COLUMN_NAMES,
  headers: (language) => (language === 'zh' ? COLUMN_NAMES.map((c) => CHINESE_ALIAS[c]) : COLUMN_NAMES),
  rows: rosterRows,
  text: TEXT_COLUMNS,
  numbers: new Set(['herd_size', 'years_experience', 'delivery_months', 'avg_monthly_delivery_kg']),
  dates: new Set(['epidemic_cert_expiry']),
};

/** How each attribute of the other templates is drawn: realistic spreads, money in whole fen. */
type Draw = (int: (lo: number, hi: number) => number, pick: <T>(xs: readonly T[]) => T) => string;
const ATTRIBUTE_DRAWS: Record<string, Draw> = {
  annual_purchase_amount: (int) => fenToMoney(int(200_000, 20_000_000) * 100 + int(0, 99)),
  cooperation_years: (int) => String(int(0, 150) / 10),
  outlets: (int) => String(int(1, 40)),
  orders_12m: (int) => String(int(0, 60)),
  monthly_shipments: (int) => String(int(10, 5000)),
  customs_declarations_12m: (int) => String(int(0, 3000)),
  tax_paid_12m: (int) => fenToMoney(int(10_000, 5_000_000) * 100 + int(0, 99)),
  tax_credit_grade: (_int, pick) => pick(['A', 'A', 'B', 'B', 'B', 'M', 'C', 'D']),
  years_in_business: (int) => String(int(5, 300) / 10),
};
const CODE_PREFIX: Record<Exclude<GeneratorTemplate, 'DAIRY_SUPPLIER'>, string> = { DEALER: 'DLR-', FREIGHT_FORWARDER: 'FWD-' };

/**
 * A roster of the DEALER or FREIGHT_FORWARDER template: the identities of the dairy generator (same
 * seed, same people and accounts, codes with the template's prefix), then the template's attributes,
 * drawn from a generator of their own. The dairy defects that touch the herd land on the first whole
 * number attribute; an unreadable date becomes an unknown ENUM value where the template has an ENUM.
 */
function templateLayout(template: Exclude<GeneratorTemplate, 'DAIRY_SUPPLIER'>): Layout {
  const attributes = TEMPLATES[template].attributes;
  const identity = IDENTITY_COLUMNS.map((c) => c.name);
  const columns = [...identity, ...attributes.map((a) => a.key)];
  const firstInteger = attributes.find((a) => a.type === 'INTEGER')!.key;
  const enumAttribute = attributes.find((a) => a.type === 'ENUM')?.key;
  return {
    columns,
    headers: (language) =>
      language === 'zh' ? [...IDENTITY_COLUMNS.map((c) => c.alias), ...attributes.map((a) => a.aliases[0])] : columns,
    text: TEXT_COLUMNS,
    numbers: new Set(attributes.filter((a) => a.type === 'INTEGER' || a.type === 'DECIMAL').map((a) => a.key)),
    dates: new Set(),
    *rows(options) {
      const rnd = mulberry32(options.seed ^ 0x5eed);
      const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      for (const dairy of rosterRows(options)) {
        const values: Record<string, string> = {};
        for (const c of identity) values[c] = dairy.values[c as RosterColumn];
        values.supplier_code = values.supplier_code.replace(/^SUP-/, CODE_PREFIX[template]);
        for (const a of attributes) values[a.key] = ATTRIBUTE_DRAWS[a.key](int, pick);
        let defect = dairy.defect;
        if (defect === 'negative_herd') values[firstInteger] = `-${values[firstInteger]}`;
        else if (defect === 'non_numeric_herd') values[firstInteger] = `约${values[firstInteger]}`;
        else if (defect === 'bad_date') {
          if (enumAttribute) values[enumAttribute] = 'E';
          else defect = null;
        }
        yield { row: dairy.row, values, defect };
      }
    },
  };
}

function layoutOf(template: GeneratorTemplate | undefined): Layout {
  return template === undefined || template === 'DAIRY_SUPPLIER' ? DAIRY : templateLayout(template);
}

/** Writes and waits when the sink's buffer is full, so that a slow sink never makes the rows pile up. */
async function write(sink: Writable, data: string | Buffer): Promise<void> {
  if (!sink.write(data)) await once(sink, 'drain');
}

/** Lines are encoded in batches of about this many characters. */
const CSV_BATCH_CHARS = 64 * 1024;

async function writeCsv(options: RosterOptions, layout: Layout, sink: Writable, truth?: Writable): Promise<void> {
  const encode = (text: string) => (options.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8'));
  let batch = (options.encoding === 'utf8-bom' ? '\uFEFF' : '') + layout.headers(options.headers).join(',') + '\n';
  let truthBatch = '';
  for (const { row, values, defect } of layout.rows(options)) {
    batch += layout.columns.map((c) => csvField(values[c])).join(',') + '\n';
    if (truth) truthBatch += JSON.stringify({ row, supplier_code: values.supplier_code, defect }) + '\n';
    if (batch.length >= CSV_BATCH_CHARS) {
      await write(sink, encode(batch));
      batch = '';
      if (truth) {
        await write(truth, truthBatch);
        truthBatch = '';
      }
    }
  }
  await write(sink, encode(batch));
  if (truth) await write(truth, truthBatch);
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Rows committed between two waits for the zip to catch up. */
const XLSX_ROWS_PER_FLUSH = 1000;

type BufferedStream = NodeJS.EventEmitter & { _writableState?: { length: number; highWaterMark: number } };

/**
 * exceljs's streaming writer ignores backpressure: each committed row's XML waits in memory until zlib
 * gets to it, so 200,000 rows would pile up whole. Waiting for the sheet's zip entry to drain now and
 * then keeps memory flat. That buffer is an exceljs internal; should it change, this only yields to the
 * event loop.
 */
async function letZipCatchUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const entry = (sheet as unknown as { stream?: { pipes?: BufferedStream[] } }).stream?.pipes?.[0];
  const state = entry?._writableState;
  if (entry && state && state.length > state.highWaterMark) await once(entry, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Cells as a clerk's workbook has them: identifiers as Text cells (so Excel keeps every digit), counts
 * and quantities as numbers, dates as real dates. Money stays text: a number cell would carry it as a
 * float.
 */
function xlsxCell(layout: Layout, column: string, value: string): ExcelJS.CellValue {
  if (value === '') return null;
  if (layout.dates.has(column) && isIsoDate(value)) return new Date(`${value}T00:00:00Z`);
  if (layout.numbers.has(column) && PLAIN_NUMBER.test(value)) return Number(value);
  return value;
}

async function writeXlsx(options: RosterOptions, layout: Layout, sink: Writable, truth?: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Roster');
  layout.columns.forEach((column, i) => {
    if (layout.text.has(column)) sheet.getColumn(i + 1).numFmt = '@';
    if (layout.dates.has(column)) sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  sheet.addRow([...layout.headers(options.headers)]).commit();
  for (const { row, values, defect } of layout.rows(options)) {
    sheet.addRow(layout.columns.map((c) => xlsxCell(layout, c, values[c]))).commit();
    if (truth) await write(truth, JSON.stringify({ row, supplier_code: values.supplier_code, defect }) + '\n');
    if (row % XLSX_ROWS_PER_FLUSH === 0) await letZipCatchUp(sheet);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Writes a roster to `sink` (and the truth lines to `truth`) without holding its rows in memory.
 * Neither stream is ended, except that an xlsx workbook ends `sink` when it is complete.
 */
export async function generateRoster(options: RosterOptions, sink: Writable, truth?: Writable): Promise<void> {
  const layout = layoutOf(options.template);
  if (options.format === 'xlsx') await writeXlsx(options, layout, sink, truth);
  else await writeCsv(options, layout, sink, truth);
}
