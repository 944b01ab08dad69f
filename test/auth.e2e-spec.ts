import { JwtService } from '@nestjs/jwt';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const MAX_FAILURES = 3;
const LOCK_SECONDS = 120;

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('auth', () => {
  let t: TestApp;
  let officer: TestUser;
  const jwt = new JwtService({});

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: String(MAX_FAILURES), LOGIN_LOCK_SECONDS: String(LOCK_SECONDS) });
    officer = await t.user('OFFICER');
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: unknown, password: unknown) => t.http().post('/auth/login').send({ username, password });
  const auditOf = async (action: string, entityId: string) => {
    const res = await t.http().get('/audit-events').query({ action, entityId }).set(t.admin.auth);
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  };

  describe('POST /auth/login', () => {
    it('answers a bearer token that works', async () => {
      const res = await login(officer.username, officer.password);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: t.config.jwtExpiresInSeconds, tokenType: 'Bearer' });
      const me = await t.http().get('/users/me').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ kind: 'USER', id: officer.id, name: officer.username, role: 'OFFICER', coreEnterpriseId: null });
    });

    it('matches the username whatever its case', async () => {
      expect((await login(officer.username.toUpperCase(), officer.password)).status).toBe(200);
    });

    it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
      const u = await t.user('AUDITOR');
      const problem = expectProblem(await login(u.username, `${u.password}x`), 401, 'INVALID_CREDENTIALS');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    });

    it('answers an unknown user exactly like a wrong password', async () => {
      const u = await t.user('AUDITOR');
      const wrong = await login(u.username, 'not-the-password');
      const unknown = await login('nobody.at.all', 'not-the-password');
      expectProblem(unknown, 401, 'INVALID_CREDENTIALS');
      const { correlationId: _a, ...a } = wrong.body;
      const { correlationId: _b, ...b } = unknown.body;
      expect(b).toEqual(a);
    });

    it.each([
      ['username', { password: 'whatever-1234' }],
      ['password', { username: 'someone' }],
    ])('refuses a body without %s, naming the field', async (field, body) => {
      const error = expectFieldError(await t.http().post('/auth/login').send(body), field, 'REQUIRED');
      expect(error).toMatchObject({ field, code: 'REQUIRED' });
    });

    it('refuses a password that is not a string', async () => {
      const error = expectFieldError(await login(officer.username, 12345678), 'password');
      expect(error.field).toBe('password');
    });

    it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
      const res = await t.http().post('/auth/login').set('Content-Type', 'application/json').send('{"username": "admin", "password": ');
      expectProblem(res, 400, 'MALFORMED_JSON');
      expect(res.body.detail).toBe('The request body is not valid JSON');
    });

    it(`locks a username after ${MAX_FAILURES} failures, even for the right password, and audits it`, async () => {
      const victim = await t.user('OFFICER');
      const bystander = await t.user('OFFICER');
      for (let i = 0; i < MAX_FAILURES; i++) expectProblem(await login(victim.username, `wrong-${i}`), 401, 'INVALID_CREDENTIALS');

      const locked = await login(victim.username, victim.password);
      expectProblem(locked, 429, 'LOGIN_THROTTLED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
      // the lock is on the username, not on its spelling
      expectProblem(await login(victim.username.toUpperCase(), victim.password), 429, 'LOGIN_THROTTLED');

      expect((await login(bystander.username, bystander.password)).status).toBe(200);
      // the lock stops new logins; a session the real user already holds goes on working
      const oldToken = await t.http().get('/users/me').set(victim.auth);
      expect(oldToken.status).toBe(200);

      const failed = await auditOf('AUTH_LOGIN_FAILED', victim.id);
      expect(failed).toHaveLength(MAX_FAILURES);
      expect(failed[0]).toMatchObject({
        actor: { kind: 'ANONYMOUS', role: null },
        entityType: 'User',
        after: { username: victim.username.toLowerCase() },
      });
      expect(failed.map((e) => e.after.failures)).toEqual([1, 2, 3]);
      const throttled = await auditOf('AUTH_LOGIN_THROTTLED', victim.username.toLowerCase());
      expect(throttled).toHaveLength(2);
      expect(throttled[0].correlationId).toBe(locked.headers['x-request-id']);
    });

    it('lets the user in again once the lock has expired, and forgets the failures', async () => {
      const u = await t.user('OFFICER');
      for (let i = 0; i < MAX_FAILURES; i++) await login(u.username, 'wrong-password');
      expectProblem(await login(u.username, u.password), 429, 'LOGIN_THROTTLED');
      // end the delay instead of waiting for it
      await t.db.query(`UPDATE login_attempts SET blocked_until = now() - interval '1 second' WHERE username_key = $1`, [
        u.username.toLowerCase(),
      ]);
      expect((await login(u.username, u.password)).status).toBe(200);
      const rows = await t.db.query(`SELECT failures, blocked_until FROM login_attempts WHERE username_key = $1 AND client <> '*'`, [
        u.username.toLowerCase(),
      ]);
      expect(rows).toEqual([{ failures: 0, blocked_until: null }]);
    });

    it('starts counting again after a successful login', async () => {
      const u = await t.user('OFFICER');
      for (let i = 0; i < MAX_FAILURES - 1; i++) await login(u.username, 'wrong-password');
      expect((await login(u.username, u.password)).status).toBe(200);
      for (let i = 0; i < MAX_FAILURES - 1; i++) expectProblem(await login(u.username, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      expect((await login(u.username, u.password)).status).toBe(200);
    });

    it('ignores X-Forwarded-For unless TRUST_PROXY says so: a spoofed address does not escape the lock', async () => {
      const u = await t.user('OFFICER');
      for (let i = 0; i < MAX_FAILURES; i++) {
        expectProblem(await login(u.username, 'wrong-password').set('X-Forwarded-For', `203.0.113.${i + 1}`), 401, 'INVALID_CREDENTIALS');
      }
      const locked = expectProblem(await login(u.username, u.password).set('X-Forwarded-For', '198.51.100.1'), 429, 'LOGIN_THROTTLED');
      expect(locked).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
    });

    it('throttles unknown usernames too, so that locking does not reveal which exist', async () => {
      for (let i = 0; i < MAX_FAILURES; i++) expectProblem(await login('ghost.user', 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      const locked = expectProblem(await login('ghost.user', 'wrong-password'), 429, 'LOGIN_THROTTLED');
      expect(locked).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
    });
  });

  describe('bearer tokens', () => {
    const claimsOf = (u: TestUser) => ({ sub: u.id, usr: u.username, role: u.role, ce: null, ver: 0 });
    const me = (headers: Record<string, string>) => t.http().get('/users/me').set(headers);

    it('refuses a request without credentials with 401 UNAUTHENTICATED', async () => {
      const refusals = [
        expectProblem(await t.http().get('/core-enterprises'), 401, 'UNAUTHENTICATED'),
        expectProblem(await me({ Authorization: 'Basic YWRtaW46YWRtaW4=' }), 401, 'UNAUTHENTICATED'),
        expectProblem(await me({ Authorization: 'Bearer' }), 401, 'UNAUTHENTICATED'),
      ];
      expect(refusals.map((p) => p.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    });

    it('accepts a token signed with the service secret (the control for the forgeries below)', async () => {
      const token = await jwt.signAsync(claimsOf(officer), { secret: t.config.jwtSecret, issuer: 'chainlend', expiresIn: 60 });
      expect((await me({ Authorization: `Bearer ${token}` })).status).toBe(200);
    });

    it('refuses garbage', async () => {
      const refusals = [
        expectProblem(await me({ Authorization: 'Bearer not.a.jwt' }), 401, 'INVALID_TOKEN'),
        expectProblem(await me({ Authorization: 'Bearer abc' }), 401, 'INVALID_TOKEN'),
      ];
      expect(refusals.map((p) => p.code)).toEqual(['INVALID_TOKEN', 'INVALID_TOKEN']);
    });

    it('refuses a token signed with another secret', async () => {
      const forged = await jwt.signAsync(
        { ...claimsOf(officer), role: 'ADMIN' },
        { secret: 'some-other-secret-of-32-characters!', issuer: 'chainlend', expiresIn: 60 },
      );
      const problem = expectProblem(await me({ Authorization: `Bearer ${forged}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await jwt.signAsync(
        { ...claimsOf(officer), iat: now - 7200, exp: now - 60 },
        { secret: t.config.jwtSecret, issuer: 'chainlend' },
      );
      const problem = expectProblem(await me({ Authorization: `Bearer ${expired}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses a token from another issuer', async () => {
      const other = await jwt.signAsync(claimsOf(officer), { secret: t.config.jwtSecret, issuer: 'someone-else', expiresIn: 60 });
      const problem = expectProblem(await me({ Authorization: `Bearer ${other}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses an unsigned (alg none) token', async () => {
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claimsOf(officer), role: 'ADMIN', iss: 'chainlend' })}.`;
      const problem = expectProblem(await me({ Authorization: `Bearer ${unsigned}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses a real token whose claims were edited', async () => {
      const [header, payload, signature] = officer.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const edited = `${header}.${b64url({ ...claims, role: 'ADMIN' })}.${signature}`;
      const problem = expectProblem(await t.http().get('/users').set('Authorization', `Bearer ${edited}`), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses a correctly signed token with a role the service does not know', async () => {
      const token = await jwt.signAsync(
        { ...claimsOf(officer), role: 'ROOT' },
        { secret: t.config.jwtSecret, issuer: 'chainlend', expiresIn: 60 },
      );
      const problem = expectProblem(await me({ Authorization: `Bearer ${token}` }), 401, 'INVALID_TOKEN');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });

    it('refuses an unknown X-Api-Key even next to a valid bearer token', async () => {
      const problem = expectProblem(await me({ ...officer.auth, 'X-Api-Key': 'clk_not-a-key' }), 401, 'INVALID_API_KEY');
      expect(problem).toMatchObject({ status: 401, code: 'INVALID_API_KEY' });
    });
  });
});
