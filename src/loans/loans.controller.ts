import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { BodyLimit, MB } from '../common/request-input.js';
import { UuidParam } from '../common/params.js';
import { ApproveDto, BatchSubmitDto, LoanQuery, ReasonDto, SubmitLoanDto } from './dto.js';
import { LoanApplicationResponse, LoanBatchResponse } from './responses.js';
import { LoanDecisionsService } from './loan-decisions.service.js';
import { LoanQueriesService } from './loan-queries.service.js';
import { LoanSubmissionService } from './loan-submission.service.js';

@ApiTags('loan applications')
@Controller()
export class LoansController {
  constructor(
    private readonly submission: LoanSubmissionService,
    private readonly decisions: LoanDecisionsService,
    private readonly queries: LoanQueriesService,
  ) {}

  @Post('loan-applications')
  @Roles('ENTERPRISE', 'OFFICER')
  @ApiOperation({
    operationId: 'submitLoanApplication',
    summary: 'Apply for a loan for a supplier; screened at once: PENDING_REVIEW, or REJECTED_INELIGIBLE with the failed rules kept',
    description:
      "422 when the amount or term is outside the product, or the amount is above the supplier's available limit; 409 SUPPLIER_BLACKLISTED for a blacklisted supplier, in any programme.",
  })
  @ApiResult(LoanApplicationResponse, { status: 201, description: 'the application with its status and screening' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitLoanDto) {
    return this.submission.submit(actor, dto);
  }

  @Post('programmes/:id/loan-applications\\:batch')
  @Roles('ENTERPRISE', 'OFFICER')
  // 1,000 applications of at most ~3 kB each (a 500-character purpose, escaped)
  @BodyLimit(4 * MB)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'submitLoanApplicationBatch',
    summary: 'Apply for up to 1,000 loans at once; answers each item in order with its id and status, or its error',
    description:
      'HTTP 200 with {results: [{index, id?, status?, error?: {status, code, title, detail, errors?}}]}. An item that fails unexpectedly ' +
      'answers error.code INTERNAL beside the items that went through; with an Idempotency-Key a repeat replays the same results.',
  })
  @ApiResult(LoanBatchResponse)
  @ApiProblems(400, 401, 403, 404)
  batch(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: BatchSubmitDto) {
    return this.submission.submitBatch(actor, id, dto.applications, actor.correlationId);
  }

  @Get('loan-applications')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'listLoanApplications',
    summary: "The officers' queue: applications oldest first, with each supplier's summary and screening",
  })
  @ApiPage(LoanApplicationResponse, { description: "applications with their supplier's summary" })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() q: LoanQuery) {
    return this.queries.list(actor, q);
  }

  @Get('loan-applications/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getLoanApplication', summary: 'An application with its full history (every transition, who, when, why)' })
  @ApiResult(LoanApplicationResponse, { description: 'the application with its supplier and history[]' })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.queries.get(actor, id);
  }

  @Post('loan-applications/:id/approve')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'approveLoanApplication',
    summary:
      'Approve. Above the four-eyes threshold the first approval moves it to PENDING_SECOND_APPROVAL; a different SENIOR_OFFICER completes it',
    description:
      'The final approval reserves the amount against the supplier limit, the programme cap and the guarantee cap, or answers 409 naming the one exceeded. ' +
      'Also 409: FOUR_EYES_SUBMITTER (the submitter never approves), FOUR_EYES_SAME_APPROVER, SUPPLIER_BLACKLISTED (checked on the supplier itself at each step).',
  })
  @ApiResult(LoanApplicationResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ApproveDto) {
    return this.decisions.approve(actor, id, dto.comment);
  }

  @Post('loan-applications/:id/reject')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rejectLoanApplication', summary: 'Reject with a reason' })
  @ApiResult(LoanApplicationResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  reject(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ReasonDto) {
    return this.decisions.reject(actor, id, dto.reason);
  }

  @Post('loan-applications/:id/cancel')
  @Roles('ENTERPRISE', 'OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'cancelLoanApplication',
    summary: 'Cancel an approved loan before it is disbursed; releases its reservation at once',
  })
  @ApiResult(LoanApplicationResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ReasonDto) {
    return this.submission.cancel(actor, id, dto.reason);
  }
}
