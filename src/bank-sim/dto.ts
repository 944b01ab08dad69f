import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ApiDecimal } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { IsMoney } from '../common/validation.js';

export class SimTransferQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'the loan application id the transfer pays' })
  @IsOptional()
  @IsString()
  @Length(1, 140)
  reference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 35) endToEndId?: string;
  @ApiPropertyOptional({ enum: ['SETTLED', 'REJECTED'] }) @IsOptional() @IsIn(['SETTLED', 'REJECTED']) status?: string;
}

export class SimTransferDto {
  @ApiProperty() @IsString() @Length(1, 35) endToEndId: string;
  @ApiProperty() @IsString() @Length(1, 140) reference: string;
  @ApiProperty({ example: '80000.00' }) @IsMoney() amount: string;
  @ApiProperty() @IsString() @Length(1, 34) creditorAccount: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 140) creditorName?: string;
}

export class SimTransferResponse {
  @ApiProperty({ example: 'CL287293A4A49E414CCE6C2252822654EE' }) endToEndId: string;
  @ApiProperty({ description: 'the loan application id the transfer pays' }) reference: string;
  @ApiDecimal('80000.00') amount: string;
  @ApiProperty({ example: '6316************3125', description: 'masked' }) creditorAccount: string;
  @ApiProperty({ enum: ['SETTLED', 'REJECTED'] }) status: string;
  @ApiProperty({ type: String, nullable: true, example: 'AC04' }) reasonCode: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonText: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
