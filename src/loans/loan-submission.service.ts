import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { Dec, money } from '../common/money.js';
import { toProblem } from '../common/problem.js';
import { flattenValidationErrors, validationFailed } from '../common/validation.js';
import { UNIQUE_VIOLATION, pgCode, sql } from '../database/sql.js';
import { PurchaseOrdersService, type OrderForLoan } from '../purchase-orders/purchase-orders.service.js';
import { roleOf } from '../programmes/programmes.service.js';
import { ExposureService } from '../exposure/exposure.service.js';
import { availableLimit } from '../exposure/available-limit.js';
import { SupplierScreeningService } from '../eligibility/supplier-screening.service.js';
import { ProgrammesService, type ProgrammeRecord } from '../programmes/programmes.service.js';
import { SuppliersService } from '../suppliers/suppliers.service.js';
import { BatchItemDto, type SubmitLoanDto } from './dto.js';
import { addHistory, closeLoan, LOAN_APPLICATION, lockLoan, loanView, type LoanRow, type LoanView } from './loan-records.js';
import { assertLoanTransition, type LoanStatus } from './loan-state.js';
import { LoanErrors } from './loans.errors.js';
import { OPEN_BATCHES, type OpenBatches } from './open-batches.port.js';

/** An application from the applicant's side: made (one or a thousand at once), screened at once, or withdrawn. */
@Injectable()
export class LoanSubmissionService {
  private readonly logger = new Logger('Loans');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly programmes: ProgrammesService,
    private readonly suppliers: SuppliersService,
    private readonly eligibility: SupplierScreeningService,
    private readonly exposure: ExposureService,
    @Inject(OPEN_BATCHES) private readonly openBatches: OpenBatches,
    private readonly purchaseOrders: PurchaseOrdersService,
  ) {}

  async submit(actor: Actor, dto: SubmitLoanDto): Promise<LoanView> {
    const programme = await this.programmes.get(actor, dto.programmeId);
    return this.inTransaction(() => this.dataSource.transaction((m) => this.submitIn(m, actor, programme, dto)));
  }

  /** A second live loan on one order is stopped by the unique index, whichever transaction commits first. */
  private async inTransaction<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (
        pgCode(e) === UNIQUE_VIOLATION &&
        (e as { constraint?: string; driverError?: { constraint?: string } }).driverError?.constraint === 'uq_loan_applications_live_order'
      )
        throw new DomainError(LoanErrors.PURCHASE_ORDER_ALREADY_FINANCED, 'The purchase order already finances a live loan');
      throw e;
    }
  }

  /**
   * DOWNSTREAM (domain.md "Downstream"): the dealer's own order, confirmed by the core enterprise,
   * financed up to advanceRatio of it, paid to the core enterprise's collection account.
   */
  private async orderOf(
    m: EntityManager,
    actor: Actor,
    programme: ProgrammeRecord,
    dealerId: string,
    dto: { purchaseOrderId?: string; amount: string },
  ) {
    if (programme.direction !== 'DOWNSTREAM') {
      if (dto.purchaseOrderId !== undefined)
        throw new DomainError(
          LoanErrors.PURCHASE_ORDER_NOT_FOR_UPSTREAM,
          `Programme ${programme.name} lends to suppliers, on no purchase order`,
        );
      return null;
    }
    if (dto.purchaseOrderId === undefined) throw new DomainError(LoanErrors.PURCHASE_ORDER_REQUIRED);
    const order: OrderForLoan = await this.purchaseOrders.forLoan(actor, m, dto.purchaseOrderId);
    // an order of another core enterprise is no order of this programme's: as unknown as one that does not exist
    if (order.coreEnterpriseId !== programme.coreEnterpriseId) throw notFound('Purchase order', dto.purchaseOrderId);
    if (order.dealerId !== dealerId)
      throw new DomainError(LoanErrors.PURCHASE_ORDER_OF_ANOTHER_DEALER, `Order ${order.orderNo} is not dealer ${dealerId}'s`);
    const advance = new Dec(order.amount).times(programme.advanceRatio!).toDecimalPlaces(2, Dec.ROUND_DOWN);
    if (new Dec(dto.amount).gt(advance))
      throw new DomainError(
        LoanErrors.AMOUNT_EXCEEDS_ADVANCE,
        `At most ${money(advance)} may be lent on order ${order.orderNo} (${order.amount} x ${programme.advanceRatio})`,
        {
          advance: money(advance),
          errors: [{ field: 'amount', code: 'AMOUNT_EXCEEDS_ADVANCE', message: `amount is above the advance of ${money(advance)}` }],
        },
      );
    const ce = await sql<{ collection_account: string | null }>(m, `SELECT collection_account FROM core_enterprises WHERE id = $1`, [
      programme.coreEnterpriseId,
    ]);
    if (!ce.rows[0]?.collection_account)
      throw new DomainError(
        LoanErrors.COLLECTION_ACCOUNT_MISSING,
        'Set the core enterprise’s collectionAccount first: dealer loans are paid there',
      );
    return order;
  }

  private async submitIn(
    m: EntityManager,
    actor: Actor,
    programme: ProgrammeRecord,
    dto: Omit<SubmitLoanDto, 'programmeId'>,
  ): Promise<LoanView> {
    const supplier = await this.suppliers.load(actor, dto.supplierId, m);
    if (supplier.core_enterprise_id !== programme.coreEnterpriseId || supplier.role !== roleOf(programme)) {
      throw new DomainError(
        LoanErrors.SUPPLIER_NOT_IN_PROGRAMME,
        `Supplier ${dto.supplierId} is not a supplier of this programme's core enterprise`,
      );
    }
    if (!programme.active) throw new DomainError(LoanErrors.PROGRAMME_INACTIVE, `Programme ${programme.name} is not active`);
    if (supplier.blacklisted)
      throw new DomainError(LoanErrors.SUPPLIER_BLACKLISTED, "The supplier is on the bank's blacklist: no application can be made for it");
    const amount = new Dec(dto.amount);
    if (amount.lt(programme.minAmount) || amount.gt(programme.maxAmount)) {
      throw new DomainError(LoanErrors.AMOUNT_OUT_OF_RANGE, `The amount must be from ${programme.minAmount} to ${programme.maxAmount}`, {
        errors: [
          { field: 'amount', code: 'AMOUNT_OUT_OF_RANGE', message: `amount must be from ${programme.minAmount} to ${programme.maxAmount}` },
        ],
      });
    }
    if (dto.termDays < programme.minTermDays || dto.termDays > programme.maxTermDays) {
      throw new DomainError(
        LoanErrors.TERM_OUT_OF_RANGE,
        `The term must be from ${programme.minTermDays} to ${programme.maxTermDays} days`,
        {
          errors: [
            {
              field: 'termDays',
              code: 'TERM_OUT_OF_RANGE',
              message: `termDays must be from ${programme.minTermDays} to ${programme.maxTermDays}`,
            },
          ],
        },
      );
    }

    const order = await this.orderOf(m, actor, programme, supplier.id, dto);
    const screening = await this.eligibility.screenSupplier(m, supplier.id, programme);
    const reserved = await this.exposure.openSupplier(m, supplier.id, programme.id, programme.coreEnterpriseId);
    const available = availableLimit(screening.creditLimit, reserved, screening.facts.hasOverdueLoan === true);
    if (screening.eligible && amount.gt(available)) {
      throw new DomainError(LoanErrors.AMOUNT_EXCEEDS_AVAILABLE_LIMIT, `The supplier's available limit is ${money(available)}`, {
        availableLimit: money(available),
        errors: [
          {
            field: 'amount',
            code: 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT',
            message: `amount is above the available limit of ${money(available)}`,
          },
        ],
      });
    }
    const status: LoanStatus = screening.eligible ? 'PENDING_REVIEW' : 'REJECTED_INELIGIBLE';
    assertLoanTransition('SUBMITTED', status);
    const snapshot = {
      eligible: screening.eligible,
      creditLimit: screening.creditLimit,
      availableLimit: money(available),
      rulesetVersion: screening.rulesetVersion,
      evaluationDate: screening.evaluationDate,
      failedRules: screening.failedRules,
      results: screening.results,
    };
    const created = await sql<LoanRow>(
      m,
      `INSERT INTO loan_applications (programme_id, supplier_id, core_enterprise_id, amount, term_days, purpose, status, annual_rate,
                                      guarantee_ratio, guaranteed_amount, ruleset_version, screening, failed_rules, submitted_by, purchase_order_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
      [
        programme.id,
        supplier.id,
        programme.coreEnterpriseId,
        dto.amount,
        dto.termDays,
        dto.purpose ?? null,
        status,
        programme.annualRate,
        programme.guaranteeRatio,
        money(amount.times(programme.guaranteeRatio)),
        screening.rulesetVersion,
        JSON.stringify(snapshot),
        screening.failedRules,
        JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
        order?.id ?? null,
      ],
    );
    const loan = created.rows[0];
    await addHistory(m, loan, null, 'SUBMITTED', actor, {});
    await addHistory(m, loan, 'SUBMITTED', status, actor, {
      reason: screening.eligible ? null : `failed rules: ${screening.failedRules.join(', ')}`,
    });
    await this.audit.record(m, actor, {
      action: 'LOAN_APPLICATION_SUBMITTED',
      entityType: 'LoanApplication',
      entityId: loan.id,
      coreEnterpriseId: loan.core_enterprise_id,
      after: {
        status,
        amount: money(loan.amount),
        termDays: loan.term_days,
        supplierId: loan.supplier_id,
        programmeId: loan.programme_id,
        failedRules: loan.failed_rules,
      },
    });
    return loanView(loan, actor);
  }

  /**
   * Each item in its own transaction: one bad item never sinks the others. Nor does an unexpected
   * error: the items before it are committed, so the answer must report them (and an Idempotency-Key
   * must replay it), with that item's error shown like any other, without internals.
   */
  async submitBatch(actor: Actor, programmeId: string, items: unknown[], correlationId: string) {
    const programme = await this.programmes.get(actor, programmeId);
    const results: { index: number; id?: string; status?: LoanStatus; error?: Record<string, unknown> }[] = [];
    for (let index = 0; index < items.length; index++) {
      try {
        // an array is no application: class-validator would report it as an error of no field ("undefined is required")
        const isObject = typeof items[index] === 'object' && items[index] !== null && !Array.isArray(items[index]);
        if (!isObject) throw validationFailed([{ field: 'item', code: 'INVALID_OBJECT', message: 'each application must be an object' }]);
        const item = plainToInstance(BatchItemDto, items[index]);
        const problems = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
        if (problems.length) throw validationFailed(flattenValidationErrors(problems));
        const loan = await this.inTransaction(() => this.dataSource.transaction((m) => this.submitIn(m, actor, programme, item)));
        results.push({ index, id: loan.id, status: loan.status });
      } catch (e) {
        const { problem, unexpected } = toProblem(e, correlationId);
        if (unexpected) this.logger.error({ err: e, correlationId, index }, 'bulk loan application item failed unexpectedly');
        const { type: _type, correlationId: _c, ...error } = problem;
        results.push({ index, error });
      }
    }
    return { results };
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<LoanView> {
    return this.dataSource.transaction(async (m) => {
      await this.access.requireAccess(actor, LOAN_APPLICATION, id, m);
      const loan = await lockLoan(m, id);
      assertLoanTransition(loan.status, 'CANCELLED');
      if ((await this.openBatches.loansInOpenBatch(m, [id])).length)
        throw new DomainError(LoanErrors.LOAN_IN_OPEN_BATCH, 'The loan is in an open disbursement batch; it cannot be cancelled now');
      return closeLoan(m, this.audit, this.exposure, loan, 'CANCELLED', actor, reason, 'LOAN_APPLICATION_CANCELLED');
    });
  }
}
