import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF, ROLES } from '../common/access/roles.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { CounterpartiesService } from './counterparties.service.js';
import { CounterpartyQuery, RoleQuery, RosterSchemaBodyDoc } from './dto.js';
import { CounterpartyResponse, RosterSchemaResponse, RosterTemplatesResponse } from './responses.js';

@ApiTags('counterparties')
@Controller()
export class CounterpartiesController {
  constructor(private readonly counterparties: CounterpartiesService) {}

  @Get('roster-templates')
  @Roles(...ROLES)
  @ApiOperation({
    operationId: 'listRosterTemplates',
    summary: 'The built-in roster templates: DAIRY_SUPPLIER (the dairy columns), DEALER, FREIGHT_FORWARDER',
  })
  @ApiResult(RosterTemplatesResponse)
  @ApiProblems(401)
  templates() {
    return { items: this.counterparties.templates() };
  }

  @Get('core-enterprises/:id/roster-schema')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getRosterSchema',
    summary: "A role's roster schema now (version 0: the role's default template, not set yet)",
  })
  @ApiResult(RosterSchemaResponse)
  @ApiProblems(400, 401, 404)
  schema(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: RoleQuery) {
    return this.counterparties.getSchema(actor, id, q.role ?? 'SUPPLIER');
  }

  @Put('core-enterprises/:id/roster-schema')
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'putRosterSchema',
    summary: "A new version of a role's roster schema",
    description:
      'Rosters of the role are read with it from now on; an import records the version it used, and values stored before keep theirs. ' +
      '409 ROSTER_SCHEMA_RETYPES_VALUES when an attribute some counterparty holds would change type; 409 ROSTER_SCHEMA_IN_USE when a ' +
      "programme's rules or formula use an attribute it drops or retypes.",
  })
  @ApiBody({ type: RosterSchemaBodyDoc })
  @ApiResult(RosterSchemaResponse, { description: 'the new version' })
  @ApiProblems(400, 401, 403, 404, 409)
  putSchema(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() body: Record<string, unknown>) {
    return this.counterparties.putSchema(actor, id, body);
  }

  @Get('core-enterprises/:id/counterparties')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'listCounterparties',
    summary: "A core enterprise's counterparties (suppliers and dealers) with role and attributes; identifiers masked",
  })
  @ApiPage(CounterpartyResponse)
  @ApiProblems(400, 401, 404)
  list(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: CounterpartyQuery) {
    return this.counterparties.list(actor, id, q);
  }

  @Get('counterparties/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getCounterparty',
    summary: 'A counterparty with its role, attributes and schema version; identifiers masked',
  })
  @ApiResult(CounterpartyResponse)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.counterparties.get(actor, id);
  }
}
