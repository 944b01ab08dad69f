import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/access/actor.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { streamCsv, wantsCsv } from '../common/csv.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { UuidParam } from '../common/params.js';
import { ConfirmSettlementDto } from './dto.js';
import { SettlementLineResponse, SettlementQueuedResponse, SettlementResponse } from './responses.js';
import { SettlementsService } from './settlements.service.js';

@ApiTags('settlements')
@Controller()
export class SettlementsController {
  constructor(private readonly settlements: SettlementsService) {}

  @Post('core-enterprises/:id/settlements')
  @Roles('ENTERPRISE', 'OFFICER')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'uploadSettlement',
    summary: "Upload the core enterprise's settlement (payment run): .csv (UTF-8 or GBK) or .xlsx, English or Chinese headers",
    description:
      'Columns supplier_code 供应商编号, payable_amount 应付金额, optional period 结算期. Answers 202 {settlementId} at once; the deductions ' +
      'are computed in the background: poll GET /settlements/{id} until COMPUTED or FAILED (a bad row fails the whole file, with a row-level report).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResult(SettlementQueuedResponse, { status: 202 })
  @ApiProblems(400, 401, 403, 404, 408, 413, 415, 429)
  upload(@CurrentActor() actor: Actor, @UuidParam() id: string, @Req() req: Request) {
    return this.settlements.upload(actor, id, req);
  }

  @Get('settlements/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getSettlement',
    summary: 'A settlement: status, rows, matchedRows, totalPayable, totalDeduction, businessDate, problems',
  })
  @ApiResult(SettlementResponse)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.settlements.get(actor, id);
  }

  @Get('settlements/:id/lines')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'listSettlementLines',
    summary:
      'One line per supplier row with its deduction and allocations; Accept: text/csv gives the payment run (what to pay each supplier)',
  })
  @ApiPage(SettlementLineResponse, { csv: 'the payment run: what to pay each supplier (Accept: text/csv)' })
  @ApiProblems(400, 401, 404)
  async lines(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Query() q: PageQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (wantsCsv(accept)) {
      await streamCsv(res, this.settlements.paymentRunCsv(actor, id), `settlement-${id}-payment-run.csv`);
      return undefined;
    }
    return this.settlements.lines(actor, id, q.page, q.pageSize);
  }

  @Post('settlements/:id/confirm')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmSettlement',
    summary: "The bank's staff confirm the remittance arrived (never the core enterprise): every allocation is posted in one transaction",
    description:
      'remittedAmount must equal totalDeduction (422 SETTLEMENT_AMOUNT_MISMATCH). Only a COMPUTED settlement (409 SETTLEMENT_NOT_COMPUTED), ' +
      'once (409 SETTLEMENT_ALREADY_CONFIRMED), on the business date it was computed and with none of its loans changed since ' +
      '(409 SETTLEMENT_STALE: recompute, then confirm).',
  })
  @ApiResult(SettlementResponse, { description: 'the settlement, CONFIRMED' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  confirm(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() body: ConfirmSettlementDto) {
    return this.settlements.confirm(actor, id, body.remittedAmount);
  }

  @Post('settlements/:id/recompute')
  @Roles('ENTERPRISE', 'OFFICER', 'SENIOR_OFFICER')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'recomputeSettlement',
    summary: 'Compute a COMPUTED or FAILED settlement again on today’s loan states (409 SETTLEMENT_NOT_RECOMPUTABLE otherwise)',
  })
  @ApiResult(SettlementResponse, { status: 202, description: 'the settlement, QUEUED again' })
  @ApiProblems(400, 401, 403, 404, 409)
  recompute(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.settlements.recompute(actor, id);
  }
}
