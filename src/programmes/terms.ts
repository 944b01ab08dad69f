import { isTimeZone } from '../common/business-date.js';
import type { FieldError } from '../common/errors.js';
import { Dec, isDecimalString, isMoneyString } from '../common/money.js';

/**
 * The checks of a programme's terms that class-validator cannot express. Each leaves a value of the
 * wrong type alone: the field's own constraints name it.
 */

const problem = (field: string, code: string, message: string): FieldError[] => [{ field, code, message }];

export const minAmountProblems = (v: unknown): FieldError[] =>
  isMoneyString(v) && new Dec(v).lte(0) ? problem('minAmount', 'AMOUNT_NOT_POSITIVE', 'minAmount must be above 0') : [];

export const annualRateProblems = (v: unknown): FieldError[] =>
  isDecimalString(v) && new Dec(v).gte(1)
    ? problem('annualRate', 'RATE_OUT_OF_RANGE', 'annualRate must be in [0, 1), such as "0.0435"')
    : [];

export const guaranteeRatioProblems = (v: unknown): FieldError[] =>
  isDecimalString(v) && (new Dec(v).lte(0) || new Dec(v).gt(1))
    ? problem('guaranteeRatio', 'RATIO_OUT_OF_RANGE', 'guaranteeRatio must be in (0, 1], such as "0.5"')
    : [];

/**
 * At most twice the rate: the PBOC's penalty rules (银发〔2003〕251号) add 30-50% for overdue loans
 * and 50-100% for misused ones.
 */
export const MAX_PENALTY_RATE_MULTIPLIER = '2';

export const penaltyMultiplierProblems = (v: unknown): FieldError[] =>
  isDecimalString(v) && (new Dec(v).lt(1) || new Dec(v).gt(MAX_PENALTY_RATE_MULTIPLIER))
    ? problem(
        'penaltyRateMultiplier',
        'MULTIPLIER_OUT_OF_RANGE',
        `penaltyRateMultiplier must be from 1 to ${MAX_PENALTY_RATE_MULTIPLIER}, such as "1.5"`,
      )
    : [];

export const settlementRatioProblems = (v: unknown): FieldError[] =>
  isDecimalString(v) && (new Dec(v).lte(0) || new Dec(v).gt(1))
    ? problem('settlementDeductionRatio', 'RATIO_OUT_OF_RANGE', 'settlementDeductionRatio must be in (0, 1], such as "0.80"')
    : [];

/** DOWNSTREAM programmes lend up to this share of a purchase order; UPSTREAM ones have none. */
export const advanceRatioProblems = (v: unknown, direction: unknown): FieldError[] => {
  if (direction !== 'DOWNSTREAM')
    return v === undefined
      ? []
      : problem('advanceRatio', 'ADVANCE_RATIO_NOT_FOR_UPSTREAM', 'advanceRatio is for DOWNSTREAM programmes only');
  if (v === undefined) return problem('advanceRatio', 'REQUIRED', 'a DOWNSTREAM programme needs advanceRatio, such as "0.70"');
  return isDecimalString(v) && (new Dec(v).lte(0) || new Dec(v).gt(1))
    ? problem('advanceRatio', 'RATIO_OUT_OF_RANGE', 'advanceRatio must be in (0, 1], such as "0.70"')
    : [];
};

export const timeZoneProblems = (v: unknown): FieldError[] =>
  typeof v === 'string' && !isTimeZone(v) ? problem('timeZone', 'UNKNOWN_TIME_ZONE', `timeZone ${v} is not an IANA time zone`) : [];

export const amountRangeProblems = (min: unknown, max: unknown): FieldError[] =>
  isMoneyString(min) && isMoneyString(max) && new Dec(min).gt(max)
    ? problem('maxAmount', 'MIN_ABOVE_MAX', `maxAmount ${max} is below minAmount ${min}`)
    : [];

export const termRangeProblems = (min: unknown, max: unknown): FieldError[] =>
  Number.isInteger(min) && Number.isInteger(max) && (min as number) > (max as number)
    ? problem('maxTermDays', 'MIN_ABOVE_MAX', `maxTermDays ${max} is below minTermDays ${min}`)
    : [];

/** A change may leave a field out, never clear it: @IsOptional() lets null through to a NOT NULL column. */
export const nullProblems = (body: Record<string, unknown>): FieldError[] =>
  Object.keys(body)
    .filter((field) => body[field] === null)
    .map((field) => ({ field, code: 'NOT_NULLABLE', message: `${field} cannot be null; leave it out to keep the current value` }));
