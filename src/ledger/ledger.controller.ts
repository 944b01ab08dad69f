import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi.js';
import { Roles } from '../common/access/route-decorators.js';
import { TrialBalanceQuery, TrialBalanceResponse } from './dto.js';
import { LedgerService } from './ledger.service.js';

@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('trial-balance')
  @Roles('ADMIN', 'AUDITOR')
  @ApiOperation({ operationId: 'getTrialBalance', summary: 'Debits and credits of every ledger account, for all programmes or one' })
  @ApiOkResponse({ type: TrialBalanceResponse })
  @ApiProblems(400)
  trialBalance(@Query() q: TrialBalanceQuery): Promise<TrialBalanceResponse> {
    return this.ledger.trialBalance(q.programmeId);
  }
}
