import { headerKey } from '../../common/header-key.js';
import {
  IDENTITY_COLUMNS,
  IDENTITY_EXTRA_ALIASES,
  hasDairyColumns,
  storedAttributes,
  type AttributeDef,
  type CounterpartyRole,
} from '../../counterparties/roster-schema.js';
import { SUPPLIER_ROSTER_COLUMNS } from '../../suppliers/roster-columns.js';

type FileColumn = Extract<(typeof SUPPLIER_ROSTER_COLUMNS)[number], { header: object }>;

/** The columns of a dairy roster file: the supplier roster columns that a header names, in the order the reference generator writes them. */
export const ROSTER_COLUMNS = SUPPLIER_ROSTER_COLUMNS.filter((c): c is FileColumn => c.header !== null).map((c) => ({
  name: c.name,
  alias: c.header.alias,
  required: c.header.required,
}));

export type RosterColumn = FileColumn['name'];

export const COLUMN_NAMES: readonly RosterColumn[] = ROSTER_COLUMNS.map((c) => c.name);

export const CHINESE_ALIAS = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.name, c.alias])) as Record<RosterColumn, string>;

/**
 * What a roster of one schema looks like: its columns (identity, the dairy ones when the schema has
 * them, then its stored attributes), the headers that name each, and the attributes to read.
 */
export interface RosterLayout {
  role: CounterpartyRole;
  /** The dairy columns, checked as domain.md has them. */
  dairy: boolean;
  /** Attributes kept in `attributes`, in schema order. */
  attributes: AttributeDef[];
  columns: { name: string; required: boolean }[];
  /** Header text (as headerKey folds it) → column. */
  byHeader: ReadonlyMap<string, string>;
  /** The header a problem message names a column by. */
  alias: (column: string) => string;
}

export function rosterLayout(role: CounterpartyRole, schemaAttributes: readonly AttributeDef[]): RosterLayout {
  const dairy = hasDairyColumns(schemaAttributes);
  const attributes = storedAttributes(schemaAttributes);
  const byHeader = new Map<string, string>();
  const aliases = new Map<string, string>();
  const columns: { name: string; required: boolean }[] = [];
  const add = (name: string, required: boolean, headers: readonly string[]) => {
    columns.push({ name, required });
    aliases.set(name, headers[1] ?? name);
    for (const h of headers) byHeader.set(headerKey(h), name);
  };
  for (const c of ROSTER_COLUMNS) {
    if (!dairy && !IDENTITY_COLUMNS.some((i) => i.name === c.name)) continue;
    add(c.name, c.required, [c.name, c.alias, ...(dairy ? [] : (IDENTITY_EXTRA_ALIASES[c.name] ?? []))]);
  }
  for (const a of attributes) add(a.key, a.required, [a.key, ...a.aliases]);
  return { role, dairy, attributes, columns, byHeader, alias: (c) => aliases.get(c) ?? c };
}

/** Today's dairy roster: the layout of a supplier without a schema of its own. */
export const DAIRY_LAYOUT: RosterLayout = (() => {
  const byHeader = new Map<string, string>(
    ROSTER_COLUMNS.flatMap((c) => [[headerKey(c.name), c.name] as const, [headerKey(c.alias), c.name] as const]),
  );
  return {
    role: 'SUPPLIER',
    dairy: true,
    attributes: [],
    columns: ROSTER_COLUMNS.map((c) => ({ name: c.name, required: c.required })),
    byHeader,
    alias: (c: string) => CHINESE_ALIAS[c as RosterColumn] ?? c,
  };
})();

export interface HeaderMapping<C extends string = string> {
  /** For each header cell, the column it holds; null for an unknown, blank or repeated header. */
  columns: (C | null)[];
  /** Header texts that name no roster column, once each, as written (trimmed). */
  unknown: string[];
  /** Required columns the file does not have: the whole file is to be rejected. */
  missing: C[];
  /** Columns given more than once: ambiguous, so the whole file is to be rejected. */
  duplicated: C[];
}

/** Without a layout: today's dairy roster, whose columns are the RosterColumn names. */
export function mapHeaders(headers: string[]): HeaderMapping<RosterColumn>;
export function mapHeaders(headers: string[], layout: RosterLayout): HeaderMapping;
export function mapHeaders(headers: string[], layout: RosterLayout = DAIRY_LAYOUT): HeaderMapping {
  const columns: (string | null)[] = [];
  const unknown: string[] = [];
  const duplicated: string[] = [];
  const seen = new Set<string>();
  for (const header of headers) {
    const key = headerKey(header);
    const column = layout.byHeader.get(key);
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
  const missing = layout.columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  return { columns, unknown, missing, duplicated };
}
