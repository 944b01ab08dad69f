import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor.js';
import { ClockService } from '../clock/clock.service.js';
import { DomainError, notFound } from '../common/errors.js';
import { money } from '../common/money.js';
import { pageOf } from '../database/paging.js';
import { sql } from '../database/sql.js';
import { availableLimit, hasOverdueLoanSql } from '../exposure/available-limit.js';
import type { LimitFormula } from '../programmes/limit-formula.js';
import { ProgrammesService, type ProgrammeRecord } from '../programmes/programmes.service.js';
import type { EligibilityRule } from '../programmes/rules.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import type { EligibilityResponse } from './dto.js';
import { EligibilityErrors } from './eligibility.errors.js';
import { evaluate, type RuleResult } from './evaluator.js';
import { factsOf, type SupplierFacts } from './facts.js';
import { compileFormula, limitTerms } from './limit.js';
import { factColumns, REPLACE_RESULT, lockProgrammeScreening, sourceOf, type FactRow } from './screening-source.js';
import { CounterpartiesService } from '../counterparties/counterparties.service.js';
import { screeningSchemaOf } from './screening-schema.js';

export interface ScreeningOutcome {
  eligible: boolean;
  creditLimit: string;
  failedRules: string[];
  rulesetVersion: number;
  evaluationDate: string;
  facts: SupplierFacts;
  results: RuleResult[];
}

/**
 * Screening one supplier at a time: the stored outcome per (supplier, programme) with its ruleset
 * version, screened now when a loan is submitted or a blacklisting changes, and explained rule by
 * rule on request. The rules themselves are pure functions (evaluator.ts, limit.ts).
 */
@Injectable()
export class SupplierScreeningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly suppliers: SuppliersService,
    private readonly clock: ClockService,
    private readonly counterparties: CounterpartiesService,
  ) {}

  /**
   * Screens one supplier against one programme now and stores the result (loan submission, blacklist
   * changes): inside the caller's transaction.
   */
  async screenSupplier(m: EntityManager, supplierId: string, programme: ProgrammeRecord): Promise<ScreeningOutcome> {
    // The programme runs' lock: a run that read this supplier's facts before a change (a blacklisting)
    // must not write its older result over this one after it.
    await lockProgrammeScreening(m, programme.id);
    const schema = await screeningSchemaOf(this.counterparties, m, programme);
    const keys = schema.attributes.keys;
    const r = await sql<Record<string, unknown>>(m, `SELECT blacklist_reason, ${factColumns(keys, 2)} FROM suppliers WHERE id = $1`, [
      supplierId,
      ...keys,
    ]);
    if (!r.rows[0]) throw notFound('Supplier', supplierId);
    const { blacklist_reason: blacklistReason, ...row } = r.rows[0];
    // one date for the facts and the record, or a screening at midnight would store the wrong one
    const evaluationDate = await this.clock.today(programme.timeZone, m);
    const facts = factsOf(sourceOf(Object.values(row) as FactRow), evaluationDate, schema.attributes);
    const evaluation = evaluate(programme.eligibilityRules, facts, blacklistReason as string | null, schema.catalog);
    const creditLimit = compileFormula(programme.limitFormula, schema.catalog)(facts, evaluation.eligible);
    const failedRules = evaluation.results.filter((x) => !x.passed).map((x) => x.rule);
    await sql(
      m,
      `INSERT INTO screening_results (supplier_id, programme_id, core_enterprise_id, ruleset_version, evaluation_date, evaluated_at,
                                      eligible, credit_limit, failed_rules, facts)
       VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9)
       ${REPLACE_RESULT}`,
      [
        supplierId,
        programme.id,
        programme.coreEnterpriseId,
        programme.rulesetVersion,
        evaluationDate,
        evaluation.eligible,
        creditLimit,
        failedRules,
        JSON.stringify(facts),
      ],
    );
    return {
      eligible: evaluation.eligible,
      creditLimit,
      failedRules,
      rulesetVersion: programme.rulesetVersion,
      evaluationDate,
      facts,
      results: evaluation.results,
    };
  }

  /** GET /suppliers/:id/eligibility: the stored result, explained rule by rule (screened now if it never was). */
  async explain(actor: Actor, supplierId: string, programmeId?: string): Promise<EligibilityResponse> {
    const supplier = await this.suppliers.load(actor, supplierId);
    let programme: ProgrammeRecord | undefined;
    if (programmeId) {
      programme = await this.programmes.find(programmeId);
      if (!programme || programme.coreEnterpriseId !== supplier.core_enterprise_id) {
        throw new DomainError(EligibilityErrors.PROGRAMME_NOT_FOR_SUPPLIER, `Programme ${programmeId} is not one of this supplier's`);
      }
    } else {
      const all = await sql<{ id: string }>(this.dataSource.manager, `SELECT id FROM programmes WHERE core_enterprise_id = $1`, [
        supplier.core_enterprise_id,
      ]);
      if (all.rowCount !== 1) {
        throw new DomainError(EligibilityErrors.PROGRAMME_REQUIRED, undefined, {
          errors: [
            {
              field: 'programmeId',
              code: 'REQUIRED',
              message: 'programmeId is required: the core enterprise has several programmes (or none)',
            },
          ],
        });
      }
      programme = (await this.programmes.find(all.rows[0].id))!;
    }
    let stored = await this.storedResult(this.dataSource.manager, supplierId, programme.id);
    if (!stored) {
      await this.dataSource.transaction((m) => this.screenSupplier(m, supplierId, programme!));
      stored = (await this.storedResult(this.dataSource.manager, supplierId, programme.id))!;
    }
    const ruleset =
      stored.ruleset_version === programme.rulesetVersion
        ? { eligibilityRules: programme.eligibilityRules, limitFormula: programme.limitFormula }
        : await this.ruleset(programme.id, stored.ruleset_version);
    const { catalog } = await screeningSchemaOf(this.counterparties, this.dataSource.manager, programme);
    const evaluation = evaluate(ruleset.eligibilityRules, stored.facts, supplier.blacklist_reason, catalog);
    const reserved = stored.reserved_amount ?? '0';
    const available = availableLimit(stored.credit_limit, reserved, stored.frozen);
    return {
      supplierId,
      programmeId: programme.id,
      eligible: stored.eligible,
      creditLimit: money(stored.credit_limit),
      availableLimit: money(available),
      reservedAmount: money(reserved),
      evaluatedAt: stored.evaluated_at.toISOString(),
      evaluationDate: stored.evaluation_date,
      rulesetVersion: stored.ruleset_version,
      stale: stored.ruleset_version !== programme.rulesetVersion,
      results: evaluation.results,
      limitTerms: limitTerms(ruleset.limitFormula, stored.facts, catalog),
    };
  }

  /** The stored screening of every supplier of a programme: who is eligible, for how much. */
  async listResults(actor: Actor, programmeId: string, q: { eligible?: 'true' | 'false'; page: number; pageSize: number }) {
    await this.programmes.get(actor, programmeId);
    const params: unknown[] = [programmeId];
    const where = ['r.programme_id = $1'];
    if (q.eligible) where.push(`r.eligible = $${params.push(q.eligible === 'true')}`);
    const query = {
      columns: `r.supplier_id, s.supplier_code, s.name, r.eligible, r.credit_limit, e.reserved_amount AS reserved, r.failed_rules, r.ruleset_version, r.evaluated_at,
                ${hasOverdueLoanSql('r.supplier_id')} AS frozen`,
      from: `screening_results r JOIN suppliers s ON s.id = r.supplier_id
             LEFT JOIN supplier_exposure e ON e.supplier_id = r.supplier_id AND e.programme_id = r.programme_id`,
      where,
      params,
      orderBy: 's.supplier_code',
    };
    type Row = {
      supplier_id: string;
      supplier_code: string;
      name: string;
      eligible: boolean;
      credit_limit: string;
      reserved: string | null;
      failed_rules: string[];
      ruleset_version: number;
      evaluated_at: Date;
      frozen: boolean;
    };
    return pageOf(this.dataSource.manager, query, q, (r: Row) => ({
      supplierId: r.supplier_id,
      supplierCode: r.supplier_code,
      name: r.name,
      eligible: r.eligible,
      creditLimit: money(r.credit_limit),
      availableLimit: money(availableLimit(r.credit_limit, r.reserved, r.frozen)),
      failedRules: r.failed_rules,
      rulesetVersion: r.ruleset_version,
      evaluatedAt: r.evaluated_at.toISOString(),
    }));
  }

  private async storedResult(m: EntityManager, supplierId: string, programmeId: string) {
    const r = await sql<{
      eligible: boolean;
      credit_limit: string;
      ruleset_version: number;
      evaluation_date: string;
      evaluated_at: Date;
      facts: SupplierFacts;
      reserved_amount: string | null;
      frozen: boolean;
    }>(
      m,
      `SELECT s.eligible, s.credit_limit, s.ruleset_version, s.evaluation_date, s.evaluated_at, s.facts, e.reserved_amount,
              ${hasOverdueLoanSql('s.supplier_id')} AS frozen
         FROM screening_results s
         LEFT JOIN supplier_exposure e ON e.supplier_id = s.supplier_id AND e.programme_id = s.programme_id
        WHERE s.supplier_id = $1 AND s.programme_id = $2`,
      [supplierId, programmeId],
    );
    return r.rows[0];
  }

  private async ruleset(
    programmeId: string,
    version: number,
  ): Promise<{ eligibilityRules: EligibilityRule[]; limitFormula: LimitFormula }> {
    const r = await sql<{ eligibility_rules: EligibilityRule[]; limit_formula: LimitFormula }>(
      this.dataSource.manager,
      `SELECT eligibility_rules, limit_formula FROM programme_rulesets WHERE programme_id = $1 AND version = $2`,
      [programmeId, version],
    );
    return { eligibilityRules: r.rows[0].eligibility_rules, limitFormula: r.rows[0].limit_formula };
  }
}
