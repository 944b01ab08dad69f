import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql.js';

/**
 * Which of these loans the end of day has not caught up with: open loans valued before `today`
 * whose last COB date is not the day before it. A repayment or settlement valued today must see the
 * state after COB of yesterday (domain.md: until then it answers 409 COB_PENDING); a loan valued
 * today has no COB to wait for. Read in the caller's transaction, after it locked the rows.
 */
export async function cobBehind(m: EntityManager, loanIds: readonly string[], today: string): Promise<string[]> {
  if (!loanIds.length) return [];
  const r = await sql<{ id: string }>(
    m,
    `SELECT loan_application_id AS id FROM loan_servicing
      WHERE loan_application_id = ANY($1::uuid[]) AND status = 'DISBURSED' AND value_date < $2::date
        AND last_cob_date IS DISTINCT FROM $2::date - 1
      ORDER BY loan_application_id`,
    [loanIds, today],
  );
  return r.rows.map((row) => row.id);
}
