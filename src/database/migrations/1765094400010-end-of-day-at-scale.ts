import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The end of day writes two journal lines per open loan and date: two million a date at a million
 * loans. Their foreign keys were checked row by row (two index probes and trigger calls per line,
 * about three quarters of the insert's time, measured), so the same guarantee moves into the
 * statement-level trigger that already checks the balance: one anti-join per statement over just
 * the lines it inserted (with memory enough to hash a settlement's 400,000 lines). A parent is
 * protected as before: journal entries are immutable, and a loan application with ledger lines can
 * neither be deleted nor change its id. Lines are found by loan (statements) and by programme (the
 * portfolio); by entry only to audit one, and entry ids grow with the table, so a BRIN index serves
 * that for almost nothing where the B-tree, one key repeated twenty thousand times per end-of-day
 * entry, cost a quarter of each insert (measured).
 *
 * loan_servicing is rewritten every date, a page range at a time (one transaction writes every row
 * of a page), and yesterday's versions can only be pruned once the writer commits: a fill factor of
 * 50 (70 before) leaves room on each page for the new version of every row on it, so the end of
 * day's updates stay HOT (no index entry, the row stays on its page) instead of moving rows to the
 * table's end.
 *
 * cob_chunks: a date's plan, one row per range of the servicing table's pages (cob-plan.ts
 * pageRanges says why physical), each closed by a job of the queue (pg-boss) on any instance. A
 * chunk is done in the same transaction as its loans, so the driver knows a date is finished when
 * every chunk of it is; attempts and error say why one is not.
 */
export class EndOfDayAtScale1765094400010 implements MigrationInterface {
  name = 'EndOfDayAtScale1765094400010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_entry_id_fkey`);
    await q.query(`ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_loan_application_id_fkey`);
    await q.query(`DROP INDEX ix_journal_lines_entry`);
    await q.query(`CREATE INDEX ix_journal_lines_entry ON journal_lines USING brin (entry_id)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
      DECLARE unbalanced bigint; orphan text;
      BEGIN
        SELECT entry_id INTO unbalanced FROM inserted GROUP BY entry_id HAVING sum(debit) <> sum(credit) LIMIT 1;
        IF unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
        END IF;
        SELECT i.entry_id::text INTO orphan FROM (SELECT DISTINCT entry_id FROM inserted) i
         WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = i.entry_id) LIMIT 1;
        IF orphan IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not exist', orphan USING ERRCODE = 'foreign_key_violation';
        END IF;
        SELECT i.loan_application_id::text INTO orphan FROM (SELECT DISTINCT loan_application_id FROM inserted) i
         WHERE NOT EXISTS (SELECT 1 FROM loan_applications a WHERE a.id = i.loan_application_id) LIMIT 1;
        IF orphan IS NOT NULL THEN
          RAISE EXCEPTION 'loan application % does not exist', orphan USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION loan_applications_keep_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM journal_lines WHERE loan_application_id = OLD.id) THEN
          RAISE EXCEPTION 'loan application % has ledger lines: % refused', OLD.id, TG_OP USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER loan_applications_keep_ledger BEFORE DELETE OR UPDATE OF id ON loan_applications
        FOR EACH ROW EXECUTE FUNCTION loan_applications_keep_ledger()`);
    await q.query(`ALTER TABLE loan_servicing SET (fillfactor = 50)`);
    await q.query(`
      CREATE TABLE cob_chunks (
        business_date date NOT NULL,
        lo tid NOT NULL,
        hi tid,
        run_id uuid NOT NULL REFERENCES cob_runs (id),
        loans integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        done_at timestamptz,
        PRIMARY KEY (business_date, lo),
        CONSTRAINT ck_cob_chunks_range CHECK (hi IS NULL OR lo < hi)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cob_chunks`);
    await q.query(`ALTER TABLE loan_servicing SET (fillfactor = 70)`);
    await q.query(`DROP TRIGGER loan_applications_keep_ledger ON loan_applications`);
    await q.query(`DROP FUNCTION loan_applications_keep_ledger()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE unbalanced bigint;
      BEGIN
        SELECT entry_id INTO unbalanced FROM inserted GROUP BY entry_id HAVING sum(debit) <> sum(credit) LIMIT 1;
        IF unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`ALTER TABLE journal_lines ADD FOREIGN KEY (loan_application_id) REFERENCES loan_applications (id)`);
    await q.query(`ALTER TABLE journal_lines ADD FOREIGN KEY (entry_id) REFERENCES journal_entries (id)`);
    await q.query(`DROP INDEX ix_journal_lines_entry`);
    await q.query(`CREATE INDEX ix_journal_lines_entry ON journal_lines (entry_id)`);
  }
}
