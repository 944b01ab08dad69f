import { SUPPLIER_ROSTER_COLUMNS } from '../../suppliers/roster-columns.js';

type FileColumn = Extract<(typeof SUPPLIER_ROSTER_COLUMNS)[number], { header: object }>;

/** The columns of a roster file: the supplier roster columns that a header names, in the order the reference generator writes them. */
export const ROSTER_COLUMNS = SUPPLIER_ROSTER_COLUMNS.filter((c): c is FileColumn => c.header !== null).map((c) => ({
  name: c.name,
  alias: c.header.alias,
  required: c.header.required,
}));

export type RosterColumn = FileColumn['name'];

export const COLUMN_NAMES: readonly RosterColumn[] = ROSTER_COLUMNS.map((c) => c.name);

export const CHINESE_ALIAS = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.name, c.alias])) as Record<RosterColumn, string>;

export interface HeaderMapping {
  /** For each header cell, the column it holds; null for an unknown, blank or repeated header. */
  columns: (RosterColumn | null)[];
  /** Header texts that name no roster column, once each, as written (trimmed). */
  unknown: string[];
  /** Required columns the file does not have: the whole file is to be rejected. */
  missing: RosterColumn[];
  /** Columns given more than once: ambiguous, so the whole file is to be rejected. */
  duplicated: RosterColumn[];
}

/**
 * NFKC folds what a Chinese keyboard or Excel tends to slip into headers (full-width letters and
 * brackets, the ideographic space) into plain characters, so '月均交奶量ＫＧ' still matches.
 */
function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .trim()
    .toLowerCase();
}

const COLUMN_BY_KEY = new Map<string, RosterColumn>(
  ROSTER_COLUMNS.flatMap((c) => [
    [headerKey(c.name), c.name],
    [headerKey(c.alias), c.name],
  ]),
);

export function mapHeaders(headers: string[]): HeaderMapping {
  const columns: (RosterColumn | null)[] = [];
  const unknown: string[] = [];
  const duplicated: RosterColumn[] = [];
  const seen = new Set<RosterColumn>();
  for (const header of headers) {
    const key = headerKey(header);
    const column = COLUMN_BY_KEY.get(key);
    if (column === undefined) {
      const shown = header.trim();
      if (key !== '' && !unknown.includes(shown)) unknown.push(shown);
      columns.push(null);
    } else if (seen.has(column)) {
      if (!duplicated.includes(column)) duplicated.push(column);
      columns.push(null);
    } else {
      seen.add(column);
      columns.push(column);
    }
  }
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  return { columns, unknown, missing, duplicated };
}
