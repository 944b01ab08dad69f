import { ApiProperty } from '@nestjs/swagger';
import { ActorRefDoc, ApiDate, ApiDateTime, ApiDecimal, ApiUuid } from '../common/openapi.js';
import { SETTLEMENT_STATUSES, type SettlementStatus } from './settlement-state.js';

export class SettlementQueuedResponse {
  @ApiUuid({ description: 'poll GET /settlements/{settlementId}' }) settlementId: string;
  @ApiProperty({ enum: SETTLEMENT_STATUSES }) status: SettlementStatus;
}

export class SettlementFailureDoc {
  @ApiProperty({ example: 'SETTLEMENT_FILE_INVALID' }) code: string;
  @ApiProperty() message: string;
}

export class SettlementProblemDoc {
  @ApiProperty({ type: 'integer', nullable: true, description: 'the row a spreadsheet shows; null for the file as a whole' })
  row: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'payable_amount' }) field: string | null;
  @ApiProperty({ example: 'NOT_A_NUMBER' }) code: string;
  @ApiProperty() message: string;
}

export class SettlementResponse {
  @ApiUuid({ description: 'the same as id' }) settlementId: string;
  @ApiUuid() id: string;
  @ApiUuid() coreEnterpriseId: string;
  @ApiProperty({ enum: SETTLEMENT_STATUSES }) status: SettlementStatus;
  @ApiProperty({ example: 'settlement.csv' }) fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) fileType: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) fileSize: number;
  @ApiDate({ nullable: true, description: 'the business date it was computed on' }) businessDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) rows: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'rows of a known supplier' }) matchedRows: number | null;
  @ApiDecimal('33645.67', { nullable: true }) totalPayable: string | null;
  @ApiDecimal('25876.53', { nullable: true, description: 'what the core enterprise remits to the bank' }) totalDeduction: string | null;
  @ApiProperty({ type: SettlementFailureDoc, nullable: true }) failure: SettlementFailureDoc | null;
  @ApiProperty({ type: 'integer' }) problemCount: number;
  @ApiProperty({ type: [SettlementProblemDoc], description: 'the first 1,000 problems' }) problems: SettlementProblemDoc[];
  @ApiDecimal('25876.53', { nullable: true }) remittedAmount: string | null;
  @ApiProperty({ type: ActorRefDoc, nullable: true }) confirmedBy: ActorRefDoc | null;
  @ApiDateTime({ nullable: true }) confirmedAt: string | null;
  @ApiDateTime({ nullable: true }) computedAt: string | null;
  @ApiDateTime() createdAt: string;
}

export class SettlementAllocationDoc {
  @ApiUuid() loanApplicationId: string;
  @ApiDecimal('0.00') penalty: string;
  @ApiDecimal('120.50') interest: string;
  @ApiDecimal('10000.00') principal: string;
}

export class SettlementLineResponse {
  @ApiProperty({ type: 'integer' }) row: number;
  @ApiProperty({ example: 'SUP-001' }) supplierCode: string;
  @ApiUuid({ nullable: true, description: 'null: no supplier of this code' }) supplierId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03' }) period: string | null;
  @ApiDecimal('12000.00') payable: string;
  @ApiDecimal('9600.00') deduction: string;
  @ApiDecimal('2400.00', { description: 'what the core enterprise pays the supplier' }) netPayable: string;
  @ApiProperty({ type: [SettlementAllocationDoc] }) allocations: SettlementAllocationDoc[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}
