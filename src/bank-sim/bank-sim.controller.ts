import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access/route-decorators.js';
import { notFound } from '../common/errors.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { BankSimService, transferPageView, transferView } from './bank-sim.service.js';
import { SimTransferQuery, SimTransferResponse } from './dto.js';

/** The simulator's read API, served by the service when the simulator runs in-process. */
@ApiTags('bank simulator')
@Controller('bank-sim/transfers')
export class BankSimController {
  constructor(private readonly bank: BankSimService) {}

  @Get()
  @Roles('ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')
  @ApiOperation({
    operationId: 'listSimulatedTransfers',
    summary:
      "The simulated bank's own record of credit transfers: {items: [{endToEndId, reference, amount, creditorAccount (masked), status, createdAt}], total}",
  })
  @ApiPage(SimTransferResponse)
  @ApiProblems(400, 401, 403)
  async list(@Query() q: SimTransferQuery) {
    return transferPageView(await this.bank.list(q));
  }

  @Get(':endToEndId')
  @Roles('ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')
  @ApiOperation({ operationId: 'getSimulatedTransfer', summary: 'One transfer by endToEndId (creditorAccount masked)' })
  @ApiResult(SimTransferResponse)
  @ApiProblems(401, 403, 404)
  async get(@Param('endToEndId') endToEndId: string) {
    const t = await this.bank.status(endToEndId);
    if (!t) throw notFound('Transfer', endToEndId);
    return transferView(t);
  }
}
