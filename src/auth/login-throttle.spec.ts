import {
  afterSuccess,
  current,
  decideAttempt,
  delaySeconds,
  EMPTY_COUNTER,
  forgetAt,
  type AttemptCounter,
  type LoginThrottlePolicy,
} from './login-throttle.js';

const POLICY: LoginThrottlePolicy = {
  maxFailuresPerAddress: 3,
  maxFailuresPerUsername: 5,
  baseDelaySeconds: 10,
  maxDelaySeconds: 35,
  failureMemorySeconds: 3600,
  knownAddressSeconds: 86400,
};
const T0 = new Date('2026-11-30T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Runs failed attempts one after another at `when`, as the service would. */
function fail(times: number, address: AttemptCounter, username: AttemptCounter, when = T0) {
  for (let i = 0; i < times; i++) {
    const d = decideAttempt(address, username, POLICY, when);
    if (!d.allowed) throw new Error(`attempt ${i + 1} refused`);
    ({ address, username } = d);
  }
  return { address, username };
}

/** The username counter after its total of failures: 3 from one address, 2 from another. */
const usernameAtTotal = () => fail(2, EMPTY_COUNTER, fail(3, EMPTY_COUNTER, EMPTY_COUNTER).username).username;

describe('delaySeconds', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 10, 64, 10_000].map((k) => delaySeconds(k, POLICY))).toEqual([10, 20, 35, 35, 35, 35, 35]);
    expect(delaySeconds(3, { baseDelaySeconds: 30, maxDelaySeconds: 900 })).toBe(240);
  });
});

describe('decideAttempt', () => {
  it('counts the attempt before the password is checked, and blocks with the last free failure', () => {
    const first = decideAttempt(EMPTY_COUNTER, EMPTY_COUNTER, POLICY, T0);
    expect(first).toEqual({
      allowed: true,
      address: { failures: 1, blockedUntil: null, lastFailureAt: T0, lastSuccessAt: null },
      username: { failures: 1, blockedUntil: null, lastFailureAt: T0, lastSuccessAt: null },
      countedForUsername: true,
    });
    const { address, username } = fail(3, EMPTY_COUNTER, EMPTY_COUNTER);
    expect(address).toMatchObject({ failures: 3, blockedUntil: at(10) });
    expect(decideAttempt(address, username, POLICY, at(1))).toEqual({ allowed: false, scope: 'ADDRESS', retryAfterSeconds: 9 });
    expect(decideAttempt(address, username, POLICY, at(9.2))).toEqual({ allowed: false, scope: 'ADDRESS', retryAfterSeconds: 1 });
  });

  it('doubles the wait with each failure past the free ones, up to the cap', () => {
    let { address, username } = fail(3, EMPTY_COUNTER, EMPTY_COUNTER);
    const waits: number[] = [];
    let now: Date;
    for (let i = 0; i < 4; i++) {
      now = address.blockedUntil!;
      const d = decideAttempt(address, username, POLICY, now);
      if (!d.allowed) throw new Error('refused after the delay');
      ({ address, username } = d);
      waits.push((address.blockedUntil!.getTime() - now.getTime()) / 1000);
    }
    expect(waits).toEqual([20, 35, 35, 35]);
  });

  it("counts only an address's free failures toward the username, so one address never blocks the others", () => {
    let { address, username } = fail(3, EMPTY_COUNTER, EMPTY_COUNTER);
    for (let i = 0; i < 10; i++) ({ address, username } = fail(1, address, username, address.blockedUntil!));
    expect(address.failures).toBe(13);
    expect(username).toMatchObject({ failures: 3, blockedUntil: null });
    const elsewhere = decideAttempt(EMPTY_COUNTER, username, POLICY, address.blockedUntil!);
    expect(elsewhere.allowed).toBe(true);
  });

  it('holds back new addresses once the username has its total of failures from several addresses', () => {
    const a = fail(3, EMPTY_COUNTER, EMPTY_COUNTER);
    const b = fail(2, EMPTY_COUNTER, a.username, at(1));
    expect(b.username).toMatchObject({ failures: 5, blockedUntil: at(11) });
    expect(decideAttempt(EMPTY_COUNTER, b.username, POLICY, at(2))).toEqual({ allowed: false, scope: 'USERNAME', retryAfterSeconds: 9 });
  });

  it('lets an address the user logged in from recently through the username-wide wait, without adding to it', () => {
    const known: AttemptCounter = { ...EMPTY_COUNTER, lastSuccessAt: at(-3600) };
    const username = usernameAtTotal();
    const d = decideAttempt(known, username, POLICY, at(1));
    expect(d).toMatchObject({ allowed: true, countedForUsername: false, username });
    const stale: AttemptCounter = { ...EMPTY_COUNTER, lastSuccessAt: at(-86401) };
    expect(decideAttempt(stale, username, POLICY, at(1))).toMatchObject({ allowed: false, scope: 'USERNAME' });
  });

  it('forgets failures after the memory, with their delays', () => {
    const { address, username } = fail(3, EMPTY_COUNTER, EMPTY_COUNTER);
    expect(current(address, POLICY, at(3600))).toBe(address);
    expect(current(address, POLICY, at(3601))).toEqual({ failures: 0, blockedUntil: null, lastFailureAt: null, lastSuccessAt: null });
    expect(decideAttempt(address, username, POLICY, at(3601))).toMatchObject({
      allowed: true,
      address: { failures: 1 },
      username: { failures: 1 },
    });
  });
});

describe('afterSuccess', () => {
  it('clears the address, makes it known and gives the attempt back to the username', () => {
    const before = fail(2, EMPTY_COUNTER, EMPTY_COUNTER);
    const d = decideAttempt(before.address, before.username, POLICY, at(5));
    if (!d.allowed) throw new Error('refused');
    expect(afterSuccess(d.username, d.countedForUsername, POLICY, at(5))).toEqual({
      address: { failures: 0, blockedUntil: null, lastFailureAt: null, lastSuccessAt: at(5) },
      username: { failures: 2, blockedUntil: null, lastFailureAt: at(5), lastSuccessAt: null },
    });
  });

  it("keeps the username's wait when the others' failures alone reach the total", () => {
    const username = usernameAtTotal();
    const blocked = { ...username, failures: 6 };
    expect(afterSuccess(blocked, true, POLICY, at(1)).username).toEqual({ ...blocked, failures: 5 });
    expect(afterSuccess(username, false, POLICY, at(1)).username).toBe(username);
    // the success was the attempt that reached the total: giving it back lifts the wait it started
    expect(afterSuccess(username, true, POLICY, at(1)).username).toMatchObject({ failures: 4, blockedUntil: null });
  });
});

describe('forgetAt', () => {
  it('is the latest of the failure memory, the known address and the block', () => {
    expect(forgetAt({ failures: 2, blockedUntil: at(35), lastFailureAt: T0, lastSuccessAt: null }, POLICY)).toEqual(at(3600));
    expect(forgetAt({ failures: 0, blockedUntil: null, lastFailureAt: null, lastSuccessAt: T0 }, POLICY)).toEqual(at(86400));
    expect(forgetAt(EMPTY_COUNTER, POLICY).getTime()).toBe(0);
  });
});
