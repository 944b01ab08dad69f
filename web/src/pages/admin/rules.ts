import type { EligibilityRule } from '../../api/types';

export const FACTS = [
  'yearsExperience',
  'herdSize',
  'deliveryMonths',
  'avgMonthlyDeliveryKg',
  'avgMonthlySettlement',
  'age',
  'epidemicCertValidDays',
  'supplierType',
  'province',
  'hasEpidemicCert',
  'blacklisted',
  'hasOverdueLoan',
] as const;
export const OPERATORS = ['>=', '>', '<=', '<', '==', '!=', 'between', 'in', 'notIn', 'isTrue', 'isFalse'] as const;

/** A rule as the editor holds it: its value as the user types it. */
export interface RuleRow {
  name: string;
  fact: string;
  operator: string;
  value?: string;
}

const scalar = (text: string): string | number | boolean => {
  const s = text.trim();
  if (s === 'true' || s === 'false') return s === 'true';
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
};

/** The typed value into the rule's JSON value: a pair for between, a list for in/notIn, none for isTrue/isFalse. */
export function toRule(row: RuleRow): EligibilityRule {
  const text = row.value ?? '';
  const parts = () => text.split(/[,，]/).map(scalar);
  const base = { name: row.name.trim(), fact: row.fact, operator: row.operator } as EligibilityRule;
  if (row.operator === 'isTrue' || row.operator === 'isFalse') return base;
  const value = row.operator === 'between' || row.operator === 'in' || row.operator === 'notIn' ? parts() : scalar(text);
  return { ...base, value } as unknown as EligibilityRule;
}

export function toRow(rule: EligibilityRule): RuleRow {
  const value = (rule as { value?: unknown }).value;
  return {
    name: rule.name,
    fact: rule.fact,
    operator: rule.operator,
    value: value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value),
  };
}

/** after − before of two decimal money strings, exactly (through integer fen, never a float). */
export function moneyDelta(before: string, after: string): string {
  const fen = (v: string) => {
    const [w, f = ''] = v.replace(/^-/, '').split('.');
    const n = BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
    return v.startsWith('-') ? -n : n;
  };
  const d = fen(after) - fen(before);
  const abs = d < 0n ? -d : d;
  return `${d < 0n ? '-' : d > 0n ? '+' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
