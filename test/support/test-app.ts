import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createApiDocument } from '../../src/app.setup.js';
import { createRootLogger, PinoNestLogger } from '../../src/common/logging.js';
import { DEV_ADMIN_PASSWORD, DEV_ADMIN_USERNAME, loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { Role } from '../../src/common/access/roles.js';
import { uscc } from './ids.js';
import { programmeBody } from './programme-body.js';
import { responseRecorder, responseViolations, type ObservedResponse, type OpenApiDocument } from './response-validation.js';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  token: string;
  auth: { Authorization: string };
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: DataSource;
  databaseUrl: string;
  /** Every log line the app wrote (the tests check that nothing secret is in them). */
  logs: string[];
  http(): ReturnType<typeof request>;
  admin: TestUser;
  login(username: string, password: string): Promise<string>;
  user(role: Role, coreEnterpriseId?: string): Promise<TestUser>;
  coreEnterprise(overrides?: Record<string, unknown>): Promise<{ id: string; uscc: string; name: string }>;
  programme(coreEnterpriseId: string, overrides?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Issues an API key for a core enterprise; `auth` is the header its systems would send. */
  apiKey(coreEnterpriseId: string, name?: string): Promise<{ id: string; key: string; keyPrefix: string; auth: { 'X-Api-Key': string } }>;
  close(): Promise<void>;
}

export { programmeBody, STANDARD_FORMULA, STANDARD_RULES } from './programme-body.js';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database cloned from the migrated template, and the app on it: one per test file. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env.CHAINLEND_TEST_ADMIN_URL;
  const template = process.env.CHAINLEND_TEST_TEMPLATE;
  const prefix = process.env.CHAINLEND_TEST_PREFIX;
  if (!adminUrl || !template || !prefix) throw new Error('run e2e tests through jest (the global setup prepares the database)');
  const dbName = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, dbName);

  // Every test logs in from loopback again and again: only the tests of the rate limits set them low.
  const config = loadConfig({
    NODE_ENV: 'test',
    JOB_POLLING_MS: '500',
    THROTTLE_PER_ADDRESS: '1000000',
    THROTTLE_GLOBAL: '1000000',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(chunk.toString());
      if (process.env.TEST_LOGS) process.stderr.write(chunk);
      done();
    },
  });
  // the service's own logger (its serializers and redaction), writing where the tests can read it
  const logger = createRootLogger(process.env.TEST_LOG_LEVEL ?? 'info', sink);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  // before the routes, so that it sees every answer; checked against the document when the file closes
  const responses: ObservedResponse[] = [];
  app.use(responseRecorder(responses));
  configureApp(app, logger);
  await app.init();
  const db = app.get<DataSource>(getDataSourceToken());
  const server = app.getHttpServer();
  const http = () => request(server);

  const login = async (username: string, password: string) => {
    const res = await http().post('/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login(DEV_ADMIN_USERNAME, DEV_ADMIN_PASSWORD);
  // the bootstrap admin's id scopes its idempotency keys and names it in audit events
  const me = await http().get('/users/me').set('Authorization', `Bearer ${adminToken}`);
  if (me.status !== 200) throw new Error(`who is the admin: ${me.status} ${JSON.stringify(me.body)}`);
  const adminUser: TestUser = {
    id: me.body.id as string,
    username: DEV_ADMIN_USERNAME,
    password: DEV_ADMIN_PASSWORD,
    role: 'ADMIN',
    token: adminToken,
    auth: { Authorization: `Bearer ${adminToken}` },
  };

  let seq = 0;
  const t: TestApp = {
    app,
    config,
    db,
    databaseUrl,
    logs,
    http,
    admin: adminUser,
    login,
    async user(role, coreEnterpriseId) {
      const username = `${role.toLowerCase()}.${++seq}.${randomBytes(3).toString('hex')}`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const res = await http().post('/users').set(adminUser.auth).send({ username, password, role, coreEnterpriseId });
      if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
      const token = await login(username, password);
      return { id: res.body.id, username, password, role, token, auth: { Authorization: `Bearer ${token}` } };
    },
    async coreEnterprise(overrides = {}) {
      const body = { name: `牧业集团 ${++seq}`, uscc: uscc(), guaranteeCap: '50000000.00', ...overrides };
      const res = await http().post('/core-enterprises').set(adminUser.auth).send(body);
      if (res.status !== 201) throw new Error(`create core enterprise: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async programme(coreEnterpriseId, overrides = {}) {
      const res = await http().post('/programmes').set(adminUser.auth).send(programmeBody(coreEnterpriseId, overrides));
      if (res.status !== 201) throw new Error(`create programme: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async apiKey(coreEnterpriseId, name) {
      const res = await http()
        .post(`/core-enterprises/${coreEnterpriseId}/api-keys`)
        .set(adminUser.auth)
        .send(name ? { name } : {});
      if (res.status !== 201) throw new Error(`create api key: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id, key: res.body.key, keyPrefix: res.body.keyPrefix, auth: { 'X-Api-Key': res.body.key as string } };
    },
    async close() {
      // the document as a client would read it: the served one, or the same built for an app that serves none
      const served = config.apiDocsEnabled ? await http().get('/docs-json') : undefined;
      const doc = (served?.body ?? createApiDocument(app)) as OpenApiDocument;
      const violations = responseViolations(doc, responses);
      await app.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await a.end();
      if (violations.length) {
        throw new Error(`${violations.length} responses do not match the OpenAPI document:\n  ${violations.join('\n  ')}`);
      }
    },
  };
  return t;
}
