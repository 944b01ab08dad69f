import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { ApiProblems } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { CobRunsService } from './cob-runs.service.js';
import { CobRunRequestDto, CobRunResponse } from './cob.dto.js';

@ApiTags('servicing')
@Controller('cob-runs')
export class CobController {
  constructor(private readonly runs: CobRunsService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'requestCobRun',
    summary: 'End of day for every business date after the last closed one, up to upTo (default yesterday)',
    description:
      '202 with the queued run; 200 with status COMPLETED when those dates are closed already; 409 COB_RUN_IN_PROGRESS while a run is ' +
      'open; 422 COB_DATE_NOT_OVER for today or later. The service also runs it by itself every day after midnight (real clock).',
  })
  @ApiAcceptedResponse({ type: CobRunResponse })
  @ApiOkResponse({ type: CobRunResponse })
  @ApiProblems(400, 401, 403, 409, 422)
  async request(
    @CurrentActor() actor: Actor,
    @Body() dto: CobRunRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CobRunResponse> {
    const { created, run } = await this.runs.request(actor, dto.upTo);
    res.status(created ? 202 : 200);
    return run;
  }

  @Get(':id')
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'getCobRun',
    summary: 'An end-of-day run: QUEUED, RUNNING, COMPLETED or FAILED, the dates it closes and the loans it closed',
  })
  @ApiOkResponse({ type: CobRunResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@UuidParam() id: string): Promise<CobRunResponse> {
    return this.runs.get(id);
  }
}
