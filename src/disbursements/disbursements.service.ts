import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { systemActor, type Actor } from '../common/access/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { businessDate } from '../common/business-date.js';
import { DomainError, notFound } from '../common/errors.js';
import { maskBankAccount } from '../common/identifiers.js';
import { money, sumMoney } from '../common/money.js';
import { Page } from '../common/pagination.js';
import { UNIQUE_VIOLATION, pgCode, sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';
import { JobsService } from '../jobs/jobs.service.js';
import { LoanPaymentsService } from '../loans/loan-payments.service.js';
import type { LoanRow } from '../loans/loan-records.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { assertBatchTransition, finalBatchStatus, retryDelayMs, type BatchStatus, type ItemStatus } from './disbursement-state.js';
import { DisbursementErrors } from './disbursements.errors.js';
import type { ReconcileOutcome } from './dto.js';
import { buildPain001 } from './iso20022/pain001.js';
import { parsePain002, Pain002Error } from './iso20022/pain002.js';

export const DISBURSE_QUEUE = 'disbursement-batch';

export interface BatchRow {
  id: string;
  programme_id: string;
  core_enterprise_id: string;
  status: BatchStatus;
  channel: 'API' | 'FILE' | null;
  message_id: string;
  created_by_id: string;
  created_by: string;
  approved_by_id: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  executed_by_id: string | null;
  executed_by: string | null;
  execute_requested_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: string;
  batch_id: string;
  seq: number;
  loan_application_id: string;
  amount: string;
  creditor_name: string;
  creditor_account: string;
  creditor_bank: string | null;
  end_to_end_id: string;
  status: ItemStatus;
  attempts: number;
  sent_at: Date | null;
  settled_at: Date | null;
  failure_code: string | null;
  failure_reason: string | null;
  hold_code: string | null;
  hold_reason: string | null;
  hold_report_message_id: string | null;
  held_at: Date | null;
  held_by_id: string | null;
  held_by: string | null;
  reconciled_at: Date | null;
  reconciled_by_id: string | null;
  reconciled_by: string | null;
  reconcile_outcome: ReconcileOutcome | null;
  reconcile_note: string | null;
}

/** An item as the batch views show it: with whether its supplier's payee details changed since approval (see viewItemsOf). */
type ViewItemRow = ItemRow & { payee_changed: boolean };

/** What the bank said about one item, or that it said nothing we can use yet. */
export type ItemOutcome =
  | { itemId: string; result: 'SETTLED' }
  | { itemId: string; result: 'FAILED'; code: string | null; reason: string | null }
  | { itemId: string; result: 'RETRY'; attempts: number };

const newId = (prefix: string, bytes: number) => prefix + randomBytes(bytes).toString('hex').toUpperCase();

function itemView(i: ViewItemRow) {
  return {
    id: i.id,
    seq: i.seq,
    loanApplicationId: i.loan_application_id,
    amount: money(i.amount),
    creditorName: i.creditor_name,
    creditorAccount: maskBankAccount(i.creditor_account),
    creditorBank: i.creditor_bank,
    payeeChanged: i.payee_changed,
    endToEndId: i.end_to_end_id,
    status: i.status,
    attempts: i.attempts,
    failureCode: i.failure_code,
    failureReason: i.failure_reason,
    sentAt: i.sent_at?.toISOString() ?? null,
    settledAt: i.settled_at?.toISOString() ?? null,
    hold: i.held_at
      ? {
          reasonCode: i.hold_code,
          reason: i.hold_reason,
          reportMessageId: i.hold_report_message_id,
          heldBy: i.held_by,
          heldAt: i.held_at.toISOString(),
          reconciliation: i.reconciled_at
            ? { outcome: i.reconcile_outcome, note: i.reconcile_note, by: i.reconciled_by, at: i.reconciled_at.toISOString() }
            : null,
        }
      : null,
  };
}

/** Held for reconciliation: a RJCT read from a file, not yet resolved by a person. */
const isHeld = (i: ItemRow) => i.status === 'SENT' && i.held_at !== null;

function batchView(b: BatchRow, items: ViewItemRow[]) {
  const by = (s: ItemStatus) => items.filter((i) => i.status === s);
  return {
    id: b.id,
    programmeId: b.programme_id,
    coreEnterpriseId: b.core_enterprise_id,
    status: b.status,
    channel: b.channel,
    messageId: b.message_id,
    createdBy: b.created_by,
    approvedBy: b.approved_by,
    approvedAt: b.approved_at?.toISOString() ?? null,
    executedBy: b.executed_by,
    executeRequestedAt: b.execute_requested_at?.toISOString() ?? null,
    finishedAt: b.finished_at?.toISOString() ?? null,
    createdAt: b.created_at.toISOString(),
    counts: {
      items: items.length,
      pending: by('PENDING').length,
      sent: by('SENT').length,
      settled: by('SETTLED').length,
      failed: by('FAILED').length,
    },
    held: items.filter(isHeld).length,
    payeeChanged: items.filter((i) => i.payee_changed).length,
    totals: {
      amount: sumMoney(items.map((i) => i.amount)),
      settled: sumMoney(by('SETTLED').map((i) => i.amount)),
      failed: sumMoney(by('FAILED').map((i) => i.amount)),
      outstanding: sumMoney([...by('PENDING'), ...by('SENT')].map((i) => i.amount)),
    },
    items: items.map(itemView),
  };
}
export type BatchView = ReturnType<typeof batchView>;

/**
 * Disbursement batches: assembled by one officer, approved by another, executed once through the
 * payment channel (see DisbursementExecutor), or settled from the bank's pain.002 status reports.
 */
@Injectable()
export class DisbursementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly loans: LoanPaymentsService,
    private readonly programmes: ProgrammesService,
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
          `INSERT INTO disbursement_items (batch_id, seq, loan_application_id, amount, creditor_name, creditor_account, creditor_bank, end_to_end_id, status)
           SELECT $1, t.ord, la.id, la.amount, la.payee_name, la.payee_account, la.payee_bank, t.e2e, 'PENDING'
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
        return this.viewIn(m, batchId);
      });
    } catch (e) {
      if (pgCode(e) === UNIQUE_VIOLATION)
        throw new DomainError(DisbursementErrors.LOAN_IN_OPEN_BATCH, 'A loan was put into another batch at the same moment; try again');
      throw e;
    }
  }

  async approve(actor: Actor, id: string): Promise<BatchView> {
    return this.dataSource.transaction(async (m) => {
      const b = await this.lock(m, id);
      assertBatchTransition(b.status, 'APPROVED');
      if (b.created_by_id === actor.id)
        throw new DomainError(DisbursementErrors.MAKER_CHECKER_SAME_USER, 'You made this batch; another senior officer must approve it');
      await this.refuseBlacklisted(
        m,
        (await this.itemsOf(m, id)).map((i) => i.loan_application_id),
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
      return this.viewIn(m, id);
    });
  }

  /** Starts paying. Safe to repeat: a batch already under way (or done) is answered as it stands. */
  async execute(actor: Actor, id: string): Promise<BatchView> {
    const view = await this.dataSource.transaction(async (m) => {
      const b = await this.lock(m, id);
      if (b.status !== 'APPROVED' && b.status !== 'DRAFT') return this.viewIn(m, id);
      assertBatchTransition(b.status, 'EXECUTING');
      await this.startExecuting(m, b, 'API', actor);
      await this.jobs.send(m, DISBURSE_QUEUE, { batchId: id });
      return this.viewIn(m, id);
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
      const b = await this.lock(m, id);
      assertBatchTransition(b.status, 'EXECUTING');
      await this.startExecuting(m, b, 'FILE', actor);
      await sql(
        m,
        `UPDATE disbursement_items SET status = 'SENT', sent_at = now(), attempts = attempts + 1, updated_at = now() WHERE batch_id = $1 AND status = 'PENDING'`,
        [id],
      );
      return this.viewIn(m, id);
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
    return this.viewIn(this.dataSource.manager, id);
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
    const items = await this.viewItemsOf(
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
      const b = await this.lock(m, id);
      if (b.status !== 'DRAFT')
        throw new DomainError(DisbursementErrors.INVALID_BATCH_TRANSITION, `Only a DRAFT batch can be discarded; this one is ${b.status}`);
      const items = await this.itemsOf(m, id);
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
      const b = await this.load(m, id);
      const items = await this.itemsOf(m, id);
      const programme = await this.programmes.find(b.programme_id, m);
      const d = this.config.debtor;
      const xml = buildPain001({
        messageId: b.message_id,
        createdAt: new Date(),
        initiatingPartyName: d.name,
        paymentInformationId: `${b.message_id}-1`,
        requestedExecutionDate: businessDate(programme?.timeZone ?? this.config.businessTimeZone),
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

  /**
   * Applies a pain.002 status report to a batch sent as a file, read by someone who neither made the
   * batch nor sent its file: ACSC/ACCP settle; a RJCT only holds the item for reconciliation (the bank
   * may have paid it all the same, and a loan freed now could be paid twice); anything else is still
   * pending. Items already settled or held the same way are left unchanged, so a report read twice
   * changes nothing; a report that contradicts an item's state changes nothing either and is listed
   * as a conflict.
   */
  async applyStatusReport(actor: Actor, id: string, xml: string | Buffer) {
    let report;
    try {
      report = parsePain002(xml);
    } catch (e) {
      if (e instanceof Pain002Error) throw new DomainError(DisbursementErrors.STATUS_REPORT_INVALID, e.message, { reportCode: e.code });
      throw e;
    }
    const outcome = await this.dataSource.transaction(async (m) => {
      const b = await this.lock(m, id);
      if (!report.originalMessageId) {
        throw new DomainError(
          DisbursementErrors.STATUS_REPORT_INVALID,
          'The report names no original message (OrgnlGrpInfAndSts/OrgnlMsgId)',
        );
      }
      if (report.originalMessageId !== b.message_id) {
        throw new DomainError(
          DisbursementErrors.STATUS_REPORT_OTHER_BATCH,
          `The report answers message ${report.originalMessageId}; this batch's file is ${b.message_id}`,
        );
      }
      if (b.status === 'DRAFT')
        throw new DomainError(DisbursementErrors.INVALID_BATCH_TRANSITION, 'A DRAFT batch has not been sent to the bank');
      if (b.channel !== 'FILE') {
        throw new DomainError(
          DisbursementErrors.BATCH_NOT_SENT_AS_FILE,
          b.channel === 'API'
            ? `Batch ${id} is paid through the payment API, whose answers are authoritative; a status report cannot change it`
            : `Batch ${id} has not been sent to the bank as a file (POST /disbursement-batches/${id}/send-as-file)`,
        );
      }
      if (actor.id === b.created_by_id || actor.id === b.executed_by_id) {
        throw new DomainError(
          DisbursementErrors.STATUS_REPORT_SAME_USER,
          "You made this batch or sent its file; another officer must read the bank's answer",
        );
      }
      const items = await this.itemsOf(m, id);
      const byE2e = new Map(items.map((i) => [i.end_to_end_id, i]));
      const listed = new Set(report.transactions.map((t) => t.endToEndId));
      const statuses = [...report.transactions];
      if (report.groupStatus) {
        for (const i of items) {
          if (!listed.has(i.end_to_end_id)) {
            statuses.push({
              endToEndId: i.end_to_end_id,
              status: report.groupStatus,
              reasonCode: report.groupReasonCode,
              reasonText: report.groupReasonText,
            });
          }
        }
      }
      const unknown: string[] = [];
      const conflicts: { endToEndId: string; itemStatus: ItemStatus; reported: string }[] = [];
      type Change = { item: ItemRow; verdict: 'SETTLED' } | { item: ItemRow; verdict: 'HELD'; code: string | null; reason: string | null };
      const changes = new Map<string, Change>();
      let unchanged = 0;
      let pending = 0;
      const verdictOf = (status: string) => (status === 'ACSC' || status === 'ACCP' ? 'SETTLED' : status === 'RJCT' ? 'HELD' : null);
      // where the item stands, in the report's terms: held or failed, the bank said it refused it
      const stateOf = (i: ItemRow) => (isHeld(i) || i.status === 'FAILED' ? 'HELD' : i.status);
      const reported = new Map<string, string>();
      for (const t of statuses) {
        const item = byE2e.get(t.endToEndId);
        if (!item) {
          unknown.push(t.endToEndId);
          continue;
        }
        const verdict = verdictOf(t.status);
        const earlier = reported.get(t.endToEndId);
        reported.set(t.endToEndId, t.status);
        if (earlier !== undefined && verdictOf(earlier) !== verdict) {
          // the same report says two things about one payment: believe neither
          conflicts.push({ endToEndId: t.endToEndId, itemStatus: item.status, reported: `${earlier} and ${t.status}` });
          changes.delete(item.id);
          continue;
        }
        if (earlier !== undefined) continue;
        if (!verdict) {
          pending++;
          continue;
        }
        const state = stateOf(item);
        if (state === verdict) unchanged++;
        else if (state === 'SENT') {
          changes.set(
            item.id,
            verdict === 'SETTLED' ? { item, verdict } : { item, verdict, code: t.reasonCode, reason: t.reasonText ?? t.reasonCode },
          );
        } else conflicts.push({ endToEndId: t.endToEndId, itemStatus: item.status, reported: t.status });
      }
      const toSettle = [...changes.values()]
        .filter((c) => c.verdict === 'SETTLED')
        .map((c): ItemOutcome => ({ itemId: c.item.id, result: 'SETTLED' }));
      const toHold = [...changes.values()].filter((c): c is Extract<Change, { verdict: 'HELD' }> => c.verdict === 'HELD');
      const applied = await this.applyOutcomes(m, b, toSettle, actor);
      const held = await this.hold(m, b, report.messageId, toHold, actor);
      await this.finishIfDone(m, id, actor);
      await this.audit.record(m, actor, {
        action: 'PAYMENT_STATUS_REPORT_IMPORTED',
        entityType: 'DisbursementBatch',
        entityId: id,
        coreEnterpriseId: b.core_enterprise_id,
        after: {
          messageId: report.messageId,
          settled: applied.settled,
          held,
          unchanged,
          pending,
          unknown: unknown.length,
          conflicts: conflicts.length,
        },
      });
      // `failed` stays in the answer for its readers: a report no longer fails anything by itself
      return { settled: applied.settled, failed: 0, held, unchanged, pending, unknown, conflicts };
    });
    const batch = await this.get(id);
    return { batchId: id, messageId: report.messageId, transactions: report.transactions.length, ...outcome, batchStatus: batch.status };
  }

  /** Marks refused payments held: the item stays SENT, its loan DISBURSING with its reservation. */
  private async hold(
    m: EntityManager,
    b: BatchRow,
    reportMessageId: string | null,
    refused: { item: ItemRow; code: string | null; reason: string | null }[],
    actor: Actor,
  ): Promise<number> {
    if (!refused.length) return 0;
    const r = await sql<{
      loan_application_id: string;
      end_to_end_id: string;
      id: string;
      hold_code: string | null;
      hold_reason: string | null;
    }>(
      m,
      `UPDATE disbursement_items i SET hold_code = v.code, hold_reason = v.reason, hold_report_message_id = $4, held_at = now(), held_by_id = $5, held_by = $6, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, code, reason)
        WHERE i.id = v.id AND i.status = 'SENT' AND i.held_at IS NULL
        RETURNING i.id, i.loan_application_id, i.end_to_end_id, i.hold_code, i.hold_reason`,
      [refused.map((x) => x.item.id), refused.map((x) => x.code), refused.map((x) => x.reason), reportMessageId, actor.id, actor.name],
    );
    await this.audit.recordMany(
      m,
      actor,
      r.rows.map((x) => ({
        action: 'LOAN_PAYMENT_HELD',
        entityType: 'LoanApplication',
        entityId: x.loan_application_id,
        coreEnterpriseId: b.core_enterprise_id,
        after: {
          status: 'DISBURSING',
          batchId: b.id,
          itemId: x.id,
          endToEndId: x.end_to_end_id,
          reasonCode: x.hold_code,
          reason: x.hold_reason,
          reportMessageId,
        },
      })),
    );
    return r.rowCount;
  }

  /**
   * Resolves a held payment from the bank statement: PAID settles it (the loan is DISBURSED), NOT_PAID
   * fails it (the loan goes back to APPROVED, its reservation released). Never by the maker, the
   * sender of the file or the reader of the report: any of them could have forged the RJCT.
   */
  async reconcile(actor: Actor, batchId: string, itemId: string, outcome: ReconcileOutcome, note: string): Promise<BatchView> {
    return this.dataSource.transaction(async (m) => {
      const b = await this.lock(m, batchId);
      const r = await sql<ItemRow>(m, `SELECT * FROM disbursement_items WHERE id = $1 AND batch_id = $2 FOR UPDATE`, [itemId, batchId]);
      const item = r.rows[0];
      if (!item) throw notFound('Disbursement item', itemId);
      if (!isHeld(item)) {
        throw new DomainError(
          DisbursementErrors.ITEM_NOT_HELD,
          `Item ${itemId} is ${item.status}${item.reconciled_at ? ', reconciled already' : ''}; only a payment held after a RJCT is reconciled`,
        );
      }
      if ([b.created_by_id, b.executed_by_id, item.held_by_id].includes(actor.id)) {
        throw new DomainError(
          DisbursementErrors.RECONCILE_SAME_USER,
          'You made this batch, sent its file or read the report that held this payment; another officer must reconcile it',
        );
      }
      await sql(
        m,
        `UPDATE disbursement_items SET reconciled_at = now(), reconciled_by_id = $2, reconciled_by = $3, reconcile_outcome = $4, reconcile_note = $5, updated_at = now() WHERE id = $1`,
        [itemId, actor.id, actor.name, outcome, note],
      );
      const result: ItemOutcome =
        outcome === 'PAID' ? { itemId, result: 'SETTLED' } : { itemId, result: 'FAILED', code: item.hold_code, reason: item.hold_reason };
      await this.applyOutcomes(m, b, [result], actor);
      await this.finishIfDone(m, batchId, actor);
      await this.audit.record(m, actor, {
        action: 'DISBURSEMENT_ITEM_RECONCILED',
        entityType: 'DisbursementBatch',
        entityId: batchId,
        coreEnterpriseId: b.core_enterprise_id,
        after: {
          itemId,
          loanApplicationId: item.loan_application_id,
          endToEndId: item.end_to_end_id,
          outcome,
          note,
          reasonCode: item.hold_code,
        },
      });
      return this.viewIn(m, batchId);
    });
  }

  /**
   * Records what the bank said about items that are SENT, in one transaction: settled items pay their
   * loan (DISBURSED at today's value date), refused ones fail and return their loan to APPROVED with
   * its reservation released, unanswered ones wait for their next attempt.
   */
  async applyOutcomes(
    m: EntityManager,
    batch: Pick<BatchRow, 'id' | 'programme_id' | 'core_enterprise_id'>,
    outcomes: ItemOutcome[],
    actor: Actor = systemActor(batch.id, 'disbursement'),
  ) {
    if (!outcomes.length) return { settled: 0, failed: 0 };
    await sql(m, `SELECT 1 FROM disbursement_items WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [outcomes.map((o) => o.itemId)]);
    const settledIds = outcomes.filter((o) => o.result === 'SETTLED').map((o) => o.itemId);
    const failed = outcomes.filter((o): o is Extract<ItemOutcome, { result: 'FAILED' }> => o.result === 'FAILED');
    const retry = outcomes.filter((o): o is Extract<ItemOutcome, { result: 'RETRY' }> => o.result === 'RETRY');

    const settled = await sql<{ loan_application_id: string; amount: string; end_to_end_id: string }>(
      m,
      `UPDATE disbursement_items SET status = 'SETTLED', settled_at = now(), next_attempt_at = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'SENT' RETURNING loan_application_id, amount, end_to_end_id`,
      [settledIds],
    );
    const refused = await sql<{
      loan_application_id: string;
      amount: string;
      end_to_end_id: string;
      failure_code: string | null;
      failure_reason: string | null;
    }>(
      m,
      `UPDATE disbursement_items i SET status = 'FAILED', failure_code = v.code, failure_reason = v.reason, next_attempt_at = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, code, reason)
        WHERE i.id = v.id AND i.status = 'SENT'
        RETURNING i.loan_application_id, i.amount, i.end_to_end_id, i.failure_code, i.failure_reason`,
      [failed.map((f) => f.itemId), failed.map((f) => f.code), failed.map((f) => f.reason)],
    );
    if (retry.length) {
      await sql(
        m,
        `UPDATE disbursement_items i SET next_attempt_at = now() + make_interval(secs => v.delay / 1000.0), updated_at = now()
           FROM unnest($1::uuid[], $2::int[]) AS v(id, delay) WHERE i.id = v.id AND i.status = 'SENT'`,
        [retry.map((r) => r.itemId), retry.map((r) => retryDelayMs(r.attempts))],
      );
    }
    const programme = await this.programmes.find(batch.programme_id, m);
    const valueDate = businessDate(programme?.timeZone ?? this.config.businessTimeZone);
    await this.loans.bulkTransition(
      m,
      settled.rows.map((r) => r.loan_application_id),
      'DISBURSING',
      'DISBURSED',
      actor,
      { valueDate, reason: `paid in batch ${batch.id}` },
    );
    await this.loans.bulkTransition(
      m,
      refused.rows.map((r) => r.loan_application_id),
      'DISBURSING',
      'APPROVED',
      actor,
      {
        release: true,
        reasons: refused.rows.map((r) => `payment refused: ${r.failure_code ?? ''} ${r.failure_reason ?? ''}`.trim()),
      },
    );
    const audit: AuditEntry[] = [
      ...settled.rows.map((r) => ({
        action: 'LOAN_DISBURSED',
        entityType: 'LoanApplication',
        entityId: r.loan_application_id,
        coreEnterpriseId: batch.core_enterprise_id,
        after: { status: 'DISBURSED', amount: money(r.amount), endToEndId: r.end_to_end_id, batchId: batch.id, valueDate },
      })),
      ...refused.rows.map((r) => ({
        action: 'LOAN_DISBURSEMENT_FAILED',
        entityType: 'LoanApplication',
        entityId: r.loan_application_id,
        coreEnterpriseId: batch.core_enterprise_id,
        after: {
          status: 'APPROVED',
          amount: money(r.amount),
          endToEndId: r.end_to_end_id,
          batchId: batch.id,
          reasonCode: r.failure_code,
          reason: r.failure_reason,
        },
      })),
    ];
    await this.audit.recordMany(m, actor, audit);
    return { settled: settled.rowCount, failed: refused.rowCount };
  }

  /** EXECUTING → COMPLETED, PARTIALLY_FAILED or FAILED once no item is still open. */
  async finishIfDone(m: EntityManager, id: string, actor: Actor = systemActor(id, 'disbursement')): Promise<BatchStatus | null> {
    const c = await sql<{ open: number; settled: number; failed: number; core_enterprise_id: string }>(
      m,
      `SELECT count(*) FILTER (WHERE i.status IN ('PENDING', 'SENT'))::int AS open, count(*) FILTER (WHERE i.status = 'SETTLED')::int AS settled,
              count(*) FILTER (WHERE i.status = 'FAILED')::int AS failed, max(b.core_enterprise_id::text) AS core_enterprise_id
         FROM disbursement_batches b JOIN disbursement_items i ON i.batch_id = b.id WHERE b.id = $1 AND b.status = 'EXECUTING'`,
      [id],
    );
    const { open, settled, failed, core_enterprise_id } = c.rows[0] ?? {};
    if (open !== 0 || core_enterprise_id === null || core_enterprise_id === undefined) return null;
    const status = finalBatchStatus(settled, failed);
    assertBatchTransition('EXECUTING', status);
    const done = await sql(
      m,
      `UPDATE disbursement_batches SET status = $2, finished_at = now(), lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'EXECUTING'`,
      [id, status],
    );
    if (!done.rowCount) return null;
    await this.audit.record(m, actor, {
      action: 'DISBURSEMENT_BATCH_FINISHED',
      entityType: 'DisbursementBatch',
      entityId: id,
      coreEnterpriseId: core_enterprise_id,
      before: { status: 'EXECUTING' },
      after: { status, settled, failed },
    });
    return status;
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

  /**
   * Items for the views, with `payee_changed`: for an item still to be paid (PENDING or SENT), the
   * supplier's current name, account or bank differ from what it pays (the payee frozen at approval),
   * so whoever approves the batch or reconciles the item sees it. A settled or failed item has nothing
   * left to decide, and is not looked up: lists of finished batches stay cheap.
   */
  private async viewItemsOf(m: EntityManager, batchIds: string[]): Promise<ViewItemRow[]> {
    const r = await sql<ViewItemRow>(
      m,
      `SELECT i.*, i.status IN ('PENDING', 'SENT') AND EXISTS (
                SELECT 1 FROM loan_applications la JOIN suppliers s ON s.id = la.supplier_id
                 WHERE la.id = i.loan_application_id
                   AND (s.name, s.bank_account, s.bank_name) IS DISTINCT FROM (i.creditor_name, i.creditor_account, i.creditor_bank)
              ) AS payee_changed
         FROM disbursement_items i
        WHERE i.batch_id = ANY($1::uuid[])
        ORDER BY i.batch_id, i.seq`,
      [batchIds],
    );
    return r.rows;
  }

  async itemsOf(m: EntityManager, batchId: string): Promise<ItemRow[]> {
    const r = await sql<ItemRow>(m, `SELECT * FROM disbursement_items WHERE batch_id = $1 ORDER BY seq`, [batchId]);
    return r.rows;
  }

  async load(m: EntityManager, id: string): Promise<BatchRow> {
    const r = await sql<BatchRow>(m, `SELECT * FROM disbursement_batches WHERE id = $1`, [id]);
    if (!r.rows[0]) throw notFound('Disbursement batch', id);
    return r.rows[0];
  }

  private async lock(m: EntityManager, id: string): Promise<BatchRow> {
    const r = await sql<BatchRow>(m, `SELECT * FROM disbursement_batches WHERE id = $1 FOR UPDATE`, [id]);
    if (!r.rows[0]) throw notFound('Disbursement batch', id);
    return r.rows[0];
  }

  private async viewIn(m: EntityManager, id: string): Promise<BatchView> {
    return batchView(await this.load(m, id), await this.viewItemsOf(m, [id]));
  }
}
