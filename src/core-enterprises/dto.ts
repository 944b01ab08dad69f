import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { FieldError } from '../common/errors.js';
import { parseUscc } from '../common/identifiers.js';
import { PageQuery } from '../common/pagination.js';
import { Checked, IsMoney, IsNotBlank } from '../common/validation.js';
import { ApiDecimal } from '../common/openapi.js';

const ACCOUNT_DIGITS = /^\d{8,32}$/;
const COLLECTION_ACCOUNT = {
  example: '0602003309022107715',
  description: "the core enterprise's collection account (8-32 digits): DOWNSTREAM loans are paid there, never to the dealer",
};

const USCC_MESSAGES: Record<string, string> = {
  USCC_FORMAT: 'uscc must be 18 characters',
  USCC_CHARACTER: 'uscc may only use 0-9 and the letters A-H J-N P-R T U W-Y (no I, O, S, V, Z)',
  USCC_CHECKSUM: 'uscc check character does not match (GB 32100-2015)',
};

function usccProblems(value: unknown): FieldError[] {
  if (typeof value !== 'string') return [];
  const parsed = parseUscc(value.trim());
  return parsed.ok ? [] : [{ field: 'uscc', code: parsed.problem, message: USCC_MESSAGES[parsed.problem] }];
}

export class CreateCoreEnterpriseDto {
  @ApiProperty({ example: '伊利实业集团股份有限公司' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name: string;

  @ApiProperty({
    example: '91350100M000100Y43',
    description: 'unified social credit code (GB 32100-2015); lower case is taken and stored upper case',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(1, 32)
  @Checked(usccProblems)
  uscc: string;

  @ApiProperty({ example: '50000000.00', description: 'the most this core enterprise guarantees in total (CNY)' })
  @IsMoney()
  guaranteeCap: string;

  @ApiPropertyOptional(COLLECTION_ACCOUNT)
  @IsOptional()
  @Matches(ACCOUNT_DIGITS, { message: 'collectionAccount must be 8-32 digits' })
  collectionAccount?: string;

  @ApiPropertyOptional({ example: '中国工商银行呼和浩特分行' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  collectionBankName?: string;
}

export class UpdateCoreEnterpriseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ example: '60000000.00' })
  @IsOptional()
  @IsMoney()
  guaranteeCap?: string;

  @ApiPropertyOptional(COLLECTION_ACCOUNT)
  @IsOptional()
  @Matches(ACCOUNT_DIGITS, { message: 'collectionAccount must be 8-32 digits' })
  collectionAccount?: string;

  @ApiPropertyOptional({ example: '中国工商银行呼和浩特分行' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  collectionBankName?: string;
}

export class CoreEnterpriseQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'matches name or USCC' })
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;
}

export class CoreEnterpriseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
  @ApiDecimal('50000000.00') guaranteeCap: string;
  @ApiDecimal('1250000.00', { description: 'guaranteed share of approved and not yet repaid loans' }) guaranteedExposure: string;
  @ApiPropertyOptional({ ...COLLECTION_ACCOUNT, description: 'shown once set' }) collectionAccount?: string;
  @ApiPropertyOptional({ description: 'shown once set' }) collectionBankName?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
