import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/app.setup.js';
import { createRootLogger, PinoNestLogger } from '../src/common/logging.js';
import { addDays, getEligibility, todayIn } from './support/eligibility.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { insertSuppliers } from './support/suppliers.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

/** Another instance of the service on the same database, as a restart would bring up. */
async function secondInstance(t: TestApp): Promise<NestExpressApplication> {
  const logger = createRootLogger('silent');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...t.config, runWorkers: false }), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  configureApp(app, logger);
  await app.init();
  return app;
}

describe('the simulated clock (CLOCK=simulated)', () => {
  let t: TestApp;
  let officer: TestUser;
  let senior: TestUser;
  let auditor: TestUser;
  let enterprise: TestUser;
  const realToday = () => todayIn('Asia/Shanghai');

  const getClock = (auth: Record<string, string>) => t.http().get('/clock').set(auth);
  const putClock = (auth: Record<string, string>, body: unknown) =>
    t
      .http()
      .put('/clock')
      .set(auth)
      .send(body as object);
  const clockEvents = async () =>
    (await t.http().get('/audit-events').query({ entityType: 'Clock', pageSize: 500 }).set(t.admin.auth)).body.items as Record<
      string,
      any
    >[];

  beforeAll(async () => {
    t = await createTestApp({ CLOCK: 'simulated' });
    const ce = await t.coreEnterprise();
    [officer, senior, auditor, enterprise] = await Promise.all([
      t.user('OFFICER'),
      t.user('SENIOR_OFFICER'),
      t.user('AUDITOR'),
      t.user('ENTERPRISE', ce.id),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the real date until an ADMIN sets one, to every staff role; ENTERPRISE 403, no credentials 401', async () => {
    for (const who of [t.admin, officer, senior, auditor]) {
      const res = await getClock(who.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ mode: 'simulated', today: realToday(), timeZone: 'Asia/Shanghai', set: false });
    }
    expectProblem(await getClock(enterprise.auth), 403, 'FORBIDDEN');
    expectProblem(await t.http().get('/clock'), 401, 'UNAUTHENTICATED');
  });

  it('lets only an ADMIN set it: other roles 403, no credentials 401, and nothing changes', async () => {
    const body = { today: addDays(realToday(), 1) };
    for (const who of [officer, senior, auditor, enterprise]) expectProblem(await putClock(who.auth, body), 403, 'FORBIDDEN');
    expectProblem(await t.http().put('/clock').send(body), 401, 'UNAUTHENTICATED');
    expect((await getClock(t.admin.auth)).body.set).toBe(false);
  });

  it.each([
    ['an impossible date', { today: '2026-02-30' }, 'INVALID_DATE'],
    ['another format', { today: '2026/12/01' }, 'INVALID_DATE'],
    ['a timestamp', { today: '2026-12-01T00:00:00Z' }, 'INVALID_DATE'],
    ['a number', { today: 20261201 }, undefined],
    ['nothing', {}, 'REQUIRED'],
  ])('answers 400 naming today for %s', async (_, body, code) => {
    expectFieldError(await putClock(t.admin.auth, body), 'today', code);
  });

  it('refuses an unknown field with 400', async () => {
    expectFieldError(await putClock(t.admin.auth, { today: addDays(realToday(), 1), timeZone: 'UTC' }), 'timeZone', 'UNKNOWN_FIELD');
  });

  it('refuses a date before the real one with 409 CLOCK_BACKWARDS while none is set', async () => {
    const p = expectProblem(await putClock(t.admin.auth, { today: addDays(realToday(), -1) }), 409, 'CLOCK_BACKWARDS');
    expect(p.today).toBe(realToday());
  });

  describe('once moved forward', () => {
    const simulated = () => addDays(realToday(), 40);

    beforeAll(async () => {
      const res = await putClock(t.admin.auth, { today: simulated() });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ mode: 'simulated', today: simulated(), timeZone: 'Asia/Shanghai', set: true });
    });

    it('answers the new date to every reader', async () => {
      expect((await getClock(auditor.auth)).body).toEqual({ mode: 'simulated', today: simulated(), timeZone: 'Asia/Shanghai', set: true });
    });

    it('audits who moved it, from what to what', async () => {
      const events = await clockEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'CLOCK_SET',
        entityType: 'Clock',
        actor: { kind: 'USER', id: t.admin.id, role: 'ADMIN' },
        before: { today: null },
        after: { today: simulated() },
      });
    });

    it('never goes back: an earlier date is 409 CLOCK_BACKWARDS, even the real one; the same date is accepted and changes nothing', async () => {
      for (const earlier of [addDays(simulated(), -1), realToday()]) {
        const p = expectProblem(await putClock(t.admin.auth, { today: earlier }), 409, 'CLOCK_BACKWARDS');
        expect(p.today).toBe(simulated());
      }
      const same = await putClock(t.admin.auth, { today: simulated() });
      expect(same.status).toBe(200);
      expect(same.body.today).toBe(simulated());
      expect(await clockEvents()).toHaveLength(1);
    });

    it('screens on the simulated date: the evaluation date and the days a certificate has left count from it', async () => {
      const ce = await t.coreEnterprise();
      const programme = await t.programme(ce.id);
      const [s] = await insertSuppliers(t, ce.id, [{ epidemicCertExpiry: addDays(simulated(), 10) }]);
      const res = await getEligibility(t, officer.auth, s.id, programme.id);
      expect(res.status).toBe(200);
      expect(res.body.evaluationDate).toBe(simulated());
      const cert = (res.body.results as { rule: string; actual: unknown; passed: boolean }[]).find((r) => r.rule === 'epidemic-cert');
      // 50 days from the real date, 10 from the simulated one: the rule wants 30
      expect(cert).toMatchObject({ actual: 10, passed: false });
      expect(res.body.eligible).toBe(false);
    });

    it('keeps the date in the database: another instance of the service (a restart) reads the same date', async () => {
      const other = await secondInstance(t);
      try {
        const res = await request(other.getHttpServer()).get('/clock').set(t.admin.auth);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ mode: 'simulated', today: simulated(), timeZone: 'Asia/Shanghai', set: true });
        // and it refuses to go back there too
        expectProblem(
          await request(other.getHttpServer())
            .put('/clock')
            .set(t.admin.auth)
            .send({ today: addDays(simulated(), -1) }),
          409,
          'CLOCK_BACKWARDS',
        );
      } finally {
        await other.close();
      }
    });

    it('moves on forward again', async () => {
      const later = addDays(simulated(), 31);
      const res = await putClock(t.admin.auth, { today: later });
      expect(res.status).toBe(200);
      expect(res.body.today).toBe(later);
      const events = await clockEvents();
      expect(events.at(-1)).toMatchObject({ before: { today: simulated() }, after: { today: later } });
    });
  });
});

describe('the real clock (CLOCK=real, the default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the real business date', async () => {
    const res = await t.http().get('/clock').set(t.admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mode: 'real', today: todayIn('Asia/Shanghai'), timeZone: 'Asia/Shanghai', set: false });
  });

  it('refuses to be set: 409 CLOCK_NOT_SIMULATED, and nothing is audited', async () => {
    expectProblem(
      await t
        .http()
        .put('/clock')
        .set(t.admin.auth)
        .send({ today: addDays(todayIn('Asia/Shanghai'), 1) }),
      409,
      'CLOCK_NOT_SIMULATED',
    );
    const events = await t.http().get('/audit-events').query({ entityType: 'Clock' }).set(t.admin.auth);
    expect(events.body.items).toEqual([]);
    // a malformed date is still a malformed date
    expectFieldError(await t.http().put('/clock').set(t.admin.auth).send({ today: 'tomorrow' }), 'today', 'INVALID_DATE');
  });
});
