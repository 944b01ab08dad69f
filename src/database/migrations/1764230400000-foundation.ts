import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core_enterprises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        uscc text NOT NULL,
        guarantee_cap numeric(18,2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_core_enterprises_uscc UNIQUE (uscc),
        CONSTRAINT ck_core_enterprises_guarantee_cap CHECK (guarantee_cap >= 0)
      )`);

    // Running totals that loan approvals reserve against, kept apart from the master row so that
    // approvals lock only the counter.
    await q.query(`
      CREATE TABLE core_enterprise_exposure (
        core_enterprise_id uuid PRIMARY KEY REFERENCES core_enterprises (id),
        guaranteed_exposure numeric(18,2) NOT NULL DEFAULT 0,
        CONSTRAINT ck_core_enterprise_exposure_non_negative CHECK (guaranteed_exposure >= 0)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        core_enterprise_id uuid REFERENCES core_enterprises (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_role CHECK (role IN ('ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'ENTERPRISE', 'AUDITOR')),
        CONSTRAINT ck_users_enterprise_binding CHECK ((role = 'ENTERPRISE') = (core_enterprise_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_username ON users (lower(username))`);
    await q.query(`CREATE INDEX ix_users_core_enterprise ON users (core_enterprise_id) WHERE core_enterprise_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        name text NOT NULL,
        key_prefix text NOT NULL,
        key_hash text NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
      )`);
    await q.query(`CREATE INDEX ix_api_keys_core_enterprise ON api_keys (core_enterprise_id)`);

    await q.query(`
      CREATE TABLE login_throttle (
        username_key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await q.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        name text NOT NULL,
        product_type text NOT NULL,
        min_amount numeric(18,2) NOT NULL,
        max_amount numeric(18,2) NOT NULL,
        min_term_days integer NOT NULL,
        max_term_days integer NOT NULL,
        annual_rate numeric(12,10) NOT NULL,
        programme_cap numeric(18,2) NOT NULL,
        guarantee_ratio numeric(12,10) NOT NULL,
        four_eyes_threshold numeric(18,2) NOT NULL,
        day_count_basis text NOT NULL DEFAULT 'ACT/360',
        time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
        active boolean NOT NULL DEFAULT true,
        ruleset_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_programmes_amounts CHECK (min_amount > 0 AND min_amount <= max_amount),
        CONSTRAINT ck_programmes_terms CHECK (min_term_days > 0 AND min_term_days <= max_term_days),
        CONSTRAINT ck_programmes_rate CHECK (annual_rate >= 0 AND annual_rate < 1),
        CONSTRAINT ck_programmes_guarantee_ratio CHECK (guarantee_ratio > 0 AND guarantee_ratio <= 1),
        CONSTRAINT ck_programmes_cap CHECK (programme_cap >= 0),
        CONSTRAINT ck_programmes_four_eyes CHECK (four_eyes_threshold >= 0),
        CONSTRAINT ck_programmes_day_count CHECK (day_count_basis IN ('ACT/360', 'ACT/365'))
      )`);
    await q.query(`CREATE INDEX ix_programmes_core_enterprise ON programmes (core_enterprise_id)`);

    await q.query(`
      CREATE TABLE programme_exposure (
        programme_id uuid PRIMARY KEY REFERENCES programmes (id),
        outstanding_amount numeric(18,2) NOT NULL DEFAULT 0,
        CONSTRAINT ck_programme_exposure_non_negative CHECK (outstanding_amount >= 0)
      )`);

    await q.query(`
      CREATE TABLE programme_rulesets (
        programme_id uuid NOT NULL REFERENCES programmes (id),
        version integer NOT NULL,
        eligibility_rules jsonb NOT NULL,
        limit_formula jsonb NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (programme_id, version)
      )`);

    // Append-only: the trigger refuses UPDATE and DELETE for every role that is not a superuser
    // bypassing triggers, so history cannot be rewritten through the application.
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_kind text NOT NULL,
        actor_id text,
        actor_name text,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        core_enterprise_id uuid,
        before jsonb,
        after jsonb,
        correlation_id text
      )`);
    await q.query(`CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        caller text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        state text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (caller, key),
        CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))
      )`);
    await q.query(`CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE programme_rulesets`);
    await q.query(`DROP TABLE programme_exposure`);
    await q.query(`DROP TABLE programmes`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE core_enterprise_exposure`);
    await q.query(`DROP TABLE core_enterprises`);
  }
}
