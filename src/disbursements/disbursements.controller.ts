import { Body, Controller, Delete, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { STAFF } from '../common/access/roles.js';
import { CommonErrors, DomainError } from '../common/errors.js';
import { ApiFile, ApiNoContent, ApiPage, ApiProblems, ApiResult } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { BodyLimit, MB } from '../common/request-input.js';
import { DisbursementBatchesService } from './disbursement-batches.service.js';
import { DisbursementBatchResponse, DisbursementBatchSummaryResponse, StatusReportResponse } from './responses.js';
import { DisbursementOutcomesService } from './disbursement-outcomes.service.js';
import { DisbursementErrors } from './disbursements.errors.js';
import { BatchQuery, CreateBatchDto, ReconcileItemDto } from './dto.js';

const MAX_REPORT_BYTES = 50 * MB;

/** The pain.002 document, sent as the raw XML body or as a multipart file. */
function readStatusReport(req: Request): Promise<string | Buffer> {
  if (typeof req.body === 'string' && req.body.length) return Promise.resolve(req.body);
  if (!req.is('multipart/form-data')) {
    return Promise.reject(
      new DomainError(
        DisbursementErrors.STATUS_REPORT_INVALID,
        'Send the pain.002 XML as the body (Content-Type: application/xml) or as a multipart file',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let found = false;
    const parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_REPORT_BYTES } });
    let truncated = false;
    parser.on('file', (_field, stream) => {
      found = true;
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('limit', () => (truncated = true));
    });
    parser.on('error', () => reject(new DomainError(DisbursementErrors.STATUS_REPORT_INVALID, 'The multipart body could not be read')));
    parser.on('close', () => {
      if (truncated) reject(new DomainError(CommonErrors.PAYLOAD_TOO_LARGE, `A status report may be at most ${MAX_REPORT_BYTES} bytes`));
      else if (!found) reject(new DomainError(DisbursementErrors.STATUS_REPORT_INVALID, 'No file in the upload'));
      else resolve(Buffer.concat(parts));
    });
    req.pipe(parser);
  });
}

@ApiTags('disbursements')
@Controller('disbursement-batches')
export class DisbursementsController {
  constructor(
    private readonly batches: DisbursementBatchesService,
    private readonly outcomes: DisbursementOutcomesService,
  ) {}

  @Post()
  @Roles('OFFICER')
  @ApiOperation({
    operationId: 'createDisbursementBatch',
    summary: 'Make a DRAFT batch of the given, or all, APPROVED loans of a programme not in another open batch',
  })
  @ApiResult(DisbursementBatchResponse, { status: 201, description: 'the batch with counts, totals and items' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBatchDto) {
    return this.batches.create(actor, dto.programmeId, dto.loanApplicationIds);
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ operationId: 'listDisbursementBatches', summary: 'Batches, newest first, with counts and totals' })
  @ApiPage(DisbursementBatchSummaryResponse, { description: 'batches with counts and totals, without their items' })
  @ApiProblems(400, 401, 403)
  list(@Query() q: BatchQuery) {
    return this.batches.list(q);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({
    operationId: 'getDisbursementBatch',
    summary: 'A batch: status, counts, totals to the fen, and every item (loan, amount, creditor, endToEndId, status, failure reason)',
  })
  @ApiResult(DisbursementBatchResponse)
  @ApiProblems(400, 401, 403, 404)
  get(@UuidParam() id: string) {
    return this.batches.get(id);
  }

  @Delete(':id')
  @Roles('OFFICER')
  @HttpCode(204)
  @ApiOperation({ operationId: 'discardDisbursementBatch', summary: 'Discard a DRAFT batch (its loans become free for another batch)' })
  @ApiNoContent('discarded')
  @ApiProblems(400, 401, 403, 404, 409)
  async discard(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<void> {
    await this.batches.discard(actor, id);
  }

  @Post(':id/approve')
  @Roles('SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'approveDisbursementBatch',
    summary: 'Approve a DRAFT batch: a SENIOR_OFFICER who did not make it (maker-checker)',
  })
  @ApiResult(DisbursementBatchResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.batches.approve(actor, id);
  }

  @Post(':id/execute')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'executeDisbursementBatch',
    summary: 'Pay an APPROVED batch through the payment channel, in the background. Safe to repeat.',
  })
  @ApiResult(DisbursementBatchResponse, { status: 202, description: 'the batch, EXECUTING (or further along)' })
  @ApiProblems(400, 401, 403, 404, 409)
  execute(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.batches.execute(actor, id);
  }

  @Get(':id/pain001')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @ApiOperation({
    operationId: 'exportPain001',
    summary: 'The batch as an ISO 20022 pain.001.001.09 credit-transfer file (no personal identity numbers in it)',
    description:
      'It carries the creditor accounts in full, so only the officers who pay may take it; every export is an audit event (PAIN001_EXPORTED).',
  })
  @ApiFile(['application/xml'], 'the pain.001.001.09 XML, as an attachment')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProblems(400, 401, 403, 404)
  async pain001(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { xml, messageId } = await this.batches.pain001(actor, id);
    res.setHeader('Content-Disposition', `attachment; filename="${messageId}.pain.001.001.09.xml"`);
    return xml;
  }

  @Post(':id/send-as-file')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'sendDisbursementBatchAsFile',
    summary:
      'Record that the pain.001 file of an APPROVED batch went to the bank: the batch is EXECUTING on the FILE channel, its items SENT, its loans DISBURSING',
    description: 'Audited (DISBURSEMENT_BATCH_SENT_AS_FILE). From then on only pain.002 status reports read by another officer settle it.',
  })
  @ApiResult(DisbursementBatchResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  sendAsFile(@CurrentActor() actor: Actor, @UuidParam() id: string) {
    return this.batches.sendAsFile(actor, id);
  }

  @Post(':id/status-report')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @BodyLimit(MAX_REPORT_BYTES, { xml: true })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'applyStatusReport',
    summary:
      "Read the bank's pain.002.001.10 status report for a batch sent as a file: ACSC/ACCP settle; RJCT holds the payment for reconciliation; reading it again changes nothing",
    description:
      'Body: the XML (Content-Type application/xml or text/xml), or multipart with a file. Unknown endToEndIds are reported. ' +
      'Refused (409) for a batch not sent as a file, and to the officer who made the batch or sent its file.',
  })
  @ApiConsumes('application/xml', 'text/xml', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResult(StatusReportResponse)
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async statusReport(@CurrentActor() actor: Actor, @UuidParam() id: string, @Req() req: Request) {
    return this.outcomes.applyStatusReport(actor, id, await readStatusReport(req));
  }

  @Post(':id/items/:itemId/reconcile')
  @Roles('OFFICER', 'SENIOR_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reconcileDisbursementItem',
    summary: 'Resolve a payment held after a RJCT, from the bank statement: PAID settles it, NOT_PAID fails it and frees the loan',
    description:
      'By an officer who neither made the batch, sent its file nor read the report that held it (409 otherwise). Audited (DISBURSEMENT_ITEM_RECONCILED).',
  })
  @ApiResult(DisbursementBatchResponse)
  @ApiProblems(400, 401, 403, 404, 409)
  reconcile(@CurrentActor() actor: Actor, @UuidParam() id: string, @UuidParam('itemId') itemId: string, @Body() dto: ReconcileItemDto) {
    return this.outcomes.reconcile(actor, id, itemId, dto.outcome, dto.note);
  }
}
