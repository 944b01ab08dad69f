/**
 * The supplier roster's columns (domain.md, "Roster columns"), in the order the reference generator
 * writes them. `required` is per file: legal_rep_id_number and epidemic_cert_expiry are required only
 * on some rows, so a file may leave them out and let those rows fail.
 */
export const ROSTER_COLUMNS = [
  { name: 'supplier_code', alias: '供应商编号', required: true },
  { name: 'supplier_type', alias: '主体类型', required: true },
  { name: 'name', alias: '名称', required: true },
  { name: 'id_number', alias: '证件号码', required: true },
  { name: 'legal_rep_id_number', alias: '法定代表人身份证号', required: false },
  { name: 'phone', alias: '手机号', required: true },
  { name: 'bank_account', alias: '银行账号', required: true },
  { name: 'bank_name', alias: '开户行', required: true },
  { name: 'farm_name', alias: '牧场名称', required: true },
  { name: 'province', alias: '省份', required: true },
  { name: 'herd_size', alias: '存栏数', required: true },
  { name: 'years_experience', alias: '养殖年限', required: true },
  { name: 'epidemic_cert_no', alias: '动物防疫条件合格证号', required: false },
  { name: 'epidemic_cert_expiry', alias: '防疫证有效期至', required: false },
  { name: 'delivery_months', alias: '供奶月数', required: true },
  { name: 'avg_monthly_delivery_kg', alias: '月均交奶量kg', required: true },
  { name: 'avg_monthly_settlement', alias: '月均结算金额', required: false },
] as const;

export type RosterColumn = (typeof ROSTER_COLUMNS)[number]['name'];

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
