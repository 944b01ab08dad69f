import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A settlement's lines and loans had a foreign key to their settlement, checked by a query per row
 * (about 4 µs, with a lock on the same settlement row each time): 0.8-1.6 s of a 200,000-row file's
 * computation, which now also writes the repayment each loan's allocation prepares. Like their
 * supplier and loan ids, the settlement id is copied by the computation, their only writer, from the
 * settlement row its transaction reads and then updates (it commits nothing if that row is gone), and
 * settlements are never deleted.
 */
export class SettlementRowsWithoutParentKey1765094400013 implements MigrationInterface {
  name = 'SettlementRowsWithoutParentKey1765094400013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settlement_lines DROP CONSTRAINT settlement_lines_settlement_id_fkey`);
    await q.query(`ALTER TABLE settlement_loans DROP CONSTRAINT settlement_loans_settlement_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE settlement_loans ADD CONSTRAINT settlement_loans_settlement_id_fkey FOREIGN KEY (settlement_id) REFERENCES settlements (id)`,
    );
    await q.query(
      `ALTER TABLE settlement_lines ADD CONSTRAINT settlement_lines_settlement_id_fkey FOREIGN KEY (settlement_id) REFERENCES settlements (id)`,
    );
  }
}
