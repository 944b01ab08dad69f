import { BankSimService, type SimTransferRequest } from '../../src/bank-sim/bank-sim.service.js';
import { approveReq, submitReq } from './loans.js';
import { insertSuppliers, type SupplierSeed } from './suppliers.js';
import type { TestApp, TestUser } from './test-app.js';

/** A core enterprise, a programme on the standard rules and the people who lend and pay. */
export interface LendingSetup {
  ce: { id: string; uscc: string; name: string };
  programme: Record<string, any>;
  /** The core enterprise's user who applies for the loans (the officer may not approve their own). */
  applicant: TestUser;
  /** Approves loans, makes batches (the maker). */
  officer: TestUser;
  /** Approves batches (the checker). */
  senior: TestUser;
}

export async function lendingSetup(t: TestApp, programmeOverrides: Record<string, unknown> = {}): Promise<LendingSetup> {
  const ce = await t.coreEnterprise();
  const programme = await t.programme(ce.id, programmeOverrides);
  const applicant = await t.user('ENTERPRISE', ce.id);
  const officer = await t.user('OFFICER');
  const senior = await t.user('SENIOR_OFFICER');
  return { ce, programme, applicant, officer, senior };
}

export interface ApprovedLoan {
  loanId: string;
  supplierId: string;
  amount: string;
  bankAccount: string;
  idNumber: string;
}

/**
 * One supplier per amount (inserted by SQL, passing the standard rules with a 150,000.00 limit), each
 * with a loan submitted by the applicant and approved by the officer: APPROVED loans ready for a batch.
 */
export async function approvedLoans(
  t: TestApp,
  s: LendingSetup,
  amounts: string[],
  seeds: SupplierSeed | SupplierSeed[] = {},
): Promise<ApprovedLoan[]> {
  const suppliers = await insertSuppliers(
    t,
    s.ce.id,
    amounts.map((_, i) => ({ ...(Array.isArray(seeds) ? seeds[i] : seeds) })),
  );
  const out: ApprovedLoan[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const sup = suppliers[i];
    const res = await submitReq(t, s.applicant, { programmeId: s.programme.id, supplierId: sup.id, amount: amounts[i], termDays: 180 });
    if (res.status !== 201 || res.body.status !== 'PENDING_REVIEW')
      throw new Error(`submit loan: ${res.status} ${JSON.stringify(res.body)}`);
    const ok = await approveReq(t, s.officer, res.body.id);
    if (ok.status !== 200 || ok.body.status !== 'APPROVED') throw new Error(`approve loan: ${ok.status} ${JSON.stringify(ok.body)}`);
    out.push({
      loanId: res.body.id as string,
      supplierId: sup.id,
      amount: amounts[i],
      bankAccount: sup.bankAccount,
      idNumber: sup.idNumber,
    });
  }
  return out;
}

/** `n` amounts with fen: 10000.11, 20000.22, ... 140000.54, then again (all within the 150,000.00 limit). */
export function fenAmounts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const k = (i % 14) + 1;
    return `${k}0000.${String((k * 11) % 100).padStart(2, '0')}`;
  });
}

/** Sums money strings exactly, in fen, without floats. */
export function sumFen(amounts: string[]): string {
  let fen = 0n;
  for (const a of amounts) {
    const [int, frac = ''] = a.split('.');
    fen += BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
  }
  const s = fen.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** POST /disbursement-batches by the setup's officer: the loans named, or every approved loan of the programme. */
export function createBatchReq(t: TestApp, s: Pick<LendingSetup, 'officer' | 'programme'>, loanIds?: string[]) {
  return t
    .http()
    .post('/disbursement-batches')
    .set(s.officer.auth)
    .send({ programmeId: s.programme.id, ...(loanIds ? { loanApplicationIds: loanIds } : {}) });
}

/** POST /disbursement-batches, then approval by the senior officer: an APPROVED batch. */
export async function approvedBatch(t: TestApp, s: LendingSetup, loanIds?: string[]): Promise<Record<string, any>> {
  const created = await createBatchReq(t, s, loanIds);
  if (created.status !== 201) throw new Error(`create batch: ${created.status} ${JSON.stringify(created.body)}`);
  const approved = await t.http().post(`/disbursement-batches/${created.body.id}/approve`).set(s.senior.auth).send();
  if (approved.status !== 200) throw new Error(`approve batch: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}

/** Polls the batch until `done` holds or the deadline passes (then fails with the last view). */
export async function waitForBatch(
  t: TestApp,
  batchId: string,
  user: TestUser,
  done: (b: Record<string, any>) => boolean = (b) => b.status !== 'EXECUTING',
  timeoutMs = 20_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, any> | undefined;
  for (;;) {
    const res = await t.http().get(`/disbursement-batches/${batchId}`).set(user.auth);
    if (res.status !== 200) throw new Error(`get batch: ${res.status} ${JSON.stringify(res.body)}`);
    last = res.body;
    if (done(res.body)) return res.body;
    if (Date.now() > deadline)
      throw new Error(
        `batch ${batchId} did not get there in ${timeoutMs} ms: ${JSON.stringify({ status: last!.status, counts: last!.counts })}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `cond` every 20 ms until it holds or `timeoutMs` passes; answers whether it held. */
export async function waitUntil(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

export async function executeAndWait(t: TestApp, s: LendingSetup, batchId: string, timeoutMs?: number): Promise<Record<string, any>> {
  const exec = await t.http().post(`/disbursement-batches/${batchId}/execute`).set(s.officer.auth).send();
  if (exec.status !== 202) throw new Error(`execute: ${exec.status} ${JSON.stringify(exec.body)}`);
  return waitForBatch(t, batchId, s.officer, undefined, timeoutMs);
}

/** The simulated bank back to paying every transfer at once, after a test that made it slow or refuse. */
export function calmBank(t: TestApp): void {
  t.app.get(BankSimService).configure({ rejectShare: 0, timeoutShare: 0, latencyMs: 0, badAccounts: [] });
}

export interface TransferRow {
  end_to_end_id: string;
  reference: string;
  amount: string;
  creditor_account: string;
  status: 'SETTLED' | 'REJECTED';
  reason_code: string | null;
}

/** The simulated bank's own record, straight from its table. */
export async function bankTransfers(t: TestApp, references: string[]): Promise<TransferRow[]> {
  return t.db.query(
    `SELECT end_to_end_id, reference, amount::text, creditor_account, status, reason_code FROM bank_sim.transfers WHERE reference = ANY($1::text[]) ORDER BY created_at`,
    [references],
  );
}

/** SETTLED transfers per reference (loan id); a loan is paid exactly once when its count is 1. */
export async function settledCounts(t: TestApp, references: string[]): Promise<Map<string, number>> {
  const rows: { reference: string; n: number }[] = await t.db.query(
    `SELECT reference, count(*) FILTER (WHERE status = 'SETTLED')::int AS n FROM bank_sim.transfers WHERE reference = ANY($1::text[]) GROUP BY reference`,
    [references],
  );
  const out = new Map(references.map((r) => [r, 0]));
  for (const r of rows) out.set(r.reference, r.n);
  return out;
}

export async function loanStatus(t: TestApp, loanId: string): Promise<{ status: string; reserved: boolean; value_date: string | null }> {
  const rows = await t.db.query(`SELECT status, reserved, value_date::text FROM loan_applications WHERE id = $1`, [loanId]);
  return rows[0];
}

/**
 * Records every credit call the payment channel makes to the in-process simulator (the channel calls
 * the service's method at call time, so replacing it on the instance is enough). Call restore() after.
 */
export function spyOnCredits(t: TestApp): { calls: string[]; restore(): void } {
  const bank = t.app.get(BankSimService);
  const original = bank.credit;
  const calls: string[] = [];
  bank.credit = async function (this: BankSimService, req: SimTransferRequest) {
    calls.push(req.endToEndId);
    return original.call(this, req);
  };
  return {
    calls,
    restore() {
      bank.credit = original;
    },
  };
}
