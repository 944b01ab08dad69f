import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../common/openapi.js';
import { COUNTERPARTY_ROLES, type CounterpartyRole } from '../counterparties/roster-schema.js';
import { ROSTER_IMPORT_STATUSES, type RosterImportStatus } from './roster-import-state.js';

export class RosterImportFailureDoc {
  @ApiProperty({ example: 'ROSTER_HEADER_MISSING' }) code: string;
  @ApiProperty() message: string;
}

/** An import's progress and outcome; counts are null until it has read them. */
export class RosterImportResponse {
  @ApiUuid({ description: 'the same as id' }) importId: string;
  @ApiUuid() id: string;
  @ApiUuid() coreEnterpriseId: string;
  @ApiProperty({ enum: ROSTER_IMPORT_STATUSES }) status: RosterImportStatus;
  @ApiProperty({ example: 'roster.csv' }) fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) fileType: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) fileSize: number;
  @ApiProperty({ type: 'integer', nullable: true }) totalRows: number | null;
  @ApiProperty({ type: 'integer', description: 'advances while RUNNING' }) processedRows: number;
  @ApiProperty({ type: 'integer', nullable: true }) acceptedRows: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) rejectedRows: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) createdCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) updatedCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) unchangedCount: number | null;
  @ApiProperty({ type: [String], description: 'headers the roster schema does not know (ignored)' }) unknownColumns: string[];
  @ApiProperty({ type: RosterImportFailureDoc, nullable: true }) failure: RosterImportFailureDoc | null;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'every problem found, listed or not; null until finished' })
  problemCount: number | null;
  @ApiProperty({ description: 'only the first problems are listed in /errors' }) problemsTruncated: boolean;
  @ApiDateTime({ nullable: true, description: 'when the stored file was deleted' }) fileDeletedAt: string | null;
  @ApiProperty({ enum: COUNTERPARTY_ROLES }) role: CounterpartyRole;
  @ApiProperty({ type: 'integer', nullable: true, description: "the version of the role's roster schema the file is read with" })
  schemaVersion: number | null;
  @ApiDateTime() createdAt: string;
  @ApiDateTime({ nullable: true }) startedAt: string | null;
  @ApiDateTime({ nullable: true }) finishedAt: string | null;
}

export class RosterErrorResponse {
  @ApiProperty({ type: 'integer', description: 'the row in the file (the header is row 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true }) supplierCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'herd_size' }) field: string | null;
  @ApiProperty({ example: 'OUT_OF_RANGE' }) code: string;
  @ApiProperty() message: string;
}
