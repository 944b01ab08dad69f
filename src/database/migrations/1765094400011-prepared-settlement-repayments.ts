import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A settlement's computation already runs the engine on every loan it allocates to: it now keeps
 * what the repayment makes of the loan (its keys, the servicing row after it, the allocation in fen,
 * the exposure it frees: servicing's PREPARED_COLUMNS), so that the confirmation posts those rows in
 * a few set-based statements once it has checked that no loan moved since, instead of reading
 * 200,000 states back and pricing them again. All these columns are null for a loan the computation
 * read but allocated nothing to.
 */
export class PreparedSettlementRepayments1765094400011 implements MigrationInterface {
  name = 'PreparedSettlementRepayments1765094400011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_loans
        ADD COLUMN supplier_id uuid,
        ADD COLUMN programme_id uuid,
        ADD COLUMN core_enterprise_id uuid,
        ADD COLUMN penalty bigint,
        ADD COLUMN interest bigint,
        ADD COLUMN principal bigint,
        ADD COLUMN next_state jsonb,
        ADD COLUMN next_status text,
        ADD COLUMN next_principal_outstanding numeric(18,2),
        ADD COLUMN next_dpd integer,
        ADD COLUMN next_overdue boolean,
        ADD COLUMN next_classification text,
        ADD COLUMN freed_amount numeric(18,2),
        ADD COLUMN freed_guaranteed numeric(18,2),
        ADD CONSTRAINT ck_settlement_loans_prepared CHECK (
          (next_state IS NULL AND supplier_id IS NULL AND programme_id IS NULL AND core_enterprise_id IS NULL AND penalty IS NULL AND interest IS NULL AND principal IS NULL AND next_status IS NULL
             AND next_principal_outstanding IS NULL AND next_dpd IS NULL AND next_overdue IS NULL AND next_classification IS NULL
             AND freed_amount IS NULL AND freed_guaranteed IS NULL)
          OR (next_state IS NOT NULL AND supplier_id IS NOT NULL AND programme_id IS NOT NULL AND core_enterprise_id IS NOT NULL AND penalty >= 0 AND interest >= 0 AND principal >= 0 AND penalty + interest + principal > 0
             AND next_status IS NOT NULL AND next_principal_outstanding IS NOT NULL AND next_dpd IS NOT NULL AND next_overdue IS NOT NULL
             AND next_classification IS NOT NULL AND freed_amount IS NOT NULL AND freed_guaranteed IS NOT NULL))`);
    // Settlements computed before this migration have no prepared rows: confirming them would post
    // nothing, so they are computed again (their files are kept).
    await q.query(`
      UPDATE settlements SET status = 'FAILED', failure_code = 'RECOMPUTE_REQUIRED',
             failure_message = 'Computed by an earlier version: recompute it, then confirm.', updated_at = now()
       WHERE status = 'COMPUTED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_loans DROP CONSTRAINT ck_settlement_loans_prepared,
        DROP COLUMN supplier_id, DROP COLUMN programme_id, DROP COLUMN core_enterprise_id, DROP COLUMN penalty, DROP COLUMN interest, DROP COLUMN principal, DROP COLUMN next_state, DROP COLUMN next_status,
        DROP COLUMN next_principal_outstanding, DROP COLUMN next_dpd, DROP COLUMN next_overdue, DROP COLUMN next_classification,
        DROP COLUMN freed_amount, DROP COLUMN freed_guaranteed`);
  }
}
