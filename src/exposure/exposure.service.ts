import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors.js';
import { money } from '../common/money.js';
import { sql } from '../database/sql.js';
import { availableLimit, hasOverdueLoanSql } from './available-limit.js';
import { ExposureErrors } from './exposure.errors.js';

/** What a loan holds against the limits: its amount, and the share of it the core enterprise guarantees. */
export interface ExposureClaim {
  supplier_id: string;
  programme_id: string;
  core_enterprise_id: string;
  amount: string;
  guaranteed_amount: string;
}

/**
 * The one owner of every limit counter: a supplier's reservation in a programme
 * (supplier_exposure), the programme's outstanding amount against its cap (programme_exposure) and
 * the core enterprise's guaranteed exposure against its guarantee cap (core_enterprise_exposure).
 * Nothing else writes these rows; other modules show them by joining them read-only.
 *
 * Lock order, for every writer: supplier rows (by supplier, then programme), then the programme
 * row, then the core enterprise row. Reservation, release and (with servicing) repayment all take
 * them in that order, so concurrent approvals, rejections and repayments never deadlock.
 *
 * Money is only ever reserved by a final approval, in the approving transaction, with conditional
 * updates that cannot overshoot a limit whatever the number of concurrent requests or instances.
 */
@Injectable()
export class ExposureService {
  /** A new core enterprise starts with nothing guaranteed. */
  async openCoreEnterprise(m: EntityManager, coreEnterpriseId: string): Promise<void> {
    await sql(m, `INSERT INTO core_enterprise_exposure (core_enterprise_id) VALUES ($1)`, [coreEnterpriseId]);
  }

  /** A new programme starts with nothing outstanding. */
  async openProgramme(m: EntityManager, programmeId: string, coreEnterpriseId: string): Promise<void> {
    await sql(m, `INSERT INTO programme_exposure (programme_id, core_enterprise_id) VALUES ($1, $2)`, [programmeId, coreEnterpriseId]);
  }

  /**
   * A supplier's account in a programme exists from its first application on, so that an approval
   * always finds a row to update; answers what is reserved on it now.
   */
  async openSupplier(m: EntityManager, supplierId: string, programmeId: string, coreEnterpriseId: string): Promise<string> {
    await sql(
      m,
      `INSERT INTO supplier_exposure (supplier_id, programme_id, core_enterprise_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [supplierId, programmeId, coreEnterpriseId],
    );
    const r = await sql<{ reserved_amount: string }>(
      m,
      `SELECT reserved_amount FROM supplier_exposure WHERE supplier_id = $1 AND programme_id = $2`,
      [supplierId, programmeId],
    );
    return r.rows[0].reserved_amount;
  }

  /**
   * Whether the claim would fit now, without reserving anything: a first approval of a loan that
   * needs a second one checks this so that nobody approves what cannot be completed.
   */
  async checkHeadroom(m: EntityManager, claim: ExposureClaim): Promise<void> {
    await this.refuseFrozen(m, claim.supplier_id);
    const r = await sql<{ eligible: boolean | null; supplier_ok: boolean | null; programme_ok: boolean; guarantee_ok: boolean }>(
      m,
      `SELECT r.eligible,
              r.credit_limit - coalesce(e.reserved_amount, 0) >= $3 AS supplier_ok,
              pr.programme_cap - px.outstanding_amount >= $3 AS programme_ok,
              ce.guarantee_cap - cx.guaranteed_exposure >= $5 AS guarantee_ok
         FROM programmes pr
         JOIN programme_exposure px ON px.programme_id = pr.id
         JOIN core_enterprises ce ON ce.id = $4
         JOIN core_enterprise_exposure cx ON cx.core_enterprise_id = ce.id
         LEFT JOIN screening_results r ON r.supplier_id = $1 AND r.programme_id = pr.id
         LEFT JOIN supplier_exposure e ON e.supplier_id = $1 AND e.programme_id = pr.id
        WHERE pr.id = $2`,
      [claim.supplier_id, claim.programme_id, claim.amount, claim.core_enterprise_id, claim.guaranteed_amount],
    );
    const h = r.rows[0];
    if (!h?.eligible)
      throw new DomainError(ExposureErrors.SUPPLIER_NOT_ELIGIBLE, 'The supplier no longer passes the programme rules; see its eligibility');
    if (!h.supplier_ok) throw new DomainError(ExposureErrors.SUPPLIER_LIMIT_EXCEEDED, "The amount is above the supplier's available limit");
    if (!h.programme_ok) throw new DomainError(ExposureErrors.PROGRAMME_CAP_EXCEEDED, 'The programme cap has no room for this amount');
    if (!h.guarantee_ok)
      throw new DomainError(ExposureErrors.GUARANTEE_CAP_EXCEEDED, "The core enterprise's guarantee cap has no room for this amount");
  }

  /**
   * One statement reserves against the supplier's limit, then the programme cap, then the guarantee
   * cap, each a conditional update; any that cannot take the amount leaves the chain empty and the
   * caller's transaction is rolled back by the error.
   */
  async reserve(m: EntityManager, claim: ExposureClaim): Promise<void> {
    await this.refuseFrozen(m, claim.supplier_id);
    const r = await sql<{ s: number; p: number; c: number }>(
      m,
      `WITH s AS (
         UPDATE supplier_exposure e SET reserved_amount = e.reserved_amount + $3
           FROM screening_results r
          WHERE e.supplier_id = $1 AND e.programme_id = $2 AND r.supplier_id = $1 AND r.programme_id = $2
            AND r.eligible AND e.reserved_amount + $3 <= r.credit_limit
         RETURNING 1
       ), p AS (
         UPDATE programme_exposure x SET outstanding_amount = x.outstanding_amount + $3
           FROM programmes pr
          WHERE x.programme_id = $2 AND pr.id = $2 AND x.outstanding_amount + $3 <= pr.programme_cap AND EXISTS (SELECT 1 FROM s)
         RETURNING 1
       ), c AS (
         UPDATE core_enterprise_exposure x SET guaranteed_exposure = x.guaranteed_exposure + $5
           FROM core_enterprises ce
          WHERE x.core_enterprise_id = $4 AND ce.id = $4 AND x.guaranteed_exposure + $5 <= ce.guarantee_cap AND EXISTS (SELECT 1 FROM p)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM s)::int AS s, (SELECT count(*) FROM p)::int AS p, (SELECT count(*) FROM c)::int AS c`,
      [claim.supplier_id, claim.programme_id, claim.amount, claim.core_enterprise_id, claim.guaranteed_amount],
    );
    const { s, p, c } = r.rows[0];
    if (s && p && c) return;
    if (!s) {
      const sr = await sql<{ eligible: boolean; credit_limit: string; reserved_amount: string }>(
        m,
        `SELECT r.eligible, r.credit_limit, e.reserved_amount FROM screening_results r
           JOIN supplier_exposure e USING (supplier_id, programme_id) WHERE r.supplier_id = $1 AND r.programme_id = $2`,
        [claim.supplier_id, claim.programme_id],
      );
      const row = sr.rows[0];
      if (!row?.eligible)
        throw new DomainError(
          ExposureErrors.SUPPLIER_NOT_ELIGIBLE,
          'The supplier no longer passes the programme rules; see its eligibility',
        );
      throw new DomainError(
        ExposureErrors.SUPPLIER_LIMIT_EXCEEDED,
        `The supplier's available limit is ${money(availableLimit(row.credit_limit, row.reserved_amount))}`,
      );
    }
    if (!p)
      throw new DomainError(
        ExposureErrors.PROGRAMME_CAP_EXCEEDED,
        `Approving ${money(claim.amount)} would take the programme above its cap`,
      );
    throw new DomainError(
      ExposureErrors.GUARANTEE_CAP_EXCEEDED,
      `Guaranteeing ${money(claim.guaranteed_amount)} more would take the core enterprise above its guarantee cap`,
    );
  }

  /**
   * While a supplier has an overdue loan its available limit is 0 in every programme, whatever the
   * rules (domain.md "Repayment"): nothing more is lent to it until that loan is no longer overdue.
   */
  private async refuseFrozen(m: EntityManager, supplierId: string): Promise<void> {
    const r = await sql<{ frozen: boolean }>(m, `SELECT ${hasOverdueLoanSql('$1::uuid')} AS frozen`, [supplierId]);
    if (r.rows[0].frozen)
      throw new DomainError(
        ExposureErrors.SUPPLIER_HAS_OVERDUE_LOAN,
        'The supplier has an overdue loan: its available limit is 0 until it is repaid',
      );
  }

  /** Gives back the reservations of many loans at once, in the lock order above. */
  async release(m: EntityManager, claims: readonly ExposureClaim[]): Promise<void> {
    if (!claims.length) return;
    await this.releaseSelected(m, `SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[], $5::numeric[])`, [
      claims.map((l) => l.supplier_id),
      claims.map((l) => l.programme_id),
      claims.map((l) => l.core_enterprise_id),
      claims.map((l) => l.amount),
      claims.map((l) => l.guaranteed_amount),
    ]);
  }

  /**
   * release() for claims a query selects in the caller's transaction (supplier_id, programme_id,
   * core_enterprise_id, amount, guaranteed_amount): a settlement's hundreds of thousands of claims are
   * summed where they lie instead of travelling to the service and back.
   */
  async releaseSelected(m: EntityManager, claims: string, params: readonly unknown[] = []): Promise<void> {
    const rows = `(${claims}) AS t(s, p, c, amount, guaranteed)`;
    await sql(
      m,
      `SELECT count(*) FROM (SELECT 1 FROM supplier_exposure e JOIN (SELECT DISTINCT s, p FROM ${rows}) v ON e.supplier_id = v.s AND e.programme_id = v.p
                               ORDER BY e.supplier_id, e.programme_id FOR UPDATE OF e) AS locked`,
      [...params],
    );
    await sql(
      m,
      `UPDATE supplier_exposure e SET reserved_amount = e.reserved_amount - v.amount FROM (SELECT s, p, sum(amount) AS amount FROM ${rows} GROUP BY s, p) v WHERE e.supplier_id = v.s AND e.programme_id = v.p`,
      [...params],
    );
    await sql(
      m,
      `UPDATE programme_exposure x SET outstanding_amount = x.outstanding_amount - v.amount FROM (SELECT p, sum(amount) AS amount FROM ${rows} GROUP BY p) v WHERE x.programme_id = v.p`,
      [...params],
    );
    await sql(
      m,
      `UPDATE core_enterprise_exposure x SET guaranteed_exposure = x.guaranteed_exposure - v.guaranteed FROM (SELECT c, sum(guaranteed) AS guaranteed FROM ${rows} GROUP BY c) v WHERE x.core_enterprise_id = v.c`,
      [...params],
    );
  }
}
