import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SuppliersAndRosters1764316800000 implements MigrationInterface {
  name = 'SuppliersAndRosters1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE suppliers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        supplier_code text NOT NULL,
        supplier_type text NOT NULL,
        name text NOT NULL,
        id_number text NOT NULL,
        legal_rep_id_number text,
        phone text NOT NULL,
        bank_account text NOT NULL,
        bank_name text NOT NULL,
        farm_name text NOT NULL,
        province text NOT NULL,
        herd_size integer NOT NULL,
        years_experience numeric(5,2) NOT NULL,
        epidemic_cert_no text,
        epidemic_cert_expiry date,
        delivery_months integer NOT NULL,
        avg_monthly_delivery_kg numeric(16,3) NOT NULL,
        avg_monthly_settlement numeric(18,2),
        birth_date date NOT NULL,
        blacklisted boolean NOT NULL DEFAULT false,
        blacklist_reason text,
        blacklisted_at timestamptz,
        blacklisted_by text,
        created_import_id uuid,
        last_import_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_suppliers_code UNIQUE (core_enterprise_id, supplier_code),
        CONSTRAINT ck_suppliers_type CHECK (supplier_type IN ('INDIVIDUAL', 'ENTITY')),
        CONSTRAINT ck_suppliers_entity_legal_rep CHECK (supplier_type = 'INDIVIDUAL' OR legal_rep_id_number IS NOT NULL),
        CONSTRAINT ck_suppliers_herd CHECK (herd_size BETWEEN 0 AND 100000),
        CONSTRAINT ck_suppliers_months CHECK (delivery_months BETWEEN 0 AND 600)
      )`);

    await q.query(`
      CREATE TABLE roster_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        status text NOT NULL,
        file_name text NOT NULL,
        file_type text NOT NULL,
        file_size bigint NOT NULL,
        file_sha256 text NOT NULL,
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        accepted_rows integer,
        rejected_rows integer,
        created_count integer,
        updated_count integer,
        unchanged_count integer,
        unknown_columns text[] NOT NULL DEFAULT '{}',
        failure_code text,
        failure_message text,
        attempts integer NOT NULL DEFAULT 0,
        uploaded_by jsonb NOT NULL,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_roster_imports_status CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        CONSTRAINT ck_roster_imports_file_type CHECK (file_type IN ('csv', 'xlsx'))
      )`);
    await q.query(`CREATE INDEX ix_roster_imports_core_enterprise ON roster_imports (core_enterprise_id, created_at)`);
    await q.query(`CREATE INDEX ix_roster_imports_open ON roster_imports (status) WHERE status IN ('QUEUED', 'RUNNING')`);

    // The uploaded file itself, so that any instance can run (or re-run) the import after a crash.
    await q.query(`
      CREATE TABLE roster_import_files (
        import_id uuid NOT NULL REFERENCES roster_imports (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        chunk bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
    // CSV compresses well, but pglz compressing 1 MiB chunks costs more upload time than it saves
    // disk; the file is deleted once its import has completed anyway.
    await q.query(`ALTER TABLE roster_import_files ALTER COLUMN chunk SET STORAGE EXTERNAL`);

    await q.query(`
      CREATE TABLE roster_import_errors (
        import_id uuid NOT NULL REFERENCES roster_imports (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        row_number integer NOT NULL,
        supplier_code text,
        field text,
        code text NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roster_import_errors`);
    await q.query(`DROP TABLE roster_import_files`);
    await q.query(`DROP TABLE roster_imports`);
    await q.query(`DROP TABLE suppliers`);
  }
}
