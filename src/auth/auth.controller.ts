import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems } from '../common/openapi.js';
import { requestIdOf } from '../common/request-id.js';
import { AuthService } from './auth.service.js';
import { clientAddress } from './client-address.js';
import { Public } from '../common/access/route-decorators.js';
import { LoginDto, LoginResponse } from './dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Exchange a username and password for a bearer token',
    description:
      'Failed logins slow down the username from that address (429 LOGIN_THROTTLED with Retry-After); requests are also rate-limited per address and in total (429 RATE_LIMITED).',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400, 401, 429)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, clientAddress(req), requestIdOf(req));
  }
}
