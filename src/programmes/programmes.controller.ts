import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { CreateProgrammeDto, ProgrammeQuery, ProgrammeResponse, RulesetResponse, UpdateProgrammeDto } from './dto.js';
import { ProgrammesService, programmeView } from './programmes.service.js';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly service: ProgrammesService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'createProgramme',
    summary: 'Create a lending programme for a core enterprise, with its admission rules and limit formula',
  })
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiProblems(400, 401, 403, 404)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    return programmeView(await this.service.create(actor, dto));
  }

  @Get()
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'listProgrammes', summary: 'Programmes (an ENTERPRISE caller sees its own)' })
  @ApiPage(ProgrammeResponse)
  @ApiProblems(400, 401)
  async list(@CurrentActor() actor: Actor, @Query() q: ProgrammeQuery) {
    const page = await this.service.list(actor, q);
    return { ...page, items: page.items.map(programmeView) };
  }

  @Get(':id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getProgramme', summary: 'A programme with its current rulesetVersion, rules and formula' })
  @ApiOkResponse({ type: ProgrammeResponse })
  @ApiProblems(400, 401, 404)
  async get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ProgrammeResponse> {
    return programmeView(await this.service.get(actor, id));
  }

  @Get(':id/rulesets')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'listProgrammeRulesets', summary: 'Every ruleset version the programme has had' })
  @ApiOkResponse({ type: [RulesetResponse] })
  @ApiProblems(400, 401, 404)
  rulesets(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<RulesetResponse[]> {
    return this.service.rulesets(actor, id);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'updateProgramme',
    summary: 'Change a programme; new eligibilityRules or limitFormula make a new ruleset version',
  })
  @ApiOkResponse({ type: ProgrammeResponse })
  @ApiProblems(400, 401, 403, 404)
  async update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateProgrammeDto): Promise<ProgrammeResponse> {
    return programmeView(await this.service.update(actor, id, dto));
  }
}
