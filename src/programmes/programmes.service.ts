import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, resource } from '../common/access/access.service.js';
import { actorSeenBy, tenantOf, type Actor } from '../common/access/actor.js';
import { canonicalJson } from '../common/canonical-json.js';
import { notFound } from '../common/errors.js';
import { Dec, money } from '../common/money.js';
import { Page } from '../common/pagination.js';
import { validationFailed } from '../common/validation.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { CounterpartiesService } from '../counterparties/counterparties.service.js';
import type { AttributeDef, CounterpartyRole } from '../counterparties/roster-schema.js';
import { sql } from '../database/sql.js';
import { ExposureService } from '../exposure/exposure.service.js';
import { pageOf } from '../database/paging.js';
import type { CreateProgrammeDto, Direction, ProgrammeResponse, RepaymentType, RulesetResponse, UpdateProgrammeDto } from './dto.js';
import { validateFormula, type LimitFormula } from './limit-formula.js';
import { factCatalog, validateRules, type EligibilityRule } from './rules.js';
import { amountRangeProblems, termRangeProblems } from './terms.js';

/** A programme with its current ruleset, as other modules use it. */
export interface ProgrammeRecord {
  id: string;
  coreEnterpriseId: string;
  name: string;
  productType: string;
  minAmount: string;
  maxAmount: string;
  minTermDays: number;
  maxTermDays: number;
  annualRate: string;
  programmeCap: string;
  guaranteeRatio: string;
  fourEyesThreshold: string;
  dayCountBasis: 'ACT/360' | 'ACT/365';
  repaymentType: RepaymentType;
  interestDay: number;
  graceDays: number;
  penaltyRateMultiplier: string;
  settlementDeductionRatio: string;
  prepayFromSettlement: boolean;
  timeZone: string;
  active: boolean;
  direction: Direction;
  /** DOWNSTREAM only. */
  advanceRatio: string | null;
  rulesetVersion: number;
  eligibilityRules: EligibilityRule[];
  limitFormula: LimitFormula;
  outstandingAmount: string;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  core_enterprise_id: string;
  name: string;
  product_type: string;
  min_amount: string;
  max_amount: string;
  min_term_days: number;
  max_term_days: number;
  annual_rate: string;
  programme_cap: string;
  guarantee_ratio: string;
  four_eyes_threshold: string;
  day_count_basis: 'ACT/360' | 'ACT/365';
  repayment_type: RepaymentType;
  interest_day: number;
  grace_days: number;
  penalty_rate_multiplier: string;
  settlement_deduction_ratio: string;
  prepay_from_settlement: boolean;
  time_zone: string;
  active: boolean;
  direction: Direction;
  advance_ratio: string | null;
  ruleset_version: number;
  eligibility_rules: EligibilityRule[];
  limit_formula: LimitFormula;
  outstanding_amount: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `p.*, r.eligibility_rules, r.limit_formula, x.outstanding_amount`;
const FROM = `programmes p
  JOIN programme_rulesets r ON r.programme_id = p.id AND r.version = p.ruleset_version
  LEFT JOIN programme_exposure x ON x.programme_id = p.id`;
const SELECT = `SELECT ${COLUMNS} FROM ${FROM}`;

/** Rates and ratios without the trailing zeros numeric(12,10) pads them with. */
const plainDecimal = (v: string) => new Dec(v).toString();

function record(r: Row): ProgrammeRecord {
  return {
    id: r.id,
    coreEnterpriseId: r.core_enterprise_id,
    name: r.name,
    productType: r.product_type,
    minAmount: money(r.min_amount),
    maxAmount: money(r.max_amount),
    minTermDays: r.min_term_days,
    maxTermDays: r.max_term_days,
    annualRate: plainDecimal(r.annual_rate),
    programmeCap: money(r.programme_cap),
    guaranteeRatio: plainDecimal(r.guarantee_ratio),
    fourEyesThreshold: money(r.four_eyes_threshold),
    dayCountBasis: r.day_count_basis,
    repaymentType: r.repayment_type,
    interestDay: r.interest_day,
    graceDays: r.grace_days,
    penaltyRateMultiplier: plainDecimal(r.penalty_rate_multiplier),
    settlementDeductionRatio: plainDecimal(r.settlement_deduction_ratio),
    prepayFromSettlement: r.prepay_from_settlement,
    timeZone: r.time_zone,
    active: r.active,
    direction: r.direction,
    advanceRatio: r.advance_ratio === null ? null : plainDecimal(r.advance_ratio),
    rulesetVersion: r.ruleset_version,
    eligibilityRules: r.eligibility_rules,
    limitFormula: r.limit_formula,
    outstandingAmount: money(r.outstanding_amount ?? '0'),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const PROGRAMME = resource('Programme', 'programmes');

/** The role of the counterparties a programme lends to: its roster schema's. */
export const roleOf = (p: { direction: Direction }): CounterpartyRole => (p.direction === 'DOWNSTREAM' ? 'DEALER' : 'SUPPLIER');

/** `direction` and `advanceRatio` are shown for DOWNSTREAM programmes; one without them is UPSTREAM, as every programme was before. */
export function programmeView(p: ProgrammeRecord): ProgrammeResponse {
  const { direction, advanceRatio, ...rest } = p;
  const downstream = direction === 'DOWNSTREAM' ? { direction, advanceRatio: advanceRatio! } : {};
  return { ...rest, ...downstream, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

/** A programme's rules and formula checked against the facts of a roster schema: its field errors. */
export function rulesetProblems(rules: EligibilityRule[], formula: LimitFormula, attributes: readonly AttributeDef[]) {
  const catalog = factCatalog(attributes);
  return [...validateRules(rules, 'eligibilityRules', catalog), ...validateFormula(formula, 'limitFormula', catalog)];
}

@Injectable()
export class ProgrammesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly coreEnterprises: CoreEnterprisesService,
    private readonly exposure: ExposureService,
    private readonly counterparties: CounterpartiesService,
  ) {}

  /** A roster schema change may not leave a programme's rule or formula term without its fact. */
  onModuleInit(): void {
    this.counterparties.addSchemaUseCheck(async (m, coreEnterpriseId, role, attributes) => {
      const r = await sql<Row>(m, `${SELECT} WHERE p.core_enterprise_id = $1 ORDER BY p.created_at`, [coreEnterpriseId]);
      return r.rows
        .map(record)
        .filter((p) => roleOf(p) === role)
        .flatMap((p) =>
          rulesetProblems(p.eligibilityRules, p.limitFormula, attributes).map((e) => `programme ${p.name} (${p.id}): ${e.message}`),
        );
    });
  }

  /** Rules and formula type-checked against the roster schema of the programme's role: 400 naming each attribute. */
  private async checkAgainstSchema(
    m: EntityManager,
    coreEnterpriseId: string,
    direction: Direction,
    rules: EligibilityRule[],
    formula: LimitFormula,
  ) {
    const schema = await this.counterparties.peek(m, coreEnterpriseId, roleOf({ direction }));
    const errors = rulesetProblems(rules, formula, schema.attributes);
    if (errors.length)
      throw validationFailed(errors, `The rules or the formula do not fit the ${schema.role} roster schema (version ${schema.version})`);
  }

  /** The DTO has checked every field, its rules and formula included. */
  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeRecord> {
    const timeZone = dto.timeZone ?? 'Asia/Shanghai';
    await this.coreEnterprises.get(actor, dto.coreEnterpriseId);
    const direction = dto.direction ?? 'UPSTREAM';
    return this.dataSource.transaction(async (m) => {
      await this.checkAgainstSchema(m, dto.coreEnterpriseId, direction, dto.eligibilityRules, dto.limitFormula);
      const r = await sql<{ id: string }>(
        m,
        `INSERT INTO programmes (core_enterprise_id, name, product_type, min_amount, max_amount, min_term_days, max_term_days,
                                 annual_rate, programme_cap, guarantee_ratio, four_eyes_threshold, day_count_basis, time_zone, active,
                                 repayment_type, interest_day, grace_days, penalty_rate_multiplier, settlement_deduction_ratio,
                                 prepay_from_settlement, direction, advance_ratio)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
        [
          dto.coreEnterpriseId,
          dto.name.trim(),
          dto.productType.trim(),
          dto.minAmount,
          dto.maxAmount,
          dto.minTermDays,
          dto.maxTermDays,
          dto.annualRate,
          dto.programmeCap,
          dto.guaranteeRatio,
          dto.fourEyesThreshold,
          dto.dayCountBasis ?? 'ACT/360',
          timeZone,
          dto.active ?? true,
          // domain.md "Servicing"'s defaults, as the migration gave existing programmes
          dto.repaymentType ?? 'INTEREST_MONTHLY',
          dto.interestDay ?? 21,
          dto.graceDays ?? 3,
          dto.penaltyRateMultiplier ?? '1.5',
          dto.settlementDeductionRatio ?? '0.80',
          dto.prepayFromSettlement ?? false,
          direction,
          dto.advanceRatio ?? null,
        ],
      );
      const id = r.rows[0].id;
      await this.exposure.openProgramme(m, id, dto.coreEnterpriseId);
      await sql(
        m,
        `INSERT INTO programme_rulesets (programme_id, core_enterprise_id, version, eligibility_rules, limit_formula, created_by, created_by_role)
         VALUES ($1, $2, 1, $3, $4, $5, $6)`,
        [id, dto.coreEnterpriseId, JSON.stringify(dto.eligibilityRules), JSON.stringify(dto.limitFormula), actor.name, actor.role],
      );
      const created = await this.load(m, id);
      await this.audit.record(m, actor, {
        action: 'PROGRAMME_CREATED',
        entityType: 'Programme',
        entityId: id,
        coreEnterpriseId: created.coreEnterpriseId,
        after: programmeView(created),
      });
      return created;
    });
  }

  /** New rules or a new formula make a new ruleset version; earlier screening results keep theirs. */
  async update(actor: Actor, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeRecord> {
    return this.dataSource.transaction(async (m) => {
      await this.access.requireAccess(actor, PROGRAMME, id, m);
      const before = await this.load(m, id, true);
      const next = { ...before, ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) } as ProgrammeRecord;
      // the DTO checked the change itself; only a bound kept from before can still be crossed
      const errors = [...amountRangeProblems(next.minAmount, next.maxAmount), ...termRangeProblems(next.minTermDays, next.maxTermDays)];
      if (dto.advanceRatio !== undefined && before.direction !== 'DOWNSTREAM')
        errors.push({
          field: 'advanceRatio',
          code: 'ADVANCE_RATIO_NOT_FOR_UPSTREAM',
          message: 'advanceRatio is for DOWNSTREAM programmes only',
        });
      if (errors.length) throw validationFailed(errors);

      const rulesChanged =
        // key order must not make an unchanged ruleset look new
        canonicalJson(next.eligibilityRules) !== canonicalJson(before.eligibilityRules) ||
        canonicalJson(next.limitFormula) !== canonicalJson(before.limitFormula);
      const version = rulesChanged ? before.rulesetVersion + 1 : before.rulesetVersion;
      if (rulesChanged) {
        await this.checkAgainstSchema(m, before.coreEnterpriseId, before.direction, next.eligibilityRules, next.limitFormula);
        await sql(
          m,
          `INSERT INTO programme_rulesets (programme_id, core_enterprise_id, version, eligibility_rules, limit_formula, created_by, created_by_role)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            id,
            before.coreEnterpriseId,
            version,
            JSON.stringify(next.eligibilityRules),
            JSON.stringify(next.limitFormula),
            actor.name,
            actor.role,
          ],
        );
      }
      await sql(
        m,
        `UPDATE programmes SET name = $2, product_type = $3, min_amount = $4, max_amount = $5, min_term_days = $6, max_term_days = $7,
                annual_rate = $8, programme_cap = $9, guarantee_ratio = $10, four_eyes_threshold = $11, day_count_basis = $12,
                time_zone = $13, active = $14, ruleset_version = $15, repayment_type = $16, interest_day = $17, grace_days = $18,
                penalty_rate_multiplier = $19, settlement_deduction_ratio = $20, prepay_from_settlement = $21, advance_ratio = $22,
                updated_at = now()
          WHERE id = $1`,
        [
          id,
          next.name.trim(),
          next.productType.trim(),
          next.minAmount,
          next.maxAmount,
          next.minTermDays,
          next.maxTermDays,
          next.annualRate,
          next.programmeCap,
          next.guaranteeRatio,
          next.fourEyesThreshold,
          next.dayCountBasis,
          next.timeZone,
          next.active,
          version,
          next.repaymentType,
          next.interestDay,
          next.graceDays,
          next.penaltyRateMultiplier,
          next.settlementDeductionRatio,
          next.prepayFromSettlement,
          next.advanceRatio,
        ],
      );
      const after = await this.load(m, id);
      await this.audit.record(m, actor, {
        action: rulesChanged ? 'PROGRAMME_RULESET_CHANGED' : 'PROGRAMME_UPDATED',
        entityType: 'Programme',
        entityId: id,
        coreEnterpriseId: after.coreEnterpriseId,
        before: programmeView(before),
        after: programmeView(after),
      });
      return after;
    });
  }

  async get(actor: Actor, id: string): Promise<ProgrammeRecord> {
    await this.access.requireAccess(actor, PROGRAMME, id);
    return this.load(this.dataSource.manager, id);
  }

  async list(
    actor: Actor,
    q: { coreEnterpriseId?: string; active?: 'true' | 'false'; page: number; pageSize: number },
  ): Promise<Page<ProgrammeRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const tenant = tenantOf(actor);
    if (tenant) where.push(`p.core_enterprise_id = $${params.push(tenant)}`);
    if (q.coreEnterpriseId) where.push(`p.core_enterprise_id = $${params.push(q.coreEnterpriseId)}`);
    if (q.active) where.push(`p.active = $${params.push(q.active === 'true')}`);
    return pageOf(this.dataSource.manager, { columns: COLUMNS, from: FROM, where, params, orderBy: 'p.created_at, p.id' }, q, record);
  }

  async rulesets(actor: Actor, id: string): Promise<RulesetResponse[]> {
    await this.get(actor, id);
    const r = await sql<{
      version: number;
      eligibility_rules: EligibilityRule[];
      limit_formula: LimitFormula;
      created_by: string | null;
      created_by_role: string | null;
      created_at: Date;
    }>(
      this.dataSource.manager,
      `SELECT version, eligibility_rules, limit_formula, created_by, created_by_role, created_at FROM programme_rulesets WHERE programme_id = $1 ORDER BY version`,
      [id],
    );
    return r.rows.map((x) => ({
      version: x.version,
      eligibilityRules: x.eligibility_rules,
      limitFormula: x.limit_formula,
      createdBy: actorSeenBy(actor, { kind: 'USER', id: null, name: x.created_by, role: x.created_by_role }).name,
      createdAt: x.created_at.toISOString(),
    }));
  }

  /** For other modules: a programme by id, without a caller (they check access themselves). */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProgrammeRecord | undefined> {
    const r = await sql<Row>(manager, `${SELECT} WHERE p.id = $1`, [id]);
    return r.rows[0] ? record(r.rows[0]) : undefined;
  }

  async activeOf(coreEnterpriseId: string, manager: EntityManager = this.dataSource.manager): Promise<ProgrammeRecord[]> {
    const r = await sql<Row>(manager, `${SELECT} WHERE p.core_enterprise_id = $1 AND p.active ORDER BY p.created_at`, [coreEnterpriseId]);
    return r.rows.map(record);
  }

  private async load(m: EntityManager, id: string, lock = false): Promise<ProgrammeRecord> {
    const r = await sql<Row>(m, `${SELECT} WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [id]);
    if (!r.rows[0]) throw notFound(PROGRAMME.what, id);
    return record(r.rows[0]);
  }
}
