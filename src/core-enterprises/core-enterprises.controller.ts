import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { CoreEnterprisesService } from './core-enterprises.service.js';
import { CoreEnterpriseQuery, CoreEnterpriseResponse, CreateCoreEnterpriseDto, UpdateCoreEnterpriseDto } from './dto.js';

@ApiTags('core enterprises')
@Controller('core-enterprises')
export class CoreEnterprisesController {
  constructor(private readonly service: CoreEnterprisesService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'createCoreEnterprise', summary: 'Register a core enterprise (the "1" of 1+N)' })
  @ApiCreatedResponse({ type: CoreEnterpriseResponse })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCoreEnterpriseDto): Promise<CoreEnterpriseResponse> {
    return this.service.create(actor, dto);
  }

  @Get()
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'listCoreEnterprises', summary: 'Core enterprises (an ENTERPRISE caller sees its own)' })
  @ApiPage(CoreEnterpriseResponse)
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() q: CoreEnterpriseQuery) {
    return this.service.list(actor, q);
  }

  @Get(':id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getCoreEnterprise', summary: 'One core enterprise with its guarantee cap and guaranteed exposure' })
  @ApiOkResponse({ type: CoreEnterpriseResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<CoreEnterpriseResponse> {
    return this.service.get(actor, id);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOperation({
    operationId: 'updateCoreEnterprise',
    summary: 'Rename, or change the guarantee cap (a lower cap only stops new approvals)',
  })
  @ApiOkResponse({ type: CoreEnterpriseResponse })
  @ApiProblems(400, 401, 403, 404)
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateCoreEnterpriseDto): Promise<CoreEnterpriseResponse> {
    return this.service.update(actor, id, dto);
  }
}
