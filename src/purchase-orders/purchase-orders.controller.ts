import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { UuidParam } from '../common/params.js';
import { PurchaseOrdersService } from './purchase-orders.service.js';
import { PurchaseOrderBatchResponse, PurchaseOrderInputDoc, PurchaseOrderListInputDoc, PurchaseOrderResponse } from './responses.js';

@ApiTags('purchase-orders')
@Controller()
export class PurchaseOrdersController {
  constructor(private readonly orders: PurchaseOrdersService) {}

  @Post('core-enterprises/:id/purchase-orders')
  @Roles('ENTERPRISE')
  @ApiOperation({
    operationId: 'confirmPurchaseOrders',
    summary: 'Confirm a purchase order of a dealer (or {orders: [...]} for up to 500)',
    description:
      '{counterpartyId or dealerCode, orderNo, amount, orderDate}. 201 with the order; the same order again answers 200 with it; the same ' +
      'orderNo with another dealer, amount or date is 409 PURCHASE_ORDER_CONFLICT. A dealer of another core enterprise is 404, a ' +
      'counterparty that is no dealer 422. A list answers 200 {results: [{index, id, orderNo, created} or {index, error}]}.',
  })
  @ApiExtraModels(PurchaseOrderInputDoc, PurchaseOrderListInputDoc)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(PurchaseOrderInputDoc) }, { $ref: getSchemaPath(PurchaseOrderListInputDoc) }] } })
  @ApiExtraModels(PurchaseOrderResponse, PurchaseOrderBatchResponse)
  @ApiResult(PurchaseOrderResponse, { status: 201, description: 'the order, confirmed now' })
  @ApiResponse({
    status: 200,
    description: "the order, confirmed before; or, for a list, each order's outcome",
    content: {
      'application/json': {
        schema: { oneOf: [{ $ref: getSchemaPath(PurchaseOrderResponse) }, { $ref: getSchemaPath(PurchaseOrderBatchResponse) }] },
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async confirm(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Body() body: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.orders.confirm(actor, id, body);
    res.status(outcome.status);
    return outcome.body;
  }

  @Get('core-enterprises/:id/purchase-orders')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'listPurchaseOrders', summary: "A core enterprise's confirmed purchase orders, oldest first" })
  @ApiPage(PurchaseOrderResponse)
  @ApiProblems(400, 401, 404)
  list(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: PageQuery) {
    return this.orders.list(actor, id, q);
  }

  @Get('purchase-orders/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getPurchaseOrder', summary: 'A confirmed purchase order' })
  @ApiResult(PurchaseOrderResponse)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.orders.get(actor, id);
  }
}
