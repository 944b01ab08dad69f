import { randomBytes } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { uscc } from './support/ids.js';
import { expectProblem } from './support/problems.js';
import { createTestApp, programmeBody, type TestApp } from './support/test-app.js';

/**
 * Who may call which foundation endpoint (api.md): one row per endpoint, one column per caller.
 * ENTERPRISE is tried both as a user and as an API key of the same core enterprise.
 */
const CALLERS = ['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'ENTERPRISE', 'API_KEY', 'AUDITOR', 'ANONYMOUS'] as const;
type Caller = (typeof CALLERS)[number];

interface World {
  t: TestApp;
  headers: Record<Caller, Record<string, string>>;
  own: { id: string; uscc: string; name: string };
  other: { id: string; uscc: string; name: string };
  ownProgramme: Record<string, any>;
  otherProgramme: Record<string, any>;
}

type Expect = Partial<Record<Caller, number>> & { default: number };
interface Row {
  name: string;
  send: (w: World, caller: Caller) => Promise<Response> | Test;
  expect: Expect;
}

const ADMIN_ONLY = (ok: number): Expect => ({ default: 403, ADMIN: ok, ANONYMOUS: 401 });
const EVERYONE = (ok: number): Expect => ({ default: ok, ANONYMOUS: 401 });
const STAFF_NOT_OTHER_TENANT = (ok: number): Expect => ({ default: ok, ENTERPRISE: 404, API_KEY: 404, ANONYMOUS: 401 });

const ROWS: Row[] = [
  {
    name: 'POST /users',
    send: ({ t, headers }, c) =>
      t
        .http()
        .post('/users')
        .set(headers[c])
        .send({ username: `u.${randomBytes(4).toString('hex')}`, password: 'a-long-password', role: 'OFFICER' }),
    expect: ADMIN_ONLY(201),
  },
  { name: 'GET /users', send: ({ t, headers }, c) => t.http().get('/users').set(headers[c]), expect: ADMIN_ONLY(200) },
  { name: 'GET /users/:id', send: ({ t, headers }, c) => t.http().get(`/users/${t.admin.id}`).set(headers[c]), expect: ADMIN_ONLY(200) },
  { name: 'GET /users/me', send: ({ t, headers }, c) => t.http().get('/users/me').set(headers[c]), expect: EVERYONE(200) },
  {
    name: 'POST /core-enterprises',
    send: ({ t, headers }, c) =>
      t.http().post('/core-enterprises').set(headers[c]).send({ name: 'Role Dairy', uscc: uscc(), guaranteeCap: '1000.00' }),
    expect: ADMIN_ONLY(201),
  },
  { name: 'GET /core-enterprises', send: ({ t, headers }, c) => t.http().get('/core-enterprises').set(headers[c]), expect: EVERYONE(200) },
  {
    name: 'GET /core-enterprises/:own',
    send: ({ t, headers, own }, c) => t.http().get(`/core-enterprises/${own.id}`).set(headers[c]),
    expect: EVERYONE(200),
  },
  {
    name: 'GET /core-enterprises/:other',
    send: ({ t, headers, other }, c) => t.http().get(`/core-enterprises/${other.id}`).set(headers[c]),
    expect: STAFF_NOT_OTHER_TENANT(200),
  },
  {
    name: 'PATCH /core-enterprises/:own',
    send: ({ t, headers, own }, c) => t.http().patch(`/core-enterprises/${own.id}`).set(headers[c]).send({ guaranteeCap: '2000.00' }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'PATCH /core-enterprises/:other',
    send: ({ t, headers, other }, c) => t.http().patch(`/core-enterprises/${other.id}`).set(headers[c]).send({ guaranteeCap: '2000.00' }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'POST /core-enterprises/:own/api-keys',
    send: ({ t, headers, own }, c) => t.http().post(`/core-enterprises/${own.id}/api-keys`).set(headers[c]).send({}),
    expect: ADMIN_ONLY(201),
  },
  {
    name: 'GET /core-enterprises/:own/api-keys',
    send: ({ t, headers, own }, c) => t.http().get(`/core-enterprises/${own.id}/api-keys`).set(headers[c]),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'DELETE /core-enterprises/:own/api-keys/:keyId',
    send: async ({ t, headers, own }, c) =>
      t
        .http()
        .delete(`/core-enterprises/${own.id}/api-keys/${(await t.apiKey(own.id)).id}`)
        .set(headers[c]),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'POST /programmes',
    send: ({ t, headers, own }, c) => t.http().post('/programmes').set(headers[c]).send(programmeBody(own.id)),
    expect: ADMIN_ONLY(201),
  },
  { name: 'GET /programmes', send: ({ t, headers }, c) => t.http().get('/programmes').set(headers[c]), expect: EVERYONE(200) },
  {
    name: 'GET /programmes/:own',
    send: ({ t, headers, ownProgramme }, c) => t.http().get(`/programmes/${ownProgramme.id}`).set(headers[c]),
    expect: EVERYONE(200),
  },
  {
    name: 'GET /programmes/:other',
    send: ({ t, headers, otherProgramme }, c) => t.http().get(`/programmes/${otherProgramme.id}`).set(headers[c]),
    expect: STAFF_NOT_OTHER_TENANT(200),
  },
  {
    name: 'GET /programmes/:own/rulesets',
    send: ({ t, headers, ownProgramme }, c) => t.http().get(`/programmes/${ownProgramme.id}/rulesets`).set(headers[c]),
    expect: EVERYONE(200),
  },
  {
    name: 'GET /programmes/:other/rulesets',
    send: ({ t, headers, otherProgramme }, c) => t.http().get(`/programmes/${otherProgramme.id}/rulesets`).set(headers[c]),
    expect: STAFF_NOT_OTHER_TENANT(200),
  },
  {
    name: 'PATCH /programmes/:own',
    send: ({ t, headers, ownProgramme }, c) => t.http().patch(`/programmes/${ownProgramme.id}`).set(headers[c]).send({ name: 'Renamed' }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'PATCH /programmes/:other',
    send: ({ t, headers, otherProgramme }, c) =>
      t.http().patch(`/programmes/${otherProgramme.id}`).set(headers[c]).send({ name: 'Renamed' }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'GET /audit-events',
    send: ({ t, headers }, c) => t.http().get('/audit-events').set(headers[c]),
    expect: { default: 403, ADMIN: 200, AUDITOR: 200, ANONYMOUS: 401 },
  },
];

const CASES = ROWS.flatMap((row) => CALLERS.map((caller) => [row.name, caller, row.expect[caller] ?? row.expect.default, row] as const));

const CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

describe('roles on the foundation endpoints', () => {
  const w = {} as World;

  beforeAll(async () => {
    const t = await createTestApp();
    w.t = t;
    w.own = await t.coreEnterprise();
    w.other = await t.coreEnterprise();
    w.ownProgramme = await t.programme(w.own.id, { name: 'Own programme' });
    w.otherProgramme = await t.programme(w.other.id, { name: 'Other programme with private terms' });
    w.headers = {
      ADMIN: t.admin.auth,
      OFFICER: (await t.user('OFFICER')).auth,
      SENIOR_OFFICER: (await t.user('SENIOR_OFFICER')).auth,
      ENTERPRISE: (await t.user('ENTERPRISE', w.own.id)).auth,
      API_KEY: (await t.apiKey(w.own.id)).auth,
      AUDITOR: (await t.user('AUDITOR')).auth,
      ANONYMOUS: {},
    };
  });
  afterAll(async () => {
    await w.t?.close();
  });

  it.each(CASES)('%s as %s → %i', async (_, caller, status, row) => {
    const res = await row.send(w, caller);
    if (status >= 400) {
      expectProblem(res, status, CODES[status]);
      // a refusal never carries the other tenant's data
      const text = JSON.stringify(res.body);
      for (const secret of [w.other.uscc, w.other.name, w.otherProgramme.name]) expect(text).not.toContain(secret);
    } else {
      expect(res.status).toBe(status);
    }
  });

  it.each(['ENTERPRISE', 'API_KEY'] as const)('lists only its own core enterprise and programmes for %s', async (caller) => {
    const ces = await w.t.http().get('/core-enterprises').set(w.headers[caller]);
    expect(ces.body.items.map((c: { id: string }) => c.id)).toEqual([w.own.id]);
    const programmes = await w.t.http().get('/programmes').set(w.headers[caller]);
    expect(programmes.body.total).toBeGreaterThan(0);
    for (const p of programmes.body.items) expect(p.coreEnterpriseId).toBe(w.own.id);
  });

  it.each(['OFFICER', 'SENIOR_OFFICER', 'AUDITOR'] as const)('lists every core enterprise for %s', async (caller) => {
    const ces = await w.t.http().get('/core-enterprises').query({ pageSize: 500 }).set(w.headers[caller]);
    const ids = ces.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([w.own.id, w.other.id]));
  });
});
