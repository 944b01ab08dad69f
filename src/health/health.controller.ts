import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { NotRateLimited, Public } from '../common/access/route-decorators.js';
import { ApiProblems, ApiResult } from '../common/openapi.js';

const INDICATORS = {
  type: 'object' as const,
  additionalProperties: { type: 'object', required: ['status'], properties: { status: { type: 'string' } }, additionalProperties: true },
  example: { database: { status: 'up' } },
};

/** Terminus's answer: each indicator by name, with its status. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: string;
  @ApiPropertyOptional(INDICATORS) info?: Record<string, unknown>;
  @ApiPropertyOptional(INDICATORS) error?: Record<string, unknown>;
  @ApiProperty(INDICATORS) details: Record<string, unknown>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @NotRateLimited()
  // documented here, as the rest of the API is: terminus's own documentation of the same answers would
  // replace ours wherever it can load @nestjs/swagger (the built service, or any Node that requires ES modules)
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ operationId: 'checkHealth', summary: 'Liveness and database readiness: 200 when the database answers, 503 when not' })
  @ApiResult(HealthResponse)
  @ApiProblems(503)
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }
}
