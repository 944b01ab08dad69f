import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { Checked, CheckedBody, IsDecimalString, IsMoney, IsNotBlank } from '../common/validation.js';
import { validateFormula, type LimitFormula } from './limit-formula.js';
import { FACTS, OPERATORS, validateRules, type EligibilityRule } from './rules.js';
import {
  amountRangeProblems,
  annualRateProblems,
  guaranteeRatioProblems,
  minAmountProblems,
  nullProblems,
  termRangeProblems,
  timeZoneProblems,
} from './terms.js';

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
  'hasEpidemicCert, blacklisted, hasOverdueLoan (booleans). Operators: >= > <= < == != between in notIn isTrue isFalse.';
const FORMULA_DOC =
  'limit = min(maxAmount, settlementMultiple x avgMonthlySettlement, perHeadAmount x herdSize) rounded down to roundDownTo; ' +
  'terms absent from the formula are left out, a term whose fact is missing counts as 0. Decimal strings.';

/** For the OpenAPI document; the rule list itself is checked by validateRules, with exact paths. */
export class EligibilityRuleDoc {
  @ApiProperty({ example: 'experience' }) name: string;
  @ApiProperty({ enum: FACTS }) fact: string;
  @ApiProperty({ enum: OPERATORS }) operator: string;
  @ApiPropertyOptional({ description: 'a number, text, boolean, [low, high] for between, or a list for in/notIn; none for isTrue/isFalse' })
  value?: unknown;
}

export class LimitFormulaDoc {
  @ApiPropertyOptional({ example: '500000.00' }) maxAmount?: string;
  @ApiPropertyOptional({ example: '3' }) settlementMultiple?: string;
  @ApiPropertyOptional({ example: '8000.00' }) perHeadAmount?: string;
  @ApiPropertyOptional({ example: '1000' }) roundDownTo?: string;
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

  @ApiProperty({ example: 90 })
  @IsInt()
  @Min(1)
  @Max(3650)
  minTermDays: number;

  @ApiProperty({ example: 365 })
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
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) minTermDays?: number;
  @ApiPropertyOptional()
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
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) @Checked(timeZoneProblems) timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
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
  @ApiProperty({ example: '10000.00' }) minAmount: string;
  @ApiProperty({ example: '500000.00' }) maxAmount: string;
  @ApiProperty() minTermDays: number;
  @ApiProperty() maxTermDays: number;
  @ApiProperty({ example: '0.0435' }) annualRate: string;
  @ApiProperty({ example: '100000000.00' }) programmeCap: string;
  @ApiProperty({ example: '0.5' }) guaranteeRatio: string;
  @ApiProperty({ example: '200000.00' }) fourEyesThreshold: string;
  @ApiProperty({ enum: ['ACT/360', 'ACT/365'] }) dayCountBasis: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'bumped whenever eligibilityRules or limitFormula change' }) rulesetVersion: number;
  @ApiProperty({ type: [EligibilityRuleDoc] }) eligibilityRules: EligibilityRule[];
  @ApiProperty({ type: LimitFormulaDoc }) limitFormula: LimitFormula;
  @ApiProperty({ example: '1250000.00', description: 'approved and disbursed, not yet repaid' }) outstandingAmount: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class RulesetResponse {
  @ApiProperty() version: number;
  @ApiProperty({ type: [EligibilityRuleDoc] }) eligibilityRules: EligibilityRule[];
  @ApiProperty({ type: LimitFormulaDoc }) limitFormula: LimitFormula;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "who made this version; to a core enterprise, the bank's staff show as their role",
  })
  createdBy: string | null;
  @ApiProperty() createdAt: string;
}
