import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A direct repayment names the journal entry that posted it. A loan's statement lists every
 * REPAYMENT entry of the loan as a repayment: the direct ones with their repayments row (the bank
 * reference, the officer), the others as a settlement's allocations, which have no row of their own.
 */
export class RepaymentEntries1765094400012 implements MigrationInterface {
  name = 'RepaymentEntries1765094400012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repayments ADD COLUMN entry_id bigint REFERENCES journal_entries (id)`);
    await q.query(`
      UPDATE repayments r SET entry_id = (
        SELECT e.id FROM journal_entries e
         WHERE e.entry_type = 'REPAYMENT' AND e.reference = r.reference
           AND EXISTS (SELECT 1 FROM journal_lines l WHERE l.entry_id = e.id AND l.loan_application_id = r.loan_application_id)
         ORDER BY e.id LIMIT 1)`);
    await q.query(`ALTER TABLE repayments ALTER COLUMN entry_id SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ux_repayments_entry ON repayments (entry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ux_repayments_entry`);
    await q.query(`ALTER TABLE repayments DROP COLUMN entry_id`);
  }
}
