import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PayeeAndFileChannel1764748800000 implements MigrationInterface {
  name = 'PayeeAndFileChannel1764748800000';

  async up(q: QueryRunner): Promise<void> {
    // Who started paying a batch (the API execution, or sending it as a file): a status report or a
    // reconciliation must come from someone else.
    await q.query(`ALTER TABLE disbursement_batches ADD COLUMN executed_by_id text`);

    // A RJCT read from a pain.002 only holds the item: the bank may still have paid it, so a person
    // other than the reader reconciles it against the bank statement.
    await q.query(`
      ALTER TABLE disbursement_items
        ADD COLUMN hold_code text,
        ADD COLUMN hold_reason text,
        ADD COLUMN hold_report_message_id text,
        ADD COLUMN held_at timestamptz,
        ADD COLUMN held_by_id text,
        ADD COLUMN held_by text,
        ADD COLUMN reconciled_at timestamptz,
        ADD COLUMN reconciled_by_id text,
        ADD COLUMN reconciled_by text,
        ADD COLUMN reconcile_outcome text,
        ADD COLUMN reconcile_note text,
        ADD CONSTRAINT ck_disbursement_items_hold CHECK (held_at IS NULL OR status <> 'PENDING'),
        ADD CONSTRAINT ck_disbursement_items_reconciled CHECK (reconciled_at IS NULL OR (held_at IS NOT NULL AND reconcile_outcome IN ('PAID', 'NOT_PAID')))`);

    // A loan is paid once: whatever path writes a settlement, a second one for the same loan is refused.
    await q.query(`CREATE UNIQUE INDEX uq_disbursement_items_settled_loan ON disbursement_items (loan_application_id) WHERE status = 'SETTLED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_disbursement_items_settled_loan`);
    await q.query(`
      ALTER TABLE disbursement_items
        DROP CONSTRAINT ck_disbursement_items_reconciled,
        DROP CONSTRAINT ck_disbursement_items_hold,
        DROP COLUMN reconcile_note,
        DROP COLUMN reconcile_outcome,
        DROP COLUMN reconciled_by,
        DROP COLUMN reconciled_by_id,
        DROP COLUMN reconciled_at,
        DROP COLUMN held_by,
        DROP COLUMN held_by_id,
        DROP COLUMN held_at,
        DROP COLUMN hold_report_message_id,
        DROP COLUMN hold_reason,
        DROP COLUMN hold_code`);
    await q.query(`ALTER TABLE disbursement_batches DROP COLUMN executed_by_id`);
  }
}
