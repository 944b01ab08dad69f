import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ClockService } from '../clock/clock.service.js';
import { moneyOfFen } from '../common/money.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { copyRow, CopyWriter, discardConnection } from '../database/copy.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { StoredRosterReader } from '../rosters/import/stored-roster.js';
import { SETTLEMENT_FILES } from './settlement-upload.js';
import { RosterFileError } from '../rosters/parsing/reader.js';
import { RosterTempFiles } from '../rosters/temp-files.js';
import { compileTerms } from '../servicing/engine.js';
import type { LoanTerms } from '../servicing/scenario.js';
import {
  PREPARED_COLUMNS,
  preparedCells,
  prepareRepayment,
  type PreparedLoan,
  type PreparedRepayment,
} from '../servicing/prepared-repayment.js';
import { loadState, type StoredLoanState } from '../servicing/servicing-row.js';
import { allocateSupplier, supplierRatio, type ServicedLoan } from './allocate.js';
import { SettlementFileCheck, type SettlementProblem, type SettlementRow } from './settlement-file.js';

export const SETTLEMENT_COMPUTE_QUEUE = 'settlement-compute';
/** Rows priced and written together: enough for few statements, few enough to keep memory flat. */
const PRICE_CHUNK = 5000;
/** The row-level report GET /settlements/:id answers; problemCount counts them all. */
const MAX_LISTED_PROBLEMS = 1000;

export interface ComputeJob {
  settlementId: string;
  /** The settlement's compute_seq when queued: a job of an earlier (re)compute writes nothing. */
  seq: number;
}

interface LoanRow extends PreparedLoan {
  terms: LoanTerms;
  state: StoredLoanState;
  /** The row version read (its xmin): confirmation posts only onto this version. */
  version: string;
  ratio: string;
  prepay: boolean;
}

interface ChunkLoans {
  suppliers: { id: string; supplier_code: string }[];
  loans: LoanRow[];
}

/** A priced chunk in COPY text: its settlement lines and the loans it read. */
interface ChunkCopy {
  lines: string;
  loans: string;
}

interface StoredAllocation {
  loanApplicationId: string;
  penalty: string;
  interest: string;
  principal: string;
  prepay: boolean;
}

interface Job {
  settlementId: string;
  seq: number;
  coreEnterpriseId: string;
  fileType: 'csv' | 'xlsx';
  today: string;
}

const LINE_COPY = `COPY settlement_lines (settlement_id, core_enterprise_id, row, supplier_code, supplier_id, period, payable, deduction, net_payable, allocations, note)
  FROM STDIN`;
/** Each loan read, and the repayment its allocation makes of it: servicing's PREPARED_COLUMNS (without one, null but for its id and core enterprise). */
const LOAN_COPY = `COPY settlement_loans (settlement_id, read_version, loan_application_id, supplier_id, programme_id, core_enterprise_id, penalty,
  interest, principal, next_state, next_status, next_principal_outstanding, next_dpd, next_overdue, next_classification, freed_amount,
  freed_guaranteed) FROM STDIN`;
/** A loan without one: its id and core enterprise (every row carries the tenant key), the rest null. */
const NO_REPAYMENT = PREPARED_COLUMNS.slice(4).map(() => null);

/** Why a settlement failed to compute; its problems are the row-level report. */
class ComputeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: SettlementProblem[] = [],
    readonly problemCount = problems.length,
  ) {
    super(message);
  }
}

/**
 * Computes a settlement in the background: reads its stored file with the roster reader, checks
 * every row (any bad row fails the whole file), and prices each supplier's deduction with the
 * engine on the servicing states as they are now. Nothing is posted: the lines, the version of every
 * loan state read and the repayment each allocation makes of its loan are saved, for the staff's
 * confirmation to post as they are once it has checked that no loan moved since.
 */
@Injectable()
export class SettlementComputeProcessor implements OnModuleInit {
  private readonly logger = new Logger('SettlementCompute');
  private readonly reader: StoredRosterReader;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly clock: ClockService,
    tempFiles: RosterTempFiles,
  ) {
    this.reader = new StoredRosterReader(dataSource, tempFiles, config.roster, SETTLEMENT_FILES);
  }

  onModuleInit(): void {
    this.jobs.define<ComputeJob>({
      name: SETTLEMENT_COMPUTE_QUEUE,
      concurrency: 1,
      expireInSeconds: 30 * 60,
      maxRetries: 2,
      handle: (data) => this.run(data.settlementId, data.seq),
    });
  }

  async run(settlementId: string, seq: number): Promise<void> {
    const current = await sql<{ status: string; core_enterprise_id: string; file_type: 'csv' | 'xlsx'; compute_seq: number }>(
      this.dataSource.manager,
      `SELECT status, core_enterprise_id, file_type, compute_seq FROM settlements WHERE id = $1`,
      [settlementId],
    );
    const s = current.rows[0];
    if (!s || s.status !== 'QUEUED' || s.compute_seq !== seq) return;
    try {
      const today = await this.clock.today(this.config.businessTimeZone);
      const rows = await this.compute({ settlementId, seq, coreEnterpriseId: s.core_enterprise_id, fileType: s.file_type, today });
      this.logger.log({ settlementId, rows }, 'settlement computed');
    } catch (err) {
      if (err instanceof ComputeFailure) {
        await this.fail(settlementId, seq, err.code, err.message, err.problems, err.problemCount);
        return;
      }
      this.logger.error({ err, settlementId }, 'settlement computation failed');
      await this.fail(settlementId, seq, 'COMPUTE_ERROR', 'An unexpected error stopped the computation; nothing was posted. Recompute it.');
    }
  }

  /**
   * Reads, checks and prices the file in chunks of rows, writing each chunk's lines as it goes in a
   * transaction that commits only if the whole file was good and no loan's COB was behind: a large
   * file is never held in memory, neither are its loans.
   *
   * Three things overlap, one chunk apart: the loans of the next chunk are read on a connection of
   * their own, this chunk is priced here, and the chunk before is copied in by the transaction's
   * connection. Reading outside the transaction changes nothing: each statement read committed states
   * either way, and confirmation compares every state read with the one it locks.
   */
  private async compute(job: Job): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    const loader = this.dataSource.createQueryRunner();
    await runner.connect();
    await loader.connect();
    const run = new ComputeRun(job, new SettlementFileCheck(MAX_LISTED_PROBLEMS));
    let copied: Promise<void> = Promise.resolve();
    let lastRead: Promise<unknown> = Promise.resolve();
    try {
      await runner.startTransaction();
      await sql(runner.manager, `DELETE FROM settlement_lines WHERE settlement_id = $1`, [job.settlementId]);
      await sql(runner.manager, `DELETE FROM settlement_loans WHERE settlement_id = $1`, [job.settlementId]);
      let pending: SettlementRow[] = [];
      let loading: { rows: SettlementRow[]; loans: Promise<ChunkLoans> } | undefined;
      const priceLoaded = async () => {
        const chunk = loading;
        loading = undefined;
        if (!chunk) return;
        const loans = await chunk.loans;
        // a bad row fails the whole file: what follows is only read for its problems
        if (run.check.problemCount) return;
        const copy = this.priceChunk(run, chunk.rows, loans);
        await copied;
        if (copy) {
          copied = this.copy(runner, run, copy);
          // awaited before the next COPY or the commit; handled now so that a failure waits for that
          copied.catch(() => undefined);
        }
      };
      const flush = async () => {
        const rows = pending;
        pending = [];
        if (!rows.length || run.check.problemCount) return;
        const loans = (lastRead = this.loadChunk(loader.manager, job, rows));
        // awaited by priceLoaded, or left behind by a failure that is reported instead
        loans.catch(() => undefined);
        await priceLoaded();
        loading = { rows, loans };
      };
      const { check } = run;
      try {
        for await (const record of this.reader.records(job.settlementId, job.fileType)) {
          if (record.kind === 'header') check.header(record.cells, record.rowNumber);
          else if (check.headerSeen) {
            check.row(record.cells, record.rowNumber);
            for (const row of check.takeRows()) pending.push(row);
            if (pending.length >= PRICE_CHUNK) await flush();
          }
        }
        check.finish();
      } catch (err) {
        if (!(err instanceof RosterFileError)) throw err;
        check.problem({ row: null, field: null, code: err.code, message: err.message });
      }
      await flush();
      await priceLoaded();
      await copied;
      run.throwIfFailed();
      if (!(await this.saveTotals(runner.manager, run))) {
        await runner.rollbackTransaction();
        return run.lines;
      }
      await runner.commitTransaction();
      return run.lines;
    } catch (e) {
      // a COPY still running fails on its own; wait for it so that the connection is idle or known broken
      await copied.catch(() => undefined);
      if (runner.isTransactionActive && !run.copying) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      // the loader's reads run one after another: once the last is over, its connection is idle
      await lastRead.catch(() => undefined);
      await loader.release();
      // a connection left in the middle of a COPY would hang its next query
      if (run.copying) await discardConnection(runner);
      else await runner.release();
    }
  }

  /** The suppliers of a chunk's codes and their open loans, with the version of each row read (what confirmation compares). */
  private async loadChunk(m: EntityManager, job: Job, rows: SettlementRow[]): Promise<ChunkLoans> {
    const suppliers = await sql<{ id: string; supplier_code: string }>(
      m,
      `SELECT id, supplier_code FROM suppliers WHERE core_enterprise_id = $1 AND supplier_code = ANY($2::text[])`,
      [job.coreEnterpriseId, rows.map((r) => r.supplierCode)],
    );
    const loans = await sql<LoanRow>(
      m,
      `SELECT ls.loan_application_id, ls.supplier_id, ls.programme_id, ls.core_enterprise_id, la.amount::text, la.guaranteed_amount::text,
              ls.terms, ls.state,
              ls.xmin::text AS version, p.settlement_deduction_ratio::text AS ratio, p.prepay_from_settlement AS prepay
         FROM loan_servicing ls JOIN programmes p ON p.id = ls.programme_id JOIN loan_applications la ON la.id = ls.loan_application_id
        WHERE ls.core_enterprise_id = $1 AND ls.status = 'DISBURSED' AND ls.supplier_id = ANY($2::uuid[])`,
      [job.coreEnterpriseId, suppliers.rows.map((r) => r.id)],
    );
    return { suppliers: suppliers.rows, loans: loans.rows };
  }

  /** Each row's line and each loan's prepared repayment, in COPY text; nothing when a loan's COB is behind. */
  private priceChunk(run: ComputeRun, rows: SettlementRow[], read: ChunkLoans): ChunkCopy | null {
    const { today, settlementId, coreEnterpriseId } = run.job;
    const supplierOf = new Map(read.suppliers.map((r) => [r.supplier_code, r.id]));
    const loansOf = new Map<string, { loans: ServicedLoan[]; ratios: string[] }>();
    const loanOf = new Map<string, { row: LoanRow; loan: ServicedLoan }>();
    for (const r of read.loans) {
      let group = loansOf.get(r.supplier_id);
      if (!group) loansOf.set(r.supplier_id, (group = { loans: [], ratios: [] }));
      const loan = { loanId: r.loan_application_id, state: loadState(r.state), terms: compileTerms(r.terms), prepay: r.prepay };
      group.loans.push(loan);
      group.ratios.push(r.ratio);
      loanOf.set(r.loan_application_id, { row: r, loan });
    }
    const prepared = new Map<string, PreparedRepayment>();

    let lines = '';
    for (const row of rows) {
      const supplierId = supplierOf.get(row.supplierCode) ?? null;
      const group = supplierId ? loansOf.get(supplierId) : undefined;
      let deduction = 0n;
      let allocations: StoredAllocation[] = [];
      let note: string | null;
      if (!supplierId || !group) note = supplierId ? 'NO_OPEN_LOAN' : 'UNKNOWN_SUPPLIER_CODE';
      else {
        const priced = allocateSupplier(row.payableFen, supplierRatio(group.ratios), group.loans, today);
        if (priced.cobPending) {
          run.behind({
            row: row.row,
            field: null,
            code: 'COB_PENDING',
            message: `The end of day has not run for every date before ${today} for loan(s) ${priced.loanIds.join(', ')}`,
          });
          continue;
        }
        deduction = priced.deduction;
        for (const a of priced.allocations) {
          const { row, loan } = loanOf.get(a.loanApplicationId)!;
          prepared.set(a.loanApplicationId, prepareRepayment(row, loan.state, { state: a.state, allocation: a }, loan.terms, today));
        }
        allocations = priced.allocations.map((a) => ({
          loanApplicationId: a.loanApplicationId,
          penalty: moneyOfFen(a.penalty),
          interest: moneyOfFen(a.interest),
          principal: moneyOfFen(a.principal),
          prepay: a.prepay,
        }));
        note = deduction === 0n ? 'NOTHING_DUE' : null;
      }
      run.count(row.payableFen, deduction, supplierId !== null);
      lines += copyRow([
        settlementId,
        coreEnterpriseId,
        row.row,
        row.supplierCode,
        supplierId,
        row.period,
        moneyOfFen(row.payableFen),
        moneyOfFen(deduction),
        moneyOfFen(row.payableFen - deduction),
        JSON.stringify(allocations),
        note,
      ]);
    }
    if (run.failed) return null;
    let loans = '';
    for (const r of read.loans) {
      const repayment = prepared.get(r.loan_application_id);
      loans += copyRow([
        settlementId,
        r.version,
        ...(repayment ? preparedCells(repayment) : [r.loan_application_id, null, null, coreEnterpriseId, ...NO_REPAYMENT]),
      ]);
    }
    return { lines, loans };
  }

  /** Both COPYs of a chunk, on the transaction's connection; answers when PostgreSQL has taken them. */
  private async copy(runner: QueryRunner, run: ComputeRun, chunk: ChunkCopy): Promise<void> {
    run.copying = true;
    for (const [statement, text] of [
      [LINE_COPY, chunk.lines],
      [LOAN_COPY, chunk.loans],
    ]) {
      const copy = new CopyWriter(runner, statement);
      try {
        await copy.endWith(text);
      } catch (e) {
        copy.abort();
        throw e;
      }
    }
    run.copying = false;
  }

  /** Marks the settlement COMPUTED unless a recompute or another run of the job got there first. */
  private async saveTotals(m: EntityManager, run: ComputeRun): Promise<boolean> {
    const { settlementId, seq, today } = run.job;
    const locked = await sql<{ status: string; compute_seq: number }>(
      m,
      `SELECT status, compute_seq FROM settlements WHERE id = $1 FOR UPDATE`,
      [settlementId],
    );
    if (locked.rows[0]?.status !== 'QUEUED' || locked.rows[0].compute_seq !== seq) return false;
    await sql(
      m,
      `UPDATE settlements SET status = 'COMPUTED', business_date = $2, rows = $3, matched_rows = $4, total_payable = $5, total_deduction = $6,
              failure_code = NULL, failure_message = NULL, problems = '[]', problem_count = 0, computed_at = clock_timestamp(), updated_at = now()
        WHERE id = $1`,
      [settlementId, today, run.lines, run.matched, moneyOfFen(run.payable), moneyOfFen(run.deduction)],
    );
    return true;
  }

  private async fail(settlementId: string, seq: number, code: string, message: string, problems: SettlementProblem[] = [], count = 0) {
    await sql(
      this.dataSource.manager,
      `UPDATE settlements SET status = 'FAILED', failure_code = $3, failure_message = $4, problems = $5, problem_count = $6,
              computed_at = clock_timestamp(), updated_at = now()
        WHERE id = $1 AND status = 'QUEUED' AND compute_seq = $2`,
      [settlementId, seq, code, message, JSON.stringify(problems), count],
    );
  }
}

/** What a computation has gathered so far: totals of the lines written, and the rows whose COB is behind. */
class ComputeRun {
  lines = 0;
  matched = 0;
  payable = 0n;
  deduction = 0n;
  copying = false;
  private readonly behindRows: SettlementProblem[] = [];
  private behindCount = 0;

  constructor(
    readonly job: Job,
    readonly check: SettlementFileCheck,
  ) {}

  get failed(): boolean {
    return this.check.problemCount > 0 || this.behindCount > 0;
  }

  count(payable: bigint, deduction: bigint, matched: boolean): void {
    this.lines++;
    this.payable += payable;
    this.deduction += deduction;
    if (matched) this.matched++;
  }

  behind(problem: SettlementProblem): void {
    this.behindCount++;
    if (this.behindRows.length < MAX_LISTED_PROBLEMS) this.behindRows.push(problem);
  }

  /** A bad file first (its rows were not all priced), then loans whose COB is behind. */
  throwIfFailed(): void {
    const { check } = this;
    if (check.problemCount) {
      throw new ComputeFailure(
        'INVALID_FILE',
        `The file has ${check.problemCount} problem(s); nothing was computed. Correct them and upload it again.`,
        check.problems,
        check.problemCount,
      );
    }
    if (this.behindCount) {
      throw new ComputeFailure(
        'COB_PENDING',
        'The end of day is behind for loans of this settlement; compute it again once COB has caught up.',
        this.behindRows,
        this.behindCount,
      );
    }
  }
}
