import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, resource } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { notFound } from '../common/errors.js';
import { maskedIdentifiers, maskIdNumber } from '../common/identifiers.js';
import { Page } from '../common/pagination.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import type { SupplierIdentityResponse, SupplierResponse } from './dto.js';
import { SUPPLIER_ROSTER_COLUMN_LIST, SUPPLIER_ROSTER_COLUMNS, type SupplierRosterColumn } from './roster-columns.js';

const plain = (e: string) => `to_jsonb(${e})`;
/** Decimals as strings, as the API shows money. */
const decimal = (e: string) => `to_jsonb(${e}::text)`;
const masked = (fn: string) => (e: string) => `to_jsonb(${fn}(${e}))`;

/**
 * How a supplier change is shown in its audit event, named by the API's field names: identifiers
 * masked exactly as src/common/identifiers.ts masks them (by the SQL functions of the same names).
 */
const AUDIT_SHOWN: Record<Exclude<SupplierRosterColumn, 'supplier_code' | 'role'>, (e: string) => string> = {
  supplier_type: plain,
  name: plain,
  id_number: masked('mask_id_number'),
  legal_rep_id_number: masked('mask_id_number'),
  phone: masked('mask_phone'),
  bank_account: masked('mask_bank_account'),
  bank_name: plain,
  farm_name: plain,
  province: plain,
  herd_size: plain,
  years_experience: decimal,
  epidemic_cert_no: plain,
  epidemic_cert_expiry: plain,
  delivery_months: plain,
  avg_monthly_delivery_kg: decimal,
  avg_monthly_settlement: decimal,
  birth_date: plain,
  attributes: plain,
};

export interface SupplierRow {
  id: string;
  core_enterprise_id: string;
  supplier_code: string;
  supplier_type: 'INDIVIDUAL' | 'ENTITY';
  name: string;
  id_number: string;
  legal_rep_id_number: string | null;
  phone: string;
  bank_account: string;
  bank_name: string;
  farm_name: string | null;
  province: string;
  herd_size: number | null;
  years_experience: string | null;
  epidemic_cert_no: string | null;
  epidemic_cert_expiry: string | null;
  delivery_months: number | null;
  avg_monthly_delivery_kg: string | null;
  avg_monthly_settlement: string | null;
  birth_date: string;
  role: 'SUPPLIER' | 'DEALER';
  attributes: Record<string, string | number | boolean>;
  blacklisted: boolean;
  blacklist_reason: string | null;
  last_import_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * numeric(5,2) and numeric(16,3) pad with zeros; show what the roster said. A supplier of a schema
 * without the dairy columns (FREIGHT_FORWARDER) has none of them.
 */
const trimZeros = (v: string | null) => (v !== null && v.includes('.') ? v.replace(/\.?0+$/, '') : v);

export function supplierView(r: SupplierRow): SupplierResponse {
  return {
    id: r.id,
    coreEnterpriseId: r.core_enterprise_id,
    supplierCode: r.supplier_code,
    supplierType: r.supplier_type,
    name: r.name,
    ...maskedIdentifiers(r),
    bankName: r.bank_name,
    farmName: r.farm_name,
    province: r.province,
    herdSize: r.herd_size,
    yearsExperience: trimZeros(r.years_experience),
    epidemicCertNo: r.epidemic_cert_no,
    epidemicCertExpiry: r.epidemic_cert_expiry,
    deliveryMonths: r.delivery_months,
    avgMonthlyDeliveryKg: trimZeros(r.avg_monthly_delivery_kg),
    avgMonthlySettlement: r.avg_monthly_settlement,
    blacklisted: r.blacklisted,
    blacklistReason: r.blacklist_reason,
    lastImportId: r.last_import_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const LIST_COLUMNS = `id, core_enterprise_id, ${SUPPLIER_ROSTER_COLUMN_LIST}, blacklisted, blacklist_reason, last_import_id, created_at, updated_at`;

export const SUPPLIER = resource('Supplier', 'suppliers');

@Injectable()
export class SuppliersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly coreEnterprises: CoreEnterprisesService,
  ) {}

  async list(actor: Actor, coreEnterpriseId: string, q: { q?: string; page: number; pageSize: number }): Promise<Page<SupplierResponse>> {
    await this.coreEnterprises.get(actor, coreEnterpriseId);
    const params: unknown[] = [coreEnterpriseId];
    // the counterparties of role SUPPLIER: dealers are listed under /counterparties
    const where = ['core_enterprise_id = $1', `role = 'SUPPLIER'`];
    if (q.q) {
      const like = q.q.replace(/[\\%_]/g, '\\$&');
      where.push(`(supplier_code ILIKE $${params.push(`${like}%`)} OR name ILIKE $${params.push(`%${like}%`)})`);
    }
    return pageOf(
      this.dataSource.manager,
      { columns: LIST_COLUMNS, from: 'suppliers', where, params, orderBy: 'supplier_code' },
      q,
      supplierView,
    );
  }

  async get(actor: Actor, id: string): Promise<SupplierResponse> {
    return supplierView(await this.load(actor, id));
  }

  /** The full identifiers, for staff who need them; every read leaves an audit event. */
  async identity(actor: Actor, id: string): Promise<SupplierIdentityResponse> {
    const s = await this.load(actor, id);
    await this.audit.record(null, actor, {
      action: 'SUPPLIER_IDENTITY_READ',
      entityType: 'Supplier',
      entityId: s.id,
      coreEnterpriseId: s.core_enterprise_id,
      after: { fields: ['idNumber', 'legalRepIdNumber', 'phone', 'bankAccount'], idNumber: maskIdNumber(s.id_number) },
    });
    return {
      id: s.id,
      supplierCode: s.supplier_code,
      name: s.name,
      supplierType: s.supplier_type,
      idNumber: s.id_number,
      legalRepIdNumber: s.legal_rep_id_number,
      phone: s.phone,
      bankAccount: s.bank_account,
      bankName: s.bank_name,
    };
  }

  /** A supplier the caller may see, or 404 (also for another core enterprise's). */
  async load(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<SupplierRow> {
    await this.access.requireAccess(actor, SUPPLIER, id, manager);
    const r = await sql<SupplierRow>(manager, `SELECT ${LIST_COLUMNS} FROM suppliers WHERE id = $1`, [id]);
    if (!r.rows[0]) throw notFound(SUPPLIER.what, id);
    return r.rows[0];
  }

  /**
   * COPY straight into suppliers, for a core enterprise's first roster: with no supplier to merge
   * with, the rows need no staging table and no second write. A binary COPY: each row starts with
   * the uuids of `leading`, then the roster columns.
   * Safe only while no other import of the core enterprise runs (RosterImportProcessor's lock), and
   * a code twice in the file is impossible (the validator rejects the second).
   */
  newSuppliersCopy(coreEnterpriseId: string, importId: string): { statement: string; leading: string[] } {
    return {
      statement: `COPY suppliers (core_enterprise_id, created_import_id, last_import_id, ${SUPPLIER_ROSTER_COLUMN_LIST}) FROM STDIN (FORMAT binary)`,
      leading: [coreEnterpriseId, importId, importId],
    };
  }

  /**
   * Upserts the staged roster rows by (core enterprise, supplier code) in one statement: new codes are
   * created, changed ones updated, identical ones left untouched (so they keep their updated_at).
   * Every supplier it updates gets a SUPPLIER_UPDATED audit event in the same statement, with the
   * changed fields only, before and after, identifiers masked: the old values are read from the
   * statement's snapshot, which the upsert's own changes are not part of, and only for the rows it
   * changed, so an unchanged re-import costs nothing more.
   */
  async mergeStaged(
    manager: EntityManager,
    staging: string,
    coreEnterpriseId: string,
    importId: string,
  ): Promise<{ created: number; updated: number }> {
    const cols = SUPPLIER_ROSTER_COLUMN_LIST;
    // the role is the import's and never changes: the caller has refused codes of another role
    const changedColumns = SUPPLIER_ROSTER_COLUMNS.filter(
      (c): c is Exclude<typeof c, { name: 'supplier_code' | 'role' }> => c.name !== 'supplier_code' && c.name !== 'role',
    );
    const changed = changedColumns.map((c) => c.name);
    const fieldDiffs = changedColumns.map(({ name: c, field }) => {
      const shown = AUDIT_SHOWN[c];
      return `('${field}', o.${c} IS DISTINCT FROM n.${c}, ${shown(`o.${c}`)}, ${shown(`n.${c}`)})`;
    });
    const r = await sql<{ created: number; updated: number }>(
      manager,
      `WITH merged AS (
         INSERT INTO suppliers AS s (core_enterprise_id, ${cols}, created_import_id, last_import_id)
         SELECT $1, ${cols}, $2, $2 FROM ${staging}
         ON CONFLICT (core_enterprise_id, supplier_code) DO UPDATE SET
           ${changed.map((c) => `${c} = excluded.${c}`).join(', ')}, last_import_id = excluded.last_import_id, updated_at = now()
         WHERE (${changed.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${changed.map((c) => `excluded.${c}`).join(', ')})
         RETURNING s.id, (xmax = 0) AS created, ${changed.map((c) => `s.${c}`).join(', ')}
       ), audited AS (
         INSERT INTO audit_events (actor_kind, actor_id, actor_name, actor_role, action, entity_type, entity_id, core_enterprise_id, before, after, correlation_id)
         SELECT 'SYSTEM', 'roster-import', 'roster-import', NULL, 'SUPPLIER_UPDATED', 'Supplier', n.id::text, $1, d.before, d.after, $2::text
           FROM merged n
           JOIN suppliers o ON o.id = n.id
           CROSS JOIN LATERAL (
             SELECT jsonb_object_agg(f.field, f.was) AS before, jsonb_object_agg(f.field, f.now) AS after
               FROM (VALUES ${fieldDiffs.join(',\n                            ')}) AS f(field, changed, was, now)
              WHERE f.changed
           ) d
          WHERE NOT n.created
       )
       SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated FROM merged`,
      [coreEnterpriseId, importId],
    );
    return r.rows[0];
  }

  /**
   * Codes of the staged rows that already name a counterparty of another role of the core enterprise
   * (at most `limit`). One index lookup per staged row: the LIMIT 1 keeps the planner from joining the
   * unanalysed staging table by a nested loop over every counterparty (seconds per batch otherwise).
   */
  async codesOfOtherRole(manager: EntityManager, staging: string, coreEnterpriseId: string, limit: number): Promise<string[]> {
    const r = await sql<{ supplier_code: string }>(
      manager,
      `SELECT n.supplier_code FROM ${staging} n
         CROSS JOIN LATERAL (SELECT s.role FROM suppliers s WHERE s.core_enterprise_id = $1 AND s.supplier_code = n.supplier_code LIMIT 1) s
        WHERE s.role <> n.role ORDER BY 1 LIMIT $2`,
      [coreEnterpriseId, limit],
    );
    return r.rows.map((x) => x.supplier_code);
  }

  /**
   * The fields (as SUPPLIER_UPDATED names them) that an import changed, per supplier, for the given
   * suppliers: read from the audit events mergeStaged wrote, the one record of what an import changed.
   */
  async changedByImport(manager: EntityManager, importId: string, supplierIds: string[]): Promise<Map<string, string[]>> {
    if (!supplierIds.length) return new Map();
    const r = await sql<{ supplier_id: string; fields: string[] }>(
      manager,
      `SELECT entity_id AS supplier_id, ARRAY(SELECT jsonb_object_keys(after) ORDER BY 1) AS fields
         FROM audit_events
        WHERE entity_type = 'Supplier' AND entity_id = ANY($1::text[]) AND action = 'SUPPLIER_UPDATED' AND correlation_id = $2`,
      [supplierIds, importId],
    );
    return new Map(r.rows.map((x) => [x.supplier_id, x.fields]));
  }
}
