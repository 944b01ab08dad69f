import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { isIsoDate } from '../common/business-date.js';
import type { FieldError } from '../common/errors.js';
import { Checked } from '../common/validation.js';

const dateProblems = (v: unknown): FieldError[] =>
  typeof v === 'string' && !isIsoDate(v)
    ? [{ field: 'today', code: 'INVALID_DATE', message: `today must be a calendar date YYYY-MM-DD (got "${v}")` }]
    : [];

export class SetClockDto {
  @ApiProperty({ example: '2026-12-01', description: 'the new business date, YYYY-MM-DD; never before the current one' })
  @IsString()
  @Checked(dateProblems)
  today: string;
}

export class ClockResponse {
  @ApiProperty({ enum: ['real', 'simulated'], description: 'the CLOCK setting the service runs with' })
  mode: 'real' | 'simulated';
  @ApiProperty({
    format: 'date',
    example: '2026-12-01',
    description:
      "the business date: the simulated one once set (the same in every time zone), else today's date in timeZone (a programme in another zone may be a day apart)",
  })
  today: string;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'BUSINESS_TIME_ZONE' })
  timeZone: string;
  @ApiProperty({ description: 'whether an ADMIN has set the date (simulated clock only)' })
  set: boolean;
}
