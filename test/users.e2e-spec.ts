import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../src/common/access/roles.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const uniqueName = (prefix: string) => `${prefix}.${randomBytes(4).toString('hex')}`;
const PASSWORD = 'correct horse battery staple';

describe('users', () => {
  let t: TestApp;
  let ce: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    ce = await t.coreEnterprise();
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: Record<string, unknown>) => t.http().post('/users').set(t.admin.auth).send(body);

  it.each(ROLES)('creates a %s user who can then log in', async (role: Role) => {
    const username = uniqueName(role.toLowerCase());
    const coreEnterpriseId = role === 'ENTERPRISE' ? ce.id : undefined;
    const res = await create({ username, password: PASSWORD, role, coreEnterpriseId });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      username,
      role,
      coreEnterpriseId: coreEnterpriseId ?? null,
      createdAt: expect.any(String),
      disabled: false,
      disabledAt: null,
      disabledReason: null,
    });

    const token = await t.login(username, PASSWORD);
    const me = await t.http().get('/users/me').set('Authorization', `Bearer ${token}`);
    expect(me.body).toEqual({ kind: 'USER', id: res.body.id, name: username, role, coreEnterpriseId: coreEnterpriseId ?? null });
  });

  it('never answers a password or its hash', async () => {
    const username = uniqueName('secretive');
    const created = await create({ username, password: PASSWORD, role: 'OFFICER' });
    const one = await t.http().get(`/users/${created.body.id}`).set(t.admin.auth);
    const list = await t.http().get('/users').query({ pageSize: 500 }).set(t.admin.auth);
    expect(one.status).toBe(200);
    expect(list.status).toBe(200);
    expect(list.body.items.some((u: { id: string }) => u.id === created.body.id)).toBe(true);
    for (const body of [created.body, one.body, list.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/argon2|password/i);
    }
  });

  it('stores an argon2id hash, not the password', async () => {
    const created = await create({ username: uniqueName('hashed'), password: PASSWORD, role: 'AUDITOR' });
    const [row] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [created.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('audits the creation without the password', async () => {
    const username = uniqueName('audited');
    const created = await create({ username, password: PASSWORD, role: 'ENTERPRISE', coreEnterpriseId: ce.id });
    const audit = await t.http().get('/audit-events').query({ entityType: 'User', entityId: created.body.id }).set(t.admin.auth);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'USER_CREATED',
        actor: { kind: 'USER', id: t.admin.id, name: t.admin.username, role: 'ADMIN' },
        coreEnterpriseId: ce.id,
        after: { username, role: 'ENTERPRISE', coreEnterpriseId: ce.id },
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(PASSWORD);
  });

  it('pages the list', async () => {
    await create({ username: uniqueName('page.a'), password: PASSWORD, role: 'OFFICER' });
    await create({ username: uniqueName('page.b'), password: PASSWORD, role: 'OFFICER' });
    const first = await t.http().get('/users').query({ page: 1, pageSize: 1 }).set(t.admin.auth);
    const second = await t.http().get('/users').query({ page: 2, pageSize: 1 }).set(t.admin.auth);
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
    expect(first.body.total).toBeGreaterThanOrEqual(3);
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expectFieldError(await t.http().get('/users').query({ pageSize: 501 }).set(t.admin.auth), 'pageSize');
    expectFieldError(await t.http().get('/users').query({ page: 0 }).set(t.admin.auth), 'page');
  });

  it.each([
    ['no', {}],
    ['a null', { coreEnterpriseId: null }],
  ])('requires a core enterprise for an ENTERPRISE user, refusing %s core enterprise', async (_, given) => {
    const res = await create({ username: uniqueName('unbound'), password: PASSWORD, role: 'ENTERPRISE', ...given });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'coreEnterpriseId', code: 'REQUIRED' })]);
  });

  it.each(['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR'])('refuses a core enterprise for a %s user', async (role) => {
    const res = await create({ username: uniqueName('bound'), password: PASSWORD, role, coreEnterpriseId: ce.id });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'coreEnterpriseId', code: 'NOT_ALLOWED' })]);
  });

  it('names a short password and a missing core enterprise in one 400', async () => {
    const res = await create({ username: uniqueName('two.problems'), password: 'short', role: 'ENTERPRISE' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
      'coreEnterpriseId:REQUIRED',
      'password:INVALID_MIN_LENGTH',
    ]);
  });

  it('answers 404 for a core enterprise that does not exist', async () => {
    const res = await create({
      username: uniqueName('lost'),
      password: PASSWORD,
      role: 'ENTERPRISE',
      coreEnterpriseId: '00000000-0000-4000-8000-000000000000',
    });
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const username = uniqueName('Taken');
    expect((await create({ username, password: PASSWORD, role: 'OFFICER' })).status).toBe(201);
    expectProblem(await create({ username, password: PASSWORD, role: 'AUDITOR' }), 409, 'USERNAME_TAKEN');
    expectProblem(await create({ username: username.toUpperCase(), password: PASSWORD, role: 'OFFICER' }), 409, 'USERNAME_TAKEN');
    expectProblem(await create({ username: username.toLowerCase(), password: PASSWORD, role: 'OFFICER' }), 409, 'USERNAME_TAKEN');
    // the bootstrap admin's name is taken too
    expectProblem(await create({ username: t.admin.username.toUpperCase(), password: PASSWORD, role: 'OFFICER' }), 409, 'USERNAME_TAKEN');
  });

  it.each([
    ['username', { username: 'a b', password: PASSWORD, role: 'OFFICER' }, 'INVALID_MATCHES'],
    ['username', { username: 'ab', password: PASSWORD, role: 'OFFICER' }, 'INVALID_MATCHES'],
    ['username', { password: PASSWORD, role: 'OFFICER' }, 'REQUIRED'],
    ['password', { username: 'short.pw', password: 'short', role: 'OFFICER' }, 'INVALID_MIN_LENGTH'],
    ['password', { username: 'no.pw', role: 'OFFICER' }, 'REQUIRED'],
    ['role', { username: 'bad.role', password: PASSWORD, role: 'ROOT' }, 'INVALID_VALUE'],
    ['role', { username: 'no.role', password: PASSWORD }, 'REQUIRED'],
    ['coreEnterpriseId', { username: 'bad.ce', password: PASSWORD, role: 'ENTERPRISE', coreEnterpriseId: 'not-a-uuid' }, 'INVALID_UUID'],
    ['isAdmin', { username: 'extra.field', password: PASSWORD, role: 'OFFICER', isAdmin: true }, 'UNKNOWN_FIELD'],
  ])('refuses a bad %s: %j', async (field, body, code) => {
    const error = expectFieldError(await create(body), field, code);
    expect(error).toMatchObject({ field, code });
  });

  it('answers one user by id, 404 for an unknown one and 400 for a malformed id', async () => {
    const created = await create({ username: uniqueName('by-id'), password: PASSWORD, role: 'OFFICER' });
    const one = await t.http().get(`/users/${created.body.id}`).set(t.admin.auth);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: created.body.id, role: 'OFFICER' });
    const unknown = expectProblem(await t.http().get('/users/00000000-0000-4000-8000-000000000000').set(t.admin.auth), 404, 'NOT_FOUND');
    expect(unknown.code).toBe('NOT_FOUND');
    const malformed = expectFieldError(await t.http().get('/users/42').set(t.admin.auth), 'id', 'INVALID_UUID');
    expect(malformed).toMatchObject({ field: 'id', code: 'INVALID_UUID' });
  });
});
