import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { systemActor, type Actor } from '../common/access/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { ClockService } from '../clock/clock.service.js';
import { DomainError, notFound } from '../common/errors.js';
import { money } from '../common/money.js';
import { sql } from '../database/sql.js';
import { ServicingService } from '../servicing/servicing.service.js';
import { LoanPaymentsService } from '../loans/loan-payments.service.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import {
  itemsOf,
  loadBatch,
  lockBatch,
  viewBatch,
  type BatchRow,
  type BatchView,
  type ItemOutcome,
  type ItemRow,
} from './disbursement-records.js';
import { assertBatchTransition, finalBatchStatus, isHeld, itemStateMachine, retryDelayMs, type BatchStatus } from './disbursement-state.js';
import { DisbursementErrors } from './disbursements.errors.js';
import type { ReconcileOutcome } from './dto.js';
import { parsePain002, Pain002Error } from './iso20022/pain002.js';
import { matchStatusReport } from './status-report-matching.js';

/**
 * What the bank said about each payment, however it said it: the payment API's answers (through
 * DisbursementExecutor), a pain.002 status report for a batch sent as a file, or a person resolving a
 * held payment from the bank statement. Settling or failing an item moves its loan in the same
 * transaction.
 */
@Injectable()
export class DisbursementOutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly loans: LoanPaymentsService,
    private readonly programmes: ProgrammesService,
    private readonly clock: ClockService,
    private readonly servicing: ServicingService,
  ) {}

  /**
   * Applies a pain.002 status report to a batch sent as a file, read by someone who neither made the
   * batch nor sent its file, as matchStatusReport reads it against the batch's items: a report read
   * twice changes nothing, and a RJCT only holds the item for reconciliation.
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
      const b = await lockBatch(m, id);
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
      const { toSettle, toHold, unchanged, pending, unknown, conflicts } = matchStatusReport(report, await itemsOf(m, id));
      const applied = await this.applyOutcomes(
        m,
        b,
        toSettle.map((item): ItemOutcome => ({ itemId: item.id, result: 'SETTLED' })),
        actor,
      );
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
    const batch = await loadBatch(this.dataSource.manager, id);
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
      const b = await lockBatch(m, batchId);
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
      return viewBatch(m, batchId);
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
        WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[]) RETURNING loan_application_id, amount, end_to_end_id`,
      [settledIds, itemStateMachine.sourcesOf('SETTLED')],
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
        WHERE i.id = v.id AND i.status = ANY($4::text[])
        RETURNING i.loan_application_id, i.amount, i.end_to_end_id, i.failure_code, i.failure_reason`,
      [failed.map((f) => f.itemId), failed.map((f) => f.code), failed.map((f) => f.reason), itemStateMachine.sourcesOf('FAILED')],
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
    const valueDate = await this.clock.today(programme?.timeZone ?? this.config.businessTimeZone, m);
    const disbursed = await this.loans.bulkTransition(
      m,
      settled.rows.map((r) => r.loan_application_id),
      'DISBURSING',
      'DISBURSED',
      actor,
      { valueDate, reason: `paid in batch ${batch.id}` },
    );
    await this.servicing.open(m, disbursed, valueDate);
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
}
