import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/access/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { ClockService } from '../clock/clock.service.js';
import { DomainError, notFound } from '../common/errors.js';
import { money, sumMoney } from '../common/money.js';
import { Page } from '../common/pagination.js';
import { UNIQUE_VIOLATION, pgCode, sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import { JobsService } from '../jobs/jobs.service.js';
import { LoanPaymentsService } from '../loans/loan-payments.service.js';
import type { LoanRow } from '../loans/loan-records.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import {
  batchView,
  DISBURSE_QUEUE,
  itemsOf,
  loadBatch,
  lockBatch,
  viewBatch,
  viewItemsOf,
  type BatchRow,
  type BatchView,
} from './disbursement-records.js';
import { assertBatchTransition, itemStateMachine, type BatchStatus } from './disbursement-state.js';
import { DisbursementErrors } from './disbursements.errors.js';
import { buildPain001 } from './iso20022/pain001.js';

const newId = (prefix: string, bytes: number) => prefix + randomBytes(bytes).toString('hex').toUpperCase();

/**
 * Disbursement batches: assembled by one officer, approved by another, executed once through the
 * payment channel (see DisbursementExecutor) or sent to the bank as a pain.001 file. What the bank
 * then says about each payment is DisbursementOutcomesService's.
 */
@Injectable()
export class DisbursementBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly loans: LoanPaymentsService,
    private readonly programmes: ProgrammesService,
    private readonly clock: ClockService,
  ) {}

  async create(actor: Actor, programmeId: string, loanIds?: string[]): Promise<BatchView> {
    const programme = await this.programmes.get(actor, programmeId);
    try {
      return await this.dataSource.transaction(async (m) => {
        let loans: LoanRow[];
        if (loanIds?.length) {
          const wanted = [...new Set(loanIds)];
          loans = await this.loans.lockMany(m, wanted);
          const found = new Set(loans.map((l) => l.id));
          const missing = wanted.filter((id) => !found.has(id));
          if (missing.length) throw notFound('Loan application', missing.join(', '));
          const foreign = loans.filter((l) => l.programme_id !== programmeId);
          if (foreign.length)
            throw new DomainError(
              DisbursementErrors.LOAN_NOT_IN_PROGRAMME,
              `Not in this programme: ${foreign.map((l) => l.id).join(', ')}`,
            );
          const notApproved = loans.filter((l) => l.status !== 'APPROVED');
          if (notApproved.length) {
            throw new DomainError(
              DisbursementErrors.LOAN_NOT_APPROVED,
              `Not APPROVED: ${notApproved.map((l) => `${l.id} (${l.status})`).join(', ')}`,
            );
          }
          const busy = await this.inOpenBatch(
            m,
            loans.map((l) => l.id),
          );
          if (busy.length) throw new DomainError(DisbursementErrors.LOAN_IN_OPEN_BATCH, `Already in an open batch: ${busy.join(', ')}`);
          await this.refuseBlacklisted(
            m,
            loans.map((l) => l.id),
          );
          for (const l of loans) await this.loans.reserveAgain(m, l);
        } else {
          const r = await sql<LoanRow>(
            m,
            `SELECT la.* FROM loan_applications la
              WHERE la.programme_id = $1 AND la.status = 'APPROVED'
                AND NOT EXISTS (SELECT 1 FROM disbursement_items i WHERE i.loan_application_id = la.id AND i.status IN ('PENDING', 'SENT'))
                AND NOT EXISTS (SELECT 1 FROM suppliers s WHERE s.id = la.supplier_id AND s.blacklisted)
              ORDER BY la.id FOR UPDATE OF la`,
            [programmeId],
          );
          loans = [];
          // a loan whose payment failed earlier must fit in its limits again; one that does not waits
          for (const l of r.rows) if (await this.loans.reserveAgain(m, l, { savepoint: true })) loans.push(l);
        }
        if (!loans.length)
          throw new DomainError(
            DisbursementErrors.NOTHING_TO_DISBURSE,
            `Programme ${programme.name} has no approved loans waiting for a batch`,
          );
        loans.sort((a, b) => (a.approved_at?.getTime() ?? 0) - (b.approved_at?.getTime() ?? 0) || a.id.localeCompare(b.id));

        const batch = await sql<{ id: string }>(
          m,
          `INSERT INTO disbursement_batches (programme_id, core_enterprise_id, status, message_id, created_by_id, created_by)
           VALUES ($1, $2, 'DRAFT', $3, $4, $5) RETURNING id`,
          [programmeId, programme.coreEnterpriseId, newId('CLB', 12), actor.id, actor.name],
        );
        const batchId = batch.rows[0].id;
        // the payee frozen at the loan's final approval, never the supplier row of the day
        await sql(
          m,
          `INSERT INTO disbursement_items (batch_id, core_enterprise_id, seq, loan_application_id, amount, creditor_name, creditor_account,
                                           creditor_bank, end_to_end_id, status)
           SELECT $1, la.core_enterprise_id, t.ord, la.id, la.amount, la.payee_name, la.payee_account, la.payee_bank, t.e2e, 'PENDING'
             FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS t(loan_id, e2e, ord)
             JOIN loan_applications la ON la.id = t.loan_id`,
          [batchId, loans.map((l) => l.id), loans.map(() => newId('CL', 16))],
        );
        await this.audit.record(m, actor, {
          action: 'DISBURSEMENT_BATCH_CREATED',
          entityType: 'DisbursementBatch',
          entityId: batchId,
          coreEnterpriseId: programme.coreEnterpriseId,
          after: { programmeId, items: loans.length, amount: sumMoney(loans.map((l) => l.amount)) },
        });
        return viewBatch(m, batchId);
      });
    } catch (e) {
      if (pgCode(e) === UNIQUE_VIOLATION)
        throw new DomainError(DisbursementErrors.LOAN_IN_OPEN_BATCH, 'A loan was put into another batch at the same moment; try again');
      throw e;
    }
  }

  async approve(actor: Actor, id: string): Promise<BatchView> {
    return this.dataSource.transaction(async (m) => {
      const b = await lockBatch(m, id);
      assertBatchTransition(b.status, 'APPROVED');
      if (b.created_by_id === actor.id)
        throw new DomainError(DisbursementErrors.MAKER_CHECKER_SAME_USER, 'You made this batch; another senior officer must approve it');
      await this.refuseBlacklisted(
        m,
        (await itemsOf(m, id)).map((i) => i.loan_application_id),
      );
      await sql(
        m,
        `UPDATE disbursement_batches SET status = 'APPROVED', approved_by_id = $2, approved_by = $3, approved_at = now(), updated_at = now() WHERE id = $1`,
        [id, actor.id, actor.name],
      );
      await this.audit.record(m, actor, {
        action: 'DISBURSEMENT_BATCH_APPROVED',
        entityType: 'DisbursementBatch',
        entityId: id,
        coreEnterpriseId: b.core_enterprise_id,
        before: { status: b.status },
        after: { status: 'APPROVED' },
      });
      return viewBatch(m, id);
    });
  }

  /** Starts paying. Safe to repeat: a batch already under way (or done) is answered as it stands. */
  async execute(actor: Actor, id: string): Promise<BatchView> {
    const view = await this.dataSource.transaction(async (m) => {
      const b = await lockBatch(m, id);
      if (b.status !== 'APPROVED' && b.status !== 'DRAFT') return viewBatch(m, id);
      assertBatchTransition(b.status, 'EXECUTING');
      await this.startExecuting(m, b, 'API', actor);
      await this.jobs.send(m, DISBURSE_QUEUE, { batchId: id });
      return viewBatch(m, id);
    });
    this.jobs.notify(DISBURSE_QUEUE);
    return view;
  }

  /**
   * The pain.001 file went to the bank outside the API: the batch is paid by file from now on, and
   * only pain.002 reports read by another person settle it. An explicit step, never a side effect of
   * a report, so that nobody can both start and settle a file payment.
   */
  async sendAsFile(actor: Actor, id: string): Promise<BatchView> {
    return this.dataSource.transaction(async (m) => {
      const b = await lockBatch(m, id);
      assertBatchTransition(b.status, 'EXECUTING');
      await this.startExecuting(m, b, 'FILE', actor);
      await sql(
        m,
        `UPDATE disbursement_items SET status = 'SENT', sent_at = now(), attempts = attempts + 1, updated_at = now() WHERE batch_id = $1 AND status = ANY($2::text[])`,
        [id, itemStateMachine.sourcesOf('SENT')],
      );
      return viewBatch(m, id);
    });
  }

  /** APPROVED → EXECUTING; its loans go DISBURSING. */
  private async startExecuting(m: EntityManager, b: BatchRow, channel: 'API' | 'FILE', actor: Actor): Promise<void> {
    await sql(
      m,
      `UPDATE disbursement_batches SET status = 'EXECUTING', channel = $2, executed_by_id = $3, executed_by = $4, execute_requested_at = now(), updated_at = now() WHERE id = $1`,
      [b.id, channel, actor.id, actor.name],
    );
    const items = await sql<{ id: string; loan_application_id: string }>(
      m,
      `SELECT id, loan_application_id FROM disbursement_items WHERE batch_id = $1 AND status = 'PENDING'`,
      [b.id],
    );
    const loanIds = items.rows.map((i) => i.loan_application_id);
    const moved = await this.loans.bulkTransition(m, loanIds, 'APPROVED', 'DISBURSING', actor, { reason: `batch ${b.id}` });
    if (moved.length !== loanIds.length) {
      // Loans in an open batch cannot be cancelled, so this means someone changed the data by hand:
      // pay nothing rather than guess (the transaction rolls back).
      const movedIds = new Set(moved.map((l) => l.id));
      throw new DomainError(
        DisbursementErrors.LOAN_NOT_APPROVED,
        `No longer APPROVED: ${loanIds.filter((id) => !movedIds.has(id)).join(', ')}`,
      );
    }
    await this.audit.record(m, actor, {
      action: channel === 'FILE' ? 'DISBURSEMENT_BATCH_SENT_AS_FILE' : 'DISBURSEMENT_BATCH_EXECUTING',
      entityType: 'DisbursementBatch',
      entityId: b.id,
      coreEnterpriseId: b.core_enterprise_id,
      before: { status: b.status },
      after: { status: 'EXECUTING', channel, loans: moved.length, messageId: b.message_id },
    });
  }

  async get(id: string): Promise<BatchView> {
    return viewBatch(this.dataSource.manager, id);
  }

  async list(q: { programmeId?: string; status?: BatchStatus; page: number; pageSize: number }): Promise<Page<Omit<BatchView, 'items'>>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.programmeId) where.push(`programme_id = $${params.push(q.programmeId)}`);
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    const m = this.dataSource.manager;
    const page = await pageOf(
      m,
      { columns: '*', from: 'disbursement_batches', where, params, orderBy: 'created_at DESC, id' },
      q,
      (b: BatchRow) => b,
    );
    // the items of the whole page in one query, for the counts and totals
    const items = await viewItemsOf(
      m,
      page.items.map((b) => b.id),
    );
    return {
      ...page,
      items: page.items.map((b) => {
        const { items: _omit, ...summary } = batchView(
          b,
          items.filter((i) => i.batch_id === b.id),
        );
        return summary;
      }),
    };
  }

  /** A DRAFT is only a proposal: discarding it frees its loans for another batch. */
  async discard(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const b = await lockBatch(m, id);
      if (b.status !== 'DRAFT')
        throw new DomainError(DisbursementErrors.INVALID_BATCH_TRANSITION, `Only a DRAFT batch can be discarded; this one is ${b.status}`);
      const items = await itemsOf(m, id);
      await sql(m, `DELETE FROM disbursement_batches WHERE id = $1`, [id]);
      await this.audit.record(m, actor, {
        action: 'DISBURSEMENT_BATCH_DISCARDED',
        entityType: 'DisbursementBatch',
        entityId: id,
        coreEnterpriseId: b.core_enterprise_id,
        before: { status: b.status, items: items.length, loans: items.map((i) => i.loan_application_id) },
      });
    });
  }

  /** The payment file carries full accounts: each export is recorded, in the transaction that reads it. */
  async pain001(actor: Actor, id: string): Promise<{ xml: string; messageId: string }> {
    return this.dataSource.transaction(async (m) => {
      const b = await loadBatch(m, id);
      const items = await itemsOf(m, id);
      const programme = await this.programmes.find(b.programme_id, m);
      const d = this.config.debtor;
      const xml = buildPain001({
        messageId: b.message_id,
        createdAt: new Date(),
        initiatingPartyName: d.name,
        paymentInformationId: `${b.message_id}-1`,
        requestedExecutionDate: await this.clock.today(programme?.timeZone ?? this.config.businessTimeZone, m),
        debtor: { name: d.name, account: d.account, agentBic: d.agentBic, agentMemberId: d.agentMemberId },
        transactions: items.map((i) => ({
          endToEndId: i.end_to_end_id,
          amount: money(i.amount),
          creditorName: i.creditor_name,
          creditorAccount: i.creditor_account,
          creditorAgentName: i.creditor_bank ?? undefined,
          remittanceInformation: i.loan_application_id,
        })),
      });
      await this.audit.record(m, actor, {
        action: 'PAIN001_EXPORTED',
        entityType: 'DisbursementBatch',
        entityId: id,
        coreEnterpriseId: b.core_enterprise_id,
        after: { messageId: b.message_id, items: items.length, total: sumMoney(items.map((i) => i.amount)) },
      });
      return { xml, messageId: b.message_id };
    });
  }

  /** A supplier blacklisted after its loan's approval is paid nothing: the loan waits, to be cancelled or paid once the blacklisting is lifted. */
  private async refuseBlacklisted(m: EntityManager, loanIds: string[]): Promise<void> {
    const r = await sql<{ id: string }>(
      m,
      `SELECT la.id FROM loan_applications la JOIN suppliers s ON s.id = la.supplier_id WHERE la.id = ANY($1::uuid[]) AND s.blacklisted ORDER BY la.id`,
      [loanIds],
    );
    if (r.rowCount) {
      throw new DomainError(
        DisbursementErrors.SUPPLIER_BLACKLISTED,
        `The supplier of ${r.rows.map((x) => x.id).join(', ')} was blacklisted after approval: cancel the loan, or lift the blacklisting, before it is paid`,
      );
    }
  }

  private async inOpenBatch(m: EntityManager, loanIds: string[]): Promise<string[]> {
    const r = await sql<{ loan_application_id: string }>(
      m,
      `SELECT loan_application_id FROM disbursement_items WHERE loan_application_id = ANY($1::uuid[]) AND status IN ('PENDING', 'SENT')`,
      [loanIds],
    );
    return r.rows.map((x) => x.loan_application_id);
  }
}
