import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { UuidParam } from '../common/params.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import type { Actor } from './actor.js';
import { CurrentActor, Roles } from './decorators.js';
import { CreateUserDto, UserResponse } from './dto.js';
import { OWNER_AND_STAFF } from './roles.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Create a user; ENTERPRISE users are bound to one core enterprise' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'List users' })
  @ApiProblems(400, 401, 403)
  list(@Query() q: PageQuery) {
    return this.users.list(q.page, q.pageSize);
  }

  @Get('me')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ summary: 'Who am I: the caller as the service sees it' })
  @ApiOkResponse({ description: '{kind, id, name, role, coreEnterpriseId}' })
  me(@CurrentActor() actor: Actor) {
    const { kind, id, name, role, coreEnterpriseId } = actor;
    return { kind, id, name, role, coreEnterpriseId };
  }

  @Get(':id')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@UuidParam() id: string): Promise<UserResponse> {
    return this.users.get(id);
  }
}
