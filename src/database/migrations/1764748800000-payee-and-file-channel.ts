import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PayeeAndFileChannel1764748800000 implements MigrationInterface {
  name = 'PayeeAndFileChannel1764748800000';

  async up(q: QueryRunner): Promise<void> {
    // The masks of src/common/identifiers.ts, for audit events written set-based in SQL (a test keeps
    // the two in step). Identifiers are ASCII, where character and UTF-16 lengths agree.
    await q.query(`
      CREATE FUNCTION mask_identifier(value text, head integer, tail integer) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN value IS NULL OR value = '' THEN value
          WHEN length(value) <= head + tail THEN repeat('*', length(value))
          ELSE left(value, head) || repeat('*', length(value) - head - tail) || right(value, tail)
        END
      $$`);
    await q.query(
      `CREATE FUNCTION mask_id_number(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT mask_identifier(value, 6, 4) $$`,
    );
    await q.query(
      `CREATE FUNCTION mask_bank_account(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT mask_identifier(value, 4, 4) $$`,
    );
    await q.query(
      `CREATE FUNCTION mask_phone(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT mask_identifier(value, 3, 4) $$`,
    );

    // The payee is frozen by the final approval (domain.md "Servicing"): batches and payment files pay
    // it, never the supplier row of the day, which a later roster may change.
    await q.query(`ALTER TABLE loan_applications ADD COLUMN payee_name text, ADD COLUMN payee_account text, ADD COLUMN payee_bank text`);
    // Loans approved before: what their latest batch item carried (what was, or is being, paid), else
    // the supplier as it stands.
    await q.query(`
      UPDATE loan_applications la SET payee_name = i.creditor_name, payee_account = i.creditor_account, payee_bank = i.creditor_bank
        FROM (SELECT DISTINCT ON (di.loan_application_id) di.loan_application_id, di.creditor_name, di.creditor_account, di.creditor_bank
                FROM disbursement_items di JOIN disbursement_batches b ON b.id = di.batch_id
               ORDER BY di.loan_application_id, b.created_at DESC, di.created_at DESC, di.id DESC) i
       WHERE i.loan_application_id = la.id AND la.status IN ('APPROVED', 'DISBURSING', 'DISBURSED')`);
    await q.query(`
      UPDATE loan_applications la SET payee_name = s.name, payee_account = s.bank_account, payee_bank = s.bank_name
        FROM suppliers s
       WHERE s.id = la.supplier_id AND la.status IN ('APPROVED', 'DISBURSING', 'DISBURSED') AND la.payee_account IS NULL`);
    await q.query(`
      ALTER TABLE loan_applications ADD CONSTRAINT ck_loan_applications_payee
        CHECK (status NOT IN ('APPROVED', 'DISBURSING', 'DISBURSED') OR (payee_name IS NOT NULL AND payee_account IS NOT NULL))`);

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
    await q.query(
      `CREATE UNIQUE INDEX uq_disbursement_items_settled_loan ON disbursement_items (loan_application_id) WHERE status = 'SETTLED'`,
    );
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
    await q.query(
      `ALTER TABLE loan_applications DROP CONSTRAINT ck_loan_applications_payee, DROP COLUMN payee_bank, DROP COLUMN payee_account, DROP COLUMN payee_name`,
    );
    await q.query(`DROP FUNCTION mask_phone(text)`);
    await q.query(`DROP FUNCTION mask_bank_account(text)`);
    await q.query(`DROP FUNCTION mask_id_number(text)`);
    await q.query(`DROP FUNCTION mask_identifier(text, integer, integer)`);
  }
}
