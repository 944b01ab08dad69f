import type { FieldError } from '../common/errors.js';
import { DECIMAL_PATTERN, MONEY_PATTERN } from '../common/money.js';

/**
 * A programme's credit-limit formula (api.md, "Eligibility rules and limit formula"): the smallest of
 * the terms present, rounded down. Programmes own its shape and check what they store; eligibility
 * computes it (src/eligibility/limit.ts).
 */
export interface LimitFormula {
  maxAmount?: string;
  settlementMultiple?: string;
  perHeadAmount?: string;
  roundDownTo?: string;
}

const FORMULA_KEYS = ['maxAmount', 'settlementMultiple', 'perHeadAmount', 'roundDownTo'] as const;

export function validateFormula(input: unknown, field = 'limitFormula'): FieldError[] {
  const errors: FieldError[] = [];
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return [{ field, code: 'FORMULA_NOT_AN_OBJECT', message: `${field} must be an object` }];
  }
  const f = input as Record<string, unknown>;
  for (const k of Object.keys(f)) {
    if (!(FORMULA_KEYS as readonly string[]).includes(k)) {
      errors.push({
        field: `${field}.${k}`,
        code: 'UNKNOWN_FIELD',
        message: `${field}.${k} is not a formula term (${FORMULA_KEYS.join(', ')})`,
      });
    }
  }
  const money = (k: string, positive: boolean) => {
    if (f[k] === undefined) return;
    if (typeof f[k] !== 'string' || !MONEY_PATTERN.test(f[k] as string) || (positive && /^0(\.0+)?$/.test(f[k] as string))) {
      errors.push({
        field: `${field}.${k}`,
        code: 'FORMULA_TERM_INVALID',
        message: `${field}.${k} must be a ${positive ? 'positive ' : ''}decimal string with at most 2 decimals, such as "1000"`,
      });
    }
  };
  money('maxAmount', false);
  money('perHeadAmount', false);
  money('roundDownTo', true);
  if (f.settlementMultiple !== undefined && (typeof f.settlementMultiple !== 'string' || !DECIMAL_PATTERN.test(f.settlementMultiple))) {
    errors.push({
      field: `${field}.settlementMultiple`,
      code: 'FORMULA_TERM_INVALID',
      message: `${field}.settlementMultiple must be a non-negative decimal string, such as "3"`,
    });
  }
  if (f.maxAmount === undefined && f.settlementMultiple === undefined && f.perHeadAmount === undefined) {
    errors.push({ field, code: 'FORMULA_EMPTY', message: `${field} needs at least one of maxAmount, settlementMultiple, perHeadAmount` });
  }
  return errors;
}
