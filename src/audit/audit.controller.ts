import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '../common/access/route-decorators.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { AuditEventResponse } from './responses.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'LoanApplication' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  entityId?: string;

  @ApiPropertyOptional({ example: 'SUPPLIER_IDENTITY_READ' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
}

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('ADMIN', 'AUDITOR')
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'Who did what and when, with before and after, oldest first' })
  @ApiPage(AuditEventResponse)
  @ApiProblems(400)
  list(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}
