import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiDecimal, ApiUuid } from '../common/openapi.js';
import { SCREENING_RUN_STATUSES, type ScreeningRunStatus } from './screening-run-state.js';

export class ScreeningRunRequestedResponse {
  @ApiUuid({ description: 'follow it at GET /screening-runs/{jobId}' }) jobId: string;
  @ApiProperty({ enum: SCREENING_RUN_STATUSES }) status: ScreeningRunStatus;
  @ApiUuid() programmeId: string;
}

export class ScreeningRunResponse {
  @ApiUuid() jobId: string;
  @ApiUuid() programmeId: string;
  @ApiProperty({ example: 'REQUEST', description: 'what queued it: REQUEST, ROSTER_IMPORT, ...' }) trigger: string;
  @ApiProperty({ enum: SCREENING_RUN_STATUSES }) status: ScreeningRunStatus;
  @ApiProperty({ type: 'integer', nullable: true }) rulesetVersion: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'suppliers screened (when COMPLETED)' }) suppliers: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'of them eligible (when COMPLETED)' }) eligible: number | null;
  @ApiProperty({ type: String, nullable: true }) failureMessage: string | null;
  @ApiDateTime() createdAt: string;
  @ApiDateTime({ nullable: true }) startedAt: string | null;
  @ApiDateTime({ nullable: true }) finishedAt: string | null;
}

export class ScreeningResultResponse {
  @ApiUuid() supplierId: string;
  @ApiProperty({ example: 'SUP-001' }) supplierCode: string;
  @ApiProperty() name: string;
  @ApiProperty() eligible: boolean;
  @ApiDecimal('150000.00') creditLimit: string;
  @ApiDecimal('120000.00') availableLimit: string;
  @ApiProperty({ type: [String], example: ['herd'] }) failedRules: string[];
  @ApiProperty({ type: 'integer' }) rulesetVersion: number;
  @ApiDateTime() evaluatedAt: string;
}

export class PreviewByRuleDoc {
  @ApiProperty({ example: 'herd' }) rule: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: the rule is not in the current ruleset' }) failingNow: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: the rule is not in the proposed ruleset' })
  failingAfter: number | null;
}

export class PreviewSampleDoc {
  @ApiUuid() supplierId: string;
  @ApiProperty() supplierCode: string;
  @ApiProperty() name: string;
  @ApiDecimal('0.00') limitNow: string;
  @ApiDecimal('40000.00') limitAfter: string;
  @ApiProperty({ type: [String] }) failingNow: string[];
  @ApiProperty({ type: [String] }) failingAfter: string[];
}

export class PreviewSamplesDoc {
  @ApiProperty({ type: [PreviewSampleDoc] }) gained: PreviewSampleDoc[];
  @ApiProperty({ type: [PreviewSampleDoc] }) lost: PreviewSampleDoc[];
}

export class EligibilityPreviewResponse {
  @ApiUuid() programmeId: string;
  @ApiDate() evaluationDate: string;
  @ApiProperty({ type: 'integer' }) suppliers: number;
  @ApiProperty({ type: 'integer' }) eligibleNow: number;
  @ApiProperty({ type: 'integer' }) eligibleAfter: number;
  @ApiProperty({ type: 'integer' }) gained: number;
  @ApiProperty({ type: 'integer' }) lost: number;
  @ApiDecimal('1600000.00') totalLimitNow: string;
  @ApiDecimal('1080000.00') totalLimitAfter: string;
  @ApiProperty({ type: [PreviewByRuleDoc] }) byRule: PreviewByRuleDoc[];
  @ApiProperty({ type: PreviewSamplesDoc, description: 'up to 20 suppliers gained and 20 lost' }) sample: PreviewSamplesDoc;
}

export class RescreenedDoc {
  @ApiUuid() programmeId: string;
  @ApiProperty() eligible: boolean;
  @ApiDecimal('150000.00') creditLimit: string;
}

export class BlacklistResponse {
  @ApiUuid() supplierId: string;
  @ApiProperty() blacklisted: boolean;
  @ApiProperty({ type: [RescreenedDoc], description: 'its screening in each programme, redone at once' }) rescreened: RescreenedDoc[];
}
