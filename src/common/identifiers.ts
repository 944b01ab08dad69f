/**
 * Chinese identifiers, exactly as the standards define them (see docs: domain.md).
 * Pure functions; validation answers a code the roster report and the API can show.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** GB 11643-1999 check character of the first 17 digits. */
export function residentIdCheckChar(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (body17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[s % 11];
}

export interface ResidentId {
  /** Normalised: upper-case X. */
  number: string;
  /** YYYY-MM-DD */
  birthDate: string;
  male: boolean;
}

/** Validates a resident ID; `today` (YYYY-MM-DD) bounds the birth date. */
export function parseResidentId(raw: string, today: string): ValidationResult<ResidentId> {
  const v = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, problem: 'ID_NUMBER_FORMAT' };
  const y = v.slice(6, 10);
  const m = v.slice(10, 12);
  const d = v.slice(12, 14);
  if (!isRealDate(Number(y), Number(m), Number(d)) || Number(y) < 1900) {
    return { ok: false, problem: 'ID_NUMBER_BIRTH_DATE' };
  }
  const birthDate = `${y}-${m}-${d}`;
  if (birthDate > today) return { ok: false, problem: 'ID_NUMBER_FUTURE_BIRTH_DATE' };
  if (residentIdCheckChar(v) !== v[17]) return { ok: false, problem: 'ID_NUMBER_CHECKSUM' };
  return { ok: true, value: { number: v, birthDate, male: Number(v[16]) % 2 === 1 } };
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character of the first 17 characters (which must be in the alphabet). */
export function usccCheckChar(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(body17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (s % 31)) % 31];
}

/** Validates a unified social credit code; lower-case letters are accepted and upper-cased. */
export function parseUscc(raw: string): ValidationResult<string> {
  const v = raw.toUpperCase();
  if (v.length !== 18) return { ok: false, problem: 'USCC_FORMAT' };
  for (const ch of v) if (!USCC_ALPHABET.includes(ch)) return { ok: false, problem: 'USCC_CHARACTER' };
  if (usccCheckChar(v) !== v[17]) return { ok: false, problem: 'USCC_CHECKSUM' };
  return { ok: true, value: v };
}

/** Luhn check digit for a digit string (the digit to append). */
export function luhnCheckDigit(body: string): string {
  let s = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    s += d;
  }
  return String((10 - (s % 10)) % 10);
}

export function isLuhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits[digits.length - 1];
}

/** INDIVIDUAL bank card: 16-19 digits, Luhn-valid. */
export function parseBankCard(raw: string): ValidationResult<string> {
  if (!/^\d{16,19}$/.test(raw)) return { ok: false, problem: 'BANK_CARD_FORMAT' };
  if (!isLuhnValid(raw)) return { ok: false, problem: 'BANK_CARD_CHECKSUM' };
  return { ok: true, value: raw };
}

/** ENTITY settlement account: 8-32 digits. */
export function parseCorporateAccount(raw: string): ValidationResult<string> {
  return /^\d{8,32}$/.test(raw) ? { ok: true, value: raw } : { ok: false, problem: 'BANK_ACCOUNT_FORMAT' };
}

/** A UUID in its text form (any version): the only thing that may name a row by id. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export function isMobile(raw: string): boolean {
  return MOBILE_PATTERN.test(raw);
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** Completed years between a birth date and a date, both YYYY-MM-DD (29 Feb birthdays turn on 1 Mar). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

// ---- masking (PIPL): lists, logs and exports never show a full identifier ----

/** Keeps the first `head` and last `tail` characters: 150102********4377. */
export function mask(value: string | null | undefined, head: number, tail: number): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

export const maskIdNumber = (v: string | null | undefined) => mask(v, 6, 4);
export const maskBankAccount = (v: string | null | undefined) => mask(v, 4, 4);
export const maskPhone = (v: string | null | undefined) => mask(v, 3, 4);

/** A counterparty row's personal identifiers as every list and read shows them: masked. */
export function maskedIdentifiers(r: { id_number: string; legal_rep_id_number: string | null; phone: string; bank_account: string }) {
  return {
    idNumber: maskIdNumber(r.id_number)!,
    legalRepIdNumber: maskIdNumber(r.legal_rep_id_number),
    phone: maskPhone(r.phone)!,
    bankAccount: maskBankAccount(r.bank_account)!,
  };
}

/**
 * Where an identifier may start: after a non-digit or a URL percent-escape. A word boundary (\b) is
 * not enough: it misses an identifier glued to letters ("ID1101...") or to an escape in a logged
 * URL ("q=%20" + id, or a Chinese name encoded as "%E4%B8%89" + id).
 */
const START = String.raw`(?<=^|\D|%[0-9A-Fa-f]{2})`;
const ID_IN_TEXT = new RegExp(String.raw`${START}\d{17}[\dXx](?!\d)`, 'g');
const ACCOUNT_IN_TEXT = new RegExp(String.raw`${START}\d{12,32}(?!\d)`, 'g');
const MOBILE_IN_TEXT = new RegExp(String.raw`${START}1[3-9]\d{9}(?!\d)`, 'g');

/** Masks anything in free text that looks like a resident ID, card number or mobile number. */
export function maskIdentifiersInText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (m) => maskIdNumber(m)!)
    .replace(ACCOUNT_IN_TEXT, (m) => maskBankAccount(m)!)
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m)!);
}
