import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserLifecycleAndThrottling1764921600000 implements MigrationInterface {
  name = 'UserLifecycleAndThrottling1764921600000';

  async up(q: QueryRunner): Promise<void> {
    // Every token carries the token_version it was issued under; bumping it revokes them all.
    await q.query(`
      ALTER TABLE users
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN disabled_reason text,
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT ck_users_disabled_reason CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))`);

    // Failed logins per (username, client address), and per username from every address under the
    // client '*'. A row is reserved before the password is checked, so parallel guesses all count.
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`
      CREATE TABLE login_attempts (
        username_key text NOT NULL,
        client text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        blocked_until timestamptz,
        last_failure_at timestamptz,
        last_success_at timestamptz,
        forget_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_login_attempts PRIMARY KEY (username_key, client),
        CONSTRAINT ck_login_attempts_failures CHECK (failures >= 0)
      )`);
    await q.query(`CREATE INDEX ix_login_attempts_forget_at ON login_attempts (forget_at)`);

    // Request counters of the rate limits on unauthenticated routes, shared by every instance.
    await q.query(`
      CREATE TABLE throttle_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    // greatest() skips NULLs: a row is dead once its window and its block (if any) are over
    await q.query(`CREATE INDEX ix_throttle_counters_expiry ON throttle_counters (greatest(window_ends_at, blocked_until))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttle_counters`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`
      CREATE TABLE login_throttle (
        username_key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT ck_users_disabled_reason,
        DROP COLUMN token_version,
        DROP COLUMN disabled_reason,
        DROP COLUMN disabled_at`);
  }
}
