import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

// A `date` is a calendar day (licence expiry, value date): keep it the 'YYYY-MM-DD' text PostgreSQL
// sends, instead of pg's default of a JS Date at local midnight, which shifts with the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * The one data source definition, used by the service, the migration CLI, the tests and the
 * benchmarks. The schema comes only from the hand-reviewed migrations: never synchronize. There are
 * no entity classes: every query is explicit SQL (set-based writes, conditional updates, COPY), and
 * TypeORM provides the pool, transactions and the migration runner.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    logging: false,
    applicationName: 'chainlend',
    extra: {
      max: poolSize,
      // A statement that hangs should surface as an error, not as a request that never ends.
      statement_timeout: 120_000,
      idle_in_transaction_session_timeout: 120_000,
    },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}

/** Any fixed 64-bit key: the lock that makes concurrent instances migrate one at a time. */
const MIGRATION_LOCK_KEY = 0x43484c4e4d494752n; // "CHLNMIGR"

/** Runs pending migrations under a PostgreSQL advisory lock; answers the names it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    await runner.release();
  }
}
