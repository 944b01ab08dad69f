import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { ATTRIBUTE_TYPES, COUNTERPARTY_ROLES, TEMPLATE_NAMES } from './roster-schema.js';

export class CounterpartyQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COUNTERPARTY_ROLES })
  @IsOptional()
  @IsIn(COUNTERPARTY_ROLES)
  role?: (typeof COUNTERPARTY_ROLES)[number];

  @ApiPropertyOptional({ description: 'matches the code (prefix) or the name (anywhere)' })
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;
}

export class RoleQuery {
  @ApiPropertyOptional({ enum: COUNTERPARTY_ROLES, default: 'SUPPLIER' })
  @IsOptional()
  @IsIn(COUNTERPARTY_ROLES)
  role?: (typeof COUNTERPARTY_ROLES)[number];
}

/** For the OpenAPI document: the body is checked by validateSchemaInput, with exact paths. */
export class AttributeDoc {
  @ApiProperty({ example: 'cooperation_years', description: 'a-z, 0-9 and _, starting with a letter; at most 40' }) key: string;
  @ApiProperty({ example: 'years of cooperation' }) label: string;
  @ApiProperty({ type: [String], example: ['合作年限'], description: 'other headers that name it (its key always does)' })
  aliases: string[];
  @ApiProperty({ enum: ATTRIBUTE_TYPES }) type: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ example: '0', description: 'INTEGER, DECIMAL, MONEY (decimal strings) or DATE (YYYY-MM-DD)' }) min?: string;
  @ApiPropertyOptional({ example: '100' }) max?: string;
  @ApiPropertyOptional({ type: [String], example: ['A', 'B', 'M', 'C', 'D'], description: 'ENUM only' }) values?: string[];
}

export class RosterSchemaBodyDoc {
  @ApiProperty({ enum: COUNTERPARTY_ROLES }) role: string;
  @ApiPropertyOptional({
    enum: TEMPLATE_NAMES,
    description: "the template's attributes come first; an attribute of the same key replaces one",
  })
  template?: string;
  @ApiProperty({ type: [AttributeDoc] }) attributes: AttributeDoc[];
}
