import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, CORE_ENTERPRISE } from '../common/access/access.service.js';
import { tenantOf, type Actor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { money } from '../common/money.js';
import { Page } from '../common/pagination.js';
import { pageOf } from '../database/paging.js';
import { UNIQUE_VIOLATION, pgCode, sql } from '../database/sql.js';
import { ExposureService } from '../exposure/exposure.service.js';
import { CoreEnterpriseErrors } from './core-enterprises.errors.js';
import type { CoreEnterpriseResponse, CreateCoreEnterpriseDto, UpdateCoreEnterpriseDto } from './dto.js';

interface Row {
  id: string;
  name: string;
  uscc: string;
  guarantee_cap: string;
  guaranteed_exposure: string;
  collection_account: string | null;
  collection_bank_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A core enterprise is its own tenant. */

const view = (r: Row): CoreEnterpriseResponse => ({
  id: r.id,
  name: r.name,
  uscc: r.uscc,
  guaranteeCap: money(r.guarantee_cap),
  guaranteedExposure: money(r.guaranteed_exposure ?? '0'),
  // shown once set: dealer loans are paid there (domain.md "Downstream")
  ...(r.collection_account === null ? {} : { collectionAccount: r.collection_account, collectionBankName: r.collection_bank_name ?? '' }),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const collection = (c: CoreEnterpriseResponse) =>
  c.collectionAccount === undefined ? {} : { collectionAccount: c.collectionAccount, collectionBankName: c.collectionBankName };

/** Guaranteed exposure is the sum kept by the loan module; until it exists this reads as zero. */
const SELECT_COLUMNS = `ce.*, coalesce(x.guaranteed_exposure, 0) AS guaranteed_exposure`;
const FROM = `core_enterprises ce LEFT JOIN core_enterprise_exposure x ON x.core_enterprise_id = ce.id`;
const SELECT = `SELECT ${SELECT_COLUMNS} FROM ${FROM}`;

@Injectable()
export class CoreEnterprisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly exposure: ExposureService,
  ) {}

  /** The DTO has checked the USCC and upper-cased it. */
  async create(actor: Actor, dto: CreateCoreEnterpriseDto): Promise<CoreEnterpriseResponse> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const r = await sql<{ id: string }>(
          m,
          `INSERT INTO core_enterprises (name, uscc, guarantee_cap, collection_account, collection_bank_name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [dto.name.trim(), dto.uscc, dto.guaranteeCap, dto.collectionAccount ?? null, dto.collectionBankName?.trim() ?? null],
        );
        await this.exposure.openCoreEnterprise(m, r.rows[0].id);
        const created = await this.load(m, r.rows[0].id);
        await this.audit.record(m, actor, {
          action: 'CORE_ENTERPRISE_CREATED',
          entityType: 'CoreEnterprise',
          entityId: created.id,
          coreEnterpriseId: created.id,
          after: { name: created.name, uscc: created.uscc, guaranteeCap: created.guaranteeCap },
        });
        return created;
      });
    } catch (e) {
      if (pgCode(e) === UNIQUE_VIOLATION)
        throw new DomainError(CoreEnterpriseErrors.USCC_TAKEN, `A core enterprise with USCC ${dto.uscc} exists already`);
      throw e;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateCoreEnterpriseDto): Promise<CoreEnterpriseResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(m, id, true);
      const r = await sql<Row>(
        m,
        `UPDATE core_enterprises SET name = coalesce($2, name), guarantee_cap = coalesce($3, guarantee_cap),
                collection_account = coalesce($4, collection_account), collection_bank_name = coalesce($5, collection_bank_name), updated_at = now()
          WHERE id = $1 RETURNING id`,
        [id, dto.name?.trim() ?? null, dto.guaranteeCap ?? null, dto.collectionAccount ?? null, dto.collectionBankName?.trim() ?? null],
      );
      if (!r.rowCount) throw notFound(CORE_ENTERPRISE.what, id);
      const after = await this.load(m, id);
      await this.audit.record(m, actor, {
        action: 'CORE_ENTERPRISE_UPDATED',
        entityType: 'CoreEnterprise',
        entityId: id,
        coreEnterpriseId: id,
        before: { name: before.name, guaranteeCap: before.guaranteeCap, ...collection(before) },
        after: { name: after.name, guaranteeCap: after.guaranteeCap, ...collection(after) },
      });
      return after;
    });
  }

  /** One core enterprise as the caller may see it (another tenant's answers 404). */
  async get(actor: Actor, id: string): Promise<CoreEnterpriseResponse> {
    await this.access.requireAccess(actor, CORE_ENTERPRISE, id);
    return this.load(this.dataSource.manager, id);
  }

  async list(actor: Actor, q: { q?: string; page: number; pageSize: number }): Promise<Page<CoreEnterpriseResponse>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const tenant = tenantOf(actor);
    if (tenant) where.push(`ce.id = $${params.push(tenant)}`);
    if (q.q) {
      // the USCC is compared with the text as given, not with the LIKE pattern built for the name
      const pattern = params.push(`%${q.q.replace(/[\\%_]/g, '\\$&')}%`);
      const exact = params.push(q.q.trim());
      where.push(`(ce.name ILIKE $${pattern} OR ce.uscc = upper($${exact}))`);
    }
    return pageOf(
      this.dataSource.manager,
      { columns: SELECT_COLUMNS, from: FROM, where, params, orderBy: 'ce.created_at, ce.id' },
      q,
      view,
    );
  }

  private async load(m: EntityManager, id: string, lock = false): Promise<CoreEnterpriseResponse> {
    const r = await sql<Row>(m, `${SELECT} WHERE ce.id = $1 ${lock ? 'FOR UPDATE OF ce' : ''}`, [id]);
    if (!r.rows[0]) throw notFound(CORE_ENTERPRISE.what, id);
    return view(r.rows[0]);
  }
}
