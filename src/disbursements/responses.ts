import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiDecimal, ApiUuid } from '../common/openapi.js';
import { BATCH_STATUSES, ITEM_STATUSES, type BatchStatus, type ItemStatus } from './disbursement-state.js';
import { RECONCILE_OUTCOMES } from './dto.js';

export class BatchCountsDoc {
  @ApiProperty({ type: 'integer' }) items: number;
  @ApiProperty({ type: 'integer' }) pending: number;
  @ApiProperty({ type: 'integer' }) sent: number;
  @ApiProperty({ type: 'integer' }) settled: number;
  @ApiProperty({ type: 'integer' }) failed: number;
}

export class BatchTotalsDoc {
  @ApiDecimal('50000.00') amount: string;
  @ApiDecimal('0.00') settled: string;
  @ApiDecimal('0.00') failed: string;
  @ApiDecimal('50000.00', { description: 'pending and sent' }) outstanding: string;
}

export class ReconciliationDoc {
  @ApiProperty({ enum: RECONCILE_OUTCOMES }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ example: 'officer.li' }) by: string;
  @ApiDateTime() at: string;
}

export class PaymentHoldDoc {
  @ApiProperty({ type: String, nullable: true, example: 'AC04', description: "the bank's reason code" }) reasonCode: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the pain.002 that refused it' }) reportMessageId: string | null;
  @ApiProperty({ type: String, nullable: true }) heldBy: string | null;
  @ApiDateTime() heldAt: string;
  @ApiProperty({ type: ReconciliationDoc, nullable: true }) reconciliation: ReconciliationDoc | null;
}

export class DisbursementItemResponse {
  @ApiUuid() id: string;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiUuid() loanApplicationId: string;
  @ApiDecimal('10000.00') amount: string;
  @ApiProperty() creditorName: string;
  @ApiProperty({ example: '6228***********4267', description: 'masked' }) creditorAccount: string;
  @ApiProperty({ type: String, nullable: true }) creditorBank: string | null;
  @ApiProperty({ description: "still to be paid, and the supplier's account now differs from the one frozen at approval" })
  payeeChanged: boolean;
  @ApiProperty({ example: 'CL287293A4A49E414CCE6C2252822654EE' }) endToEndId: string;
  @ApiProperty({ enum: ITEM_STATUSES }) status: ItemStatus;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) failureCode: string | null;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiDateTime({ nullable: true }) sentAt: string | null;
  @ApiDateTime({ nullable: true }) settledAt: string | null;
  @ApiProperty({ type: PaymentHoldDoc, nullable: true, description: 'held after a RJCT until an officer reconciles it' })
  hold: PaymentHoldDoc | null;
}

/** A batch as lists show it: counts and totals, no items. */
export class DisbursementBatchSummaryResponse {
  @ApiUuid() id: string;
  @ApiUuid() programmeId: string;
  @ApiUuid() coreEnterpriseId: string;
  @ApiProperty({ enum: BATCH_STATUSES }) status: BatchStatus;
  @ApiProperty({ enum: ['API', 'FILE'], nullable: true }) channel: string | null;
  @ApiProperty({ example: 'CLB3257F5CE8989123733AFF462', description: 'the pain.001 message id' }) messageId: string;
  @ApiProperty({ example: 'officer.li' }) createdBy: string;
  @ApiProperty({ type: String, nullable: true }) approvedBy: string | null;
  @ApiDateTime({ nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) executedBy: string | null;
  @ApiDateTime({ nullable: true }) executeRequestedAt: string | null;
  @ApiDateTime({ nullable: true }) finishedAt: string | null;
  @ApiDateTime() createdAt: string;
  @ApiProperty({ type: BatchCountsDoc }) counts: BatchCountsDoc;
  @ApiProperty({ type: 'integer', description: 'items held for reconciliation' }) held: number;
  @ApiProperty({ type: 'integer', description: 'items whose payee changed since approval' }) payeeChanged: number;
  @ApiProperty({ type: BatchTotalsDoc }) totals: BatchTotalsDoc;
}

export class DisbursementBatchResponse extends DisbursementBatchSummaryResponse {
  @ApiProperty({ type: [DisbursementItemResponse] }) items: DisbursementItemResponse[];
}

export class StatusReportConflictDoc {
  @ApiProperty() endToEndId: string;
  @ApiProperty({ enum: ITEM_STATUSES }) itemStatus: ItemStatus;
  @ApiProperty({ example: 'ACSC' }) reported: string;
}

export class StatusReportResponse {
  @ApiUuid() batchId: string;
  @ApiProperty({ description: 'the pain.002 message id' }) messageId: string;
  @ApiProperty({ type: 'integer', description: 'transaction statuses in the report' }) transactions: number;
  @ApiProperty({ type: 'integer' }) settled: number;
  @ApiProperty({ type: 'integer', description: 'always 0: a report holds a refused payment, never fails it' }) failed: number;
  @ApiProperty({ type: 'integer', description: 'refused (RJCT): held for reconciliation' }) held: number;
  @ApiProperty({ type: 'integer', description: 'statuses that say what the item already is' }) unchanged: number;
  @ApiProperty({ type: 'integer', description: 'statuses that decide nothing yet (PDNG, ACTC ...)' }) pending: number;
  @ApiProperty({ type: [String], description: 'endToEndIds the batch does not have' }) unknown: string[];
  @ApiProperty({ type: [StatusReportConflictDoc], description: "statuses that contradict the item's state: nothing changed" })
  conflicts: StatusReportConflictDoc[];
  @ApiProperty({ enum: BATCH_STATUSES }) batchStatus: BatchStatus;
}
