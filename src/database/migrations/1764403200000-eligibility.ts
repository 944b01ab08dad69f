import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Eligibility1764403200000 implements MigrationInterface {
  name = 'Eligibility1764403200000';

  async up(q: QueryRunner): Promise<void> {
    // The latest screening of each supplier for each programme. The explanation is not stored: it is
    // re-derived from the facts as they were (facts) and the ruleset version, which gives the same
    // answer and keeps a 200,000-supplier re-screen small.
    await q.query(`
      CREATE TABLE screening_results (
        supplier_id uuid NOT NULL REFERENCES suppliers (id),
        programme_id uuid NOT NULL REFERENCES programmes (id),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        ruleset_version integer NOT NULL,
        evaluation_date date NOT NULL,
        evaluated_at timestamptz NOT NULL,
        eligible boolean NOT NULL,
        credit_limit numeric(18,2) NOT NULL,
        failed_rules text[] NOT NULL,
        facts jsonb NOT NULL,
        PRIMARY KEY (supplier_id, programme_id),
        CONSTRAINT ck_screening_results_limit CHECK (credit_limit >= 0)
      )`);
    await q.query(`CREATE INDEX ix_screening_results_programme ON screening_results (programme_id, eligible)`);

    // What approved, not yet repaid loans hold of each supplier's limit in a programme.
    await q.query(`
      CREATE TABLE supplier_exposure (
        supplier_id uuid NOT NULL REFERENCES suppliers (id),
        programme_id uuid NOT NULL REFERENCES programmes (id),
        reserved_amount numeric(18,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (supplier_id, programme_id),
        CONSTRAINT ck_supplier_exposure_non_negative CHECK (reserved_amount >= 0)
      )`);

    await q.query(`
      CREATE TABLE screening_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes (id),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        trigger text NOT NULL,
        status text NOT NULL,
        ruleset_version integer,
        suppliers integer,
        eligible integer,
        failure_message text,
        requested_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT ck_screening_runs_status CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'))
      )`);
    await q.query(`CREATE INDEX ix_screening_runs_programme ON screening_runs (programme_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE screening_runs`);
    await q.query(`DROP TABLE supplier_exposure`);
    await q.query(`DROP TABLE screening_results`);
  }
}
