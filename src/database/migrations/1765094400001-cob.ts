import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The end of day (domain.md "Servicing", COB): runs requested or scheduled, and the dates every open
 * loan has been closed for. What makes a date exactly-once per loan is loan_servicing.last_cob_date
 * (a chunk only takes loans whose last COB date is the day before); these tables only say what was
 * asked and what is finished.
 */
export class Cob1765094400001 implements MigrationInterface {
  name = 'Cob1765094400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cob_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL,
        trigger text NOT NULL,
        requested_by text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        working_date date,
        loans_processed bigint NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_cob_runs_status CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        CONSTRAINT ck_cob_runs_dates CHECK (from_date <= to_date)
      )`);
    // One run at a time: a second request while one is open is refused by the database itself.
    await q.query(`CREATE UNIQUE INDEX ux_cob_runs_open ON cob_runs ((true)) WHERE status IN ('QUEUED', 'RUNNING')`);
    await q.query(`CREATE INDEX ix_cob_runs_created ON cob_runs (created_at DESC)`);

    // A date is recorded here once no open loan valued on or before it is behind it.
    await q.query(`
      CREATE TABLE cob_dates (
        business_date date PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES cob_runs (id),
        completed_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The freeze and the screening fact ask "has this supplier an overdue loan?" on every approval
    // and every screened supplier: the overdue loans are few, so a partial index answers it.
    await q.query(`CREATE INDEX ix_loan_servicing_overdue ON loan_servicing (supplier_id) WHERE status = 'DISBURSED' AND overdue`);
    // Stored screenings that still say "overdue": the ones to re-screen once the loan is not.
    await q.query(
      `CREATE INDEX ix_screening_results_overdue ON screening_results (supplier_id) WHERE (facts ->> 'hasOverdueLoan') = 'true'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_screening_results_overdue`);
    await q.query(`DROP INDEX ix_loan_servicing_overdue`);
    await q.query(`DROP TABLE cob_dates`);
    await q.query(`DROP TABLE cob_runs`);
  }
}
