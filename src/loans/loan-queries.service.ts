import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../common/access/access.service.js';
import { actorSeenBy, tenantOf, type Actor } from '../common/access/actor.js';
import { notFound } from '../common/errors.js';
import { Page } from '../common/pagination.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import {
  LOAN_APPLICATION,
  loanView,
  WITH_SUPPLIER,
  WITH_SUPPLIER_COLUMNS,
  WITH_SUPPLIER_FROM,
  type HistoryEntry,
  type LoanRow,
  type LoanView,
  type SupplierSummaryRow,
} from './loan-records.js';
import type { LoanStatus } from './loan-state.js';

/** Applications as their readers see them: the officers' queue, and one application with its history. */
@Injectable()
export class LoanQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(
    actor: Actor,
    q: { status?: LoanStatus; programmeId?: string; supplierId?: string; coreEnterpriseId?: string; page: number; pageSize: number },
  ): Promise<Page<LoanView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const tenant = tenantOf(actor);
    if (tenant) where.push(`la.core_enterprise_id = $${params.push(tenant)}`);
    if (q.status) where.push(`la.status = $${params.push(q.status)}`);
    if (q.programmeId) where.push(`la.programme_id = $${params.push(q.programmeId)}`);
    if (q.supplierId) where.push(`la.supplier_id = $${params.push(q.supplierId)}`);
    if (q.coreEnterpriseId) where.push(`la.core_enterprise_id = $${params.push(q.coreEnterpriseId)}`);
    return pageOf(
      this.dataSource.manager,
      { columns: WITH_SUPPLIER_COLUMNS, from: WITH_SUPPLIER_FROM, where, params, orderBy: 'la.created_at, la.id' },
      q,
      (r: LoanRow & SupplierSummaryRow) => loanView(r, actor),
    );
  }

  async get(actor: Actor, id: string): Promise<LoanView & { history: HistoryEntry[] }> {
    await this.access.requireAccess(actor, LOAN_APPLICATION, id);
    const r = await sql<LoanRow & SupplierSummaryRow>(this.dataSource.manager, `${WITH_SUPPLIER} WHERE la.id = $1`, [id]);
    const loan = r.rows[0];
    if (!loan) throw notFound('Loan application', id);
    return { ...loanView(loan, actor), history: await this.historyOf(this.dataSource.manager, id, actor) };
  }

  async historyOf(m: EntityManager, id: string, viewer: Actor): Promise<HistoryEntry[]> {
    const h = await sql<{
      from_status: LoanStatus | null;
      to_status: LoanStatus;
      actor_kind: string;
      actor_id: string | null;
      actor_name: string | null;
      actor_role: string | null;
      comment: string | null;
      reason: string | null;
      at: Date;
    }>(m, `SELECT * FROM loan_application_history WHERE loan_application_id = $1 ORDER BY id`, [id]);
    return h.rows.map((x) => ({
      from: x.from_status,
      to: x.to_status,
      actor: actorSeenBy(viewer, { kind: x.actor_kind, id: x.actor_id, name: x.actor_name, role: x.actor_role }),
      comment: x.comment,
      reason: x.reason,
      at: x.at.toISOString(),
    }));
  }
}
