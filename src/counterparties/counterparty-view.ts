import { maskedIdentifiers } from '../common/identifiers.js';
import type { SupplierRow } from '../suppliers/suppliers.service.js';
import type { CounterpartyRole } from './roster-schema.js';

/** A counterparty row as the views read it: a supplier row (suppliers table) with its schema version. */
export type CounterpartyRow = Omit<SupplierRow, 'birth_date' | 'role'> & { role: CounterpartyRole; schema_version: number | null };

export const COUNTERPARTY_COLUMNS = `s.id, s.core_enterprise_id, s.role, s.supplier_code, s.supplier_type, s.name, s.id_number, s.legal_rep_id_number,
  s.phone, s.bank_account, s.bank_name, s.province, s.farm_name, s.herd_size, s.years_experience, s.epidemic_cert_no,
  s.epidemic_cert_expiry, s.delivery_months, s.avg_monthly_delivery_kg, s.avg_monthly_settlement, s.attributes, s.blacklisted,
  s.blacklist_reason, s.last_import_id, rs.version AS schema_version, s.created_at, s.updated_at`;
export const COUNTERPARTY_FROM = `suppliers s LEFT JOIN roster_imports ri ON ri.id = s.last_import_id LEFT JOIN roster_schemas rs ON rs.id = ri.roster_schema_id`;

export interface CounterpartyView {
  id: string;
  coreEnterpriseId: string;
  role: CounterpartyRole;
  code: string;
  counterpartyType: 'INDIVIDUAL' | 'ENTITY';
  name: string;
  idNumber: string;
  legalRepIdNumber: string | null;
  phone: string;
  bankAccount: string;
  bankName: string;
  province: string;
  /** By attribute key: the dairy template's columns for a dairy supplier, else the schema's stored attributes. */
  attributes: Record<string, string | number | boolean | null>;
  /** The roster schema version of the import that last wrote it; null when no import did. */
  schemaVersion: number | null;
  blacklisted: boolean;
  blacklistReason: string | null;
  lastImportId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** numeric(5,2) and numeric(16,3) pad with zeros; show what the roster said. */
const trimZeros = (v: string) => (v.includes('.') ? v.replace(/\.?0+$/, '') : v);

export function counterpartyView(r: CounterpartyRow): CounterpartyView {
  const dairy: Record<string, string | number | null> =
    r.farm_name === null
      ? {}
      : {
          farm_name: r.farm_name,
          herd_size: r.herd_size,
          years_experience: r.years_experience === null ? null : trimZeros(r.years_experience),
          epidemic_cert_no: r.epidemic_cert_no,
          epidemic_cert_expiry: r.epidemic_cert_expiry,
          delivery_months: r.delivery_months,
          avg_monthly_delivery_kg: r.avg_monthly_delivery_kg === null ? null : trimZeros(r.avg_monthly_delivery_kg),
          avg_monthly_settlement: r.avg_monthly_settlement,
        };
  return {
    id: r.id,
    coreEnterpriseId: r.core_enterprise_id,
    role: r.role,
    code: r.supplier_code,
    counterpartyType: r.supplier_type,
    name: r.name,
    ...maskedIdentifiers(r),
    bankName: r.bank_name,
    province: r.province,
    attributes: { ...dairy, ...r.attributes },
    schemaVersion: r.schema_version,
    blacklisted: r.blacklisted,
    blacklistReason: r.blacklist_reason,
    lastImportId: r.last_import_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
