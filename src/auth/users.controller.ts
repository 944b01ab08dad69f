import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { UuidParam } from '../common/params.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import type { Request } from 'express';
import { RedactOnReplay } from '../idempotency/idempotency.interceptor.js';
import type { Actor } from '../common/access/actor.js';
import { AuthService } from './auth.service.js';
import { clientAddress } from './client-address.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import {
  ChangeOwnPasswordDto,
  CreateUserDto,
  CurrentActorResponse,
  DisableUserDto,
  LoginResponse,
  PasswordChangedResponse,
  ResetPasswordDto,
  UserResponse,
} from './dto.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user; ENTERPRISE users are bound to one core enterprise' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'listUsers', summary: 'List users, with whether each is disabled' })
  @ApiPage(UserResponse)
  @ApiProblems(400, 401, 403)
  list(@Query() q: PageQuery) {
    return this.users.list(q.page, q.pageSize);
  }

  @Get('me')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getCurrentUser', summary: 'Who am I: the caller as the service sees it' })
  @ApiResult(CurrentActorResponse)
  me(@CurrentActor() actor: Actor) {
    const { kind, id, name, role, coreEnterpriseId } = actor;
    return { kind, id, name, role, coreEnterpriseId };
  }

  // before the :id routes, which would take "me" for an id
  @Post('me/password')
  @Roles(...OWNER_AND_STAFF)
  @HttpCode(200)
  @RedactOnReplay('accessToken')
  @ApiOperation({
    operationId: 'changeOwnPassword',
    summary: 'Change your own password',
    description:
      'Revokes every token you hold and answers a fresh one. A wrong current password is 403, and repeated ones are throttled like logins (429).',
  })
  @ApiOkResponse({ type: PasswordChangedResponse })
  @ApiProblems(400, 401, 403, 429)
  changeOwnPassword(@CurrentActor() actor: Actor, @Body() dto: ChangeOwnPasswordDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.changeOwnPassword(actor, dto.currentPassword, dto.newPassword, clientAddress(req));
  }

  @Get(':id')
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'getUser', summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@UuidParam() id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Post(':id/disable')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'disableUser',
    summary: 'Disable a user: no login, and their tokens are refused from the next request on',
    description: 'Also revokes their tokens. Repeating it changes nothing. You cannot disable yourself or the last enabled ADMIN (409).',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  disable(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: DisableUserDto): Promise<UserResponse> {
    return this.users.disable(actor, id, dto.reason);
  }

  @Post(':id/enable')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({ operationId: 'enableUser', summary: 'Enable a disabled user again (tokens from before the disabling stay revoked)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  enable(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<UserResponse> {
    return this.users.enable(actor, id);
  }

  @Post(':id/password')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({ operationId: 'resetUserPassword', summary: "Set a user's password: revokes their tokens and lifts their login delays" })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  resetPassword(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ResetPasswordDto): Promise<UserResponse> {
    return this.users.resetPassword(actor, id, dto.password);
  }

  @Post(':id/revoke-tokens')
  @Roles('ADMIN')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeUserTokens', summary: 'Revoke every token the user holds; they log in again to get a new one' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404)
  revokeTokens(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<UserResponse> {
    return this.users.revokeTokens(actor, id);
  }
}
