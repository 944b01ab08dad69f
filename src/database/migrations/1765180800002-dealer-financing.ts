import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dealer financing (domain.md "Downstream"): DOWNSTREAM programmes lend a core enterprise's dealers up
 * to advance_ratio of a purchase order the core enterprise confirmed, paid to the core enterprise's
 * collection account. One order finances at most one live loan: a partial unique index, so that two
 * applications racing for one order cannot both be made.
 */
export class DealerFinancing1765180800002 implements MigrationInterface {
  name = 'DealerFinancing1765180800002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE programmes
        ADD COLUMN direction text NOT NULL DEFAULT 'UPSTREAM',
        ADD COLUMN advance_ratio numeric(5,4),
        ADD CONSTRAINT ck_programmes_direction CHECK (direction IN ('UPSTREAM', 'DOWNSTREAM')),
        ADD CONSTRAINT ck_programmes_advance_ratio
          CHECK ((direction = 'DOWNSTREAM') = (advance_ratio IS NOT NULL) AND (advance_ratio IS NULL OR (advance_ratio > 0 AND advance_ratio <= 1)))`);

    await q.query(`ALTER TABLE core_enterprises ADD COLUMN collection_account text, ADD COLUMN collection_bank_name text`);

    await q.query(`
      CREATE TABLE purchase_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        dealer_id uuid NOT NULL REFERENCES suppliers (id),
        order_no text NOT NULL,
        amount numeric(18,2) NOT NULL,
        order_date date NOT NULL,
        confirmed_by jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_purchase_orders_order_no UNIQUE (core_enterprise_id, order_no),
        CONSTRAINT ck_purchase_orders_amount CHECK (amount > 0)
      )`);
    await q.query(`CREATE INDEX ix_purchase_orders_dealer ON purchase_orders (dealer_id)`);

    await q.query(`ALTER TABLE loan_applications ADD COLUMN purchase_order_id uuid REFERENCES purchase_orders (id)`);
    // a live loan: anything not refused, withdrawn or repaid
    await q.query(`
      CREATE UNIQUE INDEX uq_loan_applications_live_order ON loan_applications (purchase_order_id)
       WHERE purchase_order_id IS NOT NULL AND status NOT IN ('REJECTED_INELIGIBLE', 'REJECTED', 'CANCELLED', 'REPAID')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_loan_applications_live_order`);
    await q.query(`ALTER TABLE loan_applications DROP COLUMN purchase_order_id`);
    await q.query(`DROP TABLE purchase_orders`);
    await q.query(`ALTER TABLE core_enterprises DROP COLUMN collection_account, DROP COLUMN collection_bank_name`);
    await q.query(`ALTER TABLE programmes DROP CONSTRAINT ck_programmes_advance_ratio, DROP CONSTRAINT ck_programmes_direction`);
    await q.query(`ALTER TABLE programmes DROP COLUMN advance_ratio, DROP COLUMN direction`);
  }
}
