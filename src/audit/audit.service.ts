import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Page } from '../common/pagination.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';

/** Who acted: any caller, or an anonymous one (a failed login). */
export interface AuditActor {
  kind: string;
  id: string;
  name: string;
  role: string | null;
  correlationId: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  coreEnterpriseId?: string | null;
  /** Never a full personal identifier: callers pass masked values. */
  before?: unknown;
  after?: unknown;
}

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actor: { kind: string; id: string | null; name: string | null; role: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  coreEnterpriseId: string | null;
  before: unknown;
  after: unknown;
  correlationId: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The INSERT of one audit event whose values are the parameters $first to $first + 10 (auditParams),
 * for a caller that folds it into a statement of its own (as a CTE) to save a round trip.
 */
export function auditInsertSql(first: number): string {
  const values = Array.from({ length: 11 }, (_, i) => `$${first + i}`).join(', ');
  return `INSERT INTO audit_events (actor_kind, actor_id, actor_name, actor_role, action, entity_type, entity_id,
                                    core_enterprise_id, before, after, correlation_id)
          VALUES (${values})`;
}

/** The values of auditInsertSql, in its order. */
export function auditParams(actor: AuditActor, entry: AuditEntry): unknown[] {
  // one event is the common case, on hot paths (approvals): plain values, no arrays to build and unpack
  return [
    actor.kind,
    actor.id,
    actor.name,
    actor.role,
    entry.action,
    entry.entityType,
    entry.entityId ?? null,
    entry.coreEnterpriseId ?? null,
    json(entry.before),
    json(entry.after),
    actor.correlationId,
  ];
}

/** Append-only record of who did what; written in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager | null, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await sql(manager ?? this.dataSource.manager, auditInsertSql(1), auditParams(actor, entry));
  }

  async recordMany(manager: EntityManager | null, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const m = manager ?? this.dataSource.manager;
    await sql(
      m,
      `INSERT INTO audit_events (actor_kind, actor_id, actor_name, actor_role, action, entity_type, entity_id,
                                 core_enterprise_id, before, after, correlation_id)
       SELECT $1, $2, $3, $4, e.action, e.entity_type, e.entity_id, e.core_enterprise_id, e.before, e.after, $5
         FROM unnest($6::text[], $7::text[], $8::text[], $9::uuid[], $10::jsonb[], $11::jsonb[])
              AS e(action, entity_type, entity_id, core_enterprise_id, before, after)`,
      [
        actor.kind,
        actor.id,
        actor.name,
        actor.role,
        actor.correlationId,
        entries.map((e) => e.action),
        entries.map((e) => e.entityType),
        entries.map((e) => e.entityId ?? null),
        entries.map((e) => e.coreEnterpriseId ?? null),
        entries.map((e) => json(e.before)),
        entries.map((e) => json(e.after)),
      ],
    );
  }

  async list(filter: {
    entityType?: string;
    entityId?: string;
    action?: string;
    page: number;
    pageSize: number;
  }): Promise<Page<AuditEventView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.entityType) where.push(`entity_type = $${params.push(filter.entityType)}`);
    if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
    if (filter.action) where.push(`action = $${params.push(filter.action)}`);
    return pageOf<Record<string, unknown>, AuditEventView>(
      this.dataSource.manager,
      { columns: '*', from: 'audit_events', where, params, orderBy: 'id' },
      filter,
      (r) => ({
        id: String(r.id),
        occurredAt: (r.occurred_at as Date).toISOString(),
        actor: { kind: r.actor_kind as string, id: r.actor_id as string, name: r.actor_name as string, role: r.actor_role as string },
        action: r.action as string,
        entityType: r.entity_type as string,
        entityId: r.entity_id as string | null,
        coreEnterpriseId: r.core_enterprise_id as string | null,
        before: r.before,
        after: r.after,
        correlationId: r.correlation_id as string | null,
      }),
    );
  }
}
