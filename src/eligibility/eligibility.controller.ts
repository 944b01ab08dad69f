import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { BlacklistDto, EligibilityQuery, EligibilityResponse, PreviewDto, ScreeningResultsQuery, UnblacklistDto } from './dto.js';
import { PageQuery } from '../common/pagination.js';
import { BlacklistService } from './blacklist.service.js';
import { EligibilityPreviewService } from './eligibility-preview.service.js';
import {
  BlacklistResponse,
  EligibilityPreviewResponse,
  ScreeningResultResponse,
  ScreeningRunRequestedResponse,
  ScreeningRunResponse,
} from './responses.js';
import { ScreeningRunsService } from './screening-runs.service.js';
import { SupplierScreeningService } from './supplier-screening.service.js';

@ApiTags('eligibility')
@Controller()
export class EligibilityController {
  constructor(
    private readonly screening: SupplierScreeningService,
    private readonly screeningRuns: ScreeningRunsService,
    private readonly previews: EligibilityPreviewService,
    private readonly blacklists: BlacklistService,
  ) {}

  @Get('suppliers/:id/eligibility')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getSupplierEligibility',
    summary: "A supplier's screening for a programme, rule by rule, with its credit and available limit",
  })
  @ApiResult(EligibilityResponse)
  @ApiProblems(400, 401, 404)
  explain(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: EligibilityQuery): Promise<EligibilityResponse> {
    return this.screening.explain(actor, id, q.programmeId);
  }

  @Post('programmes/:id/evaluations')
  @Roles('ADMIN', 'OFFICER')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'rescreenProgramme',
    summary: "Re-screen all the programme's suppliers with its current ruleset, in the background",
  })
  @ApiResult(ScreeningRunRequestedResponse, { status: 202 })
  @ApiProblems(400, 401, 403, 404)
  rescreen(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.screeningRuns.requestRescreen(actor, id);
  }

  @Get('programmes/:id/screening-runs')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'listScreeningRuns', summary: "A programme's screening runs, newest first" })
  @ApiPage(ScreeningRunResponse)
  @ApiProblems(400, 401, 404)
  runs(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: PageQuery) {
    return this.screeningRuns.listRuns(actor, id, q.page, q.pageSize);
  }

  @Get('programmes/:id/screening-results')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'listScreeningResults',
    summary: "The stored screening of the programme's suppliers (eligible=true for the ones it may lend to), with limits",
  })
  @ApiPage(ScreeningResultResponse)
  @ApiProblems(400, 401, 404)
  results(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: ScreeningResultsQuery) {
    return this.screening.listResults(actor, id, q);
  }

  @Get('screening-runs/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getScreeningRun', summary: 'A screening run: QUEUED, RUNNING, COMPLETED (with counts) or FAILED' })
  @ApiResult(ScreeningRunResponse)
  @ApiProblems(400, 401, 404)
  run(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.screeningRuns.getRun(actor, id);
  }

  @Post('programmes/:id/eligibility-preview')
  @Roles('ADMIN', 'OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'previewEligibility',
    summary: 'What-if: how many suppliers a proposed ruleset or formula would admit or drop, and the total limit, before activating it',
    description:
      'Changes nothing. Answers {suppliers, eligibleNow, eligibleAfter, gained, lost, totalLimitNow, totalLimitAfter, byRule, sample}.',
  })
  @ApiResult(EligibilityPreviewResponse)
  @ApiProblems(400, 401, 403, 404)
  preview(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: PreviewDto) {
    return this.previews.preview(actor, id, dto);
  }

  @Post('suppliers/:id/blacklist')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({ operationId: 'blacklistSupplier', summary: 'Blacklist a supplier (audited) and re-screen it at once' })
  @ApiResult(BlacklistResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  blacklist(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: BlacklistDto) {
    return this.blacklists.setBlacklisted(actor, id, true, dto.reason);
  }

  @Delete('suppliers/:id/blacklist')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @ApiOperation({ operationId: 'unblacklistSupplier', summary: 'Take a supplier off the blacklist (audited) and re-screen it at once' })
  @ApiResult(BlacklistResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  unblacklist(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UnblacklistDto) {
    return this.blacklists.setBlacklisted(actor, id, false, dto?.reason);
  }
}
