import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Direct repayments (POST /loan-applications/:id/repayments), one row per accepted one: the
 * reference makes a repeat of the same bank credit answer the first result instead of paying twice,
 * and `response` is that first result exactly as it was answered.
 */
export class Repayments1765094400002 implements MigrationInterface {
  name = 'Repayments1765094400002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE repayments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_application_id uuid NOT NULL REFERENCES loan_applications (id),
        reference text NOT NULL,
        amount numeric(18,2) NOT NULL,
        business_date date NOT NULL,
        penalty numeric(18,2) NOT NULL,
        interest numeric(18,2) NOT NULL,
        principal numeric(18,2) NOT NULL,
        actor jsonb NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_repayments_reference UNIQUE (loan_application_id, reference),
        CONSTRAINT ck_repayments_amount CHECK (amount > 0 AND penalty >= 0 AND interest >= 0 AND principal >= 0
          AND penalty + interest + principal = amount)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE repayments`);
  }
}
