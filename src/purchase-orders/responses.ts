import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiDecimal, ApiUuid, ItemProblemDto } from '../common/openapi.js';

export class PurchaseOrderResponse {
  @ApiUuid() id: string;
  @ApiUuid() coreEnterpriseId: string;
  @ApiUuid({ description: 'the dealer' }) counterpartyId: string;
  @ApiProperty({ example: 'DLR-0001' }) dealerCode: string;
  @ApiProperty({ example: 'PO-2026-001' }) orderNo: string;
  @ApiDecimal('400000.00') amount: string;
  @ApiDate() orderDate: string;
  @ApiDateTime() createdAt: string;
}

export class PurchaseOrderBatchResultDoc {
  @ApiProperty({ type: 'integer', description: 'the position of the order in the request' }) index: number;
  @ApiPropertyOptional({ type: 'string', format: 'uuid' }) id?: string;
  @ApiPropertyOptional() orderNo?: string;
  @ApiPropertyOptional({ description: 'false when the same order had been confirmed before' }) created?: boolean;
  @ApiPropertyOptional({ type: ItemProblemDto }) error?: ItemProblemDto;
}

export class PurchaseOrderBatchResponse {
  @ApiProperty({ type: [PurchaseOrderBatchResultDoc], description: 'one per order, in order' }) results: PurchaseOrderBatchResultDoc[];
}

/** For the OpenAPI document: the body is checked by bodyProblems, with exact paths. */
export class PurchaseOrderInputDoc {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'the dealer; or give dealerCode' }) counterpartyId?: string;
  @ApiPropertyOptional({ example: 'DLR-0001', description: "the dealer's code; or give counterpartyId" }) dealerCode?: string;
  @ApiProperty({ example: 'PO-2026-001', pattern: '^[A-Za-z0-9_-]{1,64}$' }) orderNo: string;
  @ApiDecimal('400000.00') amount: string;
  @ApiDate() orderDate: string;
}

export class PurchaseOrderListInputDoc {
  @ApiProperty({ type: [PurchaseOrderInputDoc], maxItems: 500 }) orders: PurchaseOrderInputDoc[];
}
