import { ApiProperty } from '@nestjs/swagger';
import { ApiDecimal } from '../common/openapi.js';

export class PortfolioSliceResponse {
  @ApiProperty({ type: 'integer', example: 12 }) count: number;
  @ApiDecimal('1200000.00') principal: string;
}

export class PortfolioDpdResponse extends PortfolioSliceResponse {
  @ApiProperty({ example: '1-30', enum: ['0', '1-30', '31-60', '61-90', '91-180', '181-360', '>360'] }) bucket: string;
}

export class PortfolioClassificationResponse {
  @ApiProperty({ type: PortfolioSliceResponse }) NORMAL: PortfolioSliceResponse;
  @ApiProperty({ type: PortfolioSliceResponse }) SPECIAL_MENTION: PortfolioSliceResponse;
  @ApiProperty({ type: PortfolioSliceResponse }) SUBSTANDARD: PortfolioSliceResponse;
  @ApiProperty({ type: PortfolioSliceResponse }) DOUBTFUL: PortfolioSliceResponse;
  @ApiProperty({ type: PortfolioSliceResponse }) LOSS: PortfolioSliceResponse;
}

export class PortfolioResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date', example: '2026-11-29', description: "Today's business date in the programme's time zone" }) asOf: string;
  @ApiProperty({ type: 'integer', example: 120, description: 'Open (DISBURSED) loans' }) loans: number;
  @ApiDecimal('12000000.00') principalOutstanding: string;
  @ApiDecimal('5432.10', {
    description: 'Interest receivable: billed and unpaid plus accrued, rounded per loan (the ledger balance)',
  })
  interestAccrued: string;
  @ApiDecimal('0.00', { description: 'Penalty receivable, the same way' }) penaltyAccrued: string;
  @ApiDecimal('300000.00', { description: 'Principal outstanding of the loans that are overdue (DPD above grace)' })
  overduePrincipal: string;
  @ApiProperty({ type: PortfolioClassificationResponse }) byClassification: PortfolioClassificationResponse;
  @ApiProperty({ type: [PortfolioDpdResponse] }) byDpd: PortfolioDpdResponse[];
}
