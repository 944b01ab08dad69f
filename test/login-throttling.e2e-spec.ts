import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

/**
 * Failed logins are counted per (username, client address) before the password is checked, with
 * growing delays, and per username across all addresses with a higher allowance (distributed
 * guessing). The client address comes from X-Forwarded-For only because this app trusts its
 * loopback proxy (TRUST_PROXY=loopback), which lets one test play several addresses.
 */
const MAX_FAILURES = 3;
const MAX_FAILURES_PER_USERNAME = 7;
const BASE_DELAY = 10;
const LOCK_SECONDS = 35;

const ATTACKER = '203.0.113.7';
const ELSEWHERE = '198.51.100.9';

describe('login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      LOGIN_MAX_FAILURES_PER_USERNAME: String(MAX_FAILURES_PER_USERNAME),
      LOGIN_BASE_DELAY_SECONDS: String(BASE_DELAY),
      LOGIN_LOCK_SECONDS: String(LOCK_SECONDS),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (from: string, username: string, password: string) =>
    t.http().post('/auth/login').set('X-Forwarded-For', from).send({ username, password });
  const failedLogins = async (user: TestUser) => {
    const res = await t
      .http()
      .get('/audit-events')
      .query({ action: 'AUTH_LOGIN_FAILED', entityId: user.id, pageSize: 500 })
      .set(t.admin.auth);
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  };
  /** Ends the current delay of one (username, address) pair instead of waiting for it. */
  const endDelay = (username: string, from: string) =>
    t.db.query(`UPDATE login_attempts SET blocked_until = now() - interval '1 second' WHERE username_key = $1 AND client = $2`, [
      username.toLowerCase(),
      from,
    ]);
  const retryAfter = (res: { headers: Record<string, string> }) => Number(res.headers['retry-after']);

  it(`counts each attempt before checking the password: of 20 parallel wrong passwords only ${MAX_FAILURES} are checked, the rest 429`, async () => {
    const victim = await t.user('OFFICER');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(ATTACKER, victim.username, `wrong-${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(MAX_FAILURES).fill(401), ...Array(20 - MAX_FAILURES).fill(429)]);
    for (const r of answers.filter((a) => a.status === 429)) {
      expectProblem(r, 429, 'LOGIN_THROTTLED');
      expect(retryAfter(r)).toBeGreaterThan(0);
      expect(retryAfter(r)).toBeLessThanOrEqual(BASE_DELAY);
    }
    // one AUTH_LOGIN_FAILED per password actually checked
    expect(await failedLogins(victim)).toHaveLength(MAX_FAILURES);
  });

  it("does not let an attacker lock the admin out from the attacker's own address", async () => {
    for (let i = 0; i < MAX_FAILURES + 3; i++) await login(ATTACKER, t.admin.username, `guess-${i}`);
    expectProblem(await login(ATTACKER, t.admin.username, t.admin.password), 429, 'LOGIN_THROTTLED');
    expect((await login(ELSEWHERE, t.admin.username, t.admin.password)).status).toBe(200);
  });

  it('lets a user in from another address after an attacker spent every attempt the username allows from one address', async () => {
    const victim = await t.user('SENIOR_OFFICER');
    // well past the per-username allowance, all from one address: only its free attempts count toward it
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME + 2; i++) {
      await login(ATTACKER, victim.username, `guess-${i}`);
      await endDelay(victim.username, ATTACKER);
    }
    expect((await failedLogins(victim)).length).toBeGreaterThan(MAX_FAILURES_PER_USERNAME);
    expect((await login(ELSEWHERE, victim.username, victim.password)).status).toBe(200);
  });

  it(`doubles the delay after each further failure from one address, up to LOGIN_LOCK_SECONDS`, async () => {
    const u = await t.user('OFFICER');
    for (let i = 0; i < MAX_FAILURES; i++) expectProblem(await login(ATTACKER, u.username, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await login(ATTACKER, u.username, u.password);
      expectProblem(refused, 429, 'LOGIN_THROTTLED');
      waits.push(retryAfter(refused));
      await endDelay(u.username, ATTACKER);
      expectProblem(await login(ATTACKER, u.username, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    }
    // BASE_DELAY, then 2x, 4x (capped), capped
    expect(waits[0]).toBeGreaterThan(BASE_DELAY - 2);
    expect(waits[0]).toBeLessThanOrEqual(BASE_DELAY);
    expect(waits[1]).toBeGreaterThan(2 * BASE_DELAY - 2);
    expect(waits[1]).toBeLessThanOrEqual(2 * BASE_DELAY);
    expect(waits[2]).toBeGreaterThan(LOCK_SECONDS - 2);
    expect(waits[2]).toBeLessThanOrEqual(LOCK_SECONDS);
    expect(waits[3]).toBeLessThanOrEqual(LOCK_SECONDS);

    // the right password once the delay is over: in, and the count starts again
    await endDelay(u.username, ATTACKER);
    expect((await login(ATTACKER, u.username, u.password)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES; i++) expectProblem(await login(ATTACKER, u.username, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    expectProblem(await login(ATTACKER, u.username, u.password), 429, 'LOGIN_THROTTLED');
  });

  it('forgets the failures of an address after LOGIN_FAILURE_MEMORY_SECONDS without one', async () => {
    const u = await t.user('AUDITOR');
    for (let i = 0; i < MAX_FAILURES; i++) await login(ATTACKER, u.username, 'wrong-password');
    await t.db.query(
      `UPDATE login_attempts SET blocked_until = now() - interval '1 second', last_failure_at = now() - make_interval(secs => $2 + 1)
        WHERE username_key = $1`,
      [u.username.toLowerCase(), t.config.loginFailureMemorySeconds],
    );
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      expectProblem(await login(ATTACKER, u.username, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    expect((await login(ATTACKER, u.username, u.password)).status).toBe(200);
  });

  describe('distributed guessing', () => {
    it(`slows a username down for every new address after ${MAX_FAILURES_PER_USERNAME} failures across addresses, but not for an address it logged in from`, async () => {
      const victim = await t.user('ADMIN');
      const KNOWN = '192.0.2.44';
      expect((await login(KNOWN, victim.username, victim.password)).status).toBe(200);

      const addresses = ['203.0.113.10', '203.0.113.11', '203.0.113.12'];
      let failures = 0;
      for (const from of addresses) {
        for (let i = 0; i < MAX_FAILURES && failures < MAX_FAILURES_PER_USERNAME; i++, failures++) {
          expectProblem(await login(from, victim.username, `guess-${failures}`), 401, 'INVALID_CREDENTIALS');
        }
      }
      expect(failures).toBe(MAX_FAILURES_PER_USERNAME);

      const fresh = await login('203.0.113.99', victim.username, victim.password);
      expectProblem(fresh, 429, 'LOGIN_THROTTLED');
      expect(retryAfter(fresh)).toBeGreaterThan(0);
      expect(retryAfter(fresh)).toBeLessThanOrEqual(BASE_DELAY);
      // the address the user already logged in from is not held back by the others' failures
      expect((await login(KNOWN, victim.username, victim.password)).status).toBe(200);
    });
  });

  it('audits each refused attempt with the address it came from, and each failure with its count', async () => {
    const u = await t.user('OFFICER');
    for (let i = 0; i < MAX_FAILURES; i++) await login(ATTACKER, u.username, 'wrong-password');
    const refused = await login(ATTACKER, u.username, 'wrong-password');
    expectProblem(refused, 429, 'LOGIN_THROTTLED');
    const failed = await failedLogins(u);
    expect(failed.map((e) => e.after)).toEqual(
      [1, 2, 3].map((failures) => ({ username: u.username.toLowerCase(), address: ATTACKER, failures })),
    );
    const throttled = await t
      .http()
      .get('/audit-events')
      .query({ action: 'AUTH_LOGIN_THROTTLED', entityId: u.username.toLowerCase() })
      .set(t.admin.auth);
    expect(throttled.body.items).toEqual([
      expect.objectContaining({
        correlationId: refused.headers['x-request-id'],
        after: { address: ATTACKER, scope: 'ADDRESS', retryAfterSeconds: retryAfter(refused) },
      }),
    ]);
  });
});
