import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ClockService } from '../clock/clock.service.js';
import { moneyOfFen } from '../common/money.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { sql } from '../database/sql.js';
import { JobsService } from '../jobs/jobs.service.js';
import { StoredRosterReader } from '../rosters/import/stored-roster.js';
import { RosterFileError } from '../rosters/parsing/reader.js';
import { RosterTempFiles } from '../rosters/temp-files.js';
import { compileTerms } from '../servicing/engine.js';
import type { LoanTerms } from '../servicing/scenario.js';
import { loadState, type StoredLoanState } from '../servicing/servicing-row.js';
import { allocateSupplier, supplierRatio, type ServicedLoan } from './allocate.js';
import { SettlementFileCheck, type SettlementProblem, type SettlementRow } from './settlement-file.js';

export const SETTLEMENT_COMPUTE_QUEUE = 'settlement-compute';
/** Rows per INSERT: a 200,000-row settlement would otherwise send arrays of 200,000 in one message. */
const WRITE_CHUNK = 20_000;
/** The row-level report GET /settlements/:id answers; problemCount counts them all. */
const MAX_LISTED_PROBLEMS = 1000;

export interface ComputeJob {
  settlementId: string;
  /** The settlement's compute_seq when queued: a job of an earlier (re)compute writes nothing. */
  seq: number;
}

interface LoanRow {
  loan_application_id: string;
  supplier_id: string;
  terms: LoanTerms;
  state: StoredLoanState;
  digest: string;
  ratio: string;
  prepay: boolean;
}

interface Line {
  row: number;
  supplierCode: string;
  supplierId: string | null;
  period: string | null;
  payable: bigint;
  deduction: bigint;
  allocations: { loanApplicationId: string; penalty: string; interest: string; principal: string; prepay: boolean }[];
  note: string | null;
}

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
 * engine on the servicing states as they are now. Nothing is posted: the lines and a digest of every
 * loan state read are saved, for the staff's confirmation to post and to check nothing moved since.
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
    this.reader = new StoredRosterReader(dataSource, tempFiles, config.roster, { table: 'settlement_files', key: 'settlement_id' });
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
      const rows = await this.readRows(settlementId, s.file_type);
      const today = await this.clock.today(this.config.businessTimeZone);
      const { lines, loans } = await this.price(s.core_enterprise_id, rows, today);
      await this.save(settlementId, seq, today, lines, loans);
      this.logger.log({ settlementId, rows: rows.length }, 'settlement computed');
    } catch (err) {
      if (err instanceof ComputeFailure) {
        await this.fail(settlementId, seq, err.code, err.message, err.problems, err.problemCount);
        return;
      }
      this.logger.error({ err, settlementId }, 'settlement computation failed');
      await this.fail(settlementId, seq, 'COMPUTE_ERROR', 'An unexpected error stopped the computation; nothing was posted. Recompute it.');
    }
  }

  private async readRows(settlementId: string, fileType: 'csv' | 'xlsx'): Promise<SettlementRow[]> {
    const check = new SettlementFileCheck(MAX_LISTED_PROBLEMS);
    try {
      for await (const record of this.reader.records(settlementId, fileType)) {
        if (record.kind === 'header') check.header(record.cells, record.rowNumber);
        else if (check.headerSeen) check.row(record.cells, record.rowNumber);
      }
      check.finish();
    } catch (err) {
      if (!(err instanceof RosterFileError)) throw err;
      check.problem({ row: null, field: null, code: err.code, message: err.message });
    }
    if (check.problemCount) {
      throw new ComputeFailure(
        'INVALID_FILE',
        `The file has ${check.problemCount} problem(s); nothing was computed. Correct them and upload it again.`,
        check.problems,
        check.problemCount,
      );
    }
    return check.rows;
  }

  /** Each row's line, and the digest of every loan state read (what confirmation compares). */
  private async price(coreEnterpriseId: string, rows: SettlementRow[], today: string) {
    const m = this.dataSource.manager;
    const suppliers = await sql<{ id: string; supplier_code: string }>(
      m,
      `SELECT id, supplier_code FROM suppliers WHERE core_enterprise_id = $1 AND supplier_code = ANY($2::text[])`,
      [coreEnterpriseId, rows.map((r) => r.supplierCode)],
    );
    const supplierOf = new Map(suppliers.rows.map((r) => [r.supplier_code, r.id]));
    const loanRows = await sql<LoanRow>(
      m,
      `SELECT ls.loan_application_id, ls.supplier_id, ls.terms, ls.state, md5(ls.state::text) AS digest,
              p.settlement_deduction_ratio::text AS ratio, p.prepay_from_settlement AS prepay
         FROM loan_servicing ls JOIN programmes p ON p.id = ls.programme_id
        WHERE ls.core_enterprise_id = $1 AND ls.status = 'DISBURSED' AND ls.supplier_id = ANY($2::uuid[])`,
      [coreEnterpriseId, suppliers.rows.map((r) => r.id)],
    );
    const loansOf = new Map<string, { loans: ServicedLoan[]; ratios: string[] }>();
    for (const r of loanRows.rows) {
      let group = loansOf.get(r.supplier_id);
      if (!group) loansOf.set(r.supplier_id, (group = { loans: [], ratios: [] }));
      group.loans.push({ loanId: r.loan_application_id, state: loadState(r.state), terms: compileTerms(r.terms), prepay: r.prepay });
      group.ratios.push(r.ratio);
    }

    const lines: Line[] = [];
    const behind: SettlementProblem[] = [];
    for (const row of rows) {
      const supplierId = supplierOf.get(row.supplierCode) ?? null;
      const base = { row: row.row, supplierCode: row.supplierCode, supplierId, period: row.period, payable: row.payableFen };
      const group = supplierId ? loansOf.get(supplierId) : undefined;
      if (!supplierId || !group) {
        lines.push({ ...base, deduction: 0n, allocations: [], note: supplierId ? 'NO_OPEN_LOAN' : 'UNKNOWN_SUPPLIER_CODE' });
        continue;
      }
      const priced = allocateSupplier(row.payableFen, supplierRatio(group.ratios), group.loans, today);
      if (priced.cobPending) {
        behind.push({
          row: row.row,
          field: null,
          code: 'COB_PENDING',
          message: `The end of day has not run for every date before ${today} for loan(s) ${priced.loanIds.join(', ')}`,
        });
        continue;
      }
      lines.push({
        ...base,
        deduction: priced.deduction,
        allocations: priced.allocations.map((a) => ({
          loanApplicationId: a.loanApplicationId,
          penalty: moneyOfFen(a.penalty),
          interest: moneyOfFen(a.interest),
          principal: moneyOfFen(a.principal),
          prepay: a.prepay,
        })),
        note: priced.deduction === 0n ? 'NOTHING_DUE' : null,
      });
    }
    if (behind.length) {
      throw new ComputeFailure(
        'COB_PENDING',
        'The end of day is behind for loans of this settlement; compute it again once COB has caught up.',
        behind.slice(0, MAX_LISTED_PROBLEMS),
        behind.length,
      );
    }
    return { lines, loans: loanRows.rows.map((r) => ({ id: r.loan_application_id, digest: r.digest })) };
  }

  private async save(settlementId: string, seq: number, today: string, lines: Line[], loans: { id: string; digest: string }[]) {
    await this.dataSource.transaction(async (m) => {
      const locked = await sql<{ status: string; compute_seq: number }>(
        m,
        `SELECT status, compute_seq FROM settlements WHERE id = $1 FOR UPDATE`,
        [settlementId],
      );
      if (locked.rows[0]?.status !== 'QUEUED' || locked.rows[0].compute_seq !== seq) return;
      await sql(m, `DELETE FROM settlement_lines WHERE settlement_id = $1`, [settlementId]);
      await sql(m, `DELETE FROM settlement_loans WHERE settlement_id = $1`, [settlementId]);
      for (let at = 0; at < lines.length; at += WRITE_CHUNK) {
        const chunk = lines.slice(at, at + WRITE_CHUNK);
        await sql(
          m,
          `INSERT INTO settlement_lines (settlement_id, row, supplier_code, supplier_id, period, payable, deduction, net_payable, allocations, note)
           SELECT $1, l.row, l.code, l.supplier, l.period, l.payable, l.deduction, l.payable - l.deduction, l.allocations, l.note
             FROM unnest($2::int[], $3::text[], $4::uuid[], $5::text[], $6::numeric[], $7::numeric[], $8::jsonb[], $9::text[])
                  AS l(row, code, supplier, period, payable, deduction, allocations, note)`,
          [
            settlementId,
            chunk.map((l) => l.row),
            chunk.map((l) => l.supplierCode),
            chunk.map((l) => l.supplierId),
            chunk.map((l) => l.period),
            chunk.map((l) => moneyOfFen(l.payable)),
            chunk.map((l) => moneyOfFen(l.deduction)),
            chunk.map((l) => JSON.stringify(l.allocations)),
            chunk.map((l) => l.note),
          ],
        );
      }
      for (let at = 0; at < loans.length; at += WRITE_CHUNK) {
        const chunk = loans.slice(at, at + WRITE_CHUNK);
        await sql(
          m,
          `INSERT INTO settlement_loans (settlement_id, loan_application_id, state_digest)
           SELECT $1, l.id, l.digest FROM unnest($2::uuid[], $3::text[]) AS l(id, digest)`,
          [settlementId, chunk.map((l) => l.id), chunk.map((l) => l.digest)],
        );
      }
      let payable = 0n;
      let deduction = 0n;
      let matched = 0;
      for (const l of lines) {
        payable += l.payable;
        deduction += l.deduction;
        if (l.supplierId) matched++;
      }
      await sql(
        m,
        `UPDATE settlements SET status = 'COMPUTED', business_date = $2, rows = $3, matched_rows = $4, total_payable = $5, total_deduction = $6,
                failure_code = NULL, failure_message = NULL, problems = '[]', problem_count = 0, computed_at = clock_timestamp(), updated_at = now()
          WHERE id = $1`,
        [settlementId, today, lines.length, matched, moneyOfFen(payable), moneyOfFen(deduction)],
      );
    });
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
