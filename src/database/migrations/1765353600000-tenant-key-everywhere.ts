import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each table that lacked the tenant key, and the parent row (table, its key column here) it is copied from. */
const FROM_PARENT: readonly { table: string; parent: string; via: string }[] = [
  { table: 'disbursement_items', parent: 'disbursement_batches', via: 'batch_id' },
  { table: 'loan_application_history', parent: 'loan_applications', via: 'loan_application_id' },
  { table: 'programme_exposure', parent: 'programmes', via: 'programme_id' },
  { table: 'programme_rulesets', parent: 'programmes', via: 'programme_id' },
  { table: 'repayments', parent: 'loan_applications', via: 'loan_application_id' },
  { table: 'roster_import_errors', parent: 'roster_imports', via: 'import_id' },
  { table: 'roster_import_files', parent: 'roster_imports', via: 'import_id' },
  { table: 'settlement_files', parent: 'settlements', via: 'settlement_id' },
  { table: 'settlement_lines', parent: 'settlements', via: 'settlement_id' },
  { table: 'supplier_exposure', parent: 'programmes', via: 'programme_id' },
];

/**
 * Every tenant-owned row carries its core enterprise (core_enterprise_id), so that the data can be
 * distributed by core enterprise (Citus): a row must know its shard without a join to its parent.
 * The key is copied from the parent row by each writer, which has it at hand.
 *
 * Foreign keys to core_enterprises everywhere but settlement_lines: the settlement's computation COPYs
 * a line per roster row (200,000 per file) and a key checked by a query per row is what
 * SettlementRowsWithoutParentKey removed; it copies the key from the settlement row it reads and then
 * updates, like the settlement id. settlement_loans had the key only on a row with a prepared
 * repayment (ck_settlement_loans_prepared): the computation now writes it on every row, from the
 * same settlement row, also without a foreign key. journal_lines, which already had the column, gets the same
 * guarantee from the statement-level trigger that replaced its keys: the entry and the loan a line
 * names must be of the line's core enterprise (one probe per distinct entry and loan, as before).
 *
 * journal_entries: an entry is one core enterprise's. The end of day used to post one ACCRUAL entry per
 * page range of loans, whatever their core enterprise; it now posts one per core enterprise in the
 * range. Entries posted before, whose lines name several core enterprises, keep a NULL key: only an
 * ACCRUAL may (ck_journal_entries_core_enterprise), and since a line can only be added to an entry
 * of its own core enterprise, an entry without one can have no new line.
 *
 * No new index: every query on these tables goes through the parent key, which is already indexed.
 */
export class TenantKeyEverywhere1765353600000 implements MigrationInterface {
  name = 'TenantKeyEverywhere1765353600000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, parent, via } of FROM_PARENT) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN core_enterprise_id uuid`);
      await q.query(`UPDATE ${table} t SET core_enterprise_id = p.core_enterprise_id FROM ${parent} p WHERE p.id = t.${via}`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN core_enterprise_id SET NOT NULL`);
      if (table !== 'settlement_lines')
        await q.query(
          `ALTER TABLE ${table} ADD CONSTRAINT ${table}_core_enterprise_id_fkey FOREIGN KEY (core_enterprise_id) REFERENCES core_enterprises (id)`,
        );
    }

    await q.query(`ALTER TABLE journal_entries ADD COLUMN core_enterprise_id uuid REFERENCES core_enterprises (id)`);
    // the ledger is append-only for the application; the migration writes the new column only
    await q.query(`ALTER TABLE journal_entries DISABLE TRIGGER journal_entries_immutable`);
    await q.query(`
      UPDATE journal_entries e SET core_enterprise_id = l.core_enterprise_id
        FROM (SELECT entry_id, min(core_enterprise_id::text)::uuid AS core_enterprise_id FROM journal_lines
               GROUP BY entry_id HAVING count(DISTINCT core_enterprise_id) = 1) l
       WHERE l.entry_id = e.id`);
    await q.query(`ALTER TABLE journal_entries ENABLE TRIGGER journal_entries_immutable`);
    await q.query(`
      ALTER TABLE journal_entries ADD CONSTRAINT ck_journal_entries_core_enterprise
        CHECK (core_enterprise_id IS NOT NULL OR entry_type = 'ACCRUAL')`);

    await q.query(`
      UPDATE settlement_loans l SET core_enterprise_id = s.core_enterprise_id FROM settlements s
       WHERE s.id = l.settlement_id AND l.core_enterprise_id IS NULL`);
    await q.query(`ALTER TABLE settlement_loans DROP CONSTRAINT ck_settlement_loans_prepared`);
    await q.query(`ALTER TABLE settlement_loans ADD CONSTRAINT ck_settlement_loans_prepared CHECK (${preparedCheck(false)})`);
    await q.query(`ALTER TABLE settlement_loans ALTER COLUMN core_enterprise_id SET NOT NULL`);

    await q.query(journalLinesChecks(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(journalLinesChecks(false));
    await q.query(`ALTER TABLE settlement_loans ALTER COLUMN core_enterprise_id DROP NOT NULL`);
    await q.query(`ALTER TABLE settlement_loans DROP CONSTRAINT ck_settlement_loans_prepared`);
    await q.query(`UPDATE settlement_loans SET core_enterprise_id = NULL WHERE next_state IS NULL`);
    await q.query(`ALTER TABLE settlement_loans ADD CONSTRAINT ck_settlement_loans_prepared CHECK (${preparedCheck(true)})`);
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT ck_journal_entries_core_enterprise`);
    await q.query(`ALTER TABLE journal_entries DROP COLUMN core_enterprise_id`);
    for (const { table } of [...FROM_PARENT].reverse()) await q.query(`ALTER TABLE ${table} DROP COLUMN core_enterprise_id`);
  }
}

/** ck_settlement_loans_prepared: a loan's prepared repayment is all there or not at all (`withTenant`: so is its core enterprise). */
function preparedCheck(withTenant: boolean): string {
  const ce = (is: string) => (withTenant ? ` AND core_enterprise_id ${is}` : '');
  return `(next_state IS NULL AND supplier_id IS NULL AND programme_id IS NULL${ce('IS NULL')} AND penalty IS NULL AND interest IS NULL
             AND principal IS NULL AND next_status IS NULL AND next_principal_outstanding IS NULL AND next_dpd IS NULL AND next_overdue IS NULL
             AND next_classification IS NULL AND freed_amount IS NULL AND freed_guaranteed IS NULL)
          OR (next_state IS NOT NULL AND supplier_id IS NOT NULL AND programme_id IS NOT NULL${ce('IS NOT NULL')} AND penalty >= 0 AND interest >= 0
             AND principal >= 0 AND penalty + interest + principal > 0 AND next_status IS NOT NULL AND next_principal_outstanding IS NOT NULL
             AND next_dpd IS NOT NULL AND next_overdue IS NOT NULL AND next_classification IS NOT NULL AND freed_amount IS NOT NULL
             AND freed_guaranteed IS NOT NULL)`;
}

/**
 * The statement-level checks of journal_lines. `tenant`: a line's entry and its loan must both be of
 * the line's core enterprise (the same probes as before, one per distinct entry and loan).
 */
function journalLinesChecks(tenant: boolean): string {
  const sameTenant = (alias: string) => (tenant ? ` AND ${alias}.core_enterprise_id = i.core_enterprise_id` : '');
  const key = tenant ? ', core_enterprise_id' : '';
  const where = tenant ? ' in the core enterprise of its line' : '';
  return `
      CREATE OR REPLACE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
      DECLARE unbalanced bigint; orphan text;
      BEGIN
        SELECT entry_id INTO unbalanced FROM inserted GROUP BY entry_id HAVING sum(debit) <> sum(credit) LIMIT 1;
        IF unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
        END IF;
        SELECT i.entry_id::text INTO orphan FROM (SELECT DISTINCT entry_id${key} FROM inserted) i
         WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = i.entry_id${sameTenant('e')}) LIMIT 1;
        IF orphan IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not exist${where}', orphan USING ERRCODE = 'foreign_key_violation';
        END IF;
        SELECT i.loan_application_id::text INTO orphan FROM (SELECT DISTINCT loan_application_id${key} FROM inserted) i
         WHERE NOT EXISTS (SELECT 1 FROM loan_applications a WHERE a.id = i.loan_application_id${sameTenant('a')}) LIMIT 1;
        IF orphan IS NOT NULL THEN
          RAISE EXCEPTION 'loan application % does not exist${where}', orphan USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`;
}
