import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { Checked, CheckedBody, IsDecimalString, IsMoney, IsNotBlank } from '../common/validation.js';
import { validateFormula, type LimitFormula } from './limit-formula.js';
import { ApiDecimal } from '../common/openapi.js';
import { FACTS, OPERATORS, validateRules, type EligibilityRule } from './rules.js';
import {
  advanceRatioProblems,
  amountRangeProblems,
  annualRateProblems,
  guaranteeRatioProblems,
  minAmountProblems,
  nullProblems,
  penaltyMultiplierProblems,
  settlementRatioProblems,
  termRangeProblems,
  timeZoneProblems,
} from './terms.js';

export const DIRECTIONS = ['UPSTREAM', 'DOWNSTREAM'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const REPAYMENT_TYPES = ['INTEREST_MONTHLY', 'BULLET'] as const;
export type RepaymentType = (typeof REPAYMENT_TYPES)[number];

/**
 * domain.md "Servicing": how the programme's loans are serviced. Each loan freezes the first four (with
 * the rate and day-count basis) at its final approval; the settlement settings stay the programme's.
 */
const SERVICING = {
  repaymentType: {
    enum: REPAYMENT_TYPES,
    description:
      'INTEREST_MONTHLY (按月付息、到期还本: interest on each interestDay and at maturity, principal at maturity) or BULLET (everything at maturity)',
  },
  interestDay: {
    type: 'integer' as const,
    example: 21,
    minimum: 1,
    maximum: 31,
    description: "day of the month interest is billed on, clamped to the month's last day",
  },
  graceDays: {
    type: 'integer' as const,
    example: 3,
    minimum: 0,
    maximum: 90,
    description: 'days after a due date before the loan counts as overdue (at most 90: past that the loan is SUBSTANDARD)',
  },
  penaltyRateMultiplier: { example: '1.5', description: 'overdue principal accrues at annualRate x this (罚息); from 1 to 2' },
  settlementDeductionRatio: {
    example: '0.80',
    description: "the most of a supplier's settlement that may go to the bank, in (0, 1]",
  },
  prepayFromSettlement: { description: 'whether a settlement may also repay principal not yet due' },
} as const;

const RULES_EXAMPLE = [
  { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
  { name: 'epidemic-cert', fact: 'epidemicCertValidDays', operator: '>=', value: 30 },
  { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
  { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
  { name: 'deliveries', fact: 'deliveryMonths', operator: '>=', value: 12 },
];
const FORMULA_EXAMPLE = { maxAmount: '500000.00', settlementMultiple: '3', perHeadAmount: '8000.00', roundDownTo: '1000' };

const RULES_DOC =
  'Named conditions over supplier facts, all of which must pass. Facts: yearsExperience, herdSize, deliveryMonths, ' +
  'avgMonthlyDeliveryKg, avgMonthlySettlement, age, epidemicCertValidDays (numbers); supplierType, province (text); ' +
  'hasEpidemicCert, blacklisted, hasOverdueLoan (booleans) for the dairy template; age, supplierType, province, blacklisted, ' +
  "hasOverdueLoan and every attribute of the programme's roster schema by key (DATE attributes as days from the evaluation date) " +
  'for any schema, checked against it. Operators: >= > <= < == != between in notIn isTrue isFalse.';
const FORMULA_DOC =
  'limit = min(maxAmount, settlementMultiple x avgMonthlySettlement, perHeadAmount x herdSize) rounded down to roundDownTo; ' +
  'terms absent from the formula are left out, a term whose fact is missing counts as 0. Decimal strings. ' +
  'terms: [{fact, multiple}] adds multiple x a numeric fact or attribute to the min (e.g. 0.25 x annual_purchase_amount).';

/** For the OpenAPI document; the rule list itself is checked by validateRules, with exact paths. */
export class EligibilityRuleDoc {
  @ApiProperty({ example: 'experience' }) name: string;
  @ApiProperty({
    example: 'yearsExperience',
    description: `a built-in fact (${FACTS.join(', ')}) or an attribute key of the roster schema`,
  })
  fact: string;
  @ApiProperty({ enum: OPERATORS }) operator: string;
  @ApiPropertyOptional({
    oneOf: [
      { type: 'number' },
      { type: 'string' },
      { type: 'boolean' },
      { type: 'array', items: { oneOf: [{ type: 'number' }, { type: 'string' }] } },
    ],
    description: 'a number, text, boolean, [low, high] for between, or a list for in/notIn; none for isTrue/isFalse',
  })
  value?: unknown;
}

export class LimitTermDoc {
  @ApiProperty({ example: 'annual_purchase_amount', description: 'a numeric fact or attribute' }) fact: string;
  @ApiProperty({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', example: '0.25' }) multiple: string;
}

export class LimitFormulaDoc {
  @ApiDecimal('500000.00', { required: false }) maxAmount?: string;
  @ApiPropertyOptional({ type: [LimitTermDoc], example: [{ fact: 'annual_purchase_amount', multiple: '0.25' }] }) terms?: LimitTermDoc[];
  @ApiDecimal('3', { required: false }) settlementMultiple?: string;
  @ApiDecimal('8000.00', { required: false }) perHeadAmount?: string;
  @ApiDecimal('1000', { required: false }) roundDownTo?: string;
}

export class CreateProgrammeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  coreEnterpriseId: string;

  @ApiProperty({ example: '2026 silage season' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name: string;

  @ApiProperty({ example: 'SMALL_QUICK_GUARANTEED_LOAN', description: 'e.g. 小额快捷通保证贷 or 流动资金贷款' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  productType: string;

  @ApiProperty({ example: '10000.00' })
  @IsMoney()
  @Checked(minAmountProblems)
  minAmount: string;

  @ApiProperty({ example: '500000.00' })
  @IsMoney()
  @Checked((max, body) => amountRangeProblems(body.minAmount, max))
  maxAmount: string;

  @ApiProperty({ type: 'integer', example: 90 })
  @IsInt()
  @Min(1)
  @Max(3650)
  minTermDays: number;

  @ApiProperty({ type: 'integer', example: 365 })
  @IsInt()
  @Min(1)
  @Max(3650)
  @Checked((max, body) => termRangeProblems(body.minTermDays, max))
  maxTermDays: number;

  @ApiProperty({ example: '0.0435', description: 'annual rate in [0, 1)' })
  @IsDecimalString()
  @Checked(annualRateProblems)
  annualRate: string;

  @ApiProperty({ example: '100000000.00', description: 'the most the programme lends at once (approved and disbursed, not repaid)' })
  @IsMoney()
  programmeCap: string;

  @ApiProperty({ example: '0.5', description: "the core enterprise's guaranteed share of each loan, in (0, 1]" })
  @IsDecimalString()
  @Checked(guaranteeRatioProblems)
  guaranteeRatio: string;

  @ApiProperty({ example: '200000.00', description: 'above this amount a second, senior approval is needed' })
  @IsMoney()
  fourEyesThreshold: string;

  @ApiProperty({ description: RULES_DOC, example: RULES_EXAMPLE, type: [EligibilityRuleDoc] })
  @IsArray()
  @Checked((rules) => validateRules(rules))
  eligibilityRules: EligibilityRule[];

  @ApiProperty({ description: FORMULA_DOC, example: FORMULA_EXAMPLE, type: LimitFormulaDoc })
  @IsObject()
  @Checked((formula) => validateFormula(formula))
  limitFormula: LimitFormula;

  @ApiPropertyOptional({ enum: ['ACT/360', 'ACT/365'], default: 'ACT/360' })
  @IsOptional()
  @IsIn(['ACT/360', 'ACT/365'])
  dayCountBasis?: 'ACT/360' | 'ACT/365';

  @ApiPropertyOptional({ ...SERVICING.repaymentType, default: 'INTEREST_MONTHLY' })
  @IsOptional()
  @IsIn(REPAYMENT_TYPES)
  repaymentType?: RepaymentType;

  @ApiPropertyOptional({ ...SERVICING.interestDay, default: 21 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  interestDay?: number;

  @ApiPropertyOptional({ ...SERVICING.graceDays, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  graceDays?: number;

  @ApiPropertyOptional({ ...SERVICING.penaltyRateMultiplier, default: '1.5' })
  @IsOptional()
  @IsDecimalString()
  @Checked(penaltyMultiplierProblems)
  penaltyRateMultiplier?: string;

  @ApiPropertyOptional({ ...SERVICING.settlementDeductionRatio, default: '0.80' })
  @IsOptional()
  @IsDecimalString()
  @Checked(settlementRatioProblems)
  settlementDeductionRatio?: string;

  @ApiPropertyOptional({ ...SERVICING.prepayFromSettlement, default: false })
  @IsOptional()
  @IsBoolean()
  prepayFromSettlement?: boolean;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', description: 'time zone of the business date used for screening' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Checked(timeZoneProblems)
  timeZone?: string;

  @ApiPropertyOptional({ default: true, description: 'inactive programmes take no applications and are not screened on import' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: DIRECTIONS,
    default: 'UPSTREAM',
    description:
      "UPSTREAM lends to the core enterprise's suppliers; DOWNSTREAM to its dealers, on purchase orders it confirmed. Rules and formula are checked against the roster schema of that role (SUPPLIER, DEALER).",
  })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiPropertyOptional({
    example: '0.70',
    description: 'DOWNSTREAM only (and required there): the most lent on an order, as a share of it, in (0, 1]',
  })
  @IsOptional()
  @IsDecimalString()
  @Checked((v, body) => advanceRatioProblems(v, body.direction))
  advanceRatio?: string;
}

/**
 * Each field is checked here as far as the body alone allows; a minimum above a maximum kept from
 * before is found by the service, against the stored programme.
 */
@CheckedBody(nullProblems)
export class UpdateProgrammeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) @IsNotBlank() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) @IsNotBlank() productType?: string;
  @ApiPropertyOptional() @IsOptional() @IsMoney() @Checked(minAmountProblems) minAmount?: string;
  @ApiPropertyOptional() @IsOptional() @IsMoney() @Checked((max, body) => amountRangeProblems(body.minAmount, max)) maxAmount?: string;
  @ApiPropertyOptional({ type: 'integer' }) @IsOptional() @IsInt() @Min(1) @Max(3650) minTermDays?: number;
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  @Checked((max, body) => termRangeProblems(body.minTermDays, max))
  maxTermDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsDecimalString() @Checked(annualRateProblems) annualRate?: string;
  @ApiPropertyOptional() @IsOptional() @IsMoney() programmeCap?: string;
  @ApiPropertyOptional() @IsOptional() @IsDecimalString() @Checked(guaranteeRatioProblems) guaranteeRatio?: string;
  @ApiPropertyOptional() @IsOptional() @IsMoney() fourEyesThreshold?: string;

  @ApiPropertyOptional({ description: `${RULES_DOC} A change makes a new ruleset version.`, type: [EligibilityRuleDoc] })
  @IsOptional()
  @IsArray()
  // null is named by nullProblems
  @Checked((rules) => (rules === undefined || rules === null ? [] : validateRules(rules)))
  eligibilityRules?: EligibilityRule[];

  @ApiPropertyOptional({ description: `${FORMULA_DOC} A change makes a new ruleset version.`, type: LimitFormulaDoc })
  @IsOptional()
  @IsObject()
  @Checked((formula) => (formula === undefined || formula === null ? [] : validateFormula(formula)))
  limitFormula?: LimitFormula;

  @ApiPropertyOptional({ enum: ['ACT/360', 'ACT/365'] }) @IsOptional() @IsIn(['ACT/360', 'ACT/365']) dayCountBasis?: 'ACT/360' | 'ACT/365';
  @ApiPropertyOptional(SERVICING.repaymentType) @IsOptional() @IsIn(REPAYMENT_TYPES) repaymentType?: RepaymentType;
  @ApiPropertyOptional(SERVICING.interestDay) @IsOptional() @IsInt() @Min(1) @Max(31) interestDay?: number;
  @ApiPropertyOptional(SERVICING.graceDays) @IsOptional() @IsInt() @Min(0) @Max(90) graceDays?: number;
  @ApiPropertyOptional(SERVICING.penaltyRateMultiplier)
  @IsOptional()
  @IsDecimalString()
  @Checked(penaltyMultiplierProblems)
  penaltyRateMultiplier?: string;
  @ApiPropertyOptional(SERVICING.settlementDeductionRatio)
  @IsOptional()
  @IsDecimalString()
  @Checked(settlementRatioProblems)
  settlementDeductionRatio?: string;
  @ApiPropertyOptional(SERVICING.prepayFromSettlement) @IsOptional() @IsBoolean() prepayFromSettlement?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) @Checked(timeZoneProblems) timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ example: '0.70', description: 'DOWNSTREAM programmes only' })
  @IsOptional()
  @IsDecimalString()
  @Checked((v) => (v === undefined ? [] : advanceRatioProblems(v, 'DOWNSTREAM')))
  advanceRatio?: string;
}

export class ProgrammeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  coreEnterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) coreEnterpriseId: string;
  @ApiProperty() name: string;
  @ApiProperty() productType: string;
  @ApiDecimal('10000.00') minAmount: string;
  @ApiDecimal('500000.00') maxAmount: string;
  @ApiProperty({ type: 'integer' }) minTermDays: number;
  @ApiProperty({ type: 'integer' }) maxTermDays: number;
  @ApiDecimal('0.0435') annualRate: string;
  @ApiDecimal('100000000.00') programmeCap: string;
  @ApiDecimal('0.5') guaranteeRatio: string;
  @ApiDecimal('200000.00') fourEyesThreshold: string;
  @ApiProperty({ enum: ['ACT/360', 'ACT/365'] }) dayCountBasis: string;
  @ApiProperty(SERVICING.repaymentType) repaymentType: RepaymentType;
  @ApiProperty(SERVICING.interestDay) interestDay: number;
  @ApiProperty(SERVICING.graceDays) graceDays: number;
  @ApiProperty(SERVICING.penaltyRateMultiplier) penaltyRateMultiplier: string;
  @ApiProperty({ ...SERVICING.settlementDeductionRatio, example: '0.8' }) settlementDeductionRatio: string;
  @ApiProperty(SERVICING.prepayFromSettlement) prepayFromSettlement: boolean;
  @ApiProperty() timeZone: string;
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({ enum: DIRECTIONS, description: 'shown for DOWNSTREAM programmes; a programme without it is UPSTREAM' })
  direction?: Direction;
  @ApiDecimal('0.7', { required: false, description: 'DOWNSTREAM programmes only' }) advanceRatio?: string;
  @ApiProperty({ type: 'integer', description: 'bumped whenever eligibilityRules or limitFormula change' }) rulesetVersion: number;
  @ApiProperty({ type: [EligibilityRuleDoc] }) eligibilityRules: EligibilityRule[];
  @ApiProperty({ type: LimitFormulaDoc }) limitFormula: LimitFormula;
  @ApiDecimal('1250000.00', { description: 'approved and disbursed, not yet repaid' }) outstandingAmount: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RulesetResponse {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: [EligibilityRuleDoc] }) eligibilityRules: EligibilityRule[];
  @ApiProperty({ type: LimitFormulaDoc }) limitFormula: LimitFormula;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "who made this version; to a core enterprise, the bank's staff show as their role",
  })
  createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
