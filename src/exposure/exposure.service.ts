import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, type Db } from '../database/sql.js';
import { reserve, type ExposureClaim } from './reservation.js';

export type { ExposureClaim } from './reservation.js';

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

  /** Reserves the claim in the caller's transaction (reservation.ts). */
  reserve(db: Db, claim: ExposureClaim): Promise<void> {
    return reserve(db, claim);
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
