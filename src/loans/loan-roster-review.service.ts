import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { systemActor } from '../common/access/actor.js';
import { money } from '../common/money.js';
import { sql } from '../database/sql.js';
import { RosterImportProcessor } from '../rosters/roster-import.processor.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import { ExposureService } from '../exposure/exposure.service.js';
import type { LoanRow } from './loan-records.js';
import { assertLoanTransition, type LoanStatus } from './loan-state.js';
import { OPEN_BATCHES, type OpenBatches } from './open-batches.port.js';

/**
 * Supplier fields (as SUPPLIER_UPDATED names them) on which a lending decision rests: where the money
 * goes, who the borrower is, and every fact that screening or the limit reads. A phone number or a
 * farm's name are not among them.
 */
const REVIEW_TRIGGERS = new Set([
  'bankAccount',
  'bankName',
  'name',
  'supplierType',
  'idNumber',
  'legalRepIdNumber',
  'birthDate',
  'province',
  'herdSize',
  'yearsExperience',
  'deliveryMonths',
  'avgMonthlyDeliveryKg',
  'avgMonthlySettlement',
  'epidemicCertNo',
  'epidemicCertExpiry',
  // any attribute of a schema other than the dairy one (rules and formulas may read each)
  'attributes',
]);

@Injectable()
export class LoanRosterReviewService implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly suppliers: SuppliersService,
    private readonly rosterImports: RosterImportProcessor,
    @Inject(OPEN_BATCHES) private readonly openBatches: OpenBatches,
    private readonly exposure: ExposureService,
  ) {}

  onModuleInit(): void {
    // in the import's own transaction: the roster change and its consequences commit together
    this.rosterImports.addHook({
      afterMerge: (m, importId, coreEnterpriseId) => this.sendBackChangedByRoster(m, importId, coreEnterpriseId),
    });
  }

  /**
   * A roster import that changed the payee, identity or credit facts of a supplier sends its loans that
   * were decided on the old facts, and are not yet being paid, back to review: PENDING_SECOND_APPROVAL
   * and APPROVED (outside any open batch) go to PENDING_REVIEW with their approvals and payee cleared
   * and their reservation released. A loan already in an open batch or paying keeps its frozen payee;
   * the batch shows the checker that the supplier's account changed.
   */
  async sendBackChangedByRoster(m: EntityManager, importId: string, coreEnterpriseId: string): Promise<void> {
    const live = await sql<{ id: string; supplier_id: string }>(
      m,
      `SELECT la.id, la.supplier_id FROM loan_applications la JOIN suppliers s ON s.id = la.supplier_id
        WHERE la.core_enterprise_id = $1 AND la.status IN ('PENDING_SECOND_APPROVAL', 'APPROVED') AND s.last_import_id = $2
        ORDER BY la.id FOR UPDATE OF la`,
      [coreEnterpriseId, importId],
    );
    if (!live.rowCount) return;
    const changed = await this.suppliers.changedByImport(m, importId, [...new Set(live.rows.map((l) => l.supplier_id))]);
    const triggersOf = new Map<string, string[]>();
    for (const [supplierId, fields] of changed) {
      const triggers = fields.filter((f) => REVIEW_TRIGGERS.has(f));
      if (triggers.length) triggersOf.set(supplierId, triggers);
    }
    const ids = live.rows.filter((l) => triggersOf.has(l.supplier_id)).map((l) => l.id);
    if (!ids.length) return;
    assertLoanTransition('APPROVED', 'PENDING_REVIEW');
    assertLoanTransition('PENDING_SECOND_APPROVAL', 'PENDING_REVIEW');
    // Asked after the locks: a batch made meanwhile has committed its items by now.
    const inOpenBatch = await this.openBatches.loansInOpenBatch(m, ids);
    const r = await sql<LoanRow & { from_status: LoanStatus; was_reserved: boolean }>(
      m,
      `WITH old AS (
         SELECT la.id, la.status, la.reserved FROM loan_applications la
          WHERE la.id = ANY($1::uuid[]) AND la.status IN ('PENDING_SECOND_APPROVAL', 'APPROVED')
            AND NOT (la.id = ANY($2::uuid[]))
       )
       UPDATE loan_applications la SET status = 'PENDING_REVIEW', reserved = false, four_eyes_required = NULL,
              first_approved_by_id = NULL, first_approved_by = NULL, first_approved_at = NULL,
              approved_by_id = NULL, approved_by = NULL, approved_at = NULL,
              payee_name = NULL, payee_account = NULL, payee_bank = NULL, updated_at = now()
         FROM old WHERE la.id = old.id
       RETURNING la.*, old.status AS from_status, old.reserved AS was_reserved`,
      [ids, inOpenBatch],
    );
    if (!r.rowCount) return;
    const loans = r.rows;
    await this.exposure.release(
      m,
      loans.filter((l) => l.was_reserved),
    );
    const actor = systemActor(importId, 'roster-import');
    const fieldsOf = (l: LoanRow) => triggersOf.get(l.supplier_id)!;
    await sql(
      m,
      `INSERT INTO loan_application_history (loan_application_id, core_enterprise_id, from_status, to_status, actor_kind, actor_id, actor_name,
                                             actor_role, reason)
       SELECT id, ce, from_status, 'PENDING_REVIEW', $3, $4, $5, $6, reason
         FROM unnest($1::uuid[], $2::text[], $7::text[], $8::uuid[]) AS t(id, from_status, reason, ce)`,
      [
        loans.map((l) => l.id),
        loans.map((l) => l.from_status),
        actor.kind,
        actor.id,
        actor.name,
        actor.role,
        loans.map((l) => `roster import ${importId} changed ${fieldsOf(l).join(', ')}`),
        loans.map((l) => l.core_enterprise_id),
      ],
    );
    await this.audit.recordMany(
      m,
      actor,
      loans.map((l) => ({
        action: 'LOAN_APPLICATION_SENT_BACK',
        entityType: 'LoanApplication',
        entityId: l.id,
        coreEnterpriseId: l.core_enterprise_id,
        before: { status: l.from_status, reserved: l.was_reserved },
        after: { status: 'PENDING_REVIEW', importId, changedFields: fieldsOf(l), released: l.was_reserved ? money(l.amount) : null },
      })),
    );
  }
}
