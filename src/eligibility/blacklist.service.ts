import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/access/actor.js';
import { DomainError } from '../common/errors.js';
import { maskIdNumber } from '../common/identifiers.js';
import { sql } from '../database/sql.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import { EligibilityErrors } from './eligibility.errors.js';
import { SupplierScreeningService } from './supplier-screening.service.js';

/** The bank's blacklist: a blacklisted supplier fails every programme, so a change re-screens it at once. */
@Injectable()
export class BlacklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly suppliers: SuppliersService,
    private readonly screening: SupplierScreeningService,
    private readonly audit: AuditService,
  ) {}

  async setBlacklisted(
    actor: Actor,
    supplierId: string,
    blacklisted: boolean,
    reason: string | undefined,
  ): Promise<{ supplierId: string; blacklisted: boolean; rescreened: { programmeId: string; eligible: boolean; creditLimit: string }[] }> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.suppliers.load(actor, supplierId, m);
      const r = await sql(
        m,
        `UPDATE suppliers SET blacklisted = $2, blacklist_reason = $3, blacklisted_at = CASE WHEN $2 THEN now() END,
                blacklisted_by = CASE WHEN $2 THEN $4 END, updated_at = now()
          WHERE id = $1 AND blacklisted = NOT $2`,
        [supplierId, blacklisted, blacklisted ? reason : null, actor.name],
      );
      if (!r.rowCount) throw new DomainError(blacklisted ? EligibilityErrors.ALREADY_BLACKLISTED : EligibilityErrors.NOT_BLACKLISTED);
      const rescreened = [];
      for (const p of await this.programmes.activeOf(s.core_enterprise_id, m)) {
        const o = await this.screening.screenSupplier(m, supplierId, p);
        rescreened.push({ programmeId: p.id, eligible: o.eligible, creditLimit: o.creditLimit });
      }
      await this.audit.record(m, actor, {
        action: blacklisted ? 'SUPPLIER_BLACKLISTED' : 'SUPPLIER_UNBLACKLISTED',
        entityType: 'Supplier',
        entityId: supplierId,
        coreEnterpriseId: s.core_enterprise_id,
        before: { blacklisted: s.blacklisted, reason: s.blacklist_reason },
        after: { blacklisted, reason: reason ?? null, supplierCode: s.supplier_code, idNumber: maskIdNumber(s.id_number), rescreened },
      });
      return { supplierId, blacklisted, rescreened };
    });
  }
}
