import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { streamCsv, wantsCsv } from '../common/csv.js';
import { ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { PageQuery } from '../common/pagination.js';
import { UuidParam } from '../common/params.js';
import { RosterErrorResponse, RosterImportResponse } from './responses.js';
import { RostersService } from './rosters.service.js';
import { COUNTERPARTY_ROLES } from '../counterparties/roster-schema.js';

@ApiTags('rosters')
@Controller()
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  @Post('core-enterprises/:id/rosters')
  @Roles('ENTERPRISE', 'ADMIN')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'uploadRoster',
    summary: 'Upload a supplier roster (.csv in UTF-8 or GBK, or .xlsx; English or Chinese headers); imported in the background',
    description:
      'Answers 202 with the import id at once; poll GET /roster-imports/{importId}. Every row is validated; bad rows are reported ' +
      'row by row, good rows are upserted by supplier code, all in one transaction. Honours Idempotency-Key (hash of the file). ' +
      'An upload that stalls or crawls is cut off (its connection closed); too many at once answer 429 ROSTER_UPLOADS_BUSY, more than the hourly rate ' +
      '429 ROSTER_UPLOAD_RATE_EXCEEDED (both with Retry-After), more than the storage quota 413 ROSTER_STORAGE_QUOTA_EXCEEDED, and a ' +
      'workbook whose directory shows a zip bomb 422 ROSTER_FILE_TOO_COMPLEX.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        role: { type: 'string', enum: [...COUNTERPARTY_ROLES], default: 'SUPPLIER', description: 'the counterparties the roster lists' },
      },
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResult(RosterImportResponse, { status: 202, description: 'the import, QUEUED (a replay: as it is now)' })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 422, 429)
  async upload(@CurrentActor() actor: Actor, @UuidParam() id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { status, body, replayed } = await this.rosters.upload(actor, id, req);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(status);
    return body;
  }

  @Get('core-enterprises/:id/roster-imports')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'listRosterImports', summary: "A core enterprise's roster imports, newest first" })
  @ApiPage(RosterImportResponse)
  @ApiProblems(400, 401, 404)
  list(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: PageQuery) {
    return this.rosters.list(actor, id, q.page, q.pageSize);
  }

  @Get('roster-imports/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'getRosterImport',
    summary: 'Progress and outcome of an import: QUEUED, RUNNING (processedRows advancing), COMPLETED or FAILED',
  })
  @ApiResult(RosterImportResponse)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.rosters.get(actor, id);
  }

  @Get('roster-imports/:id/errors')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'listRosterImportErrors',
    summary:
      'One entry per problem: {row, supplierCode, field, code, message}; Accept: text/csv gives the whole list as a CSV safe to open in Excel',
  })
  @ApiPage(RosterErrorResponse, { csv: 'every problem: row,supplier_code,field,code,message (Accept: text/csv)' })
  @ApiProblems(400, 401, 404)
  async errors(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Query() q: PageQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (wantsCsv(accept)) {
      await streamCsv(res, this.rosters.errorsCsv(actor, id), `roster-import-${id}-errors.csv`);
      return undefined;
    }
    return this.rosters.errors(actor, id, q.page, q.pageSize);
  }

  @Post('roster-imports/:id/retry')
  @Roles('ENTERPRISE', 'ADMIN')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'retryRosterImport',
    summary: 'Run a FAILED import again from its stored file (409 ROSTER_FILE_EXPIRED once the file has been deleted after its retention)',
  })
  @ApiResult(RosterImportResponse, { status: 202, description: 'the import, QUEUED again' })
  @ApiProblems(400, 401, 403, 404, 409)
  retry(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.rosters.retry(actor, id);
  }
}
