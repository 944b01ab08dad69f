import { ApiProperty } from '@nestjs/swagger';
import { ActorRefDoc, ApiDate, ApiDateTime, ApiDecimal, ApiUuid } from '../common/openapi.js';
import { ACCOUNTS } from '../ledger/accounts.js';

const CLASSIFICATIONS = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'];
const ACCRUED = { description: 'to 10 decimals: the unbilled part of the current period' };

export class AllocationsDoc {
  @ApiDecimal('0.00') penalty: string;
  @ApiDecimal('120.50') interest: string;
  @ApiDecimal('10000.00') principal: string;
}

export class ScheduleLineDoc {
  @ApiDate() dueDate: string;
  @ApiProperty() billed: boolean;
  @ApiDecimal('0.00') principal: string;
  @ApiDecimal('120.50', { nullable: true, description: 'null until billed' }) interest: string | null;
  @ApiDecimal('0.00') penalty: string;
  @ApiDecimal('0.00', { description: 'paid against the date, penalty billed onto it included' }) paid: string;
}

export class StatementRepaymentDoc {
  @ApiProperty({ enum: ['DIRECT', 'SETTLEMENT'] }) source: string;
  @ApiUuid({ nullable: true, description: "the direct repayment's id; null for a settlement's allocation" }) id: string | null;
  @ApiUuid({ nullable: true }) settlementId: string | null;
  @ApiProperty({ example: 'BOC-20260310-000123' }) reference: string;
  @ApiDecimal('10000.00') amount: string;
  @ApiDate() businessDate: string;
  @ApiProperty({ type: AllocationsDoc }) allocations: AllocationsDoc;
  @ApiProperty({ type: ActorRefDoc, nullable: true, description: "who entered a direct repayment; null for a settlement's allocation" })
  by: ActorRefDoc | null;
  @ApiDateTime() at: string;
}

export class EntryLineDoc {
  @ApiProperty({ enum: ACCOUNTS }) account: string;
  @ApiDecimal('10000.00') debit: string;
  @ApiDecimal('0.00') credit: string;
}

export class LoanEntryDoc {
  @ApiProperty({ example: '1', description: 'a bigint, as a string' }) id: string;
  @ApiProperty({ enum: ['DISBURSEMENT', 'ACCRUAL', 'REPAYMENT'] }) type: string;
  @ApiDate() businessDate: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiDateTime() postedAt: string;
  @ApiProperty({ type: [EntryLineDoc], description: "only this loan's lines" }) lines: EntryLineDoc[];
}

export class StatementResponse {
  @ApiProperty({ enum: ['DISBURSED', 'REPAID'] }) status: string;
  @ApiDate() asOf: string;
  @ApiDate() valueDate: string;
  @ApiDate() maturityDate: string;
  @ApiDate({ nullable: true, description: 'the last date the end of day closed for the loan' }) cobDate: string | null;
  @ApiDecimal('150000.00') principal: string;
  @ApiDecimal('130000.00') principalOutstanding: string;
  @ApiDecimal('0.00') principalDue: string;
  @ApiDecimal('0.00') interestDue: string;
  @ApiDecimal('0.00') penaltyDue: string;
  @ApiDecimal('12.3456789012', ACCRUED) accruedInterest: string;
  @ApiDecimal('0.0000000000', ACCRUED) accruedPenalty: string;
  @ApiDecimal('130012.35') payoffAmount: string;
  @ApiProperty({ type: 'integer', description: 'days past due' }) dpd: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification: string;
  @ApiProperty({ type: AllocationsDoc, description: 'paid so far' }) paid: AllocationsDoc;
  @ApiProperty({ type: [ScheduleLineDoc] }) schedule: ScheduleLineDoc[];
  @ApiProperty({ type: [StatementRepaymentDoc] }) repayments: StatementRepaymentDoc[];
  @ApiProperty({ type: [LoanEntryDoc] }) entries: LoanEntryDoc[];
}

export class RepaymentResultResponse {
  @ApiProperty({ type: AllocationsDoc, description: 'penalty, then interest, then principal' }) allocations: AllocationsDoc;
  @ApiProperty({ type: StatementResponse, description: 'the statement after it, as GET /statement answers it' })
  statement: StatementResponse;
}
