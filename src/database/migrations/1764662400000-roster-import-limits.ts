import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What bounds a roster import: its attempts (enforced when it is claimed, so that a file that kills
 * its parser cannot run for ever), how long its stored file is kept, and how many of its problems
 * are stored.
 */
export class RosterImportLimits1764662400000 implements MigrationInterface {
  name = 'RosterImportLimits1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE roster_imports
        ADD COLUMN max_attempts integer NOT NULL DEFAULT 3,
        ADD COLUMN file_deleted_at timestamptz,
        ADD COLUMN problem_count integer,
        ADD COLUMN problems_truncated boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_roster_imports_attempts CHECK (max_attempts >= 1)`);
    // Until now a stored file was deleted only when its import completed.
    await q.query(`
      UPDATE roster_imports i SET file_deleted_at = coalesce(i.finished_at, i.updated_at)
       WHERE NOT EXISTS (SELECT 1 FROM roster_import_files f WHERE f.import_id = i.id)`);
    // the storage quota sums these per core enterprise; the sweeper looks for expired FAILED ones
    await q.query(`CREATE INDEX ix_roster_imports_file_held ON roster_imports (core_enterprise_id) WHERE file_deleted_at IS NULL`);
    await q.query(
      `CREATE INDEX ix_roster_imports_failed_file ON roster_imports (finished_at) WHERE status = 'FAILED' AND file_deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_roster_imports_failed_file`);
    await q.query(`DROP INDEX ix_roster_imports_file_held`);
    await q.query(`
      ALTER TABLE roster_imports
        DROP CONSTRAINT ck_roster_imports_attempts,
        DROP COLUMN problems_truncated,
        DROP COLUMN problem_count,
        DROP COLUMN file_deleted_at,
        DROP COLUMN max_attempts`);
  }
}
