import { luhnCheckDigit, residentIdCheckChar, USCC_ALPHABET, usccCheckChar } from '../../src/common/identifiers.js';

let counter = Math.floor(Math.random() * 1e6);
const next = () => ++counter;

/** A valid resident ID for someone born on `birthDate` (YYYY-MM-DD). */
export function residentId(birthDate = '1980-05-17', region = '150102', seq = next() % 1000): string {
  const body = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** A valid unified social credit code, different each call. */
export function uscc(): string {
  let n = next() * 7919 + Math.floor(Math.random() * 1e9);
  let org = '';
  for (let i = 0; i < 9; i++) {
    org += USCC_ALPHABET[n % 31];
    n = Math.floor(n / 31) + i * 17;
  }
  const body = `91150102${org}`;
  return body + usccCheckChar(body);
}

/** A Luhn-valid 19-digit card number. */
export function bankCard(): string {
  const body = `622848${String(next() % 1e6).padStart(6, '0')}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return body + luhnCheckDigit(body);
}

export function mobile(): string {
  return `138${String(next() % 1e8).padStart(8, '0')}`;
}
