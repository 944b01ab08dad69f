import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { IsNotBlank } from '../common/validation.js';
import { BATCH_STATUSES, type BatchStatus } from './disbursement-state.js';

export class CreateBatchDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'APPROVED loans to pay; default: every APPROVED loan of the programme not in another open batch',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  loanApplicationIds?: string[];
}

export class BatchQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ enum: BATCH_STATUSES }) @IsOptional() @IsIn(BATCH_STATUSES) status?: BatchStatus;
}

export const RECONCILE_OUTCOMES = ['PAID', 'NOT_PAID'] as const;
export type ReconcileOutcome = (typeof RECONCILE_OUTCOMES)[number];

export class ReconcileItemDto {
  @ApiProperty({
    enum: RECONCILE_OUTCOMES,
    description:
      "what the bank statement shows: PAID settles the item and disburses the loan; NOT_PAID fails it and frees the loan's reservation",
  })
  @IsIn(RECONCILE_OUTCOMES)
  outcome: ReconcileOutcome;

  @ApiProperty({ example: 'not on the statement of the disbursement account for 2026-11-28' })
  @IsString()
  @IsNotBlank()
  @Length(1, 1000)
  note: string;
}
