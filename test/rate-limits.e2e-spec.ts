import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import request from 'supertest';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/app.setup.js';
import { PgThrottlerStorage } from '../src/auth/pg-throttler-storage.js';
import { ThrottleSweeper } from '../src/auth/throttle-sweeper.js';
import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Per-address and global limits on the unauthenticated routes (POST /auth/login), counted in
 * PostgreSQL so that they hold across instances. X-Forwarded-For is believed because this app
 * trusts its loopback proxy (TRUST_PROXY=loopback).
 */
const PER_ADDRESS = 5;
const GLOBAL = 12;
const WINDOW_SECONDS = 60;

describe('rate limits on unauthenticated routes', () => {
  let t: TestApp;
  let second: NestExpressApplication | undefined;
  let addressSeq = 0;
  const freshAddress = () => `198.18.${Math.floor(++addressSeq / 250)}.${addressSeq % 250}`;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      THROTTLE_PER_ADDRESS: String(PER_ADDRESS),
      THROTTLE_GLOBAL: String(GLOBAL),
      THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });
  beforeEach(async () => {
    await t.db.query(`DELETE FROM throttle_counters`);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  /** A wrong password for a username of its own, so that only the rate limits can answer 429. */
  const attempt = (from: string, app = t.app) =>
    request(app.getHttpServer())
      .post('/auth/login')
      .set('X-Forwarded-For', from)
      .send({ username: `nobody.${addressSeq}.${Math.random()}`, password: 'wrong' });

  it(`refuses the login request after ${PER_ADDRESS} from one address in the window with 429 RATE_LIMITED and Retry-After, without slowing other addresses`, async () => {
    const from = freshAddress();
    for (let i = 0; i < PER_ADDRESS; i++) expectProblem(await attempt(from), 401, 'INVALID_CREDENTIALS');
    const refused = await attempt(from);
    expectProblem(refused, 429, 'RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expectProblem(await attempt(freshAddress()), 401, 'INVALID_CREDENTIALS');
  });

  it('counts an IPv6 client by its /64, so that one host cannot hop through its own addresses', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) expectProblem(await attempt(`2001:db8:1:2::${i + 1}`), 401, 'INVALID_CREDENTIALS');
    const sameHost = expectProblem(await attempt('2001:db8:1:2:ffff::9'), 429, 'RATE_LIMITED');
    expect(sameHost).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const nextHost = expectProblem(await attempt('2001:db8:1:3::1'), 401, 'INVALID_CREDENTIALS');
    expect(nextHost).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });

  it(`refuses login requests beyond ${GLOBAL} in the window from all addresses together`, async () => {
    for (let i = 0; i < GLOBAL; i++) expectProblem(await attempt(freshAddress()), 401, 'INVALID_CREDENTIALS');
    const refused = await attempt(freshAddress());
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('holds across instances on one database, also for parallel requests', async () => {
    second = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...t.config, runWorkers: false }), {
      bodyParser: false,
      logger: false,
    });
    configureApp(second, pino({ level: 'silent' }));
    await second.init();

    const from = freshAddress();
    expectProblem(await attempt(from, t.app), 401, 'INVALID_CREDENTIALS');
    expectProblem(await attempt(from, second), 401, 'INVALID_CREDENTIALS');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(from, i % 2 ? second! : t.app)));
    expect(answers.filter((r) => r.status === 401)).toHaveLength(PER_ADDRESS - 2);
    for (const r of answers.filter((a) => a.status !== 401)) expectProblem(r, 429, 'RATE_LIMITED');
  });

  it('ignores the health check and authenticated requests: they add no counter and are never refused', async () => {
    const from = freshAddress();
    for (let i = 0; i < PER_ADDRESS + 3; i++) {
      expect((await t.http().get('/health').set('X-Forwarded-For', from)).status).toBe(200);
      expect((await t.http().get('/users/me').set(t.admin.auth).set('X-Forwarded-For', from)).status).toBe(200);
    }
    expect(await t.db.query(`SELECT key FROM throttle_counters`)).toEqual([]);
  });

  it('sweeps counters whose window and block are over, and forgotten login failures', async () => {
    const storage = t.app.get(PgThrottlerStorage);
    const from = freshAddress();
    for (let i = 0; i < PER_ADDRESS + 1; i++) await attempt(from);
    await storage.increment('finished-window', 1000, 10, 1000);
    await t.db.query(`UPDATE throttle_counters SET window_ends_at = now() - interval '1 second' WHERE key = 'finished-window'`);
    await t.db.query(
      `INSERT INTO login_attempts (username_key, client, failures, last_failure_at, forget_at)
       VALUES ('old.failure', '203.0.113.1', 2, now() - interval '2 days', now() - interval '1 day'),
              ('recent.failure', '203.0.113.1', 2, now(), now() + interval '1 day')`,
    );
    const live = await t.db.query(`SELECT count(*)::int AS n FROM throttle_counters`);

    await t.app.get(ThrottleSweeper).sweep();

    const counters = await t.db.query(`SELECT key FROM throttle_counters`);
    expect(counters.map((r: { key: string }) => r.key)).not.toContain('finished-window');
    expect(counters).toHaveLength(live[0].n - 1);
    const attempts = await t.db.query(`SELECT username_key FROM login_attempts WHERE username_key IN ('old.failure', 'recent.failure')`);
    expect(attempts).toEqual([{ username_key: 'recent.failure' }]);
    // the address still blocked stays blocked
    expectProblem(await attempt(from), 429, 'RATE_LIMITED');
  });
});
