import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../common/openapi.js';
import { AttributeDoc } from './dto.js';
import { COUNTERPARTY_ROLES, TEMPLATE_NAMES, type CounterpartyRole } from './roster-schema.js';

export class AttributeResponse extends AttributeDoc {
  @ApiPropertyOptional({ description: "kept in a column of its own and checked by the dairy roster's rules (DAIRY_SUPPLIER only)" })
  column?: boolean;
}

export class RosterTemplateResponse {
  @ApiProperty({ enum: TEMPLATE_NAMES }) name: string;
  @ApiProperty({ enum: COUNTERPARTY_ROLES }) role: CounterpartyRole;
  @ApiProperty() description: string;
  @ApiProperty({ type: [AttributeResponse] }) attributes: AttributeResponse[];
}

export class RosterTemplatesResponse {
  @ApiProperty({ type: [RosterTemplateResponse] }) items: RosterTemplateResponse[];
}

export class RosterSchemaResponse {
  @ApiUuid({ nullable: true, description: "null for version 0: the role's default template, not set yet" }) id: string | null;
  @ApiUuid() coreEnterpriseId: string;
  @ApiProperty({ enum: COUNTERPARTY_ROLES }) role: CounterpartyRole;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: TEMPLATE_NAMES, nullable: true }) template: string | null;
  @ApiProperty({ type: [AttributeResponse], description: "the attributes in effect, the template's included" })
  attributes: AttributeResponse[];
}

export class CounterpartyResponse {
  @ApiUuid() id: string;
  @ApiUuid() coreEnterpriseId: string;
  @ApiProperty({ enum: COUNTERPARTY_ROLES }) role: CounterpartyRole;
  @ApiProperty({ example: 'DLR-0001' }) code: string;
  @ApiProperty({ enum: ['INDIVIDUAL', 'ENTITY'] }) counterpartyType: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '150102********6445', description: 'masked' }) idNumber: string;
  @ApiProperty({ type: String, nullable: true, description: 'masked' }) legalRepIdNumber: string | null;
  @ApiProperty({ example: '138****6648', description: 'masked' }) phone: string;
  @ApiProperty({ example: '6228***********7748', description: 'masked' }) bankAccount: string;
  @ApiProperty() bankName: string;
  @ApiProperty() province: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    example: { outlets: 4, cooperation_years: '3', annual_purchase_amount: '1200000.00' },
    description:
      "by attribute key: decimals, money and dates as strings, integers as numbers; the dairy template's columns for a dairy supplier",
  })
  attributes: Record<string, string | number | boolean | null>;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the roster schema version of the import that last wrote it' })
  schemaVersion: number | null;
  @ApiProperty() blacklisted: boolean;
  @ApiProperty({ type: String, nullable: true }) blacklistReason: string | null;
  @ApiUuid({ nullable: true }) lastImportId: string | null;
  @ApiDateTime() createdAt: string;
  @ApiDateTime() updatedAt: string;
}
