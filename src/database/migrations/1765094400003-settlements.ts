import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settlement files (domain.md "Repayment from the core enterprise's settlement"): the core
 * enterprise's payment run, its computed deductions per supplier line, the loan states the
 * computation saw (so that a confirmation can tell whether any of them moved since), and the stored
 * upload, kept like a roster's so that a recompute reads the same bytes.
 */
export class Settlements1765094400003 implements MigrationInterface {
  name = 'Settlements1765094400003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        status text NOT NULL,
        file_name text NOT NULL,
        file_type text NOT NULL,
        file_size bigint NOT NULL,
        file_sha256 text NOT NULL,
        uploaded_by jsonb NOT NULL,
        compute_seq integer NOT NULL DEFAULT 1,
        business_date date,
        rows integer,
        matched_rows integer,
        total_payable numeric(18,2),
        total_deduction numeric(18,2),
        failure_code text,
        failure_message text,
        problem_count integer NOT NULL DEFAULT 0,
        problems jsonb NOT NULL DEFAULT '[]',
        remitted_amount numeric(18,2),
        confirmed_by jsonb,
        confirmed_at timestamptz,
        computed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_settlements_status CHECK (status IN ('QUEUED', 'COMPUTED', 'CONFIRMED', 'FAILED')),
        CONSTRAINT ck_settlements_file_type CHECK (file_type IN ('csv', 'xlsx')),
        CONSTRAINT ck_settlements_computed CHECK (status NOT IN ('COMPUTED', 'CONFIRMED') OR
          (business_date IS NOT NULL AND total_deduction IS NOT NULL AND total_payable IS NOT NULL)),
        CONSTRAINT ck_settlements_confirmed CHECK (status <> 'CONFIRMED' OR (confirmed_at IS NOT NULL AND remitted_amount = total_deduction))
      )`);
    await q.query(`CREATE INDEX ix_settlements_core_enterprise ON settlements (core_enterprise_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE settlement_files (
        settlement_id uuid NOT NULL REFERENCES settlements (id),
        seq integer NOT NULL,
        chunk bytea NOT NULL,
        PRIMARY KEY (settlement_id, seq)
      )`);
    await q.query(`
      CREATE TABLE settlement_lines (
        settlement_id uuid NOT NULL REFERENCES settlements (id),
        row integer NOT NULL,
        supplier_code text NOT NULL,
        supplier_id uuid,
        period text,
        payable numeric(18,2) NOT NULL,
        deduction numeric(18,2) NOT NULL,
        net_payable numeric(18,2) NOT NULL,
        allocations jsonb NOT NULL DEFAULT '[]',
        note text,
        PRIMARY KEY (settlement_id, row),
        CONSTRAINT ck_settlement_lines_amounts CHECK (payable >= 0 AND deduction >= 0 AND net_payable = payable - deduction)
      )`);
    // One row per loan the computation looked at, with a digest of the servicing state it read.
    // settlement_lines.supplier_id and settlement_loans.loan_application_id are no foreign keys: the computation, their only writer, copies both from
    // rows it has just read, and a 200,000-row file paid ~5 µs a row for each such check.
    await q.query(`
      CREATE TABLE settlement_loans (
        settlement_id uuid NOT NULL REFERENCES settlements (id),
        loan_application_id uuid NOT NULL,
        state_digest text NOT NULL,
        PRIMARY KEY (settlement_id, loan_application_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE settlement_loans`);
    await q.query(`DROP TABLE settlement_lines`);
    await q.query(`DROP TABLE settlement_files`);
    await q.query(`DROP TABLE settlements`);
  }
}
