import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { ApiProblems } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { PortfolioResponse } from './portfolio.dto.js';
import { PortfolioService } from './portfolio.service.js';

@ApiTags('servicing')
@Controller('programmes')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get(':id/portfolio')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getProgrammePortfolio',
    summary: "A programme's open loans: outstanding, receivable, overdue, by classification and DPD bucket",
  })
  @ApiOkResponse({ type: PortfolioResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<PortfolioResponse> {
    return this.portfolio.portfolio(actor, id);
  }
}
