import type { Response } from 'supertest';
import { insertSuppliers, type SupplierSeed } from './suppliers.js';
import type { TestApp, TestUser } from './test-app.js';

/** Helpers for the loan application e2e tests (submission, decisions, exposure counters, disbursement). */

export type Supplier = Awaited<ReturnType<typeof insertSuppliers>>[number];

export interface Lending {
  ce: { id: string; uscc: string; name: string };
  programme: Record<string, any>;
  suppliers: Supplier[];
  officer: TestUser;
  officer2: TestUser;
  senior: TestUser;
  senior2: TestUser;
  enterprise: TestUser;
  auditor: TestUser;
}

/**
 * A supplier seed whose limit under STANDARD_FORMULA is exactly 150,000.00: min(500000, 3 x 50000,
 * 8000 x 120). (insertSuppliers' own defaults give 3 x 60000 = 180,000.00, not the 150,000.00 its
 * comment announces.)
 */
export const LIMIT_150K: SupplierSeed = { avgMonthlySettlement: '50000.00' };

/**
 * A core enterprise with one programme, `suppliers` valid suppliers (LIMIT_150K under each seed, so
 * a limit of 150,000.00 unless the seed says otherwise) and one user of each role that deals with loans.
 */
export async function lending(
  t: TestApp,
  opts: { ce?: Record<string, unknown>; programme?: Record<string, unknown>; suppliers?: number | SupplierSeed[] } = {},
): Promise<Lending> {
  const ce = await t.coreEnterprise(opts.ce);
  const programme = await t.programme(ce.id, opts.programme);
  const seeds = Array.isArray(opts.suppliers) ? opts.suppliers : Array.from({ length: opts.suppliers ?? 1 }, () => ({}));
  const suppliers = await insertSuppliers(
    t,
    ce.id,
    seeds.map((s) => ({ ...LIMIT_150K, ...s })),
  );
  const [officer, officer2, senior, senior2, enterprise, auditor] = await Promise.all([
    t.user('OFFICER'),
    t.user('OFFICER'),
    t.user('SENIOR_OFFICER'),
    t.user('SENIOR_OFFICER'),
    t.user('ENTERPRISE', ce.id),
    t.user('AUDITOR'),
  ]);
  return { ce, programme, suppliers, officer, officer2, senior, senior2, enterprise, auditor };
}

export function loanBody(programmeId: string, supplierId: string, overrides: Record<string, unknown> = {}) {
  return { programmeId, supplierId, amount: '50000.00', termDays: 180, purpose: 'silage purchase', ...overrides };
}

type Auth = { auth: Record<string, string> };

export function submitReq(t: TestApp, who: Auth, body: unknown, headers: Record<string, string> = {}) {
  return t
    .http()
    .post('/loan-applications')
    .set(who.auth)
    .set(headers)
    .send(body as object);
}

/** Submits and insists on 201; answers the created application. */
export async function submitOk(
  t: TestApp,
  who: Auth,
  programmeId: string,
  supplierId: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const res = await submitReq(t, who, loanBody(programmeId, supplierId, overrides));
  if (res.status !== 201) throw new Error(`submit: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function approveReq(t: TestApp, who: Auth, id: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.http().post(`/loan-applications/${id}/approve`).set(who.auth).set(headers).send(body);
}

export function rejectReq(t: TestApp, who: Auth, id: string, body: Record<string, unknown> = { reason: 'not convinced' }) {
  return t.http().post(`/loan-applications/${id}/reject`).set(who.auth).send(body);
}

export function cancelReq(t: TestApp, who: Auth, id: string, body: Record<string, unknown> = { reason: 'no longer needed' }) {
  return t.http().post(`/loan-applications/${id}/cancel`).set(who.auth).send(body);
}

/** Approves and insists on 200 with the expected status. */
export async function approveOk(
  t: TestApp,
  who: Auth,
  id: string,
  expected: 'APPROVED' | 'PENDING_SECOND_APPROVAL' = 'APPROVED',
  comment?: string,
): Promise<Record<string, any>> {
  const res = await approveReq(t, who, id, comment ? { comment } : {});
  if (res.status !== 200 || res.body.status !== expected)
    throw new Error(`approve: expected 200 ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getLoan(t: TestApp, who: Auth, id: string): Promise<Record<string, any>> {
  const res = await t.http().get(`/loan-applications/${id}`).set(who.auth);
  if (res.status !== 200) throw new Error(`get loan: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Counters {
  /** GET /programmes/:id outstandingAmount */
  outstanding: string;
  /** GET /core-enterprises/:id guaranteedExposure */
  guaranteed: string;
  /** GET /suppliers/:id/eligibility?programmeId= reservedAmount and availableLimit (when a supplier is given) */
  reserved?: string;
  available?: string;
}

/** The exposure counters as the API shows them (read by ADMIN, who sees everything). */
export async function counters(
  t: TestApp,
  where: { programmeId: string; coreEnterpriseId: string; supplierId?: string },
): Promise<Counters> {
  const [p, ce] = await Promise.all([
    t.http().get(`/programmes/${where.programmeId}`).set(t.admin.auth),
    t.http().get(`/core-enterprises/${where.coreEnterpriseId}`).set(t.admin.auth),
  ]);
  if (p.status !== 200 || ce.status !== 200) throw new Error(`counters: ${p.status} ${ce.status}`);
  const out: Counters = { outstanding: p.body.outstandingAmount, guaranteed: ce.body.guaranteedExposure };
  if (where.supplierId) {
    const e = await t.http().get(`/suppliers/${where.supplierId}/eligibility?programmeId=${where.programmeId}`).set(t.admin.auth);
    if (e.status !== 200) throw new Error(`eligibility: ${e.status} ${JSON.stringify(e.body)}`);
    out.reserved = e.body.reservedAmount;
    out.available = e.body.availableLimit;
  }
  return out;
}

export const countersOf = (l: Lending, supplier: Supplier = l.suppliers[0]) => ({
  programmeId: l.programme.id as string,
  coreEnterpriseId: l.ce.id,
  supplierId: supplier.id,
});

/** The amount as integer fen, so sums are exact. */
export function fen(amount: string): bigint {
  const [i, f = ''] = amount.split('.');
  return BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
}

export function fromFen(v: bigint): string {
  const sign = v < 0n ? '-' : '';
  const a = v < 0n ? -v : v;
  return `${sign}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** Polls `read` until `done` holds (or the time is up) and answers the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  { timeoutMs = 20000, intervalMs = 50 } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Creates a batch of the programme's approved loans, has it approved by a senior and executed; answers the batch id. */
export async function startDisbursement(
  t: TestApp,
  officer: Auth,
  senior: Auth,
  programmeId: string,
  loanApplicationIds?: string[],
): Promise<string> {
  const created = await t
    .http()
    .post('/disbursement-batches')
    .set(officer.auth)
    .send(loanApplicationIds ? { programmeId, loanApplicationIds } : { programmeId });
  if (created.status !== 201) throw new Error(`create batch: ${created.status} ${JSON.stringify(created.body)}`);
  const approved = await t.http().post(`/disbursement-batches/${created.body.id}/approve`).set(senior.auth).send();
  if (approved.status !== 200) throw new Error(`approve batch: ${approved.status} ${JSON.stringify(approved.body)}`);
  const executed = await t.http().post(`/disbursement-batches/${created.body.id}/execute`).set(officer.auth).send();
  if (executed.status !== 202) throw new Error(`execute batch: ${executed.status} ${JSON.stringify(executed.body)}`);
  return created.body.id as string;
}

/** Polls the batch until it is no longer EXECUTING; answers its view. */
export async function waitForBatch(t: TestApp, who: Auth, batchId: string): Promise<Record<string, any>> {
  const res: Response = await pollUntil(
    () => t.http().get(`/disbursement-batches/${batchId}`).set(who.auth),
    (r) => r.status !== 200 || (r.body.status !== 'EXECUTING' && r.body.status !== 'APPROVED'),
    { timeoutMs: 30000, intervalMs: 100 },
  );
  if (res.status !== 200) throw new Error(`batch: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** What the database says about a programme's approved loans (status APPROVED), to the fen. */
export async function approvedSum(t: TestApp, programmeId: string): Promise<{ count: number; sum: string }> {
  const r = await t.db.query(
    `SELECT count(*)::int AS n, coalesce(sum(amount), 0)::text AS total FROM loan_applications WHERE programme_id = $1 AND status = 'APPROVED'`,
    [programmeId],
  );
  return { count: r[0].n as number, sum: r[0].total as string };
}
