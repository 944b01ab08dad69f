import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { Checked, IsNotBlank } from '../common/validation.js';
import { EligibilityRuleDoc, LimitFormulaDoc } from '../programmes/dto.js';
import { validateFormula, type LimitFormula } from '../programmes/limit-formula.js';
import { validateRules, type EligibilityRule } from '../programmes/rules.js';
import { ApiDecimal } from '../common/openapi.js';

export class EligibilityQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'required when the core enterprise has more than one programme' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class BlacklistDto {
  @ApiProperty({ example: 'fraudulent delivery records confirmed by the core enterprise' })
  @IsString()
  @IsNotBlank()
  @Length(3, 500)
  reason: string;
}

export class UnblacklistDto {
  @ApiPropertyOptional({ example: 'cleared after review' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class PreviewDto {
  @ApiPropertyOptional({ type: [EligibilityRuleDoc], description: 'proposed rules (default: the current ones)' })
  @IsOptional()
  @IsArray()
  @Checked((rules) => (rules === undefined ? [] : validateRules(rules)))
  eligibilityRules?: EligibilityRule[];

  @ApiPropertyOptional({ type: LimitFormulaDoc, description: 'proposed formula (default: the current one)' })
  @IsOptional()
  @IsObject()
  @Checked((formula) => (formula === undefined ? [] : validateFormula(formula)))
  limitFormula?: LimitFormula;
}

export class RuleResultDoc {
  @ApiProperty() rule: string;
  @ApiProperty() fact: string;
  @ApiProperty() operator: string;
  @ApiProperty() passed: boolean;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }],
    nullable: true,
    description: 'the supplier fact (number, text or boolean), null when missing',
  })
  actual: unknown;
  @ApiProperty({ example: '>= 3' }) expected: string;
  @ApiProperty({ example: 'years of experience 2.5 is below the required 3' }) message: string;
}

export class EligibilityResponse {
  @ApiProperty({ format: 'uuid' }) supplierId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() eligible: boolean;
  @ApiDecimal('150000.00') creditLimit: string;
  @ApiDecimal('100000.00', { description: 'creditLimit minus what approved, not yet repaid loans reserve' })
  availableLimit: string;
  @ApiDecimal('50000.00') reservedAmount: string;
  @ApiProperty({ format: 'date-time' }) evaluatedAt: string;
  @ApiProperty({ format: 'date', example: '2026-11-27', description: "the business date the facts were judged at (programme's time zone)" })
  evaluationDate: string;
  @ApiProperty({ type: 'integer' }) rulesetVersion: number;
  @ApiProperty({ description: 'the programme has a newer ruleset than this result; a re-screen is pending' }) stale: boolean;
  @ApiProperty({ type: [RuleResultDoc] }) results: RuleResultDoc[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'each limit term present in the formula, before the minimum and rounding',
    example: { maxAmount: '500000.00' },
  })
  limitTerms: Record<string, string>;
}

export class ScreeningResultsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  eligible?: 'true' | 'false';
}
