import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, resource } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { Page } from '../common/pagination.js';
import { validationFailed } from '../common/validation.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { pageOf } from '../database/paging.js';
import { sql } from '../database/sql.js';
import { CounterpartyErrors } from './counterparties.errors.js';
import {
  COUNTERPARTY_COLUMNS,
  COUNTERPARTY_FROM,
  counterpartyView,
  type CounterpartyRow,
  type CounterpartyView,
} from './counterparty-view.js';
import {
  DEFAULT_TEMPLATE,
  TEMPLATES,
  TEMPLATE_NAMES,
  resolveAttributes,
  retypedAttributes,
  storedAttributes,
  validateSchemaInput,
  type AttributeDef,
  type CounterpartyRole,
  type RosterSchema,
  type RosterTemplate,
  type SchemaInput,
  type TemplateName,
} from './roster-schema.js';

export const COUNTERPARTY = resource('Counterparty', 'suppliers');

interface SchemaRow {
  id: string;
  core_enterprise_id: string;
  role: CounterpartyRole;
  version: number;
  template: TemplateName | null;
  attributes: AttributeDef[];
}

const schemaOf = (r: SchemaRow): RosterSchema => ({
  id: r.id,
  coreEnterpriseId: r.core_enterprise_id,
  role: r.role,
  version: r.version,
  template: r.template,
  attributes: r.attributes,
});

/** What other modules check a schema change against: the attributes a programme's rules and formula name. */
export interface SchemaUseCheck {
  (m: EntityManager, coreEnterpriseId: string, role: CounterpartyRole, attributes: AttributeDef[]): Promise<string[]>;
}

/**
 * Counterparties (suppliers and dealers) of a core enterprise, and the roster schema each role is
 * imported with: versioned, so that an import records the version it used and a change never
 * rewrites values already stored.
 */
@Injectable()
export class CounterpartiesService {
  private schemaUseChecks: SchemaUseCheck[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly coreEnterprises: CoreEnterprisesService,
  ) {}

  /** Programmes hook in here: a schema change that leaves one of their rules without its attribute is refused. */
  addSchemaUseCheck(check: SchemaUseCheck): void {
    this.schemaUseChecks.push(check);
  }

  templates(): RosterTemplate[] {
    return TEMPLATE_NAMES.map((n) => TEMPLATES[n]);
  }

  /**
   * The schema a role's roster is read with now: the latest version, or version 1 made from the role's
   * default template when the core enterprise has none yet (made once, whoever asks first).
   */
  async current(m: EntityManager, coreEnterpriseId: string, role: CounterpartyRole): Promise<RosterSchema> {
    const latest = await this.latest(m, coreEnterpriseId, role);
    if (latest) return latest;
    const template = DEFAULT_TEMPLATE[role];
    await sql(
      m,
      `INSERT INTO roster_schemas (core_enterprise_id, role, version, template, attributes, created_by)
       VALUES ($1, $2, 1, $3, $4, '{"kind": "SYSTEM", "name": "default-template", "role": null, "id": null}')
       ON CONFLICT (core_enterprise_id, role, version) DO NOTHING`,
      [coreEnterpriseId, role, template, JSON.stringify(TEMPLATES[template].attributes)],
    );
    return (await this.latest(m, coreEnterpriseId, role))!;
  }

  /** The schema as it would be now, without making anything (what a programme's rules are checked against). */
  async peek(m: EntityManager, coreEnterpriseId: string, role: CounterpartyRole): Promise<RosterSchema> {
    return (
      (await this.latest(m, coreEnterpriseId, role)) ?? {
        id: null,
        coreEnterpriseId,
        role,
        version: 0,
        template: DEFAULT_TEMPLATE[role],
        attributes: TEMPLATES[DEFAULT_TEMPLATE[role]].attributes,
      }
    );
  }

  async byId(m: EntityManager, id: string): Promise<RosterSchema> {
    const r = await sql<SchemaRow>(m, `SELECT * FROM roster_schemas WHERE id = $1`, [id]);
    if (!r.rows[0]) throw notFound('Roster schema', id);
    return schemaOf(r.rows[0]);
  }

  private async latest(m: EntityManager, coreEnterpriseId: string, role: CounterpartyRole): Promise<RosterSchema | undefined> {
    const r = await sql<SchemaRow>(
      m,
      `SELECT * FROM roster_schemas WHERE core_enterprise_id = $1 AND role = $2 ORDER BY version DESC LIMIT 1`,
      [coreEnterpriseId, role],
    );
    return r.rows[0] ? schemaOf(r.rows[0]) : undefined;
  }

  async getSchema(actor: Actor, coreEnterpriseId: string, role: CounterpartyRole): Promise<RosterSchema> {
    await this.coreEnterprises.get(actor, coreEnterpriseId);
    return this.peek(this.dataSource.manager, coreEnterpriseId, role);
  }

  /**
   * A new version of a role's schema. Values already stored stay as they are (versioned); a change
   * that would retype an attribute some counterparty holds a value of is refused (409 naming them),
   * as is one that drops or retypes an attribute a programme's rules or formula use.
   */
  async putSchema(actor: Actor, coreEnterpriseId: string, body: unknown): Promise<RosterSchema> {
    const errors = validateSchemaInput(body);
    if (errors.length) throw validationFailed(errors);
    const input = body as SchemaInput;
    await this.coreEnterprises.get(actor, coreEnterpriseId);
    const attributes = resolveAttributes(input.template ?? null, input.attributes);
    return this.dataSource.transaction(async (m) => {
      await sql(m, `SELECT pg_advisory_xact_lock(hashtext('roster-schema:' || $1 || ':' || $2))`, [coreEnterpriseId, input.role]);
      const before = await this.peek(m, coreEnterpriseId, input.role);
      const retyped = retypedAttributes(storedAttributes(before.attributes), attributes);
      if (retyped.length) {
        const holders = await sql<{ supplier_code: string }>(
          m,
          `SELECT supplier_code FROM suppliers WHERE core_enterprise_id = $1 AND role = $2 AND attributes ?| $3::text[] ORDER BY 1 LIMIT 20`,
          [coreEnterpriseId, input.role, retyped],
        );
        if (holders.rowCount)
          throw new DomainError(
            CounterpartyErrors.ROSTER_SCHEMA_RETYPES_VALUES,
            `${retyped.join(', ')} would change type, but these counterparties hold values of it: ${holders.rows.map((h) => h.supplier_code).join(', ')}`,
            { attributes: retyped, counterparties: holders.rows.map((h) => h.supplier_code) },
          );
      }
      for (const check of this.schemaUseChecks) {
        const problems = await check(m, coreEnterpriseId, input.role, attributes);
        if (problems.length) throw new DomainError(CounterpartyErrors.ROSTER_SCHEMA_IN_USE, problems.join('; '), { problems });
      }
      const r = await sql<SchemaRow>(
        m,
        `INSERT INTO roster_schemas (core_enterprise_id, role, version, template, attributes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          coreEnterpriseId,
          input.role,
          before.version + 1,
          input.template ?? null,
          JSON.stringify(attributes),
          JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
        ],
      );
      const schema = schemaOf(r.rows[0]);
      await this.audit.record(m, actor, {
        action: 'ROSTER_SCHEMA_CHANGED',
        entityType: 'RosterSchema',
        entityId: schema.id!,
        coreEnterpriseId,
        before: { version: before.version, template: before.template, attributes: before.attributes.map((a) => a.key) },
        after: { version: schema.version, template: schema.template, attributes: schema.attributes.map((a) => a.key) },
      });
      return schema;
    });
  }

  async list(
    actor: Actor,
    coreEnterpriseId: string,
    q: { role?: CounterpartyRole; q?: string; page: number; pageSize: number },
  ): Promise<Page<CounterpartyView>> {
    await this.coreEnterprises.get(actor, coreEnterpriseId);
    const params: unknown[] = [coreEnterpriseId];
    const where = ['s.core_enterprise_id = $1'];
    if (q.role) where.push(`s.role = $${params.push(q.role)}`);
    if (q.q) {
      const like = q.q.replace(/[\\%_]/g, '\\$&');
      where.push(`(s.supplier_code ILIKE $${params.push(`${like}%`)} OR s.name ILIKE $${params.push(`%${like}%`)})`);
    }
    return pageOf(
      this.dataSource.manager,
      { columns: COUNTERPARTY_COLUMNS, from: COUNTERPARTY_FROM, where, params, orderBy: 's.supplier_code' },
      q,
      counterpartyView,
    );
  }

  async get(actor: Actor, id: string, m: EntityManager = this.dataSource.manager): Promise<CounterpartyView> {
    return counterpartyView(await this.load(actor, id, m));
  }

  /** A counterparty the caller may see, or 404 (also for another core enterprise's). */
  async load(actor: Actor, id: string, m: EntityManager = this.dataSource.manager): Promise<CounterpartyRow> {
    await this.access.requireAccess(actor, COUNTERPARTY, id, m);
    const r = await sql<CounterpartyRow>(m, `SELECT ${COUNTERPARTY_COLUMNS} FROM ${COUNTERPARTY_FROM} WHERE s.id = $1`, [id]);
    if (!r.rows[0]) throw notFound(COUNTERPARTY.what, id);
    return r.rows[0];
  }
}
