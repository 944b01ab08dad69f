import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { IsMoney, IsNotBlank } from '../common/validation.js';

export class CreateCoreEnterpriseDto {
  @ApiProperty({ example: '伊利实业集团股份有限公司' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name: string;

  @ApiProperty({ example: '91350100M000100Y43', description: 'unified social credit code (GB 32100-2015)' })
  @IsString()
  @Length(1, 32)
  uscc: string;

  @ApiProperty({ example: '50000000.00', description: 'the most this core enterprise guarantees in total (CNY)' })
  @IsMoney()
  guaranteeCap: string;
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
  @ApiProperty({ example: '50000000.00' }) guaranteeCap: string;
  @ApiProperty({ example: '1250000.00', description: 'guaranteed share of approved and not yet repaid loans' }) guaranteedExposure: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
