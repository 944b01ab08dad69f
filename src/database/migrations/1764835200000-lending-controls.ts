import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9 (hardening) for lending: the blacklist in every programme, idempotency keys whose work
 * committed, and the role of whoever approved or wrote a ruleset (what a core enterprise is shown).
 */
export class LendingControls1764835200000 implements MigrationInterface {
  name = 'LendingControls1764835200000';

  async up(q: QueryRunner): Promise<void> {
    // Screenings stored before the blacklist applied to every programme: one that judged a blacklisted
    // supplier eligible (its programme had no rule on it) now says what a screening today would.
    await q.query(`
      UPDATE screening_results SET eligible = false, credit_limit = 0, failed_rules = array_prepend('blacklist', failed_rules)
       WHERE (facts ->> 'blacklisted')::boolean AND NOT ('blacklist' = ANY (failed_rules))`);

    // Set in the transaction of the key's work, so that a key whose work committed is never run again;
    // OUTCOME_UNKNOWN: the request failed (or its response was lost) after some of its work committed.
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN work_committed_at timestamptz`);
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT ck_idempotency_keys_state`);
    await q.query(
      `ALTER TABLE idempotency_keys ADD CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('IN_PROGRESS', 'COMPLETED', 'OUTCOME_UNKNOWN'))`,
    );

    // A core enterprise sees the bank's staff by role, not by name: the approvers' roles, from the
    // history row each approval wrote.
    await q.query(`ALTER TABLE loan_applications ADD COLUMN first_approved_by_role text, ADD COLUMN approved_by_role text`);
    await q.query(`
      UPDATE loan_applications la SET first_approved_by_role = h.actor_role
        FROM loan_application_history h
       WHERE h.loan_application_id = la.id AND h.to_status = 'PENDING_SECOND_APPROVAL' AND h.actor_id = la.first_approved_by_id`);
    await q.query(`
      UPDATE loan_applications la SET approved_by_role = h.actor_role
        FROM loan_application_history h
       WHERE h.loan_application_id = la.id AND h.to_status = 'APPROVED' AND h.from_status IN ('PENDING_REVIEW', 'PENDING_SECOND_APPROVAL')
         AND h.actor_id = la.approved_by_id`);
    // rulesets have only ever been written through the ADMIN-only programme routes
    await q.query(`ALTER TABLE programme_rulesets ADD COLUMN created_by_role text`);
    await q.query(`UPDATE programme_rulesets SET created_by_role = 'ADMIN' WHERE created_by IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_rulesets DROP COLUMN created_by_role`);
    await q.query(`ALTER TABLE loan_applications DROP COLUMN first_approved_by_role, DROP COLUMN approved_by_role`);
    await q.query(`DELETE FROM idempotency_keys WHERE state = 'OUTCOME_UNKNOWN'`);
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT ck_idempotency_keys_state`);
    await q.query(`ALTER TABLE idempotency_keys ADD CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN work_committed_at`);
    // the screenings corrected by up() are right under either version of the code: nothing to undo there
  }
}
