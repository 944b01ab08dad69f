/**
 * CSV for people who open it in Excel: UTF-8 with a BOM (so Chinese shows), quoted where needed, and
 * no cell that Excel would run as a formula (OWASP "CSV injection": a leading = + - @ TAB or CR gets a
 * leading apostrophe).
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
