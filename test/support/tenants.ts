import type { TestApp, TestUser } from './test-app.js';

/** Request headers: a user's bearer token or an API key. */
type Auth = Record<string, string>;

/** Two core enterprises with an ENTERPRISE user and an API key each, and one staff user of every other role. */
export interface TwoTenants {
  own: { id: string; uscc: string; name: string };
  other: { id: string; uscc: string; name: string };
  enterprise: TestUser;
  otherEnterprise: TestUser;
  officer: TestUser;
  senior: TestUser;
  auditor: TestUser;
  ownKey: Auth;
  otherKey: Auth;
}

/** The callers a test of tenant isolation needs: what `own` may see and `other` may not. */
export async function twoTenants(t: TestApp): Promise<TwoTenants> {
  const own = await t.coreEnterprise();
  const other = await t.coreEnterprise();
  const enterprise = await t.user('ENTERPRISE', own.id);
  const otherEnterprise = await t.user('ENTERPRISE', other.id);
  const officer = await t.user('OFFICER');
  const senior = await t.user('SENIOR_OFFICER');
  const auditor = await t.user('AUDITOR');
  const ownKey = (await t.apiKey(own.id)).auth;
  const otherKey = (await t.apiKey(other.id)).auth;
  return { own, other, enterprise, otherEnterprise, officer, senior, auditor, ownKey, otherKey };
}
