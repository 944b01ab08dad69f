import { addDays } from '../src/common/dates.js';
import { TenantKeyEverywhere1765353600000 } from '../src/database/migrations/1765353600000-tenant-key-everywhere.js';
import { approvedBatch, approvedLoans, executeAndWait, lendingSetup, type LendingSetup } from './support/disbursements.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The data is to be distributable by core enterprise (Citus): every tenant-owned table carries
 * core_enterprise_id, NOT NULL and referencing core_enterprises. Read from the catalogue of the
 * migrated database, so that a new table has to say which it is.
 */

/** Tables of the public schema that belong to no core enterprise (pg-boss keeps its own schema, pgboss). */
const PLATFORM: Record<string, string> = {
  core_enterprises: 'the tenant itself',
  cob_runs: "the end of day is one run per business date over every core enterprise's loans",
  cob_chunks: "a date's plan: page ranges of loan_servicing, each holding loans of any core enterprise",
  cob_dates: 'the business dates closed, for the whole platform',
  idempotency_keys: 'a per-caller cache of replies (users and API keys alike), a day long',
  login_attempts: 'per user name and client address, before anyone is known',
  throttle_counters: 'per client address and global request counters',
  service_clock: "the service's one business clock",
  schema_migrations: "TypeORM's record of the migrations run",
};

/** Tenant tables whose key may be NULL, and why. */
const NULLABLE: Record<string, string> = {
  users: 'bank staff (ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR) are platform users; ENTERPRISE users have one (ck_users_enterprise_binding)',
  audit_events: 'events about platform objects (bank staff users, the clock, end-of-day runs) name none; events about tenant data do',
  journal_entries:
    'ACCRUAL entries posted before an entry was one core enterprise\u2019s span several (ck_journal_entries_core_enterprise); their lines carry it',
};

/** Tenant tables whose key has no foreign key constraint, and what guarantees it instead. */
const WITHOUT_FOREIGN_KEY: Record<string, string> = {
  audit_events: 'append-only history that must outlive what it describes; copied from the audited row',
  journal_lines: "the statement-level trigger journal_lines_balanced: a line's entry and loan must be of its core enterprise",
  settlement_lines: 'a 200,000-row COPY per file: copied from the settlement row the computation reads and updates (as its settlement_id)',
  settlement_loans: 'the same COPY as settlement_lines, from the same settlement row',
};

interface ColumnRow {
  table_name: string;
  has_key: boolean;
  nullable: boolean;
  referenced: boolean;
}

describe('every tenant-owned table carries core_enterprise_id', () => {
  let t: TestApp;
  let columns: ColumnRow[];
  let setups: LendingSetup[];

  beforeAll(async () => {
    t = await createTestApp({ CLOCK: 'simulated' });
    columns = await t.db.query(
      `SELECT c.relname AS table_name, a.attnum IS NOT NULL AS has_key, coalesce(NOT a.attnotnull, false) AS nullable,
              EXISTS (SELECT 1 FROM pg_constraint f
                       WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid = 'core_enterprises'::regclass
                         AND f.conkey = ARRAY[a.attnum]) AS referenced
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'core_enterprise_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p')
        ORDER BY c.relname`,
    );
  });

  afterAll(() => t.close());

  it('in every table of the public schema but the platform ones', () => {
    const missing = columns.filter((c) => !c.has_key && !(c.table_name in PLATFORM)).map((c) => c.table_name);
    expect(missing).toEqual([]);
    // a platform table that gained the key, or went away, should leave the list
    const listed = columns.filter((c) => !c.has_key && c.table_name in PLATFORM).map((c) => c.table_name);
    expect(listed.sort()).toEqual(Object.keys(PLATFORM).sort());
  });

  it('NOT NULL, and referencing core_enterprises, but where the exception is stated', () => {
    const tenant = columns.filter((c) => c.has_key);
    expect(tenant.filter((c) => c.nullable).map((c) => c.table_name)).toEqual(Object.keys(NULLABLE).sort());
    expect(tenant.filter((c) => !c.referenced).map((c) => c.table_name)).toEqual(Object.keys(WITHOUT_FOREIGN_KEY).sort());
  });

  it('the migration fills the key of rows written before it from their parent, and down() takes it away again', async () => {
    // two core enterprises with paid loans: loans, their history, batches, ledger entries, exposure, rulesets
    setups = [await lendingSetup(t), await lendingSetup(t)];
    for (const s of setups) {
      await approvedLoans(t, s, ['10000.00', '12500.55']);
      expect((await executeAndWait(t, s, (await approvedBatch(t, s)).id)).status).toBe('COMPLETED');
    }
    const filled = ['disbursement_items', 'loan_application_history', 'programme_exposure', 'programme_rulesets', 'supplier_exposure'];
    const keyed = async () => {
      const out: Record<string, number[]> = {};
      for (const table of [...filled, 'journal_entries'])
        out[table] = await Promise.all(
          setups.map(async (s) => {
            const [r] = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE core_enterprise_id = $1`, [s.ce.id]);
            return r.n as number;
          }),
        );
      return out;
    };
    const before = await keyed();
    for (const table of [...filled, 'journal_entries']) expect(before[table].every((n) => n > 0)).toBe(true);

    const runner = t.db.createQueryRunner();
    try {
      const migration = new TenantKeyEverywhere1765353600000();
      await migration.down(runner);
      const left = await t.db.query(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'core_enterprise_id'
            AND table_name = ANY($1::text[])`,
        [[...filled, 'journal_entries']],
      );
      expect(left).toEqual([]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await keyed()).toEqual(before);
  });

  it("posts the end of day's accruals as one entry per core enterprise, though one page range holds both's loans", async () => {
    const today = (await t.http().get('/clock').set(t.admin.auth)).body.today as string;
    expect(
      (
        await t
          .http()
          .put('/clock')
          .set(t.admin.auth)
          .send({ today: addDays(today, 1) })
      ).status,
    ).toBe(200);
    const run = await t.http().post('/cob-runs').set(t.admin.auth).send({});
    expect(run.status).toBe(202);
    for (const deadline = Date.now() + 60_000; ;) {
      const res = await t.http().get(`/cob-runs/${run.body.id}`).set(t.admin.auth);
      if (res.body.status === 'COMPLETED') break;
      if (res.body.status === 'FAILED' || Date.now() > deadline) throw new Error(`COB run: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const entries = await t.db.query(
      `SELECT e.reference, e.core_enterprise_id, array_agg(DISTINCT l.core_enterprise_id) AS lines_of
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.entry_type = 'ACCRUAL' GROUP BY e.id ORDER BY e.core_enterprise_id`,
    );
    const ces = setups.map((s) => s.ce.id).sort();
    expect(entries.map((e: any) => e.core_enterprise_id)).toEqual(ces);
    expect(entries.map((e: any) => e.lines_of)).toEqual(ces.map((id) => [id]));
    // the same chunk's
    expect(new Set(entries.map((e: any) => e.reference)).size).toBe(1);
  });
});
