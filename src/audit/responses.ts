import { ApiProperty } from '@nestjs/swagger';
import { ACTOR_KINDS, ActorRefDoc, ApiDateTime, ApiUuid } from '../common/openapi.js';

const JSON_VALUE = {
  nullable: true,
  oneOf: [
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
  ],
};

/** Who did it; a failed login names no one: ANONYMOUS, by the username tried. */
export class AuditActorDoc extends ActorRefDoc {
  @ApiProperty({ enum: [...ACTOR_KINDS, 'ANONYMOUS'] }) declare kind: string;
}

export class AuditEventResponse {
  @ApiProperty({ example: '31', description: 'a bigint, as a string; ascending in time' }) id: string;
  @ApiDateTime() occurredAt: string;
  @ApiProperty({ type: AuditActorDoc }) actor: AuditActorDoc;
  @ApiProperty({ example: 'SUPPLIER_IDENTITY_READ' }) action: string;
  @ApiProperty({ example: 'LoanApplication' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiUuid({ nullable: true }) coreEnterpriseId: string | null;
  @ApiProperty({ ...JSON_VALUE, description: 'the state before, as the action records it' }) before: unknown;
  @ApiProperty({ ...JSON_VALUE, description: 'the state after, as the action records it' }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) correlationId: string | null;
}
