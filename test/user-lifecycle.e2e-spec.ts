import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

/**
 * Disabling users, resetting and changing passwords and revoking tokens, all of which the auth guard
 * checks on every request against the user's row: a departed officer's token stops working at once.
 */
describe('user lifecycle', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, auth: Record<string, string>, body: Record<string, unknown> = {}) => t.http().post(path).set(auth).send(body);
  const me = (auth: Record<string, string>) => t.http().get('/users/me').set(auth);
  const login = (username: string, password: string) => t.http().post('/auth/login').send({ username, password });
  const eventsOf = async (entityId: string, action?: string) => {
    const res = await t
      .http()
      .get('/audit-events')
      .query({ entityType: 'User', entityId, ...(action ? { action } : {}) })
      .set(t.admin.auth);
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  };
  const userView = (u: TestUser, extra: Record<string, unknown> = {}) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    coreEnterpriseId: null,
    createdAt: expect.any(String),
    disabled: false,
    disabledAt: null,
    disabledReason: null,
    ...extra,
  });
  const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

  describe('the auth guard reads the user on every request', () => {
    it('applies a role change at once, to tokens issued before it', async () => {
      const u = await t.user('OFFICER');
      expect((await t.http().get('/programmes').set(u.auth)).status).toBe(200);
      await t.db.query(`UPDATE users SET role = 'AUDITOR' WHERE id = $1`, [u.id]);
      expect((await me(u.auth)).body).toMatchObject({ id: u.id, role: 'AUDITOR' });
      expectProblem(await t.http().post('/core-enterprises').set(u.auth).send({}), 403, 'FORBIDDEN');
    });

    it('refuses a well signed token of a user that does not exist', async () => {
      const token = await new JwtService({}).signAsync(
        { sub: randomUUID(), usr: 'ghost', role: 'ADMIN', ce: null, ver: 0 },
        { secret: t.config.jwtSecret, issuer: 'chainlend', expiresIn: 60 },
      );
      const problem = expectProblem(await me({ Authorization: `Bearer ${token}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses a well signed token without a token version', async () => {
      const u = await t.user('AUDITOR');
      const token = await new JwtService({}).signAsync(
        { sub: u.id, usr: u.username, role: u.role, ce: null },
        { secret: t.config.jwtSecret, issuer: 'chainlend', expiresIn: 60 },
      );
      const problem = expectProblem(await me({ Authorization: `Bearer ${token}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });
  });

  describe('POST /users/:id/disable and /enable', () => {
    it('disables a user: their tokens stop working, their login is refused like a wrong password, and both are audited', async () => {
      const u = await t.user('OFFICER');
      const res = await post(`/users/${u.id}/disable`, t.admin.auth, { reason: 'left the bank on 2026-11-30' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        userView(u, { disabled: true, disabledAt: expect.any(String), disabledReason: 'left the bank on 2026-11-30' }),
      );

      expectProblem(await me(u.auth), 401, 'INVALID_TOKEN');
      const refused = await login(u.username, u.password);
      const wrong = await login(u.username, 'not-the-password');
      expectProblem(refused, 401, 'INVALID_CREDENTIALS');
      const { correlationId: _a, ...a } = refused.body;
      const { correlationId: _b, ...b } = wrong.body;
      expect(a).toEqual(b);

      const listed = await t.http().get('/users').query({ pageSize: 500 }).set(t.admin.auth);
      expect(listed.body.items.find((x: { id: string }) => x.id === u.id)).toEqual(res.body);
      expect((await t.http().get(`/users/${u.id}`).set(t.admin.auth)).body).toEqual(res.body);

      expect(await eventsOf(u.id, 'USER_DISABLED')).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ id: t.admin.id }),
          after: { disabled: true, reason: 'left the bank on 2026-11-30' },
        }),
      ]);
      expect(await eventsOf(u.id, 'AUTH_LOGIN_REFUSED_DISABLED')).toEqual([
        expect.objectContaining({ actor: expect.objectContaining({ kind: 'ANONYMOUS' }), correlationId: refused.headers['x-request-id'] }),
      ]);
    });

    it('enables a user again: they can log in, but tokens from before the disabling stay revoked', async () => {
      const u = await t.user('SENIOR_OFFICER');
      expect((await post(`/users/${u.id}/disable`, t.admin.auth, { reason: 'on leave' })).status).toBe(200);
      const res = await post(`/users/${u.id}/enable`, t.admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(userView(u));
      expectProblem(await me(u.auth), 401, 'INVALID_TOKEN');
      const token = await t.login(u.username, u.password);
      expect((await me({ Authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await eventsOf(u.id, 'USER_ENABLED')).map((e) => e.before)).toEqual([{ disabled: true, reason: 'on leave' }]);
    });

    it('keeps the first reason when a disabled user is disabled again, and enabling an enabled user changes nothing', async () => {
      const u = await t.user('AUDITOR');
      await post(`/users/${u.id}/disable`, t.admin.auth, { reason: 'first' });
      const again = await post(`/users/${u.id}/disable`, t.admin.auth, { reason: 'second' });
      expect(again.status).toBe(200);
      expect(again.body.disabledReason).toBe('first');
      expect(await eventsOf(u.id, 'USER_DISABLED')).toHaveLength(1);
      await post(`/users/${u.id}/enable`, t.admin.auth);
      expect((await post(`/users/${u.id}/enable`, t.admin.auth)).status).toBe(200);
      expect(await eventsOf(u.id, 'USER_ENABLED')).toHaveLength(1);
    });

    it.each([
      [{}, 'REQUIRED'],
      [{ reason: '   ' }, 'BLANK'],
      [{ reason: 'x'.repeat(501) }, 'INVALID_MAX_LENGTH'],
      [{ reason: 42 }, undefined],
    ])('refuses a bad reason: %j', async (body, code) => {
      const u = await t.user('OFFICER');
      expectFieldError(await post(`/users/${u.id}/disable`, t.admin.auth, body), 'reason', code);
      expect((await me(u.auth)).status).toBe(200);
    });

    it('answers 404 for an unknown user and 400 for a malformed id', async () => {
      for (const action of ['disable', 'enable']) {
        const unknown = expectProblem(await post(`/users/${UNKNOWN_ID}/${action}`, t.admin.auth, { reason: 'x' }), 404, 'NOT_FOUND');
        expect(unknown.code).toBe('NOT_FOUND');
        const malformed = expectFieldError(await post(`/users/42/${action}`, t.admin.auth, { reason: 'x' }), 'id', 'INVALID_UUID');
        expect(malformed).toMatchObject({ field: 'id', code: 'INVALID_UUID' });
      }
    });

    it('refuses an admin disabling themselves with 409', async () => {
      const admin = await t.user('ADMIN');
      expectProblem(await post(`/users/${admin.id}/disable`, admin.auth, { reason: 'bye' }), 409, 'CANNOT_DISABLE_SELF');
      expect((await me(admin.auth)).status).toBe(200);
    });
  });

  describe('POST /users/:id/password (reset by an admin)', () => {
    const NEW_PASSWORD = 'a brand new passphrase';

    it("sets a new password, revokes the user's tokens and lifts their login delays, audited without the password", async () => {
      const u = await t.user('OFFICER');
      for (let i = 0; i < 3; i++) await login(u.username, 'forgot-it');
      expectProblem(await login(u.username, u.password), 429, 'LOGIN_THROTTLED');

      const res = await post(`/users/${u.id}/password`, t.admin.auth, { password: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(userView(u));
      expectProblem(await me(u.auth), 401, 'INVALID_TOKEN');
      expect((await login(u.username, NEW_PASSWORD)).status).toBe(200);
      expectProblem(await login(u.username, u.password), 401, 'INVALID_CREDENTIALS');

      const events = await eventsOf(u.id, 'USER_PASSWORD_RESET');
      expect(events).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: t.admin.id }) })]);
      expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
      expect(t.logs.join('')).not.toContain(NEW_PASSWORD);
    });

    it.each([
      [{}, 'REQUIRED'],
      [{ password: 'short' }, 'INVALID_MIN_LENGTH'],
      [{ password: NEW_PASSWORD, extra: 1 }, 'UNKNOWN_FIELD'],
    ])('refuses a bad body: %j', async (body, code) => {
      const u = await t.user('OFFICER');
      const res = await post(`/users/${u.id}/password`, t.admin.auth, body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code })]));
      expect((await me(u.auth)).status).toBe(200);
    });

    it('answers 404 for an unknown user', async () => {
      const problem = expectProblem(
        await post(`/users/${UNKNOWN_ID}/password`, t.admin.auth, { password: NEW_PASSWORD }),
        404,
        'NOT_FOUND',
      );
      expect(problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });
  });

  describe('POST /users/:id/revoke-tokens', () => {
    it('ends every session of the user at once; a new login works, and it is audited', async () => {
      const u = await t.user('SENIOR_OFFICER');
      const second = { Authorization: `Bearer ${await t.login(u.username, u.password)}` };
      const res = await post(`/users/${u.id}/revoke-tokens`, t.admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(userView(u));
      expectProblem(await me(u.auth), 401, 'INVALID_TOKEN');
      expectProblem(await me(second), 401, 'INVALID_TOKEN');
      expect((await me({ Authorization: `Bearer ${await t.login(u.username, u.password)}` })).status).toBe(200);
      expect(await eventsOf(u.id, 'USER_TOKENS_REVOKED')).toHaveLength(1);
    });

    it('answers 404 for an unknown user and 400 for a malformed id', async () => {
      const unknown = expectProblem(await post(`/users/${UNKNOWN_ID}/revoke-tokens`, t.admin.auth), 404, 'NOT_FOUND');
      expect(unknown.code).toBe('NOT_FOUND');
      const malformed = expectFieldError(await post(`/users/not-a-uuid/revoke-tokens`, t.admin.auth), 'id', 'INVALID_UUID');
      expect(malformed).toMatchObject({ field: 'id', code: 'INVALID_UUID' });
    });
  });

  describe('who may manage users', () => {
    const ACTIONS: Array<[string, Record<string, unknown>]> = [
      ['disable', { reason: 'x' }],
      ['enable', {}],
      ['password', { password: 'a brand new passphrase' }],
      ['revoke-tokens', {}],
    ];

    it.each(ACTIONS)('refuses /users/:id/%s without credentials (401) and to every role but ADMIN (403)', async (action, body) => {
      const target = await t.user('OFFICER');
      expectProblem(await t.http().post(`/users/${target.id}/${action}`).send(body), 401, 'UNAUTHENTICATED');
      for (const role of ['OFFICER', 'SENIOR_OFFICER', 'AUDITOR'] as const) {
        expectProblem(await post(`/users/${target.id}/${action}`, (await t.user(role)).auth, body), 403, 'FORBIDDEN');
      }
      expect((await me(target.auth)).status).toBe(200);
    });

    it.each(ACTIONS)(
      'answers an ENTERPRISE caller 403 for /users/:id/%s alike for a user of its own core enterprise, of another one and one that does not exist',
      async (action, body) => {
        const [mine, theirs] = [await t.coreEnterprise(), await t.coreEnterprise()];
        const caller = await t.user('ENTERPRISE', mine.id);
        const colleague = await t.user('ENTERPRISE', mine.id);
        const stranger = await t.user('ENTERPRISE', theirs.id);
        const answers = [];
        for (const id of [colleague.id, stranger.id, UNKNOWN_ID]) {
          const res = await post(`/users/${id}/${action}`, caller.auth, body);
          expectProblem(res, 403, 'FORBIDDEN');
          const { correlationId: _c, ...rest } = res.body;
          answers.push(rest);
        }
        expect(answers[1]).toEqual(answers[0]);
        expect(answers[2]).toEqual(answers[0]);
        const key = await t.apiKey(mine.id);
        expectProblem(await post(`/users/${colleague.id}/${action}`, key.auth, body), 403, 'FORBIDDEN');
        expect((await me(colleague.auth)).status).toBe(200);
        expect((await me(stranger.auth)).status).toBe(200);
      },
    );
  });

  describe('POST /users/me/password', () => {
    const change = (auth: Record<string, string>, body: Record<string, unknown>) => post('/users/me/password', auth, body);
    const NEW_PASSWORD = 'my own new passphrase';

    it('changes the caller’s password and answers a fresh token; every older token is revoked', async () => {
      const u = await t.user('ENTERPRISE', (await t.coreEnterprise()).id);
      const other = { Authorization: `Bearer ${await t.login(u.username, u.password)}` };
      const res = await change(u.auth, { currentPassword: u.password, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: t.config.jwtExpiresInSeconds, tokenType: 'Bearer' });
      expect((await me({ Authorization: `Bearer ${res.body.accessToken}` })).body).toMatchObject({ id: u.id, role: 'ENTERPRISE' });
      expectProblem(await me(u.auth), 401, 'INVALID_TOKEN');
      expectProblem(await me(other), 401, 'INVALID_TOKEN');
      expect((await login(u.username, NEW_PASSWORD)).status).toBe(200);
      expectProblem(await login(u.username, u.password), 401, 'INVALID_CREDENTIALS');
      const events = await eventsOf(u.id, 'USER_PASSWORD_CHANGED');
      expect(events).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: u.id }) })]);
      expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify(events)).not.toContain(u.password);
    });

    it('refuses a wrong current password with 403, and throttles guesses like logins', async () => {
      const u = await t.user('OFFICER');
      for (let i = 0; i < 3; i++)
        expectProblem(await change(u.auth, { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD }), 403, 'WRONG_CURRENT_PASSWORD');
      const throttled = await change(u.auth, { currentPassword: u.password, newPassword: NEW_PASSWORD });
      expectProblem(throttled, 429, 'LOGIN_THROTTLED');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect((await me(u.auth)).status).toBe(200);
      expect(await eventsOf(u.id, 'USER_PASSWORD_CHANGED')).toEqual([]);
      expect(await eventsOf(u.id, 'USER_PASSWORD_CHANGE_FAILED')).toHaveLength(3);
      // the same counters as the login: guessing here does not buy more guesses there
      expectProblem(await login(u.username, u.password), 429, 'LOGIN_THROTTLED');
    });

    it.each([
      [{ newPassword: NEW_PASSWORD }, 'currentPassword', 'REQUIRED'],
      [{ currentPassword: 'x' }, 'newPassword', 'REQUIRED'],
      [{ currentPassword: 'x', newPassword: 'short' }, 'newPassword', 'INVALID_MIN_LENGTH'],
    ])('refuses a bad body: %j', async (body, field, code) => {
      const u = await t.user('AUDITOR');
      const error = expectFieldError(await change(u.auth, body), field, code);
      expect(error).toMatchObject({ field, code });
    });

    it('refuses a new password equal to the current one', async () => {
      const u = await t.user('AUDITOR');
      expectFieldError(await change(u.auth, { currentPassword: u.password, newPassword: u.password }), 'newPassword', 'SAME_AS_CURRENT');
      expect((await me(u.auth)).status).toBe(200);
    });

    it('refuses a caller without credentials (401) and an API key, which has no password (403)', async () => {
      const anonymous = expectProblem(
        await t.http().post('/users/me/password').send({ currentPassword: 'a', newPassword: NEW_PASSWORD }),
        401,
        'UNAUTHENTICATED',
      );
      expect(anonymous).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      const key = await t.apiKey((await t.coreEnterprise()).id);
      const apiKey = expectProblem(
        await change(key.auth, { currentPassword: 'whatever-it-is', newPassword: NEW_PASSWORD }),
        403,
        'FORBIDDEN',
      );
      expect(apiKey).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    });
  });

  describe('the last enabled ADMIN', () => {
    it('is never disabled, even when two admins disable each other at the same moment', async () => {
      // leave exactly two enabled admins: the bootstrap one and another
      const other = await t.user('ADMIN');
      await t.db.query(`UPDATE users SET disabled_at = now(), disabled_reason = 'test' WHERE role = 'ADMIN' AND id NOT IN ($1, $2)`, [
        t.admin.id,
        other.id,
      ]);

      // hold the admins' rows so that both requests are past the guard and waiting together
      const blocker = new pg.Client({ connectionString: t.databaseUrl });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query(`SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE`);
        const pending = Promise.all([
          post(`/users/${other.id}/disable`, t.admin.auth, { reason: 'race' }),
          post(`/users/${t.admin.id}/disable`, other.auth, { reason: 'race' }),
        ]);
        for (let i = 0; ; i++) {
          const { rows } = await blocker.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (rows[0].n >= 2) break;
          if (i > 200) throw new Error('the two requests never waited for the admin rows');
          await new Promise((r) => setTimeout(r, 25));
        }
        await blocker.query('COMMIT');
        const answers = await pending;
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        expectProblem(
          answers.find((r) => r.status === 409)!,
          409,
          'LAST_ENABLED_ADMIN',
        );
      } finally {
        await blocker.end();
      }
      const enabled = await t.db.query(`SELECT id FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL`);
      expect(enabled).toHaveLength(1);
    });
  });
});
