import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Disbursements1764576000000 implements MigrationInterface {
  name = 'Disbursements1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disbursement_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes (id),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        status text NOT NULL,
        channel text,
        message_id text NOT NULL,
        created_by_id text NOT NULL,
        created_by text NOT NULL,
        approved_by_id text,
        approved_by text,
        approved_at timestamptz,
        executed_by text,
        execute_requested_at timestamptz,
        finished_at timestamptz,
        lease_owner text,
        lease_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_disbursement_batches_message_id UNIQUE (message_id),
        CONSTRAINT ck_disbursement_batches_status CHECK (status IN ('DRAFT', 'APPROVED', 'EXECUTING', 'COMPLETED', 'PARTIALLY_FAILED', 'FAILED')),
        CONSTRAINT ck_disbursement_batches_channel CHECK (channel IS NULL OR channel IN ('API', 'FILE'))
      )`);
    await q.query(`CREATE INDEX ix_disbursement_batches_programme ON disbursement_batches (programme_id, created_at)`);
    await q.query(`CREATE INDEX ix_disbursement_batches_executing ON disbursement_batches (status) WHERE status = 'EXECUTING'`);

    // creditor_* are the payment instructions as they stood when the batch was made (what was approved
    // is what is paid); the account is needed in full to pay and is only ever shown masked.
    await q.query(`
      CREATE TABLE disbursement_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES disbursement_batches (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        loan_application_id uuid NOT NULL REFERENCES loan_applications (id),
        amount numeric(18,2) NOT NULL,
        creditor_name text NOT NULL,
        creditor_account text NOT NULL,
        creditor_bank text,
        end_to_end_id text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        sent_at timestamptz,
        settled_at timestamptz,
        failure_code text,
        failure_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_disbursement_items_end_to_end_id UNIQUE (end_to_end_id),
        CONSTRAINT uq_disbursement_items_seq UNIQUE (batch_id, seq),
        CONSTRAINT ck_disbursement_items_status CHECK (status IN ('PENDING', 'SENT', 'SETTLED', 'FAILED')),
        CONSTRAINT ck_disbursement_items_amount CHECK (amount > 0)
      )`);
    // A loan is in at most one batch that may still pay it.
    await q.query(
      `CREATE UNIQUE INDEX uq_disbursement_items_open_loan ON disbursement_items (loan_application_id) WHERE status IN ('PENDING', 'SENT')`,
    );
    await q.query(`CREATE INDEX ix_disbursement_items_batch_status ON disbursement_items (batch_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disbursement_items`);
    await q.query(`DROP TABLE disbursement_batches`);
  }
}
