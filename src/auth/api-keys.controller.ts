import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { UuidParam } from '../common/params.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi.js';
import { RedactOnReplay } from '../idempotency/idempotency.interceptor.js';
import type { Actor } from '../common/access/actor.js';
import { ApiKeysService } from './api-keys.service.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from './dto.js';

@ApiTags('core enterprises')
@Controller('core-enterprises/:id/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Roles('ADMIN')
  @RedactOnReplay('key')
  @ApiOperation({
    operationId: 'createApiKey',
    summary: "Issue an API key for the core enterprise's own systems (shown once; sent as X-Api-Key)",
    description: 'With an Idempotency-Key, a replay answers the same key record with `key: null`: the secret is never stored.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.keys.create(actor, id, dto.name);
  }

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'listApiKeys', summary: "The core enterprise's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ApiKeyResponse[]> {
    return this.keys.list(actor, id);
  }

  @Delete(':keyId')
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiProblems(400, 401, 403, 404)
  revoke(@CurrentActor() actor: Actor, @UuidParam() id: string, @UuidParam('keyId') keyId: string): Promise<ApiKeyResponse> {
    return this.keys.revoke(actor, id, keyId);
  }
}
