/**
 * The login throttling policy, as pure functions over two counters of one username: its failures
 * from one client address, and its failures from every address together.
 *
 * - An attempt is counted before its password is checked, so parallel guesses cannot all slip in
 *   before the first failure is recorded; an attempt that is not allowed is not checked at all.
 * - Each address has a few free failures, then waits a delay that doubles with each further
 *   failure, up to a cap. Only that address waits: an attacker cannot lock the user out of the
 *   user's own address.
 * - Only an address's free failures count toward the username's total, so one address alone
 *   never reaches it. Past the total, new addresses wait too (distributed guessing), but an
 *   address the user recently logged in from does not.
 */
export interface AttemptCounter {
  failures: number;
  blockedUntil: Date | null;
  lastFailureAt: Date | null;
  lastSuccessAt: Date | null;
}

export interface LoginThrottlePolicy {
  maxFailuresPerAddress: number;
  maxFailuresPerUsername: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  failureMemorySeconds: number;
  knownAddressSeconds: number;
}

export type AttemptScope = 'ADDRESS' | 'USERNAME';

export type AttemptDecision =
  | { allowed: false; scope: AttemptScope; retryAfterSeconds: number }
  | { allowed: true; address: AttemptCounter; username: AttemptCounter; countedForUsername: boolean };

export const EMPTY_COUNTER: AttemptCounter = { failures: 0, blockedUntil: null, lastFailureAt: null, lastSuccessAt: null };

/** The wait after the failure that is `excess` past the free ones (0 for the last free one). */
export function delaySeconds(excess: number, policy: Pick<LoginThrottlePolicy, 'baseDelaySeconds' | 'maxDelaySeconds'>): number {
  // 2^30 times any base is past every cap, and keeps the arithmetic exact
  return Math.min(policy.baseDelaySeconds * 2 ** Math.min(excess, 30), policy.maxDelaySeconds);
}

const secondsBetween = (later: Date, earlier: Date) => (later.getTime() - earlier.getTime()) / 1000;
const plusSeconds = (t: Date, s: number) => new Date(t.getTime() + s * 1000);

/** The counter as it stands at `now`: failures older than the memory are forgotten. */
export function current(counter: AttemptCounter, policy: LoginThrottlePolicy, now: Date): AttemptCounter {
  if (counter.lastFailureAt && secondsBetween(now, counter.lastFailureAt) > policy.failureMemorySeconds) {
    return { ...counter, failures: 0, blockedUntil: null, lastFailureAt: null };
  }
  return counter;
}

function retryAfter(counter: AttemptCounter, now: Date): number {
  return counter.blockedUntil && counter.blockedUntil > now ? Math.max(1, Math.ceil(secondsBetween(counter.blockedUntil, now))) : 0;
}

function countFailure(counter: AttemptCounter, freeFailures: number, policy: LoginThrottlePolicy, now: Date): AttemptCounter {
  const failures = counter.failures + 1;
  const blockedUntil = failures >= freeFailures ? plusSeconds(now, delaySeconds(failures - freeFailures, policy)) : null;
  return { ...counter, failures, blockedUntil, lastFailureAt: now };
}

/**
 * Whether an attempt may check its password and, if so, both counters with the attempt counted as a
 * failure (a success then gives it back with afterSuccess).
 */
export function decideAttempt(
  addressCounter: AttemptCounter,
  usernameCounter: AttemptCounter,
  policy: LoginThrottlePolicy,
  now: Date,
): AttemptDecision {
  const address = current(addressCounter, policy, now);
  const username = current(usernameCounter, policy, now);
  const addressWait = retryAfter(address, now);
  if (addressWait) return { allowed: false, scope: 'ADDRESS', retryAfterSeconds: addressWait };
  const known = address.lastSuccessAt !== null && secondsBetween(now, address.lastSuccessAt) <= policy.knownAddressSeconds;
  const usernameWait = retryAfter(username, now);
  if (usernameWait && !known) return { allowed: false, scope: 'USERNAME', retryAfterSeconds: usernameWait };

  const counted = countFailure(address, policy.maxFailuresPerAddress, policy, now);
  const countedForUsername = counted.failures <= policy.maxFailuresPerAddress && !usernameWait;
  return {
    allowed: true,
    address: counted,
    username: countedForUsername ? countFailure(username, policy.maxFailuresPerUsername, policy, now) : username,
    countedForUsername,
  };
}

/**
 * The counters after the attempt turned out to be the user's: the address starts afresh and is
 * known; the username's total gives back the attempt but keeps the others' failures.
 */
export function afterSuccess(
  username: AttemptCounter,
  countedForUsername: boolean,
  policy: LoginThrottlePolicy,
  now: Date,
): { address: AttemptCounter; username: AttemptCounter } {
  const address = { failures: 0, blockedUntil: null, lastFailureAt: null, lastSuccessAt: now };
  if (!countedForUsername) return { address, username };
  const failures = Math.max(0, username.failures - 1);
  return {
    address,
    username: { ...username, failures, blockedUntil: failures >= policy.maxFailuresPerUsername ? username.blockedUntil : null },
  };
}

/** When a counter has nothing left to remember and may be deleted. */
export function forgetAt(counter: AttemptCounter, policy: LoginThrottlePolicy): Date {
  const times = [
    counter.lastFailureAt && plusSeconds(counter.lastFailureAt, policy.failureMemorySeconds),
    counter.lastSuccessAt && plusSeconds(counter.lastSuccessAt, policy.knownAddressSeconds),
    counter.blockedUntil,
  ].filter((t): t is Date => t instanceof Date);
  return new Date(Math.max(0, ...times.map((t) => t.getTime())));
}
