import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiProblems, ApiResult } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { RepaymentDto } from './dto.js';
import { RepaymentResultResponse, StatementResponse } from './statement.dto.js';
import { RepaymentsService } from './repayments.service.js';

@ApiTags('servicing')
@Controller('loan-applications/:id')
export class RepaymentsController {
  constructor(private readonly repayments: RepaymentsService) {}

  @Post('repayments')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @ApiOperation({
    operationId: 'postRepayment',
    summary: 'A direct repayment valued today (a bank statement credit): penalty, then interest, then principal, then prepayment',
    description:
      'Idempotent by `reference` per loan: a repeat answers the first result (201, same body); the same reference with another amount ' +
      'is 409 REPAYMENT_REFERENCE_REUSED. 422 REPAYMENT_EXCEEDS_PAYOFF (with `payoffAmount`) above everything owed today; ' +
      '409 COB_PENDING while the end of day has not caught up with the loan; 409 LOAN_NOT_DISBURSED for a loan not DISBURSED. ' +
      'The principal repaid frees the limits at once; a loan with nothing left becomes REPAID. Audited as REPAYMENT_POSTED.',
  })
  @ApiResult(RepaymentResultResponse, {
    status: 201,
    description: 'the allocations and the statement after it (a repeat: the first result)',
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  repay(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: RepaymentDto) {
    return this.repayments.repay(actor, id, dto);
  }

  @Get('statement')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getLoanStatement',
    summary: "A disbursed loan's statement today: figures, schedule, repayments and journal entries",
    description:
      'Money as decimal strings, accrued figures (the unbilled part of the current period) to 10 decimals. ' +
      '404 LOAN_NOT_SERVICED for a loan whose payment has not settled yet.',
  })
  @ApiResult(StatementResponse)
  @ApiProblems(400, 401, 404)
  statement(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.repayments.statement(actor, id);
  }
}
