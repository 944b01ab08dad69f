import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Loans1764489600000 implements MigrationInterface {
  name = 'Loans1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE loan_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes (id),
        supplier_id uuid NOT NULL REFERENCES suppliers (id),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        amount numeric(18,2) NOT NULL,
        term_days integer NOT NULL,
        purpose text,
        status text NOT NULL,
        annual_rate numeric(12,10) NOT NULL,
        guarantee_ratio numeric(12,10) NOT NULL,
        guaranteed_amount numeric(18,2) NOT NULL,
        ruleset_version integer NOT NULL,
        screening jsonb NOT NULL,
        failed_rules text[] NOT NULL DEFAULT '{}',
        four_eyes_required boolean,
        first_approved_by_id text,
        first_approved_by text,
        first_approved_at timestamptz,
        approved_by_id text,
        approved_by text,
        approved_at timestamptz,
        reserved boolean NOT NULL DEFAULT false,
        submitted_by jsonb NOT NULL,
        disbursed_at timestamptz,
        value_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_loan_applications_amount CHECK (amount > 0),
        CONSTRAINT ck_loan_applications_term CHECK (term_days > 0),
        CONSTRAINT ck_loan_applications_status CHECK (status IN ('SUBMITTED', 'REJECTED_INELIGIBLE', 'PENDING_REVIEW',
          'PENDING_SECOND_APPROVAL', 'APPROVED', 'REJECTED', 'DISBURSING', 'DISBURSED', 'CANCELLED')),
        CONSTRAINT ck_loan_applications_reserved CHECK (NOT reserved OR status IN ('APPROVED', 'DISBURSING', 'DISBURSED'))
      )`);
    await q.query(`CREATE INDEX ix_loan_applications_queue ON loan_applications (status, created_at, id)`);
    await q.query(`CREATE INDEX ix_loan_applications_programme ON loan_applications (programme_id, status, created_at)`);
    await q.query(`CREATE INDEX ix_loan_applications_supplier ON loan_applications (supplier_id, created_at)`);
    await q.query(`CREATE INDEX ix_loan_applications_core_enterprise ON loan_applications (core_enterprise_id, created_at)`);

    await q.query(`
      CREATE TABLE loan_application_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_application_id uuid NOT NULL REFERENCES loan_applications (id),
        from_status text,
        to_status text NOT NULL,
        actor_kind text NOT NULL,
        actor_id text,
        actor_name text,
        actor_role text,
        comment text,
        reason text,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix_loan_application_history_loan ON loan_application_history (loan_application_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE loan_application_history`);
    await q.query(`DROP TABLE loan_applications`);
  }
}
