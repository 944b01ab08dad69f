import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { SUPPLIER_TYPES } from './supplier-types.js';
import { ApiDecimal } from '../common/openapi.js';

export class SupplierQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'matches the supplier code (prefix) or the name (anywhere)' })
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;
}

export class SupplierResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) coreEnterpriseId: string;
  @ApiProperty({ example: 'SUP-001-0000001' }) supplierCode: string;
  @ApiProperty({ enum: SUPPLIER_TYPES }) supplierType: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '150102********4377', description: 'masked' }) idNumber: string;
  @ApiProperty({ example: '150102********4377', nullable: true, type: String, description: 'masked' }) legalRepIdNumber: string | null;
  @ApiProperty({ example: '138****5678', description: 'masked' }) phone: string;
  @ApiProperty({ example: '6228***********1234', description: 'masked' }) bankAccount: string;
  @ApiProperty() bankName: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a supplier whose roster schema has no dairy columns' })
  farmName: string | null;
  @ApiProperty() province: string;
  @ApiProperty({ type: 'integer', nullable: true }) herdSize: number | null;
  @ApiDecimal('12.5', { nullable: true }) yearsExperience: string | null;
  @ApiProperty({ nullable: true, type: String }) epidemicCertNo: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2027-05-01' }) epidemicCertExpiry: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) deliveryMonths: number | null;
  @ApiDecimal('42000.000', { nullable: true }) avgMonthlyDeliveryKg: string | null;
  @ApiDecimal('145000.00', { nullable: true }) avgMonthlySettlement: string | null;
  @ApiProperty() blacklisted: boolean;
  @ApiProperty({ nullable: true, type: String }) blacklistReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) lastImportId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SupplierIdentityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() supplierCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SUPPLIER_TYPES }) supplierType: string;
  @ApiProperty({ description: 'in full: this read is audited' }) idNumber: string;
  @ApiProperty({ nullable: true, type: String }) legalRepIdNumber: string | null;
  @ApiProperty() phone: string;
  @ApiProperty() bankAccount: string;
  @ApiProperty() bankName: string;
}
