import type { Response } from 'supertest';
import { residentId } from './ids.js';
import { csvFile, entity, individual, type Row } from './roster-files.js';
import type { TestApp } from './test-app.js';

/** Request headers of a caller: a user's bearer token, an API key, or nothing at all. */
export type Auth = Record<string, string>;

/**
 * Today's calendar date in a time zone (YYYY-MM-DD), worked out here rather than with the service's
 * own helper, so that a wrong business date in the service cannot hide behind the same mistake.
 */
export function todayIn(timeZone = 'Asia/Shanghai', at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `date` moved by whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * `date` moved by whole years. 29 February becomes 28 February in a common year: someone born then
 * has the same age on the 29th of a leap year, so the tests' age boundaries stay true on that day.
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${pad(year, 4)}-${pad(m)}-${pad(day)}`;
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Completed years of someone born on `birthDate`, on `on`. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** GET /suppliers/:id/eligibility, with `programmeId` when given. */
export function getEligibility(t: TestApp, auth: Auth, supplierId: string, programmeId?: string): Promise<Response> {
  const req = t.http().get(`/suppliers/${supplierId}/eligibility`).set(auth);
  return Promise.resolve(programmeId === undefined ? req : req.query({ programmeId }));
}

/** Polls GET /screening-runs/:id until the run has finished (COMPLETED or FAILED); answers its last view. */
export async function waitForRun(t: TestApp, jobId: string, auth: Auth = t.admin.auth, timeoutMs = 60_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http().get(`/screening-runs/${jobId}`).set(auth);
    if (res.status !== 200) throw new Error(`screening run ${jobId}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'COMPLETED' || res.body.status === 'FAILED') return res.body;
    if (Date.now() > deadline) throw new Error(`screening run ${jobId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests a re-screen of the programme and waits for it to finish. */
export async function rescreen(t: TestApp, programmeId: string, auth: Auth = t.admin.auth): Promise<Record<string, any>> {
  const res = await t.http().post(`/programmes/${programmeId}/evaluations`).set(auth).send();
  if (res.status !== 202) throw new Error(`evaluations: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForRun(t, res.body.jobId, auth);
}

/** Stored screening results of a programme, by supplier id. */
export async function storedResults(t: TestApp, programmeId: string): Promise<Map<string, Record<string, any>>> {
  const rows: Record<string, any>[] = await t.db.query(
    `SELECT supplier_id, ruleset_version, evaluation_date, evaluated_at, eligible, credit_limit::text AS credit_limit, failed_rules, facts
       FROM screening_results WHERE programme_id = $1`,
    [programmeId],
  );
  return new Map(rows.map((r) => [r.supplier_id as string, r]));
}

/**
 * Everything a what-if must leave alone for one core enterprise and programme, in a comparable form
 * (rows in a fixed order, timestamps included).
 */
export async function eligibilityState(t: TestApp, coreEnterpriseId: string, programmeId: string): Promise<Record<string, unknown>> {
  const q = (text: string, params: unknown[]) => t.db.query(text, params) as Promise<Record<string, unknown>[]>;
  return {
    screeningResults: await q(
      `SELECT supplier_id, programme_id, ruleset_version, evaluation_date, evaluated_at, eligible, credit_limit::text, failed_rules, facts
         FROM screening_results WHERE core_enterprise_id = $1 ORDER BY supplier_id, programme_id`,
      [coreEnterpriseId],
    ),
    programmes: await q(`SELECT * FROM programmes WHERE core_enterprise_id = $1 ORDER BY id`, [coreEnterpriseId]),
    rulesets: await q(`SELECT * FROM programme_rulesets WHERE programme_id = $1 ORDER BY version`, [programmeId]),
    screeningRuns: await q(`SELECT * FROM screening_runs WHERE core_enterprise_id = $1 ORDER BY created_at, id`, [coreEnterpriseId]),
    suppliers: await q(`SELECT * FROM suppliers WHERE core_enterprise_id = $1 ORDER BY id`, [coreEnterpriseId]),
  };
}

/** A valid INDIVIDUAL roster row born on `birthDate` (passes STANDARD_RULES unless `overrides` say otherwise). */
export function individualRow(supplierCode: string, birthDate: string, overrides: Row = {}): Row {
  return individual(supplierCode, {
    name: `牧户${supplierCode.slice(-3)}`,
    id_number: residentId(birthDate),
    farm_name: '家庭牧场',
    ...overrides,
  });
}

/** A valid ENTITY roster row whose legal representative was born on `legalRepBirthDate`. */
export function entityRow(supplierCode: string, legalRepBirthDate: string, overrides: Row = {}): Row {
  return entity(supplierCode, {
    name: `牧业有限公司${supplierCode.slice(-3)}`,
    legal_rep_id_number: residentId(legalRepBirthDate),
    farm_name: '家庭牧场',
    ...overrides,
  });
}

/** A small roster CSV, every field quoted. */
export function rosterCsv(rows: Row[]): Buffer {
  return csvFile(rows, { quoteAll: true });
}

/** Polls `check` until it answers true. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
