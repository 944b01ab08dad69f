import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * journal_lines' two foreign keys were checked per line by PostgreSQL, a query of its own each (about
 * 4 µs for the entry, 7 µs for the loan, which it also locks): more than inserting the lines, 2.5 s of
 * CPU in a 200,000-loan settlement confirmation's 400,000 lines, and twice a query per line on every
 * end of day. The statement trigger that already sums each entry's lines now checks both, once per
 * statement, the same refusal for a line of no entry or no loan:
 * - the entries, in the same pass as the sums (a statement writes the lines of a handful of them);
 * - the loans, by one pass over loan_applications when the statement's lines are many beside it
 *   (a settlement of most loans: a hash join), otherwise by probing each distinct loan's key (an end
 *   of day chunk of 10,000 loans beside a million: half the probes of the key, none locking).
 *
 * What the keys also did, refuse deleting what a line points to, still holds: entries are
 * append-only (ledger_is_immutable), and a loan with lines has a servicing row, whose own key on
 * loan_applications keeps the loan (servicing rows are never deleted).
 */
export class LedgerKeysPerStatement1765180800001 implements MigrationInterface {
  name = 'LedgerKeysPerStatement1765180800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_entry_id_fkey`);
    await q.query(`ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_loan_application_id_fkey`);
    // 2 KB a line: about what probing a loan costs beside scanning it. The aggregates make the planner
    // cost every row, not the first one found, and 64 MB lets it hash a settlement's lines in memory.
    await q.query(`
      CREATE OR REPLACE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
      DECLARE bad record; missing text;
      BEGIN
        SELECT sum(t.lines) AS lines, min(t.entry_id) FILTER (WHERE t.debit <> t.credit) AS unbalanced,
               min(t.entry_id) FILTER (WHERE e.id IS NULL) AS missing
          INTO bad
          FROM (SELECT entry_id, count(*) AS lines, sum(debit) AS debit, sum(credit) AS credit FROM inserted GROUP BY entry_id) t
          LEFT JOIN journal_entries e ON e.id = t.entry_id;
        IF bad.unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not balance', bad.unbalanced USING ERRCODE = 'check_violation';
        END IF;
        IF bad.missing IS NOT NULL THEN
          RAISE EXCEPTION 'journal lines of entry %, which does not exist', bad.missing USING ERRCODE = 'foreign_key_violation';
        END IF;
        IF bad.lines * 2048 >= pg_relation_size('loan_applications') THEN
          SELECT min(i.loan_application_id::text) INTO missing
            FROM inserted i WHERE NOT EXISTS (SELECT 1 FROM loan_applications la WHERE la.id = i.loan_application_id);
        ELSE
          SELECT min(i.id::text) INTO missing
            FROM (SELECT DISTINCT loan_application_id AS id FROM inserted) i WHERE NOT EXISTS (SELECT 1 FROM loan_applications la WHERE la.id = i.id);
        END IF;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'journal lines of loan application %, which does not exist', missing USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
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
    await q.query(`ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_loan_application_id_fkey
      FOREIGN KEY (loan_application_id) REFERENCES loan_applications (id)`);
    await q.query(
      `ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES journal_entries (id)`,
    );
  }
}
