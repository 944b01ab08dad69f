import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 9 (hardening) for lending: the blacklist in every programme. */
export class LendingControls1764835200000 implements MigrationInterface {
  name = 'LendingControls1764835200000';

  async up(q: QueryRunner): Promise<void> {
    // Screenings stored before the blacklist applied to every programme: one that judged a blacklisted
    // supplier eligible (its programme had no rule on it) now says what a screening today would.
    await q.query(`
      UPDATE screening_results SET eligible = false, credit_limit = 0, failed_rules = array_prepend('blacklist', failed_rules)
       WHERE (facts ->> 'blacklisted')::boolean AND NOT ('blacklist' = ANY (failed_rules))`);
  }

  async down(): Promise<void> {
    // the screenings corrected by up() are right under either version of the code: nothing to undo
  }
}
