// Starts (or finds) the PostgreSQL server for the e2e tests and builds one migrated template
// database that every test file clones. Plain JS: jest cannot load TypeScript global setups in ESM.
import net from 'node:net';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createDataSource, runMigrations } from '../dist/src/database/data-source.js';
import { startEmbeddedPostgres } from '../dist/src/database/embedded.js';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const pidAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dir: '.data/test', port: await freePort(), database: 'postgres', durable: false });
    globalThis.__CHAINLEND_EMBEDDED__ = embedded;
    adminUrl = embedded.adminUrl;
  }
  const prefix = `cl_test_${process.pid}`;
  const template = `${prefix}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // leftovers of runs that were killed before their teardown
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^cl_test_[0-9]+_'`);
  for (const { datname } of stale.rows) {
    const pid = Number(datname.split('_')[2]);
    if (!pidAlive(pid) || pid === process.pid) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, template);
  const ds = createDataSource(templateUrl, 2);
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  const boss = new PgBoss({ connectionString: templateUrl, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });

  process.env.CHAINLEND_TEST_ADMIN_URL = adminUrl;
  process.env.CHAINLEND_TEST_TEMPLATE = template;
  process.env.CHAINLEND_TEST_PREFIX = prefix;
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
