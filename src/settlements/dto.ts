import { ApiProperty } from '@nestjs/swagger';
import { IsMoney } from '../common/validation.js';

export class ConfirmSettlementDto {
  @ApiProperty({ example: '12345.67', description: 'What arrived from the core enterprise: must equal totalDeduction' })
  @IsMoney()
  remittedAmount: string;
}
