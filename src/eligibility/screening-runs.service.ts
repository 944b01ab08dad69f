import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, resource } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { ClockService } from '../clock/clock.service.js';
import { notFound } from '../common/errors.js';
import { CopyWriter, copyRow, textArrayLiteral } from '../database/copy.js';
import { pageOf } from '../database/paging.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ProgrammesService, type ProgrammeRecord } from '../programmes/programmes.service.js';
import { RosterImportProcessor } from '../rosters/roster-import.processor.js';
import { CounterpartiesService } from '../counterparties/counterparties.service.js';
import { screeningSchemaOf } from './screening-schema.js';
import { compileRules, failedRuleNames } from './evaluator.js';
import { factsOf } from './facts.js';
import { compileFormula } from './limit.js';
import { screeningRunStateMachine, type ScreeningRunStatus } from './screening-run-state.js';
import { SupplierScreeningService } from './supplier-screening.service.js';
import { REPLACE_RESULT, factPages, lockProgrammeScreening, sourceOf, withoutJit } from './screening-source.js';

export const SCREENING_QUEUE = 'eligibility-screening';
/** Above this many stale results in one programme, the overdue re-screen queues a whole run. */
const OVERDUE_RESCREEN_ONE_BY_ONE = 200;
/** Screening results are kept as bytes in blocks of about this many characters until they are written. */
const BLOCK_CHARS = 64 * 1024;
export const SCREENING_RUN = resource('Screening run', 'screening_runs');

function runView(run: Record<string, unknown>) {
  return {
    jobId: run.id as string,
    programmeId: run.programme_id as string,
    trigger: run.trigger as string,
    status: run.status as ScreeningRunStatus,
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
 * Background re-screening of a whole programme: runs are queued on request or by a roster import,
 * and the job screens every supplier of the programme's core enterprise with its current ruleset.
 */
@Injectable()
export class ScreeningRunsService implements OnModuleInit {
  private readonly logger = new Logger('Eligibility');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly jobs: JobsService,
    private readonly programmes: ProgrammesService,
    private readonly audit: AuditService,
    private readonly rosterImports: RosterImportProcessor,
    private readonly clock: ClockService,
    private readonly suppliers: SupplierScreeningService,
    private readonly counterparties: CounterpartiesService,
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

  async requestRescreen(actor: Actor, programmeId: string): Promise<{ jobId: string; status: ScreeningRunStatus; programmeId: string }> {
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
      return { jobId: runId, status: 'QUEUED' as const, programmeId };
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

  /**
   * Re-screens every stored result whose `hasOverdueLoan` fact no longer says what loan_servicing
   * says (the end of day made a loan overdue, or a repayment cured it), so that explanations and
   * rules on the fact follow the loans. Both sides are read through partial indexes on the overdue
   * few, so asking after every COB date costs next to nothing when nothing changed. A few results
   * are screened here one by one; a programme with many (a whole roster's loans fell due on one date)
   * gets a screening run through the queue instead, the set-based path that screens 200,000
   * suppliers in seconds where one transaction per supplier took minutes. The freeze itself never
   * waits for either: approvals ask loan_servicing directly.
   */
  async rescreenOverdueChanges(): Promise<{ suppliers: number; programmesQueued: number }> {
    const stale = await sql<{ supplier_id: string; programme_id: string }>(
      this.dataSource.manager,
      `WITH live AS (SELECT DISTINCT supplier_id FROM loan_servicing WHERE status = 'DISBURSED' AND overdue)
       SELECT r.supplier_id, r.programme_id FROM screening_results r JOIN live USING (supplier_id)
        WHERE (r.facts ->> 'hasOverdueLoan') IS DISTINCT FROM 'true'
       UNION
       SELECT r.supplier_id, r.programme_id FROM screening_results r
        WHERE (r.facts ->> 'hasOverdueLoan') = 'true' AND r.supplier_id NOT IN (SELECT supplier_id FROM live)
       ORDER BY 2, 1`,
    );
    const byProgramme = new Map<string, string[]>();
    for (const row of stale.rows) {
      const ids = byProgramme.get(row.programme_id);
      if (ids) ids.push(row.supplier_id);
      else byProgramme.set(row.programme_id, [row.supplier_id]);
    }
    let programmesQueued = 0;
    for (const [programmeId, supplierIds] of byProgramme) {
      const programme = await this.programmes.find(programmeId);
      if (!programme) continue;
      if (supplierIds.length > OVERDUE_RESCREEN_ONE_BY_ONE) {
        programmesQueued += await this.dataSource.transaction(async (m) => {
          const queued = await sql(m, `SELECT 1 FROM screening_runs WHERE programme_id = $1 AND status = 'QUEUED'`, [programmeId]);
          if (queued.rowCount) return 0;
          await this.queueRun(m, programme, 'OVERDUE_CHANGE', 'cob');
          return 1;
        });
        continue;
      }
      for (const supplierId of supplierIds)
        await this.dataSource.transaction((m) => this.suppliers.screenSupplier(m, supplierId, programme));
    }
    if (programmesQueued) this.jobs.notify(SCREENING_QUEUE);
    return { suppliers: stale.rows.length, programmesQueued };
  }

  async getRun(actor: Actor, runId: string) {
    await this.access.requireAccess(actor, SCREENING_RUN, runId);
    const r = await sql<Record<string, unknown>>(this.dataSource.manager, `SELECT * FROM screening_runs WHERE id = $1`, [runId]);
    if (!r.rows[0]) throw notFound(SCREENING_RUN.what, runId);
    return runView(r.rows[0]);
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

  async runScreening(runId: string): Promise<void> {
    const claimed = await sql<{ programme_id: string }>(
      this.dataSource.manager,
      `UPDATE screening_runs SET status = 'RUNNING', started_at = now() WHERE id = $1 AND status = ANY($2::text[]) RETURNING programme_id`,
      [runId, screeningRunStateMachine.sourcesOf('RUNNING')],
    );
    if (!claimed.rowCount) return;
    try {
      const programme = await this.programmes.find(claimed.rows[0].programme_id);
      if (!programme) throw new Error('programme vanished');
      const outcome = await this.screenProgramme(programme);
      await sql(
        this.dataSource.manager,
        `UPDATE screening_runs SET status = 'COMPLETED', ruleset_version = $2, suppliers = $3, eligible = $4, finished_at = now()
          WHERE id = $1 AND status = ANY($5::text[])`,
        [runId, outcome.rulesetVersion, outcome.suppliers, outcome.eligible, screeningRunStateMachine.sourcesOf('COMPLETED')],
      );
    } catch (err) {
      this.logger.error({ err, runId }, 'screening run failed');
      await sql(
        this.dataSource.manager,
        `UPDATE screening_runs SET status = 'FAILED', failure_message = $2, finished_at = now() WHERE id = $1 AND status = ANY($3::text[])`,
        [
          runId,
          'The screening stopped on an unexpected error; earlier results are unchanged. Request it again.',
          screeningRunStateMachine.sourcesOf('FAILED'),
        ],
      );
    }
  }

  /**
   * Screens every supplier of the programme's core enterprise with the current ruleset, in one
   * transaction: facts are read page by page on one connection, evaluated here, and each page's
   * results written on another through COPY and one upsert while the next page is evaluated. Written
   * once at the end, the upsert of 1,000,000 results came after all the evaluation instead of beside
   * it, and its stage spilled to disk.
   */
  private async screenProgramme(
    programme: ProgrammeRecord,
  ): Promise<{ suppliers: number; eligible: number; rulesetVersion: number; seconds: number }> {
    const started = process.hrtime.bigint();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // re-read under the lock: a PATCH may have made a new ruleset since the job was queued
      await lockProgrammeScreening(runner.manager, programme.id);
      await withoutJit(runner.manager);
      const p = (await this.programmes.find(programme.id, runner.manager))!;
      const date = await this.clock.today(p.timeZone, runner.manager);
      const schema = await screeningSchemaOf(this.counterparties, runner.manager, p);
      const rules = compileRules(p.eligibilityRules, schema.catalog);
      const limit = compileFormula(p.limitFormula, schema.catalog);
      await sql(
        runner.manager,
        `CREATE TEMP TABLE screening_stage (supplier_id uuid, eligible boolean, credit_limit numeric(18,2), failed_rules text[], facts jsonb) ON COMMIT DROP`,
      );
      const write = async (blocks: Buffer[]) => {
        const copy = new CopyWriter(runner, `COPY screening_stage FROM STDIN`);
        for (const b of blocks) await copy.writeBytes(b);
        await copy.end();
        await sql(
          runner.manager,
          `INSERT INTO screening_results AS r (supplier_id, programme_id, core_enterprise_id, ruleset_version, evaluation_date, evaluated_at,
                                               eligible, credit_limit, failed_rules, facts)
           SELECT supplier_id, $1, $2, $3, $4, now(), eligible, credit_limit, failed_rules, facts FROM screening_stage
           ${REPLACE_RESULT}`,
          [p.id, p.coreEnterpriseId, p.rulesetVersion, date],
        );
        await sql(runner.manager, `TRUNCATE screening_stage`);
      };
      // The facts are read on another connection, in a transaction of its own for its setting.
      const reader = this.dataSource.createQueryRunner();
      await reader.connect();
      let suppliers = 0;
      let eligible = 0;
      let writing: Promise<void> = Promise.resolve();
      try {
        await reader.startTransaction();
        await withoutJit(reader.manager);
        for await (const page of factPages(reader, p.coreEnterpriseId, schema.role, schema.attributes.keys)) {
          // The page's lines wait for the previous page's write as bytes, not strings: strings kept that
          // long outlive the young generation, and the old one grew to 500 MiB before it was collected.
          const blocks: Buffer[] = [];
          let block = '';
          for (const row of page) {
            const facts = factsOf(sourceOf(row), date, schema.attributes);
            const s = rules(facts);
            suppliers++;
            if (s.eligible) eligible++;
            const failed = failedRuleNames(p.eligibilityRules, s);
            block += copyRow([row[0], s.eligible, limit(facts, s.eligible), textArrayLiteral(failed), JSON.stringify(facts)]);
            if (block.length >= BLOCK_CHARS) {
              blocks.push(Buffer.from(block));
              block = '';
            }
          }
          blocks.push(Buffer.from(block));
          await writing;
          writing = write(blocks);
          // thrown where it is awaited, not as an unhandled rejection while the next page is evaluated
          writing.catch(() => undefined);
        }
        await writing;
        await reader.commitTransaction();
      } catch (e) {
        // the page being written, if any, ends before the transaction is rolled back
        await writing.catch(() => undefined);
        await reader.rollbackTransaction().catch(() => undefined);
        throw e;
      } finally {
        await reader.release();
      }
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
}
