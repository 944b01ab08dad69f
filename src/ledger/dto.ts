import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ACCOUNTS } from './accounts.js';
import { ApiDecimal } from '../common/openapi.js';

export class TrialBalanceQuery {
  @ApiPropertyOptional({ description: 'Only this programme' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class TrialBalanceLineResponse {
  @ApiProperty({ enum: ACCOUNTS }) account: string;
  @ApiDecimal('1000000.00') debit: string;
  @ApiDecimal('0.00') credit: string;
  @ApiDecimal('1000000.00', { description: 'debit − credit; credit − debit for the income accounts' }) balance: string;
}

export class TrialBalanceResponse {
  @ApiProperty({ type: [TrialBalanceLineResponse] }) accounts: TrialBalanceLineResponse[];
  @ApiDecimal('1000000.00') totalDebit: string;
  @ApiDecimal('1000000.00', { description: 'Always equal to totalDebit' }) totalCredit: string;
}
