/**
 * npm run gen:api: writes the console's copy of the OpenAPI document and the client types generated
 * from it. The document is the one the service serves at /docs-json: this starts the service on a
 * throw-away database (a fresh database on DATABASE_URL's server, or a throw-away embedded cluster),
 * reads /docs-json, and stops. `-- --from http://host:port` reads a running service instead.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/app.setup.js';
import { createRootLogger, PinoNestLogger } from '../src/common/logging.js';
import { loadConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres } from '../src/database/embedded.js';
import { prepareDatabase } from '../src/database/prepare.js';
import { documentText, OPENAPI_JSON, SCHEMA_TS, schemaText } from './openapi-client.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function fetchDocument(base: string): Promise<unknown> {
  const res = await fetch(new URL('/docs-json', base));
  if (!res.ok) throw new Error(`GET ${base}/docs-json answered ${res.status}`);
  return res.json();
}

/** A database nobody else uses, and how to get rid of it. */
async function throwAwayDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `cl_genapi_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  await mkdir('.data', { recursive: true });
  const dir = await mkdtemp(path.resolve('.data/gen-api-'));
  // as root, the embedded PostgreSQL runs as the OS user postgres, which must reach its folder
  await chmod(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'chainlend', durable: false });
  return {
    url: embedded.url,
    async drop() {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function bootAndFetch(): Promise<unknown> {
  const db = await throwAwayDatabase();
  try {
    const config = loadConfig({ ...process.env, NODE_ENV: 'development', API_DOCS_ENABLED: 'true', DATABASE_URL: db.url, PORT: '0' });
    const logger = createRootLogger('fatal');
    await prepareDatabase(config, () => undefined);
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bodyParser: false,
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    configureApp(app, logger);
    await app.listen(0, '127.0.0.1');
    try {
      return await fetchDocument(`http://127.0.0.1:${(app.getHttpServer().address() as net.AddressInfo).port}`);
    } finally {
      await app.close();
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
