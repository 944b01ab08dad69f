import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { fenOfMoney, isMoneyString } from '../common/money.js';
import { Checked, IsMoney, IsNotBlank } from '../common/validation.js';

const positive = (v: unknown) =>
  isMoneyString(v) && fenOfMoney(v) === 0n ? [{ field: 'amount', code: 'NOT_POSITIVE', message: 'amount must be more than 0.00' }] : [];

export class RepaymentDto {
  @ApiProperty({ example: '1000.00', description: 'decimal string, more than 0.00; a JSON number is refused' })
  @IsMoney()
  @Checked(positive)
  amount: string;

  @ApiProperty({
    example: 'BOC-20260310-000123',
    description: "the bank statement credit's reference; unique per loan, a repeat answers the first result",
  })
  @IsString()
  @IsNotBlank()
  @Length(1, 100)
  reference: string;
}
