import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor.js';
import { DomainError } from '../common/errors.js';
import { sql } from '../database/sql.js';
import { ExposureService } from '../exposure/exposure.service.js';
import type { LoanRow } from './loan-records.js';
import { assertLoanTransition, type LoanStatus } from './loan-state.js';

/**
 * Loans as the payment process moves them (batch, execution, settlement, failure): what the
 * disbursements module changes on a loan, in its own transactions.
 */
@Injectable()
export class LoanPaymentsService {
  constructor(private readonly exposure: ExposureService) {}

  /** Locks and returns loans by id (in id order, the lock order every caller uses). */
  async lockMany(m: EntityManager, ids: string[]): Promise<LoanRow[]> {
    const r = await sql<LoanRow>(m, `SELECT * FROM loan_applications WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    return r.rows;
  }

  /**
   * Moves many loans from one status to another for the payment process (batch execution, settlement,
   * payment failure), with a history row each; answers the loans that were in `from` and moved.
   * With `release`, their reservations are given back (a failed payment); with `reservationRepaid`, the
   * reservation ends without a release because repayments have already given it all back (REPAID).
   */
  async bulkTransition(
    m: EntityManager,
    ids: string[],
    from: LoanStatus,
    to: LoanStatus,
    actor: Actor,
    extra: { reason?: string | null; reasons?: (string | null)[]; valueDate?: string; release?: boolean; reservationRepaid?: boolean } = {},
  ): Promise<LoanRow[]> {
    assertLoanTransition(from, to);
    if (!ids.length) return [];
    const r = await sql<LoanRow & { was_reserved: boolean }>(
      m,
      `WITH old AS (
         SELECT id, reserved FROM loan_applications WHERE id = ANY($1::uuid[]) AND status = $2 ORDER BY id FOR UPDATE
       )
       UPDATE loan_applications la SET status = $3,
              reserved = CASE WHEN $4 OR $6 THEN false ELSE la.reserved END,
              disbursed_at = CASE WHEN $3 = 'DISBURSED' THEN now() ELSE la.disbursed_at END,
              value_date = CASE WHEN $3 = 'DISBURSED' THEN $5::date ELSE la.value_date END,
              updated_at = now()
         FROM old WHERE la.id = old.id
       RETURNING la.*, old.reserved AS was_reserved`,
      [ids, from, to, extra.release === true, extra.valueDate ?? null, extra.reservationRepaid === true],
    );
    const moved = r.rows;
    if (!moved.length) return [];
    if (extra.release)
      await this.exposure.release(
        m,
        moved.filter((l) => l.was_reserved),
      );
    const reasonOf = new Map(ids.map((id, i) => [id, extra.reasons?.[i] ?? extra.reason ?? null]));
    await sql(
      m,
      `INSERT INTO loan_application_history (loan_application_id, core_enterprise_id, from_status, to_status, actor_kind, actor_id, actor_name,
                                             actor_role, reason)
       SELECT id, ce, $2, $3, $4, $5, $6, $7, reason FROM unnest($1::uuid[], $8::text[], $9::uuid[]) AS t(id, reason, ce)`,
      [
        moved.map((l) => l.id),
        from,
        to,
        actor.kind,
        actor.id,
        actor.name,
        actor.role,
        moved.map((l) => reasonOf.get(l.id) ?? null),
        moved.map((l) => l.core_enterprise_id),
      ],
    );
    return moved;
  }

  /** Reserves again for a loan whose payment failed (its reservation went back then); in a savepoint when asked. */
  async reserveAgain(m: EntityManager, loan: LoanRow, opts: { savepoint?: boolean } = {}): Promise<boolean> {
    if (loan.reserved) return true;
    if (opts.savepoint) await sql(m, `SAVEPOINT reserve_again`);
    try {
      await this.exposure.reserve(m, loan);
      await sql(m, `UPDATE loan_applications SET reserved = true, updated_at = now() WHERE id = $1`, [loan.id]);
      if (opts.savepoint) await sql(m, `RELEASE SAVEPOINT reserve_again`);
      return true;
    } catch (e) {
      if (!opts.savepoint || !(e instanceof DomainError)) throw e;
      await sql(m, `ROLLBACK TO SAVEPOINT reserve_again`);
      return false;
    }
  }
}
