import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertVisible, type Actor } from '../common/access/actor.js';
import { businessDate } from '../common/business-date.js';
import { DomainError, notFound } from '../common/errors.js';
import { maskIdNumber } from '../common/identifiers.js';
import { Dec, money } from '../common/money.js';
import { connectionOf, CopyWriter, copyRow, textArrayLiteral } from '../database/copy.js';
import { pageOf } from '../database/paging.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ProgrammesService, type ProgrammeRecord } from '../programmes/programmes.service.js';
import { RosterImportProcessor } from '../rosters/roster-import.processor.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import type { EligibilityResponse } from './dto.js';
import { EligibilityErrors } from './eligibility.errors.js';
import { compileRules, evaluate, failedRuleNames, type RuleResult } from './evaluator.js';
import { factsOf, type SupplierFactSource, type SupplierFacts } from './facts.js';
import { compileFormula, limitTerms } from './limit.js';
import type { LimitFormula } from '../programmes/limit-formula.js';
import type { EligibilityRule } from '../programmes/rules.js';

export const SCREENING_QUEUE = 'eligibility-screening';
/** Suppliers are read in pages of this many, so memory stays flat whatever the roster size. */
const PAGE = 20_000;
const SAMPLE_SIZE = 20;

/** One row of the facts query, in column order (rowMode 'array' is several times faster to parse). */
type FactRow = [
  id: string,
  code: string,
  name: string,
  type: 'INDIVIDUAL' | 'ENTITY',
  province: string,
  herdSize: number,
  years: string,
  months: number,
  kg: string,
  settlement: string | null,
  birthDate: string,
  certNo: string | null,
  certExpiry: string | null,
  blacklisted: boolean,
];

const FACT_COLUMNS = `id, supplier_code, name, supplier_type, province, herd_size, years_experience::text, delivery_months,
  avg_monthly_delivery_kg::text, avg_monthly_settlement::text, birth_date::text, epidemic_cert_no, epidemic_cert_expiry::text, blacklisted`;

function sourceOf(r: FactRow): SupplierFactSource {
  return {
    supplierType: r[3],
    province: r[4],
    herdSize: r[5],
    yearsExperience: r[6],
    deliveryMonths: r[7],
    avgMonthlyDeliveryKg: r[8],
    avgMonthlySettlement: r[9],
    birthDate: r[10],
    epidemicCertNo: r[11],
    epidemicCertExpiry: r[12],
    blacklisted: r[13],
    // no repayments are tracked yet, so nothing can be overdue
    hasOverdueLoan: false,
  };
}

export interface ScreeningOutcome {
  eligible: boolean;
  creditLimit: string;
  failedRules: string[];
  rulesetVersion: number;
  evaluationDate: string;
  facts: SupplierFacts;
  results: RuleResult[];
}

export interface PreviewResult {
  programmeId: string;
  evaluationDate: string;
  suppliers: number;
  eligibleNow: number;
  eligibleAfter: number;
  gained: number;
  lost: number;
  totalLimitNow: string;
  totalLimitAfter: string;
  byRule: { rule: string; failingNow: number | null; failingAfter: number | null }[];
  sample: { gained: PreviewSample[]; lost: PreviewSample[] };
}

interface PreviewSample {
  supplierId: string;
  supplierCode: string;
  name: string;
  limitNow: string;
  limitAfter: string;
  failingNow: string[];
  failingAfter: string[];
}

function runView(run: Record<string, unknown>) {
  return {
    jobId: run.id as string,
    programmeId: run.programme_id as string,
    trigger: run.trigger as string,
    status: run.status as string,
    rulesetVersion: run.ruleset_version as number | null,
    suppliers: run.suppliers as number | null,
    eligible: run.eligible as number | null,
    failureMessage: run.failure_message as string | null,
    createdAt: (run.created_at as Date).toISOString(),
    startedAt: (run.started_at as Date | null)?.toISOString() ?? null,
    finishedAt: (run.finished_at as Date | null)?.toISOString() ?? null,
  };
}

/**
 * Screening: suppliers' facts against a programme's admission rules and limit formula. The rules
 * themselves are pure functions (evaluator.ts, limit.ts); this service feeds them from the database,
 * stores the outcome per (supplier, programme) with its ruleset version, and explains it on request.
 */
@Injectable()
export class EligibilityService implements OnModuleInit {
  private readonly logger = new Logger('Eligibility');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly programmes: ProgrammesService,
    private readonly suppliers: SuppliersService,
    private readonly audit: AuditService,
    private readonly rosterImports: RosterImportProcessor,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ runId: string }>({
      name: SCREENING_QUEUE,
      concurrency: 1,
      expireInSeconds: 30 * 60,
      maxRetries: 3,
      handle: (data) => this.runScreening(data.runId),
    });
    // An import's suppliers are screened against every active programme of their core enterprise,
    // queued in the import's own transaction.
    this.rosterImports.addHook({
      afterMerge: async (m, importId, coreEnterpriseId) => {
        for (const p of await this.programmes.activeOf(coreEnterpriseId, m))
          await this.queueRun(m, p, 'ROSTER_IMPORT', `import:${importId}`);
      },
    });
  }

  // ---------- runs (background re-screening of a whole programme) ----------

  async requestRescreen(actor: Actor, programmeId: string): Promise<{ jobId: string; status: string; programmeId: string }> {
    const programme = await this.programmes.get(actor, programmeId);
    const queued = await this.dataSource.transaction(async (m) => {
      const runId = await this.queueRun(m, programme, 'REQUEST', actor.name);
      await this.audit.record(m, actor, {
        action: 'SCREENING_REQUESTED',
        entityType: 'Programme',
        entityId: programmeId,
        coreEnterpriseId: programme.coreEnterpriseId,
        after: { runId, rulesetVersion: programme.rulesetVersion },
      });
      return { jobId: runId, status: 'QUEUED', programmeId };
    });
    this.jobs.notify(SCREENING_QUEUE);
    return queued;
  }

  private async queueRun(m: EntityManager, p: ProgrammeRecord, trigger: string, requestedBy: string): Promise<string> {
    const r = await sql<{ id: string }>(
      m,
      `INSERT INTO screening_runs (programme_id, core_enterprise_id, trigger, status, requested_by) VALUES ($1, $2, $3, 'QUEUED', $4) RETURNING id`,
      [p.id, p.coreEnterpriseId, trigger, requestedBy],
    );
    await this.jobs.send(m, SCREENING_QUEUE, { runId: r.rows[0].id });
    return r.rows[0].id;
  }

  async getRun(actor: Actor, runId: string) {
    const r = await sql<Record<string, unknown>>(this.dataSource.manager, `SELECT * FROM screening_runs WHERE id = $1`, [runId]);
    const run = r.rows[0];
    if (!run) throw notFound('Screening run', runId);
    assertVisible(actor, run.core_enterprise_id as string, 'Screening run', runId);
    return runView(run);
  }

  async listRuns(actor: Actor, programmeId: string, page: number, pageSize: number) {
    await this.programmes.get(actor, programmeId);
    const query = {
      columns: '*',
      from: 'screening_runs',
      where: ['programme_id = $1'],
      params: [programmeId],
      orderBy: 'created_at DESC, id',
    };
    return pageOf(this.dataSource.manager, query, { page, pageSize }, runView);
  }

  /** The stored screening of every supplier of a programme: who is eligible, for how much. */
  async listResults(actor: Actor, programmeId: string, q: { eligible?: 'true' | 'false'; page: number; pageSize: number }) {
    await this.programmes.get(actor, programmeId);
    const params: unknown[] = [programmeId];
    const where = ['r.programme_id = $1'];
    if (q.eligible) where.push(`r.eligible = $${params.push(q.eligible === 'true')}`);
    const query = {
      columns: `r.supplier_id, s.supplier_code, s.name, r.eligible, r.credit_limit, e.reserved_amount AS reserved, r.failed_rules, r.ruleset_version, r.evaluated_at`,
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
    };
    return pageOf(this.dataSource.manager, query, q, (r: Row) => ({
      supplierId: r.supplier_id,
      supplierCode: r.supplier_code,
      name: r.name,
      eligible: r.eligible,
      creditLimit: money(r.credit_limit),
      availableLimit: money(Dec.max(0, new Dec(r.credit_limit).minus(r.reserved ?? '0'))),
      failedRules: r.failed_rules,
      rulesetVersion: r.ruleset_version,
      evaluatedAt: r.evaluated_at.toISOString(),
    }));
  }

  async runScreening(runId: string): Promise<void> {
    const claimed = await sql<{ programme_id: string }>(
      this.dataSource.manager,
      `UPDATE screening_runs SET status = 'RUNNING', started_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING programme_id`,
      [runId],
    );
    if (!claimed.rowCount) return;
    try {
      const programme = await this.programmes.find(claimed.rows[0].programme_id);
      if (!programme) throw new Error('programme vanished');
      const outcome = await this.screenProgramme(programme);
      await sql(
        this.dataSource.manager,
        `UPDATE screening_runs SET status = 'COMPLETED', ruleset_version = $2, suppliers = $3, eligible = $4, finished_at = now() WHERE id = $1`,
        [runId, outcome.rulesetVersion, outcome.suppliers, outcome.eligible],
      );
    } catch (err) {
      this.logger.error({ err, runId }, 'screening run failed');
      await sql(
        this.dataSource.manager,
        `UPDATE screening_runs SET status = 'FAILED', failure_message = $2, finished_at = now() WHERE id = $1`,
        [runId, 'The screening stopped on an unexpected error; earlier results are unchanged. Request it again.'],
      );
    }
  }

  /**
   * Screens every supplier of the programme's core enterprise with the current ruleset, in one
   * transaction: results are read, evaluated in memory and written back through COPY and one upsert.
   */
  async screenProgramme(
    programme: ProgrammeRecord,
  ): Promise<{ suppliers: number; eligible: number; rulesetVersion: number; seconds: number }> {
    const started = process.hrtime.bigint();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // re-read under the lock: a PATCH may have made a new ruleset since the job was queued
      await sql(runner.manager, `SELECT pg_advisory_xact_lock(hashtext('screening:' || $1))`, [programme.id]);
      const p = (await this.programmes.find(programme.id, runner.manager))!;
      const date = businessDate(p.timeZone);
      const rules = compileRules(p.eligibilityRules);
      const limit = compileFormula(p.limitFormula);
      await sql(
        runner.manager,
        `CREATE TEMP TABLE screening_stage (supplier_id uuid, eligible boolean, credit_limit numeric(18,2), failed_rules text[], facts jsonb) ON COMMIT DROP`,
      );
      const copy = new CopyWriter(runner, `COPY screening_stage FROM STDIN`);
      // The COPY holds this connection until it ends, so the facts are read on another one.
      const reader = this.dataSource.createQueryRunner();
      await reader.connect();
      let suppliers = 0;
      let eligible = 0;
      try {
        for await (const page of this.factPages(reader, p.coreEnterpriseId)) {
          for (const row of page) {
            const facts = factsOf(sourceOf(row), date);
            const s = rules(facts);
            suppliers++;
            if (s.eligible) eligible++;
            const failed = failedRuleNames(p.eligibilityRules, s);
            await copy.write(copyRow([row[0], s.eligible, limit(facts, s.eligible), textArrayLiteral(failed), JSON.stringify(facts)]));
          }
        }
        await copy.end();
      } catch (e) {
        copy.abort();
        throw e;
      } finally {
        await reader.release();
      }
      await sql(
        runner.manager,
        `INSERT INTO screening_results AS r (supplier_id, programme_id, core_enterprise_id, ruleset_version, evaluation_date, evaluated_at,
                                             eligible, credit_limit, failed_rules, facts)
         SELECT supplier_id, $1, $2, $3, $4, now(), eligible, credit_limit, failed_rules, facts FROM screening_stage
         ON CONFLICT (supplier_id, programme_id) DO UPDATE SET ruleset_version = excluded.ruleset_version,
           evaluation_date = excluded.evaluation_date, evaluated_at = excluded.evaluated_at, eligible = excluded.eligible,
           credit_limit = excluded.credit_limit, failed_rules = excluded.failed_rules, facts = excluded.facts`,
        [p.id, p.coreEnterpriseId, p.rulesetVersion, date],
      );
      await runner.commitTransaction();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.logger.log({ programmeId: p.id, suppliers, eligible, rulesetVersion: p.rulesetVersion, seconds }, 'programme screened');
      return { suppliers, eligible, rulesetVersion: p.rulesetVersion, seconds };
    } catch (e) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /** The core enterprise's suppliers in pages, by supplier code (the unique index makes it cheap). */
  private async *factPages(runner: QueryRunner, coreEnterpriseId: string): AsyncGenerator<FactRow[]> {
    const client = connectionOf(runner);
    let after = '';
    for (;;) {
      const r = await client.query<FactRow>({
        text: `SELECT ${FACT_COLUMNS} FROM suppliers WHERE core_enterprise_id = $1 AND supplier_code > $2 ORDER BY supplier_code LIMIT $3`,
        values: [coreEnterpriseId, after, PAGE],
        rowMode: 'array',
      });
      if (!r.rows.length) return;
      yield r.rows;
      if (r.rows.length < PAGE) return;
      after = r.rows[r.rows.length - 1][1];
    }
  }

  // ---------- one supplier ----------

  /**
   * Screens one supplier against one programme now and stores the result (loan submission, blacklist
   * changes): inside the caller's transaction.
   */
  async screenSupplier(m: EntityManager, supplierId: string, programme: ProgrammeRecord): Promise<ScreeningOutcome> {
    // The lock of screenProgramme: a programme run that read this supplier's facts before a change
    // (a blacklisting) must not write its older result over this one after it.
    await sql(m, `SELECT pg_advisory_xact_lock(hashtext('screening:' || $1))`, [programme.id]);
    const r = await sql<Record<string, unknown>>(m, `SELECT ${FACT_COLUMNS}, blacklist_reason FROM suppliers WHERE id = $1`, [supplierId]);
    if (!r.rows[0]) throw notFound('Supplier', supplierId);
    const { blacklist_reason: blacklistReason, ...row } = r.rows[0];
    // one date for the facts and the record, or a screening at midnight would store the wrong one
    const evaluationDate = businessDate(programme.timeZone);
    const facts = factsOf(sourceOf(Object.values(row) as FactRow), evaluationDate);
    const evaluation = evaluate(programme.eligibilityRules, facts, blacklistReason as string | null);
    const creditLimit = compileFormula(programme.limitFormula)(facts, evaluation.eligible);
    const failedRules = evaluation.results.filter((x) => !x.passed).map((x) => x.rule);
    await sql(
      m,
      `INSERT INTO screening_results (supplier_id, programme_id, core_enterprise_id, ruleset_version, evaluation_date, evaluated_at,
                                      eligible, credit_limit, failed_rules, facts)
       VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9)
       ON CONFLICT (supplier_id, programme_id) DO UPDATE SET ruleset_version = excluded.ruleset_version,
         evaluation_date = excluded.evaluation_date, evaluated_at = excluded.evaluated_at, eligible = excluded.eligible,
         credit_limit = excluded.credit_limit, failed_rules = excluded.failed_rules, facts = excluded.facts`,
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
    const evaluation = evaluate(ruleset.eligibilityRules, stored.facts, supplier.blacklist_reason);
    const reserved = stored.reserved_amount ?? '0';
    const available = Dec.max(0, new Dec(stored.credit_limit).minus(reserved));
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
      limitTerms: limitTerms(ruleset.limitFormula, stored.facts) as Record<string, string>,
    };
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
    }>(
      m,
      `SELECT s.eligible, s.credit_limit, s.ruleset_version, s.evaluation_date, s.evaluated_at, s.facts, e.reserved_amount
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

  // ---------- what-if ----------

  /**
   * Evaluates a proposed ruleset beside the current one over every supplier of the programme, on
   * today's facts, and changes nothing.
   */
  async preview(
    actor: Actor,
    programmeId: string,
    proposal: { eligibilityRules?: EligibilityRule[]; limitFormula?: LimitFormula },
  ): Promise<PreviewResult> {
    // the DTO has checked the proposal
    const p = await this.programmes.get(actor, programmeId);
    const rulesNow = p.eligibilityRules;
    const rulesAfter = proposal.eligibilityRules ?? p.eligibilityRules;
    const evalNow = compileRules(rulesNow);
    const evalAfter = compileRules(rulesAfter);
    const limitNow = compileFormula(p.limitFormula);
    const limitAfter = compileFormula(proposal.limitFormula ?? p.limitFormula);
    const date = businessDate(p.timeZone);
    const failingNow = new Array<number>(rulesNow.length).fill(0);
    const failingAfter = new Array<number>(rulesAfter.length).fill(0);
    let suppliers = 0;
    let eligibleNow = 0;
    let eligibleAfter = 0;
    let totalNow = 0n;
    let totalAfter = 0n;
    const sample: PreviewResult['sample'] = { gained: [], lost: [] };
    const toFen = (m: string) => BigInt(m.replace('.', ''));
    let gained = 0;
    let lost = 0;

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // one snapshot for the whole read, without holding any lock
      await runner.startTransaction('REPEATABLE READ');
      for await (const page of this.factPages(runner, p.coreEnterpriseId)) {
        for (const row of page) {
          const facts = factsOf(sourceOf(row), date);
          const now = evalNow(facts);
          const after = evalAfter(facts);
          const ln = limitNow(facts, now.eligible);
          const la = limitAfter(facts, after.eligible);
          suppliers++;
          if (now.eligible) eligibleNow++;
          if (after.eligible) eligibleAfter++;
          for (const i of now.failed) failingNow[i]++;
          for (const i of after.failed) failingAfter[i]++;
          totalNow += toFen(ln);
          totalAfter += toFen(la);
          if (now.eligible !== after.eligible) {
            const bucket = after.eligible ? 'gained' : 'lost';
            if (after.eligible) gained++;
            else lost++;
            if (sample[bucket].length < SAMPLE_SIZE) {
              sample[bucket].push({
                supplierId: row[0],
                supplierCode: row[1],
                name: row[2],
                limitNow: ln,
                limitAfter: la,
                failingNow: failedRuleNames(rulesNow, now),
                failingAfter: failedRuleNames(rulesAfter, after),
              });
            }
          }
        }
      }
      await runner.commitTransaction();
    } catch (e) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
    const names = [...new Set([...rulesNow.map((r) => r.name), ...rulesAfter.map((r) => r.name)])];
    const fen = (v: bigint) => money(new Dec(v.toString()).div(100));
    return {
      programmeId,
      evaluationDate: date,
      suppliers,
      eligibleNow,
      eligibleAfter,
      gained,
      lost,
      totalLimitNow: fen(totalNow),
      totalLimitAfter: fen(totalAfter),
      byRule: names.map((rule) => {
        const i = rulesNow.findIndex((r) => r.name === rule);
        const j = rulesAfter.findIndex((r) => r.name === rule);
        return { rule, failingNow: i >= 0 ? failingNow[i] : null, failingAfter: j >= 0 ? failingAfter[j] : null };
      }),
      sample,
    };
  }

  // ---------- blacklist ----------

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
        const o = await this.screenSupplier(m, supplierId, p);
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
