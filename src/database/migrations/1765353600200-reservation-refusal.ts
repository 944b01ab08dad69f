import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A final approval sends its reservation and its COMMIT in one message, so that the programme's and
 * the core enterprise's counter rows, which every approval of a programme updates, stay locked only
 * while the database works and never while the service's event loop gets round to sending COMMIT. A
 * COMMIT in the same message runs whatever the statement before it answered, so a reservation that
 * does not fit must fail as an error, which skips it: this function raises one naming the limit.
 */
export class ReservationRefusal1765353600200 implements MigrationInterface {
  name = 'ReservationRefusal1765353600200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_reservation(refused text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'reservation refused' USING ERRCODE = 'CLRSV', DETAIL = refused;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION refuse_reservation(text)`);
  }
}
