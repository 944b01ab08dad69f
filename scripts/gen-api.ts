/**
 * npm run gen:api: writes the console's copy of the OpenAPI document and the client types generated
 * from it. The document is the one the service serves at /docs-json: this starts the service on a
 * throw-away database (a fresh database on DATABASE_URL's server, or a throw-away embedded cluster),
 * reads /docs-json, and stops. `-- --from http://host:port` reads a running service instead.
 */
import { writeFile } from 'node:fs/promises';
import { startService, throwAwayDatabase } from '../bench/support.js';
import { documentText, OPENAPI_JSON, SCHEMA_TS, schemaText } from './openapi-client.js';

async function fetchDocument(base: string): Promise<unknown> {
  const res = await fetch(new URL('/docs-json', base));
  if (!res.ok) throw new Error(`GET ${base}/docs-json answered ${res.status}`);
  return res.json();
}

/** The document the built service serves (as npm start runs it), on a throw-away database. */
async function bootAndFetch(): Promise<unknown> {
  const db = await throwAwayDatabase('cl_genapi');
  try {
    const service = await startService(db.databaseUrl, { ...db.env, API_DOCS_ENABLED: 'true' }, { captureOutput: true });
    try {
      return await fetchDocument(service.url);
    } finally {
      await service.stop();
    }
  } finally {
    await db.drop();
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--from');
  const document = at > 0 ? await fetchDocument(process.argv[at + 1]) : await bootAndFetch();
  await writeFile(OPENAPI_JSON, documentText(document));
  await writeFile(SCHEMA_TS, await schemaText(document));
  console.log(`wrote ${OPENAPI_JSON} and ${SCHEMA_TS}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
