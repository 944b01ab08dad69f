import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { documentText, OPENAPI_JSON, SCHEMA_TS, schemaText } from '../scripts/openapi-client.js';
import { startService, type Service } from '../bench/support.js';

/**
 * The console's client is generated from the served document (npm run gen:api): the committed copies
 * must be today's. The document is read from the built service, as `npm start` serves it.
 */
describe('the console client is generated from the served document', () => {
  const adminUrl = process.env.CHAINLEND_TEST_ADMIN_URL!;
  const dbName = `${process.env.CHAINLEND_TEST_PREFIX}_${randomBytes(5).toString('hex')}`;
  let service: Service;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${process.env.CHAINLEND_TEST_TEMPLATE}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    service = await startService(url.toString(), {}, { captureOutput: true });
  });
  afterAll(async () => {
    await service?.stop();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  const stale = (file: string) => `${file} is not generated from the served document: run npm run gen:api`;

  it('the committed openapi.json is what /docs-json serves', async () => {
    const served = await fetch(`${service.url}/docs-json`);
    expect(served.status).toBe(200);
    if ((await readFile(OPENAPI_JSON, 'utf8')) !== documentText(await served.json())) throw new Error(stale(OPENAPI_JSON));
  });

  it('the committed schema.d.ts is what openapi-typescript makes of it', async () => {
    const committed = JSON.parse(await readFile(OPENAPI_JSON, 'utf8')) as unknown;
    if ((await readFile(SCHEMA_TS, 'utf8')) !== (await schemaText(committed))) throw new Error(stale(SCHEMA_TS));
  });
});
