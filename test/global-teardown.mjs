import pg from 'pg';

export default async function globalTeardown() {
  const adminUrl = process.env.CHAINLEND_TEST_ADMIN_URL;
  const prefix = process.env.CHAINLEND_TEST_PREFIX;
  if (adminUrl && prefix) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const dbs = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__CHAINLEND_EMBEDDED__?.stop();
}
