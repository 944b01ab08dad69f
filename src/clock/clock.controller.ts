import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { STAFF } from '../common/access/roles.js';
import { ApiProblems } from '../common/openapi.js';
import { ClockService } from './clock.service.js';
import { ClockResponse, SetClockDto } from './dto.js';

@ApiTags('clock')
@Controller('clock')
export class ClockController {
  constructor(private readonly clock: ClockService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ operationId: 'getClock', summary: "The service's business date, and whether it is real or simulated" })
  @ApiOkResponse({ type: ClockResponse })
  @ApiProblems(401, 403)
  get(): Promise<ClockResponse> {
    return this.clock.read();
  }

  @Put()
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'setClock',
    summary: 'Move the simulated business date forward (CLOCK=simulated only; tests and demos)',
    description:
      '409 CLOCK_BACKWARDS for a date before the current one (the same date is accepted and changes nothing); ' +
      '409 CLOCK_NOT_SIMULATED when the service runs on the real clock. Audited as CLOCK_SET.',
  })
  @ApiOkResponse({ type: ClockResponse })
  @ApiProblems(400, 401, 403, 409)
  set(@CurrentActor() actor: Actor, @Body() dto: SetClockDto): Promise<ClockResponse> {
    return this.clock.set(actor, dto.today);
  }
}
