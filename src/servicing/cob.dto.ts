import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { isIsoDate } from '../common/business-date.js';
import type { FieldError } from '../common/errors.js';
import { Checked } from '../common/validation.js';

const dateProblems = (v: unknown): FieldError[] =>
  typeof v === 'string' && !isIsoDate(v)
    ? [{ field: 'upTo', code: 'INVALID_DATE', message: `upTo must be a calendar date YYYY-MM-DD (got "${v}")` }]
    : [];

export class CobRunRequestDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'the last business date to close; default yesterday; never today or later' })
  @IsOptional()
  @IsString()
  @Checked(dateProblems)
  upTo?: string;
}

export type CobRunStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export class CobRunResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when there was nothing to close and no run was made' })
  id: string | null;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] })
  status: CobRunStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-11-28' })
  fromDate: string | null;
  @ApiProperty({ format: 'date', example: '2026-11-30' })
  toDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the last date this run has closed for every open loan' })
  closedThrough: string | null;
  @ApiProperty({ type: 'integer', description: 'loan-dates closed by this run (a loan closed for 3 dates counts 3)' })
  loansProcessed: number;
  @ApiProperty({ enum: ['REQUEST', 'SCHEDULE'] })
  trigger: string;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}
