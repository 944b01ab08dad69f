import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { IsMoney, IsNotBlank } from '../common/validation.js';
import { LOAN_STATUSES, type LoanStatus } from './loan-state.js';

export const MAX_BATCH_ITEMS = 1000;

export class SubmitLoanDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supplierId: string;

  @ApiProperty({ example: '120000.00', description: 'decimal string; a JSON number is refused' })
  @IsMoney()
  amount: string;

  @ApiProperty({ type: 'integer', example: 180 })
  @IsInt()
  @Min(1)
  @Max(3650)
  termDays: number;

  @ApiPropertyOptional({ example: 'silage purchase, Aug-Oct' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  purpose?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "DOWNSTREAM programmes (and only they): the dealer's purchase order the core enterprise confirmed; the amount is at most the order x advanceRatio, one live loan per order",
  })
  @IsOptional()
  @IsUUID()
  purchaseOrderId?: string;
}

/** An item of a bulk submission: the programme comes from the path. */
export class BatchItemDto extends OmitType(SubmitLoanDto, ['programmeId'] as const) {}

export class BatchSubmitDto {
  @ApiProperty({
    type: [BatchItemDto],
    maxItems: MAX_BATCH_ITEMS,
    description: 'each item is checked on its own: one bad item never sinks the others',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  applications: unknown[];
}

export class ApproveDto {
  @ApiPropertyOptional({ example: 'deliveries verified against settlement records' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  comment?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'herd count not confirmed by the core enterprise' })
  @IsString()
  @IsNotBlank()
  @Length(1, 1000)
  reason: string;
}

export class LoanQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOAN_STATUSES })
  @IsOptional()
  @IsIn(LOAN_STATUSES)
  status?: LoanStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() supplierId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() coreEnterpriseId?: string;
}
