import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
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
