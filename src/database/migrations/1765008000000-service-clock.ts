import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceClock1765008000000 implements MigrationInterface {
  name = 'ServiceClock1765008000000';

  async up(q: QueryRunner): Promise<void> {
    // The simulated business date (CLOCK=simulated), one row shared by every instance and kept across
    // restarts. NULL until an ADMIN first sets it: until then the real date applies.
    await q.query(`
      CREATE TABLE service_clock (
        id boolean PRIMARY KEY DEFAULT true,
        today date,
        updated_at timestamptz,
        updated_by text,
        CONSTRAINT ck_service_clock_one_row CHECK (id)
      )`);
    await q.query(`INSERT INTO service_clock (id) VALUES (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_clock`);
  }
}
