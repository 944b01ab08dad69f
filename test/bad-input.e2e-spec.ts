import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../src/common/access/roles.js';
import { PageQuery } from '../src/common/pagination.js';
import { uscc } from './support/ids.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { fillPath, pathParams, routeHandlers, type RouteHandler } from './support/routes.js';
import { createTestApp, programmeBody, type TestApp } from './support/test-app.js';

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';

/** JSON nested far deeper than any body of the API, yet small: what overflowed recursive readers. */
const deepJson = (depth: number) => `{"probe":${'['.repeat(depth)}${']'.repeat(depth)}}`;

const takesPages = (h: RouteHandler) =>
  ((Reflect.getMetadata('design:paramtypes', h.klass.prototype, h.method) ?? []) as unknown[]).some(
    (type) => typeof type === 'function' && (type === PageQuery || type.prototype instanceof PageQuery),
  );

describe('bad input is a 400, never a 500', () => {
  let t: TestApp;
  let handlers: RouteHandler[];
  const callers = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestApp();
    handlers = routeHandlers(t.app);
    const ce = await t.coreEnterprise();
    callers.set('ADMIN', t.admin.auth);
    for (const role of ['OFFICER', 'SENIOR_OFFICER', 'AUDITOR'] as const) callers.set(role, (await t.user(role)).auth);
    callers.set('ENTERPRISE', (await t.user('ENTERPRISE', ce.id)).auth);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A request to the route by someone it lets in, its path parameters filled with `param`. */
  const call = (h: RouteHandler, param: (name: string) => string = () => randomUUID()) => {
    const req = t.http()[h.verb as 'get' | 'post' | 'put' | 'patch' | 'delete'](fillPath(h.path, param));
    return h.isPublic ? req : req.set(callers.get(h.roles![0])!);
  };
  const mutating = () => handlers.filter((h) => h.verb !== 'get');
  const describeMismatch = (h: RouteHandler, res: Response) =>
    `${h.verb.toUpperCase()} ${h.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  const hasFieldError = (res: Response, field: string, code: string) =>
    res.status === 400 &&
    res.body.code === 'VALIDATION_FAILED' &&
    (res.body.errors ?? []).some((e: { field: string; code: string }) => e.field === field && e.code === code);

  it('walks a control set of routes (the checks below cover each of them)', () => {
    expect(mutating().length).toBeGreaterThanOrEqual(20);
    expect(handlers.filter((h) => pathParams(h.path).length).length).toBeGreaterThanOrEqual(20);
    expect(handlers.filter(takesPages).length).toBeGreaterThanOrEqual(8);
    expect(handlers).toContainEqual(expect.objectContaining({ verb: 'post', path: '/auth/login', isPublic: true }));
  });

  it.each([
    ['a NUL', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ])('answers every route 400 INVALID_CHARACTER for %s in a body string, at any depth', async (_, bad) => {
    const wrong: string[] = [];
    for (const h of mutating()) {
      const res = await call(h).send({ probe: [{ deeper: bad }] });
      if (!hasFieldError(res, 'probe[0].deeper', 'INVALID_CHARACTER')) wrong.push(describeMismatch(h, res));
    }
    expect(wrong).toEqual([]);
  });

  it('answers every route 400 INVALID_CHARACTER for a NUL in a query parameter', async () => {
    const wrong: string[] = [];
    for (const h of handlers) {
      const res = await call(h).query({ probe: NUL });
      if (!hasFieldError(res, 'probe', 'INVALID_CHARACTER')) wrong.push(describeMismatch(h, res));
    }
    expect(wrong).toEqual([]);
  });

  it('answers every route 400 INVALID_CHARACTER for a NUL in a path parameter', async () => {
    const wrong: string[] = [];
    for (const h of handlers) {
      for (const param of pathParams(h.path)) {
        const res = await call(h, (name) => (name === param ? 'a%00b' : randomUUID()));
        if (!hasFieldError(res, param, 'INVALID_CHARACTER')) wrong.push(describeMismatch(h, res));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers every route 400 JSON_TOO_DEEP for a body nested thousands of levels, the public login included', async () => {
    const wrong: string[] = [];
    for (const h of mutating()) {
      const res = await call(h).set('Content-Type', 'application/json').send(deepJson(5000));
      if (res.status !== 400 || res.body.code !== 'JSON_TOO_DEEP') wrong.push(describeMismatch(h, res));
    }
    expect(wrong).toEqual([]);
  });

  it('answers every list 400 naming `page` when it is huge, and no route a 5xx', async () => {
    const wrong: string[] = [];
    for (const h of handlers.filter((x) => x.verb === 'get')) {
      for (const page of ['1e300', '1000001', String(Number.MAX_SAFE_INTEGER)]) {
        const res = await call(h).query({ page });
        const ok = takesPages(h)
          ? res.status === 400 && (res.body.errors ?? []).some((e: { field: string }) => e.field === 'page')
          : res.status < 500;
        if (!ok) wrong.push(`page=${page} ${describeMismatch(h, res)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still takes the largest page', async () => {
    const res = await t.http().get('/core-enterprises').query({ page: 1_000_000 }).set(t.admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], page: 1_000_000 });
  });

  describe('where it used to reach the database', () => {
    it('refuses a NUL in a login', async () => {
      const error = expectFieldError(
        await t
          .http()
          .post('/auth/login')
          .send({ username: `admin${NUL}`, password: 'whatever-it-is' }),
        'username',
        'INVALID_CHARACTER',
      );
      expect(error).toMatchObject({ field: 'username', code: 'INVALID_CHARACTER' });
    });

    it('refuses deep JSON on the login before reading it', async () => {
      const problem = expectProblem(
        await t
          .http()
          .post('/auth/login')
          .set('Content-Type', 'application/json')
          .send(`{"username":${'['.repeat(20000)}${']'.repeat(20000)}}`),
        400,
        'JSON_TOO_DEEP',
      );
      expect(problem).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    });

    it('refuses a NUL in a name, and a lone surrogate in a rule, naming each', async () => {
      const inName = expectFieldError(
        await t.http().post('/core-enterprises').set(t.admin.auth).send({ name: NUL, uscc: uscc(), guaranteeCap: '1.00' }),
        'name',
        'INVALID_CHARACTER',
      );
      expect(inName).toMatchObject({ field: 'name', code: 'INVALID_CHARACTER' });
      const ce = await t.coreEnterprise();
      const rules = [{ name: LONE_SURROGATE, fact: 'herdSize', operator: '>=', value: 10 }];
      const inRule = expectFieldError(
        await t
          .http()
          .post('/programmes')
          .set(t.admin.auth)
          .send(programmeBody(ce.id, { eligibilityRules: rules })),
        'eligibilityRules[0].name',
        'INVALID_CHARACTER',
      );
      expect(inRule).toMatchObject({ field: 'eligibilityRules[0].name', code: 'INVALID_CHARACTER' });
    });

    it('refuses a NUL in a search', async () => {
      const error = expectFieldError(await t.http().get('/core-enterprises').query({ q: NUL }).set(t.admin.auth), 'q', 'INVALID_CHARACTER');
      expect(error).toMatchObject({ field: 'q', code: 'INVALID_CHARACTER' });
    });

    it('refuses a NUL in a path parameter that is not a UUID', async () => {
      const error = expectFieldError(
        await t.http().get('/bank-sim/transfers/E2E%00X').set(t.admin.auth),
        'endToEndId',
        'INVALID_CHARACTER',
      );
      expect(error).toMatchObject({ field: 'endToEndId', code: 'INVALID_CHARACTER' });
    });

    it('refuses a huge page', async () => {
      const error = expectFieldError(await t.http().get('/programmes').query({ page: '1e300' }).set(t.admin.auth), 'page');
      expect(error.field).toBe('page');
    });

    it('names every bad field of a request at once: path, query and body', async () => {
      const res = await t
        .http()
        .post(`/programmes/a%00b/loan-applications:batch`)
        .query({ probe: NUL })
        .set(callers.get('OFFICER')!)
        .send({ applications: [{ purpose: LONE_SURROGATE }] });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
        'id:INVALID_CHARACTER',
        'probe:INVALID_CHARACTER',
        'applications[0].purpose:INVALID_CHARACTER',
      ]);
    });
  });
});
