import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService, CORE_ENTERPRISE, resource } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { money } from '../common/money.js';
import { Page } from '../common/pagination.js';
import { toProblem } from '../common/problem.js';
import { validationFailed } from '../common/validation.js';
import { pageOf } from '../database/paging.js';
import { sql } from '../database/sql.js';
import { bodyProblems, type OrderInput } from './purchase-order.js';
import { PurchaseOrderErrors } from './purchase-orders.errors.js';

export const PURCHASE_ORDER = resource('Purchase order', 'purchase_orders');

interface OrderRow {
  id: string;
  core_enterprise_id: string;
  dealer_id: string;
  dealer_code: string;
  order_no: string;
  amount: string;
  order_date: string;
  created_at: Date;
}

export interface PurchaseOrderView {
  id: string;
  coreEnterpriseId: string;
  counterpartyId: string;
  dealerCode: string;
  orderNo: string;
  amount: string;
  orderDate: string;
  createdAt: string;
}

const view = (r: OrderRow): PurchaseOrderView => ({
  id: r.id,
  coreEnterpriseId: r.core_enterprise_id,
  counterpartyId: r.dealer_id,
  dealerCode: r.dealer_code,
  orderNo: r.order_no,
  amount: money(r.amount),
  orderDate: r.order_date,
  createdAt: r.created_at.toISOString(),
});

const COLUMNS = `o.id, o.core_enterprise_id, o.dealer_id, s.supplier_code AS dealer_code, o.order_no, o.amount, o.order_date, o.created_at`;
const FROM = `purchase_orders o JOIN suppliers s ON s.id = o.dealer_id`;

/** What a loan application needs of its order. */
export interface OrderForLoan {
  id: string;
  coreEnterpriseId: string;
  dealerId: string;
  orderNo: string;
  amount: string;
}

/**
 * Purchase orders a core enterprise confirms for its dealers (domain.md "Downstream"): the ground a
 * DOWNSTREAM loan stands on. Idempotent by order number: the same order again answers the one
 * confirmed; the same number with other content is 409.
 */
@Injectable()
export class PurchaseOrdersService {
  private readonly logger = new Logger('PurchaseOrders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async confirm(actor: Actor, coreEnterpriseId: string, body: unknown): Promise<{ status: number; body: unknown }> {
    await this.access.requireAccess(actor, CORE_ENTERPRISE, coreEnterpriseId);
    const exists = await sql(this.dataSource.manager, `SELECT 1 FROM core_enterprises WHERE id = $1`, [coreEnterpriseId]);
    if (!exists.rowCount) throw notFound(CORE_ENTERPRISE.what, coreEnterpriseId);
    const errors = bodyProblems(body);
    if (errors.length) throw validationFailed(errors);
    if (!('orders' in (body as object))) {
      const { order, created } = await this.confirmOne(actor, coreEnterpriseId, body as OrderInput);
      return { status: created ? 201 : 200, body: order };
    }
    // each order in its own transaction: one bad order never sinks the others
    const results: { index: number; id?: string; orderNo?: string; created?: boolean; error?: Record<string, unknown> }[] = [];
    const orders = (body as { orders: OrderInput[] }).orders;
    for (let index = 0; index < orders.length; index++) {
      try {
        const { order, created } = await this.confirmOne(actor, coreEnterpriseId, orders[index]);
        results.push({ index, id: order.id, orderNo: order.orderNo, created });
      } catch (e) {
        const { problem, unexpected } = toProblem(e, actor.correlationId ?? '');
        if (unexpected) this.logger.error({ err: e, index }, 'bulk purchase order failed unexpectedly');
        const { type: _type, correlationId: _c, ...error } = problem;
        results.push({ index, error });
      }
    }
    return { status: 200, body: { results } };
  }

  private async confirmOne(actor: Actor, coreEnterpriseId: string, o: OrderInput): Promise<{ order: PurchaseOrderView; created: boolean }> {
    return this.dataSource.transaction(async (m) => {
      const dealerId = await this.dealerOf(m, coreEnterpriseId, o);
      const inserted = await sql<{ id: string }>(
        m,
        `INSERT INTO purchase_orders (core_enterprise_id, dealer_id, order_no, amount, order_date, confirmed_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (core_enterprise_id, order_no) DO NOTHING RETURNING id`,
        [
          coreEnterpriseId,
          dealerId,
          o.orderNo,
          o.amount,
          o.orderDate,
          JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
        ],
      );
      if (!inserted.rowCount) {
        const existing = await sql<OrderRow & { same: boolean }>(
          m,
          `SELECT ${COLUMNS}, (o.dealer_id = $3 AND o.amount = $4::numeric AND o.order_date = $5::date) AS same
             FROM ${FROM} WHERE o.core_enterprise_id = $1 AND o.order_no = $2`,
          [coreEnterpriseId, o.orderNo, dealerId, o.amount, o.orderDate],
        );
        const row = existing.rows[0];
        if (!row.same)
          throw new DomainError(
            PurchaseOrderErrors.PURCHASE_ORDER_CONFLICT,
            `Order ${o.orderNo} is confirmed already for ${money(row.amount)} of ${row.order_date} to dealer ${row.dealer_code}`,
            { purchaseOrderId: row.id },
          );
        return { order: view(row), created: false };
      }
      const order = await this.load(m, inserted.rows[0].id);
      await this.audit.record(m, actor, {
        action: 'PURCHASE_ORDER_CONFIRMED',
        entityType: 'PurchaseOrder',
        entityId: order.id,
        coreEnterpriseId,
        after: { orderNo: order.orderNo, dealerCode: order.dealerCode, amount: order.amount, orderDate: order.orderDate },
      });
      return { order, created: true };
    });
  }

  /** The dealer an order names: 404 for none of this core enterprise, 422 for a counterparty that is no dealer. */
  private async dealerOf(m: EntityManager, coreEnterpriseId: string, o: OrderInput): Promise<string> {
    const r =
      o.counterpartyId !== undefined
        ? await sql<{ id: string; role: string }>(m, `SELECT id, role FROM suppliers WHERE id = $1 AND core_enterprise_id = $2`, [
            o.counterpartyId,
            coreEnterpriseId,
          ])
        : await sql<{ id: string; role: string }>(
            m,
            `SELECT id, role FROM suppliers WHERE supplier_code = $1 AND core_enterprise_id = $2`,
            [o.dealerCode, coreEnterpriseId],
          );
    const dealer = r.rows[0];
    if (!dealer) throw notFound('Dealer', o.counterpartyId ?? o.dealerCode);
    if (dealer.role !== 'DEALER')
      throw new DomainError(
        PurchaseOrderErrors.PURCHASE_ORDER_NOT_A_DEALER,
        `${o.counterpartyId ?? o.dealerCode} is a ${dealer.role.toLowerCase()}, not a dealer`,
      );
    return dealer.id;
  }

  async get(actor: Actor, id: string): Promise<PurchaseOrderView> {
    await this.access.requireAccess(actor, PURCHASE_ORDER, id);
    return this.load(this.dataSource.manager, id);
  }

  async list(actor: Actor, coreEnterpriseId: string, q: { page: number; pageSize: number }): Promise<Page<PurchaseOrderView>> {
    await this.access.requireAccess(actor, CORE_ENTERPRISE, coreEnterpriseId);
    return pageOf(
      this.dataSource.manager,
      { columns: COLUMNS, from: FROM, where: ['o.core_enterprise_id = $1'], params: [coreEnterpriseId], orderBy: 'o.created_at, o.id' },
      q,
      view,
    );
  }

  /** For a loan application: the order, if the caller may see it (another core enterprise's is 404). */
  async forLoan(actor: Actor, m: EntityManager, id: string): Promise<OrderForLoan> {
    await this.access.requireAccess(actor, PURCHASE_ORDER, id, m);
    const o = await this.load(m, id);
    return { id: o.id, coreEnterpriseId: o.coreEnterpriseId, dealerId: o.counterpartyId, orderNo: o.orderNo, amount: o.amount };
  }

  private async load(m: EntityManager, id: string): Promise<PurchaseOrderView> {
    const r = await sql<OrderRow>(m, `SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [id]);
    if (!r.rows[0]) throw notFound(PURCHASE_ORDER.what, id);
    return view(r.rows[0]);
  }
}
