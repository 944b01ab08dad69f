import { isIsoDate } from '../../common/business-date.js';
import { detached } from '../../common/detached.js';
import {
  MOBILE_PATTERN,
  USCC_ALPHABET,
  isRealDate,
  maskIdentifiersInText,
  parseBankCard,
  parseCorporateAccount,
  parseResidentId,
  parseUscc,
  type ResidentId,
} from '../../common/identifiers.js';
import { Dec } from '../../common/money.js';
import type { AttributeDef } from '../../counterparties/roster-schema.js';
import { SUPPLIER_TYPE_WORDS, type SupplierType } from '../../suppliers/supplier-types.js';
import { CHINESE_ALIAS, DAIRY_LAYOUT, type RosterColumn, type RosterLayout } from './columns.js';
import type { Cell } from './reader.js';

/**
 * Validates one roster row against the rules of domain.md ("Roster columns", "Identifiers") and turns
 * it into a supplier. Every problem of a row is reported, one per column at most, in words a clerk can
 * act on; no message ever repeats a full identifier. Runs once per row of files of 200,000 rows, so it
 * throws nothing, reuses compiled patterns, and leaves decimals as strings.
 */

export type RowProblemCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'SUPPLIER_CODE_FORMAT'
  | 'DUPLICATE_SUPPLIER_CODE'
  | 'SUPPLIER_TYPE_UNKNOWN'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_FUTURE_BIRTH_DATE'
  | 'ID_NUMBER_CHECKSUM'
  | 'ID_NUMBER_STORED_AS_NUMBER'
  | 'USCC_FORMAT'
  | 'USCC_CHARACTER'
  | 'USCC_CHECKSUM'
  | 'PHONE_FORMAT'
  | 'BANK_CARD_FORMAT'
  | 'BANK_CARD_CHECKSUM'
  | 'BANK_ACCOUNT_FORMAT'
  | 'BANK_ACCOUNT_STORED_AS_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_RANGE'
  | 'DECIMAL_FORMAT'
  | 'MONEY_FORMAT'
  | 'DATE_FORMAT'
  | 'DATE_INVALID'
  | 'BOOLEAN_FORMAT'
  | 'ENUM_UNKNOWN';

export interface RowProblem {
  /** A roster column, or an attribute's key. */
  field: string;
  code: RowProblemCode;
  message: string;
}

export interface SupplierInput {
  supplierCode: string;
  supplierType: SupplierType;
  name: string;
  /** Resident ID (upper-case X) for an INDIVIDUAL, unified social credit code for an ENTITY. */
  idNumber: string;
  /** ENTITY only: an INDIVIDUAL's is not kept, since nothing needs it (PIPL data minimisation). */
  legalRepIdNumber: string | null;
  phone: string;
  /** Digits only. */
  bankAccount: string;
  bankName: string;
  /** The dairy columns: null for a counterparty of another schema. */
  farmName: string | null;
  province: string;
  herdSize: number | null;
  /** Canonical decimal: no grouping, no leading or trailing zeros ("14.5"). */
  yearsExperience: string | null;
  epidemicCertNo: string | null;
  /** YYYY-MM-DD */
  epidemicCertExpiry: string | null;
  deliveryMonths: number | null;
  /** Canonical decimal, at most 3 decimals. */
  avgMonthlyDeliveryKg: string | null;
  /** Money, two decimals ("125000.00"). */
  avgMonthlySettlement: string | null;
  /** YYYY-MM-DD: the individual's, or the ENTITY legal representative's, read from the resident ID. */
  birthDate: string;
  /** The schema's stored attributes as JSON text, keys in schema order; absent when it has none. */
  attributes?: string;
}

export type RowValidation = { ok: true; supplier: SupplierInput } | { ok: false; supplierCode: string | null; problems: RowProblem[] };

type Cells = Partial<Record<string, Cell>>;

const SUPPLIER_CODE_MAX = 64;
const NAME_MAX = 100;
/** domain.md sets no length for the other free-text columns; this keeps a pasted paragraph out. */
const TEXT_MAX = 200;
/** Excel keeps 15 significant digits: a longer number in a number cell has already lost digits. */
const EXCEL_DIGITS = 15;

const SUPPLIER_CODE = /^[A-Za-z0-9_-]+$/;
const SCIENTIFIC = /^\d(?:\.\d+)?e\+\d{1,2}$/i;
const WHITESPACE = /\s/;
const ALL_WHITESPACE = /\s+/g;
const INTEGER_TEXT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/;
/** A plain decimal, optionally with correctly grouped thousands: 1234.5, 1,234.5 */
const DECIMAL_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
/** Money as Excel's currency formats write it into a CSV: ¥1,234.56 */
const CURRENCY_SIGN = /^[¥￥]\s*/;
/** Attribute values: at most this many digits before the point, and decimals for DECIMAL. */
const ATTRIBUTE_DIGITS = 15;
const ATTRIBUTE_DECIMALS = 6;
const BOOLEAN_WORDS = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['y', true],
  ['n', false],
  ['1', true],
  ['0', false],
  ['是', true],
  ['否', false],
  ['有', true],
  ['无', false],
]);
const DATE_TEXT = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)$/;

const DAY_MS = 86_400_000;
/** Excel's day 0; serials from 1 March 1900 on count days from it (Excel believes 1900 was a leap year). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** A number cell in the expiry column is read as a date serial only within these years. */
const SERIAL_FIRST = (Date.UTC(1950, 0, 1) - EXCEL_EPOCH_MS) / DAY_MS;
const SERIAL_LAST = (Date.UTC(2199, 11, 31) - EXCEL_EPOCH_MS) / DAY_MS;

interface DecimalRule {
  maxDecimals: number;
  /** Canonical decimal the value may not exceed. */
  max: string;
  money: boolean;
}

const YEARS_EXPERIENCE: DecimalRule = { maxDecimals: 2, max: '60', money: false };
/** numeric(16,3) in the database */
const DELIVERY_KG: DecimalRule = { maxDecimals: 3, max: '9999999999999.999', money: false };
/** numeric(18,2) in the database */
const SETTLEMENT: DecimalRule = { maxDecimals: 2, max: '9999999999999999.99', money: true };

const RESIDENT_ID_MESSAGES: Record<string, string> = {
  ID_NUMBER_FORMAT: 'a resident ID has 18 characters: 17 digits, then a digit or X',
  ID_NUMBER_BIRTH_DATE: 'the birth date inside the number (characters 7 to 14) is not a real date; check for a typo',
  ID_NUMBER_FUTURE_BIRTH_DATE: 'the birth date inside the number (characters 7 to 14) is in the future; check for a typo',
  ID_NUMBER_CHECKSUM: 'the last character does not match the rest of the number; check for a typo',
};

function problem(field: string, code: RowProblemCode, detail: string, alias = CHINESE_ALIAS[field as RosterColumn] ?? field): RowProblem {
  return { field, code, message: `${alias} (${field}): ${detail}` };
}

/** A cell's value as trimmed text; '' when there is none. */
function textOf(cell: Cell | undefined): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
}

/** A value quoted back to the clerk: short, and with anything that looks like an identifier masked. */
function quoted(value: string): string {
  const masked = maskIdentifiersInText(value);
  return `"${masked.length > 40 ? `${masked.slice(0, 40)}…` : masked}"`;
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The number the digits text[from..to) spell, or -1 if any of them is not a digit. */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Where the point is in a plain unsigned decimal such as "1234" or "14.6": -1 when it has none, -2
 * when the text is anything else (sign, grouping, letters), which the slower full pattern then judges.
 */
function plainDecimalPoint(text: string): number {
  const n = text.length;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 && point === -1 && i > 0 && i < n - 1) point = i;
    else return -2;
  }
  return n === 0 ? -2 : point;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function decimalExceeds(int: string, frac: string, max: string): boolean {
  const dot = max.indexOf('.');
  const maxInt = dot === -1 ? max : max.slice(0, dot);
  if (int.length !== maxInt.length) return int.length > maxInt.length;
  if (int !== maxInt) return int > maxInt;
  const maxFrac = dot === -1 ? '' : max.slice(dot + 1);
  const width = Math.max(frac.length, maxFrac.length);
  return frac.padEnd(width, '0') > maxFrac.padEnd(width, '0');
}

function formatMax(max: string): string {
  const dot = max.indexOf('.');
  const int = dot === -1 ? max : max.slice(0, dot);
  return int.replace(/\B(?=(\d{3})+$)/g, ',') + (dot === -1 ? '' : max.slice(dot));
}

/**
 * The supplier codes of a file and the row that first used each. Rosters are often listed in code
 * order: a code above the highest so far is new without a lookup and goes to the end of a sorted
 * list, a code out of order is looked up there (binary search) and in a hash map that takes the new
 * ones. Once out-of-order codes are common the list moves into the map, which then takes everything.
 */
class SeenCodes {
  private ascending: string[] | null = [];
  private ascendingRows: number[] = [];
  private readonly others = new Map<string, number>();

  /** The row that already used `code`; undefined when it is new, and then `row` is kept as its first. */
  firstRowOrAdd(code: string, row: number): number | undefined {
    const ascending = this.ascending;
    if (ascending !== null) {
      const last = ascending.length - 1;
      if (last === -1 || code > ascending[last]) {
        ascending.push(detached(code));
        this.ascendingRows.push(row);
        return undefined;
      }
      if (this.others.size * 8 < ascending.length) {
        const index = binarySearch(ascending, code);
        if (index !== -1) return this.ascendingRows[index];
      } else {
        for (let i = 0; i <= last; i++) this.others.set(ascending[i], this.ascendingRows[i]);
        this.ascending = null;
        this.ascendingRows = [];
      }
    }
    const firstRow = this.others.get(code);
    if (firstRow === undefined) this.others.set(detached(code), row);
    return firstRow;
  }
}

function binarySearch(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const probe = sorted[mid];
    if (probe === value) return mid;
    if (probe < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class RosterRowValidator {
  private readonly seenCodes = new SeenCodes();

  /**
   * @param today the business date (YYYY-MM-DD): no birth date may be after it
   * @param layout the schema's roster: today's dairy roster unless another is given
   */
  constructor(
    private readonly today: string,
    private readonly layout: RosterLayout = DAIRY_LAYOUT,
  ) {
    if (!isIsoDate(today)) throw new RangeError(`today "${today}" is not a YYYY-MM-DD date`);
  }

  /** The role of the counterparties the rows describe. */
  get role(): string {
    return this.layout.role;
  }

  validate(rowNumber: number, cells: Cells): RowValidation {
    const problems: RowProblem[] = [];
    const supplierCode = this.supplierCode(rowNumber, cells.supplier_code, problems);
    const supplierType = this.supplierType(cells.supplier_type, problems);
    const name = this.requiredText('name', cells.name, NAME_MAX, problems);

    let idNumber: string | null = null;
    let legalRepIdNumber: string | null = null;
    let birthDate: string | null = null;
    if (supplierType === 'INDIVIDUAL') {
      const person = this.residentId('id_number', cells.id_number, problems);
      idNumber = person?.number ?? null;
      birthDate = person?.birthDate ?? null;
    } else if (supplierType === 'ENTITY') {
      idNumber = this.uscc(cells.id_number, problems);
      const representative = this.residentId('legal_rep_id_number', cells.legal_rep_id_number, problems);
      legalRepIdNumber = representative?.number ?? null;
      birthDate = representative?.birthDate ?? null;
    } else {
      // which standard the number follows depends on the type, so only its presence can be checked
      this.identifierText('id_number', cells.id_number, 'ID_NUMBER_STORED_AS_NUMBER', problems);
    }

    const phone = this.phone(cells.phone, problems);
    const bankAccount = this.bankAccount(supplierType, cells.bank_account, problems);
    const bankName = this.requiredText('bank_name', cells.bank_name, TEXT_MAX, problems);
    const dairy = this.layout.dairy;
    // in the column order of domain.md, as problems were always listed
    const farmName = dairy ? this.requiredText('farm_name', cells.farm_name, TEXT_MAX, problems) : null;
    const province = this.requiredText('province', cells.province, TEXT_MAX, problems);
    let herdSize: number | null = null;
    let yearsExperience: string | null = null;
    let epidemicCertNo: string | null = null;
    let epidemicCertExpiry: string | null = null;
    let deliveryMonths: number | null = null;
    let avgMonthlyDeliveryKg: string | null = null;
    let avgMonthlySettlement: string | null = null;
    if (dairy) {
      herdSize = this.integer('herd_size', cells.herd_size, 100_000, problems);
      yearsExperience = this.decimal('years_experience', cells.years_experience, YEARS_EXPERIENCE, true, problems);
      [epidemicCertNo, epidemicCertExpiry] = this.epidemicCert(cells, problems);
      deliveryMonths = this.integer('delivery_months', cells.delivery_months, 600, problems);
      avgMonthlyDeliveryKg = this.decimal('avg_monthly_delivery_kg', cells.avg_monthly_delivery_kg, DELIVERY_KG, true, problems);
      avgMonthlySettlement = this.decimal('avg_monthly_settlement', cells.avg_monthly_settlement, SETTLEMENT, false, problems);
    }
    const attributes = this.layout.attributes.length ? this.attributeValues(cells, problems) : undefined;

    if (
      problems.length > 0 ||
      supplierCode === null ||
      supplierType === null ||
      name === null ||
      idNumber === null ||
      birthDate === null ||
      phone === null ||
      bankAccount === null ||
      bankName === null ||
      province === null ||
      (dairy &&
        (farmName === null || herdSize === null || yearsExperience === null || deliveryMonths === null || avgMonthlyDeliveryKg === null))
    ) {
      const typed = textOf(cells.supplier_code);
      return { ok: false, supplierCode: typed === '' ? null : typed, problems };
    }
    return {
      ok: true,
      supplier: {
        supplierCode,
        supplierType,
        name,
        idNumber,
        legalRepIdNumber,
        phone,
        bankAccount,
        bankName,
        farmName,
        province,
        herdSize,
        yearsExperience,
        epidemicCertNo,
        epidemicCertExpiry,
        deliveryMonths,
        avgMonthlyDeliveryKg,
        avgMonthlySettlement,
        birthDate,
        ...(attributes === undefined ? {} : { attributes }),
      },
    };
  }

  /** The schema's stored attributes of a row, as JSON text in their canonical forms; problems added to `problems`. */
  private attributeValues(cells: Cells, problems: RowProblem[]): string {
    const values: Record<string, string | number | boolean> = {};
    for (const a of this.layout.attributes) {
      const v = this.attribute(a, cells[a.key], problems);
      if (v !== null) values[a.key] = v;
    }
    return JSON.stringify(values);
  }

  private attribute(a: AttributeDef, cell: Cell | undefined, problems: RowProblem[]): string | number | boolean | null {
    const alias = this.layout.alias(a.key);
    const fail = (code: RowProblemCode, detail: string) => {
      problems.push(problem(a.key, code, detail, alias));
      return null;
    };
    const text = textOf(cell);
    if (text === '' && !(cell instanceof Date)) return a.required ? fail('REQUIRED', 'this column must be filled in') : null;
    switch (a.type) {
      case 'TEXT':
        return text.length > TEXT_MAX && codePointLength(text) > TEXT_MAX
          ? fail('TOO_LONG', `at most ${TEXT_MAX} characters are allowed`)
          : text;
      case 'ENUM': {
        const value = a.values!.find((x) => x === text) ?? a.values!.find((x) => x.toUpperCase() === text.toUpperCase());
        return value ?? fail('ENUM_UNKNOWN', `${quoted(text)} is not one of ${a.values!.join(', ')}`);
      }
      case 'BOOLEAN': {
        const value = BOOLEAN_WORDS.get(text.toLowerCase());
        return value ?? fail('BOOLEAN_FORMAT', `${quoted(text)} is not yes or no; write 是/否, Y/N, TRUE/FALSE or 1/0`);
      }
      case 'DATE': {
        const before = problems.length;
        const date = this.date(a.key, cell, problems, alias);
        if (date === null || problems.length > before) return null;
        if ((a.min !== undefined && date < a.min) || (a.max !== undefined && date > a.max))
          return fail('OUT_OF_RANGE', `must be from ${a.min ?? 'any date'} to ${a.max ?? 'any date'}`);
        return date;
      }
      default:
        return this.number(a, cell, text, fail);
    }
  }

  /** INTEGER, DECIMAL or MONEY: a number as JSON number (INTEGER) or canonical decimal text, never through a float. */
  private number(
    a: AttributeDef,
    cell: Cell | undefined,
    typed: string,
    fail: (code: RowProblemCode, detail: string) => null,
  ): string | number | null {
    const money = a.type === 'MONEY';
    let text = typeof cell === 'number' ? (Number.isFinite(cell) ? cell.toPrecision(EXCEL_DIGITS) : '') : typed;
    if (money && CURRENCY_SIGN.test(text)) text = text.replace(CURRENCY_SIGN, '');
    const match = DECIMAL_TEXT.exec(text);
    const formatCode: RowProblemCode = a.type === 'INTEGER' ? 'NOT_AN_INTEGER' : money ? 'MONEY_FORMAT' : 'DECIMAL_FORMAT';
    if (match === null)
      return fail(formatCode, `${quoted(typed)} is not a number; write digits with an optional decimal point, like 1234.5`);
    const int = (match[2].includes(',') ? match[2].replace(/,/g, '') : match[2]).replace(/^0+(?=\d)/, '');
    const frac = (match[3] ?? '').replace(/0+$/, '');
    const maxDecimals = a.type === 'INTEGER' ? 0 : money ? 2 : ATTRIBUTE_DECIMALS;
    if (frac.length > maxDecimals)
      return fail(
        formatCode,
        a.type === 'INTEGER' ? `${quoted(typed)} is not a whole number` : `at most ${maxDecimals} decimals are allowed`,
      );
    if (int.length > ATTRIBUTE_DIGITS) return fail('OUT_OF_RANGE', `at most ${ATTRIBUTE_DIGITS} digits before the point`);
    const negative = match[1] === '-' && (int !== '0' || frac !== '');
    const canonical = `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
    const value = new Dec(canonical);
    if ((a.min !== undefined && value.lt(a.min)) || (a.max !== undefined && value.gt(a.max)))
      return fail('OUT_OF_RANGE', `must be from ${a.min ?? 'any'} to ${a.max ?? 'any'}`);
    if (a.type === 'INTEGER') return Number(canonical);
    return money ? `${negative ? '-' : ''}${int}.${frac.padEnd(2, '0')}` : canonical;
  }

  private supplierCode(rowNumber: number, cell: Cell | undefined, problems: RowProblem[]): string | null {
    const code = textOf(cell);
    if (code === '') {
      problems.push(problem('supplier_code', 'REQUIRED', 'the supplier code is missing'));
      return null;
    }
    const firstRow = this.seenCodes.firstRowOrAdd(code, rowNumber);
    if (code.length > SUPPLIER_CODE_MAX) {
      problems.push(problem('supplier_code', 'TOO_LONG', `the code has more than ${SUPPLIER_CODE_MAX} characters`));
      return null;
    }
    if (!SUPPLIER_CODE.test(code)) {
      problems.push(problem('supplier_code', 'SUPPLIER_CODE_FORMAT', 'use only letters A-Z, digits, "-" and "_", without spaces'));
      return null;
    }
    if (firstRow !== undefined) {
      problems.push(
        problem(
          'supplier_code',
          'DUPLICATE_SUPPLIER_CODE',
          `${quoted(code)} is already used on row ${firstRow} of this file; each supplier may appear only once`,
        ),
      );
      return null;
    }
    return code;
  }

  private supplierType(cell: Cell | undefined, problems: RowProblem[]): SupplierType | null {
    const text = textOf(cell);
    if (text === '') {
      problems.push(problem('supplier_type', 'REQUIRED', 'the supplier type is missing'));
      return null;
    }
    const type = SUPPLIER_TYPE_WORDS.get(text) ?? SUPPLIER_TYPE_WORDS.get(text.toUpperCase());
    if (type === undefined) {
      problems.push(
        problem(
          'supplier_type',
          'SUPPLIER_TYPE_UNKNOWN',
          `${quoted(text)} is not a supplier type; write INDIVIDUAL or 个人 for a person, ENTITY, 企业, 个体工商户 or 合作社 for a business`,
        ),
      );
      return null;
    }
    return type;
  }

  private requiredText(field: RosterColumn, cell: Cell | undefined, max: number, problems: RowProblem[]): string | null {
    const text = textOf(cell);
    if (text === '') {
      problems.push(problem(field, 'REQUIRED', 'this column must be filled in'));
      return null;
    }
    if (text.length > max && codePointLength(text) > max) {
      problems.push(problem(field, 'TOO_LONG', `at most ${max} characters are allowed`));
      return null;
    }
    return text;
  }

  /**
   * The text of an identifier, or null when it is missing or Excel has turned it into a number and
   * lost digits: such a value is never repaired, since the digits lost cannot be known.
   */
  private identifierText(
    field: RosterColumn,
    cell: Cell | undefined,
    storedAsNumber: RowProblemCode,
    problems: RowProblem[],
  ): string | null {
    let text: string;
    if (typeof cell === 'number') {
      text = String(cell);
      if (!Number.isSafeInteger(cell) || cell < 0 || text.length > EXCEL_DIGITS) {
        problems.push(problem(field, storedAsNumber, this.storedAsNumberMessage(field, 'is a number cell')));
        return null;
      }
    } else {
      text = textOf(cell);
      if (text.indexOf('+') !== -1 && SCIENTIFIC.test(text)) {
        problems.push(problem(field, storedAsNumber, this.storedAsNumberMessage(field, 'is in scientific notation (like 1.5E+17)')));
        return null;
      }
    }
    if (text === '') {
      problems.push(problem(field, 'REQUIRED', 'this column must be filled in'));
      return null;
    }
    return text;
  }

  private storedAsNumberMessage(field: RosterColumn, how: string): string {
    return (
      `the value ${how}: Excel stored it as a number and kept only its first ${EXCEL_DIGITS} digits, so the rest are lost. ` +
      `Format the ${CHINESE_ALIAS[field]} column as Text, type the numbers again and upload the file again`
    );
  }

  private residentId(field: 'id_number' | 'legal_rep_id_number', cell: Cell | undefined, problems: RowProblem[]): ResidentId | null {
    const text = this.identifierText(field, cell, 'ID_NUMBER_STORED_AS_NUMBER', problems);
    if (text === null) return null;
    const parsed = parseResidentId(text, this.today);
    if (!parsed.ok) {
      problems.push(problem(field, parsed.problem as RowProblemCode, RESIDENT_ID_MESSAGES[parsed.problem]));
      return null;
    }
    return parsed.value;
  }

  private uscc(cell: Cell | undefined, problems: RowProblem[]): string | null {
    const text = this.identifierText('id_number', cell, 'ID_NUMBER_STORED_AS_NUMBER', problems);
    if (text === null) return null;
    const parsed = parseUscc(text);
    if (parsed.ok) return parsed.value;
    if (parsed.problem === 'USCC_FORMAT') {
      problems.push(
        problem(
          'id_number',
          'USCC_FORMAT',
          'for an ENTITY this is its unified social credit code (统一社会信用代码), which has 18 characters',
        ),
      );
    } else if (parsed.problem === 'USCC_CHARACTER') {
      const bad = [...text.toUpperCase()].find((ch) => !USCC_ALPHABET.includes(ch)) ?? '';
      problems.push(
        problem(
          'id_number',
          'USCC_CHARACTER',
          `the unified social credit code contains "${bad}", which such codes never use (only digits and capital letters except I, O, S, V and Z); check for a typo such as O for 0`,
        ),
      );
    } else {
      problems.push(problem('id_number', 'USCC_CHECKSUM', 'the last character does not match the rest of the code; check for a typo'));
    }
    return null;
  }

  private phone(cell: Cell | undefined, problems: RowProblem[]): string | null {
    const text = textOf(cell);
    if (text === '') {
      problems.push(problem('phone', 'REQUIRED', 'the mobile number is missing'));
      return null;
    }
    if (!MOBILE_PATTERN.test(text)) {
      problems.push(
        problem('phone', 'PHONE_FORMAT', 'a mobile number has 11 digits and starts with 13 to 19, without spaces, dashes or +86'),
      );
      return null;
    }
    return text;
  }

  private bankAccount(type: SupplierType | null, cell: Cell | undefined, problems: RowProblem[]): string | null {
    const text = this.identifierText('bank_account', cell, 'BANK_ACCOUNT_STORED_AS_NUMBER', problems);
    if (text === null || type === null) return null;
    const parse = type === 'INDIVIDUAL' ? parseBankCard : parseCorporateAccount;
    let account = parse(text);
    // inner spaces as in "6228 4800 1234 5678" are rare, so they are looked for only once the text fails
    if (!account.ok && WHITESPACE.test(text)) account = parse(text.replace(ALL_WHITESPACE, ''));
    if (account.ok) return account.value;
    problems.push(
      account.problem === 'BANK_CARD_FORMAT'
        ? problem('bank_account', 'BANK_CARD_FORMAT', "an individual's bank card number has 16 to 19 digits")
        : account.problem === 'BANK_CARD_CHECKSUM'
          ? problem('bank_account', 'BANK_CARD_CHECKSUM', 'the card number fails its check digit; check for a typo')
          : problem('bank_account', 'BANK_ACCOUNT_FORMAT', "an ENTITY's settlement account has 8 to 32 digits"),
    );
    return null;
  }

  private integer(field: RosterColumn, cell: Cell | undefined, max: number, problems: RowProblem[]): number | null {
    let value: number;
    if (typeof cell === 'number') {
      // a formula result such as 120.00000000000001 is 120 to the 15 digits Excel keeps
      value = Number(cell.toPrecision(EXCEL_DIGITS));
      if (!Number.isInteger(value)) {
        problems.push(problem(field, 'NOT_AN_INTEGER', `${quoted(String(cell))} is not a whole number`));
        return null;
      }
    } else {
      const text = textOf(cell);
      if (text === '') {
        problems.push(problem(field, 'REQUIRED', 'this column must be filled in'));
        return null;
      }
      value = text.length <= 9 ? digitsValue(text, 0, text.length) : -1;
      if (value === -1) {
        if (!INTEGER_TEXT.test(text)) {
          problems.push(problem(field, 'NOT_AN_INTEGER', `${quoted(text)} is not a whole number`));
          return null;
        }
        value = Number(text.includes(',') ? text.replace(/,/g, '') : text);
      }
    }
    if (value < 0 || value > max) {
      problems.push(problem(field, 'OUT_OF_RANGE', `must be between 0 and ${max.toLocaleString('en')}`));
      return null;
    }
    return value;
  }

  /** A non-negative decimal as a canonical string (two decimals for money), never through a float. */
  private decimal(
    field: RosterColumn,
    cell: Cell | undefined,
    rule: DecimalRule,
    required: boolean,
    problems: RowProblem[],
  ): string | null {
    let text: string;
    if (typeof cell === 'number') {
      // the cell already holds a binary float; its 15 significant digits are what Excel shows
      text = Number.isFinite(cell) ? cell.toPrecision(EXCEL_DIGITS) : '';
    } else {
      text = textOf(cell);
      if (rule.money && CURRENCY_SIGN.test(text)) text = text.replace(CURRENCY_SIGN, '');
    }
    if (text === '') {
      if (required) problems.push(problem(field, 'REQUIRED', 'this column must be filled in'));
      return null;
    }
    const formatCode: RowProblemCode = rule.money ? 'MONEY_FORMAT' : 'DECIMAL_FORMAT';
    let sign = '';
    let int: string;
    let fraction: string;
    const point = plainDecimalPoint(text);
    if (point !== -2) {
      int = point === -1 ? text : text.slice(0, point);
      fraction = point === -1 ? '' : text.slice(point + 1);
    } else {
      const match = DECIMAL_TEXT.exec(text);
      if (match === null) {
        problems.push(
          problem(field, formatCode, `${quoted(text)} is not a number; write digits with an optional decimal point, like 1234.5`),
        );
        return null;
      }
      sign = match[1];
      int = match[2].includes(',') ? match[2].replace(/,/g, '') : match[2];
      fraction = match[3] ?? '';
    }
    if (int.length > 1 && int.charCodeAt(0) === 48) int = int.replace(/^0+(?=\d)/, '');
    const frac = fraction.endsWith('0') ? fraction.replace(/0+$/, '') : fraction;
    if (frac.length > rule.maxDecimals) {
      problems.push(problem(field, formatCode, `at most ${rule.maxDecimals} decimals are allowed`));
      return null;
    }
    if ((sign === '-' && (int !== '0' || frac !== '')) || decimalExceeds(int, frac, rule.max)) {
      problems.push(problem(field, 'OUT_OF_RANGE', `must be between 0 and ${formatMax(rule.max)}`));
      return null;
    }
    if (rule.money) return `${int}.${frac.padEnd(2, '0')}`;
    return frac === '' ? int : `${int}.${frac}`;
  }

  private epidemicCert(cells: Cells, problems: RowProblem[]): [string | null, string | null] {
    const number = textOf(cells.epidemic_cert_no);
    const expiryGiven = textOf(cells.epidemic_cert_expiry) !== '';
    if (number.length > TEXT_MAX && codePointLength(number) > TEXT_MAX) {
      problems.push(problem('epidemic_cert_no', 'TOO_LONG', `at most ${TEXT_MAX} characters are allowed`));
    } else if (number === '' && expiryGiven) {
      problems.push(
        problem('epidemic_cert_no', 'REQUIRED', `${CHINESE_ALIAS.epidemic_cert_expiry} is filled in but the certificate number is missing`),
      );
    }
    if (!expiryGiven) {
      if (number !== '') {
        problems.push(problem('epidemic_cert_expiry', 'REQUIRED', 'the expiry date is required when a certificate number is given'));
      }
      return [number === '' ? null : number, null];
    }
    return [number === '' ? null : number, this.date('epidemic_cert_expiry', cells.epidemic_cert_expiry, problems)];
  }

  private date(field: string, cell: Cell | undefined, problems: RowProblem[], alias?: string): string | null {
    // an invalid Date reads as blank (textOf), so it never gets here
    if (cell instanceof Date) return cell.toISOString().slice(0, 10);
    if (typeof cell === 'number') {
      if (!Number.isInteger(cell) || cell < SERIAL_FIRST || cell > SERIAL_LAST) {
        problems.push(
          problem(field, 'DATE_FORMAT', `${quoted(String(cell))} is a number, not a date; write a date like 2026-05-01`, alias),
        );
        return null;
      }
      return new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10);
    }
    const text = textOf(cell);
    if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
      const year = digitsValue(text, 0, 4);
      const month = digitsValue(text, 5, 7);
      const day = digitsValue(text, 8, 10);
      if (year !== -1 && month !== -1 && day !== -1) {
        if (isRealDate(year, month, day)) return text;
        problems.push(problem(field, 'DATE_INVALID', `${quoted(text)} is not a real calendar date`, alias));
        return null;
      }
    }
    const match = DATE_TEXT.exec(text);
    if (match === null) {
      problems.push(
        problem(field, 'DATE_FORMAT', `${quoted(text)} is not a date; write it like 2026-05-01, 2026/5/1 or 2026年5月1日`, alias),
      );
      return null;
    }
    const year = Number(match[1]);
    const month = Number(match[2] ?? match[4] ?? match[6]);
    const day = Number(match[3] ?? match[5] ?? match[7]);
    if (!isRealDate(year, month, day)) {
      problems.push(problem(field, 'DATE_INVALID', `${quoted(text)} is not a real calendar date`, alias));
      return null;
    }
    return `${match[1]}-${pad2(month)}-${pad2(day)}`;
  }
}
