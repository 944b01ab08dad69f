/**
 * npm run test:crash -- [--loans 2000] [--kills 10] [--cob-loans 100000]
 *
 * Proves exactly-once disbursement through crashes, on the bank simulator's own records:
 *   1. one service instance executes a batch of `loans` loans and is killed with SIGKILL at random
 *      moments `kills` times, being restarted after each kill, until the batch is finished;
 *   2. two instances on the same database execute two batches at once, each killed twice on the way.
 * Then every loan must have exactly one SETTLED transfer if DISBURSED and none otherwise, every batch and
 * item must be final, and the exposure counters must equal the loans that hold reservations.
 *   3. the end of day of `cob-loans` open loans over three dates, the instance killed four times at
 *      different points of the run (in each date, and just after a restart); then every loan must be
 *      closed through the last date, have exactly one accrual line per account and date, and a ledger
 *      that equals its stored state, with the trial balance at zero.
 * Uses DATABASE_URL's server (a database of its own) or an embedded PostgreSQL under .data/crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { Api, ROOT, SERVICE_NODE_FLAGS, args, benchDatabase, freePort, freshDatabase, until } from '../bench/support.js';
import { programmeBody, seedApplications, seedEligible, seedOpenLoans, seedSuppliers } from '../bench/seed.js';
import { usccCheckChar } from '../src/common/identifiers.js';
import { addDays } from '../src/common/dates.js';
import { interestDue, penaltyDue, roundedAccruedInterest, roundedAccruedPenalty } from '../src/servicing/loan-state.js';
import type { LoanTerms } from '../src/servicing/scenario.js';
import { loadState, type StoredLoanState } from '../src/servicing/servicing-row.js';
import { compileTerms } from '../src/servicing/terms.js';

const SERVICE_ENV = {
  NODE_ENV: 'development',
  LOG_LEVEL: 'error',
  // a dead driver's batch is taken over within ~2 s
  DISBURSE_LEASE_SECONDS: '2',
  DISBURSE_SWEEP_MS: '500',
  DISBURSE_CONCURRENCY: '8',
  // slow enough that kills land mid-payment; time-outs and refusals exercise every path
  BANK_SIM_LATENCY_MS: '40',
  BANK_SIM_TIMEOUT_SHARE: '0.05',
  BANK_SIM_REJECT_SHARE: '0.02',
  JOB_POLLING_MS: '500',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const random = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

class Instance {
  child: ChildProcess | undefined;
  url = '';
  constructor(
    readonly name: string,
    private readonly databaseUrl: string,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, path.join(ROOT, 'dist', 'src', 'main.js')], {
      env: { ...process.env, ...SERVICE_ENV, ...this.env, DATABASE_URL: this.databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await until(
      `${this.name} to start`,
      () =>
        fetch(`${this.url}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      (ok) => ok,
      60_000,
      50,
    );
  }

  kill(): void {
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child!.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

async function setup(instance: Instance, client: pg.Client, tag: string, loans: number) {
  const admin = await new Api(instance.url).login();
  const uscc = `91350100MA0CR00${tag}0`; // 17 characters of the USCC alphabet
  const ce = await admin.post('/core-enterprises', {
    name: `牧业集团 ${tag}`,
    uscc: uscc + usccCheckChar(uscc),
    guaranteeCap: '900000000000.00',
  });
  const programme = await admin.post('/programmes', programmeBody(ce.id));
  for (const role of ['OFFICER', 'SENIOR_OFFICER']) {
    await admin.post('/users', { username: `${role.toLowerCase()}.${tag}`, password: 'crash-test-password', role });
  }
  await seedSuppliers(client, ce.id, loans, tag);
  await seedEligible(client, programme.id, ce.id);
  await seedApplications(client, programme.id, ce.id, loans, 'APPROVED', '12345.67');
  return { programmeId: programme.id as string, coreEnterpriseId: ce.id as string };
}

async function approvedBatch(api: { officer: Api; senior: Api }, programmeId: string, loanIds?: string[]): Promise<string> {
  const batch = await api.officer.post('/disbursement-batches', { programmeId, loanApplicationIds: loanIds });
  await api.senior.post(`/disbursement-batches/${batch.id}/approve`);
  return batch.id;
}

async function users(url: string, tag: string) {
  return {
    officer: await new Api(url).login(`officer.${tag}`, 'crash-test-password'),
    senior: await new Api(url).login(`senior_officer.${tag}`, 'crash-test-password'),
  };
}

async function batchStatus(client: pg.Client, ids: string[]): Promise<string[]> {
  const r = await client.query(`SELECT status FROM disbursement_batches WHERE id = ANY($1::uuid[])`, [ids]);
  return r.rows.map((x) => x.status);
}

const FINAL = new Set(['COMPLETED', 'PARTIALLY_FAILED', 'FAILED']);

async function verify(client: pg.Client, batchIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  const batches = await client.query(`SELECT id, status FROM disbursement_batches WHERE id = ANY($1::uuid[])`, [batchIds]);
  for (const b of batches.rows) if (!FINAL.has(b.status)) problems.push(`batch ${b.id} is ${b.status}`);
  const open = await client.query(
    `SELECT count(*)::int AS n FROM disbursement_items WHERE batch_id = ANY($1::uuid[]) AND status IN ('PENDING', 'SENT')`,
    [batchIds],
  );
  if (open.rows[0].n) problems.push(`${open.rows[0].n} items are not final`);
  // every loan of the batches against the bank's own book
  const rows = await client.query(
    `SELECT la.id, la.status, count(t.*) FILTER (WHERE t.status = 'SETTLED')::int AS settled
       FROM loan_applications la
       JOIN disbursement_items i ON i.loan_application_id = la.id AND i.batch_id = ANY($1::uuid[])
       LEFT JOIN bank_sim.transfers t ON t.reference = la.id::text
      GROUP BY la.id, la.status`,
    [batchIds],
  );
  for (const r of rows.rows) {
    if (r.status === 'DISBURSED' && r.settled !== 1) problems.push(`loan ${r.id} is DISBURSED with ${r.settled} settled transfers`);
    if (r.status !== 'DISBURSED' && r.settled !== 0) problems.push(`loan ${r.id} is ${r.status} but has ${r.settled} settled transfers`);
    if (r.status !== 'DISBURSED' && r.status !== 'APPROVED') problems.push(`loan ${r.id} ended ${r.status}`);
  }
  const twice = await client.query(
    `SELECT reference, count(*)::int AS n FROM bank_sim.transfers WHERE status = 'SETTLED' GROUP BY reference HAVING count(*) > 1`,
  );
  for (const r of twice.rows) problems.push(`loan ${r.reference} was paid ${r.n} times`);
  const items = await client.query(
    `SELECT count(*)::int AS n FROM disbursement_items i LEFT JOIN bank_sim.transfers t ON t.end_to_end_id = i.end_to_end_id
      WHERE i.batch_id = ANY($1::uuid[]) AND ((i.status = 'SETTLED') <> (t.status IS NOT DISTINCT FROM 'SETTLED'))`,
    [batchIds],
  );
  if (items.rows[0].n) problems.push(`${items.rows[0].n} items disagree with the bank about their own endToEndId`);
  const exposure = await client.query(
    `SELECT p.programme_id, p.outstanding_amount::text AS counter, coalesce(sum(la.amount) FILTER (WHERE la.reserved), 0)::text AS loans
       FROM programme_exposure p LEFT JOIN loan_applications la ON la.programme_id = p.programme_id
      GROUP BY p.programme_id, p.outstanding_amount`,
  );
  for (const r of exposure.rows)
    if (r.counter !== r.loans) problems.push(`programme ${r.programme_id}: counter ${r.counter}, reserved loans ${r.loans}`);
  return problems;
}

const COB_DATES = 3;
const COB_FINAL = new Set(['COMPLETED', 'FAILED']);

/**
 * Phase 3: the end of day of `loans` seeded open loans over three dates, on a database of its own and
 * a simulated clock; the instance is killed when the run's committed chunks pass marks inside each
 * date, and once just after a restart. Answers the problems found and a one-line summary.
 */
async function cobPhase(adminUrl: string, loans: number): Promise<{ problems: string[]; summary: string }> {
  const started = Date.now();
  const url = await freshDatabase(adminUrl, 'chainlend_crash_cob');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // passes of two dates: the three dates make one pass of two and one of one, and kills land in both
  const instance = new Instance('COB instance', url, { CLOCK: 'simulated', COB_SWEEP_MS: '500', COB_DATES_PER_PASS: '2' });
  try {
    await instance.start();
    const admin = await new Api(instance.url).login();
    const uscc = '91150100MA0CR00K0';
    const ce = await admin.post('/core-enterprises', {
      name: '乳业集团 K',
      uscc: uscc + usccCheckChar(uscc),
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', programmeBody(ce.id));
    const valueDate: string = (await admin.get('/clock')).today;
    await seedOpenLoans(client, programme.id, ce.id, loans, valueDate, 'K');
    const last = addDays(valueDate, COB_DATES - 1);
    await admin.request('PUT', '/clock', { today: addDays(last, 1) });
    const run = await admin.post('/cob-runs', {});
    console.log(`phase 3: end of day of ${loans} open loans over ${COB_DATES} dates (${valueDate} to ${last}), killed mid-run`);
    const progress = async () =>
      (await client.query(`SELECT status, loans_processed::int AS n, working_date::text AS closed FROM cob_runs WHERE id = $1`, [run.id]))
        .rows[0] as { status: string; n: number; closed: string | null };
    // in the first, second and third date, and just after the first chunk that commits after a restart
    const marks = [(): number => 0.4 * loans, () => 1.3 * loans, (n: number) => n + 1, () => 2.5 * loans];
    let kills = 0;
    let n = 0;
    for (const mark of marks) {
      const target = mark(n);
      const at = await until('the end of day to reach a kill mark', progress, (p) => p.n >= target || COB_FINAL.has(p.status), 300_000, 20);
      if (COB_FINAL.has(at.status)) break;
      instance.kill();
      kills++;
      n = at.n;
      console.log(`  kill -9 #${kills} with ${at.n} loan-dates committed (closed through ${at.closed ?? 'none'}); restarting`);
      await instance.start();
    }
    const end = await until('the end-of-day run to finish', progress, (p) => COB_FINAL.has(p.status), 600_000, 200);
    const problems = await verifyCob(client, loans, valueDate, last);
    if (end.status !== 'COMPLETED') problems.push(`the run ended ${end.status}`);
    if (end.n !== loans * COB_DATES) problems.push(`the run counts ${end.n} loan-dates, not ${loans * COB_DATES}`);
    if (kills < 3) problems.push(`only ${kills} kills landed mid-run`);
    const summary = `end of day: ${loans} loans × ${COB_DATES} dates, ${kills} kills mid-run, ${((Date.now() - started) / 1000).toFixed(0)} s`;
    return { problems, summary };
  } finally {
    await client.end();
    await instance.stop();
  }
}

async function verifyCob(client: pg.Client, loans: number, first: string, last: string): Promise<string[]> {
  const problems: string[] = [];
  const behind = await client.query(
    `SELECT count(*)::int AS n FROM loan_servicing WHERE status = 'DISBURSED' AND last_cob_date IS DISTINCT FROM $1::date`,
    [last],
  );
  if (behind.rows[0].n) problems.push(`${behind.rows[0].n} loans are not closed through ${last}`);
  const dates = await client.query(`SELECT count(*)::int AS n FROM cob_dates WHERE business_date BETWEEN $1 AND $2`, [first, last]);
  if (dates.rows[0].n !== COB_DATES) problems.push(`${dates.rows[0].n} of ${COB_DATES} dates are recorded closed`);
  // every loan accrues interest every day, so: one receivable and one income line per loan and date, never two
  const lines = await client.query(
    `SELECT count(*)::int AS groups, count(*) FILTER (WHERE n <> 1)::int AS not_one
       FROM (SELECT count(*) AS n FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
              WHERE e.entry_type = 'ACCRUAL' GROUP BY l.loan_application_id, l.account, e.business_date) g`,
  );
  if (lines.rows[0].not_one) problems.push(`${lines.rows[0].not_one} loan/account/date groups have more than one accrual line`);
  if (lines.rows[0].groups !== loans * COB_DATES * 2)
    problems.push(`${lines.rows[0].groups} loan/account/date accrual groups, expected ${loans * COB_DATES * 2}`);
  const trial = await client.query(`SELECT (coalesce(sum(debit), 0) - coalesce(sum(credit), 0))::text AS diff FROM journal_lines`);
  if (trial.rows[0].diff !== '0') problems.push(`the trial balance is off by ${trial.rows[0].diff} fen`);
  // each loan's receivables in the ledger against what its stored state says is owed
  const rows = await client.query<{ id: string; terms: LoanTerms; state: StoredLoanState; interest: string; penalty: string }>(
    `SELECT s.loan_application_id AS id, s.terms, s.state,
            coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account = 'INTEREST_RECEIVABLE'), 0)::text AS interest,
            coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account = 'PENALTY_RECEIVABLE'), 0)::text AS penalty
       FROM loan_servicing s LEFT JOIN journal_lines l ON l.loan_application_id = s.loan_application_id
      GROUP BY s.loan_application_id`,
  );
  let wrong = 0;
  for (const r of rows.rows) {
    const terms = compileTerms(r.terms);
    const state = loadState(r.state);
    const ok =
      state.lastCobDate === last &&
      BigInt(r.interest) === interestDue(state) + roundedAccruedInterest(state, terms) &&
      BigInt(r.penalty) === penaltyDue(state) + roundedAccruedPenalty(state, terms);
    if (!ok && wrong++ < 5) problems.push(`loan ${r.id}: ledger ${r.interest}/${r.penalty} fen does not match its state`);
  }
  if (wrong > 5) problems.push(`... ${wrong} loans in all whose ledger does not match their state`);
  if (rows.rows.length !== loans) problems.push(`${rows.rows.length} servicing rows, expected ${loans}`);
  return problems;
}

async function main() {
  const a = args();
  const loans = Number(a.loans ?? 2000);
  const kills = Number(a.kills ?? 10);
  const cobLoans = Number(a['cob-loans'] ?? 100_000);
  const started = Date.now();
  const db = await benchDatabase('chainlend_crash');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const one = new Instance('instance A', db.url);
  const two = new Instance('instance B', db.url);
  try {
    // ---- 1. one instance, killed again and again ----
    await one.start();
    const p1 = await setup(one, client, 'A', loans);
    const batch1 = await approvedBatch(await users(one.url, 'A'), p1.programmeId);
    await (await users(one.url, 'A')).officer.post(`/disbursement-batches/${batch1}/execute`);
    console.log(`phase 1: a batch of ${loans} loans executing on one instance; killing it ${kills} times`);
    let killedMidBatch = 0;
    for (let k = 1; k <= kills; k++) {
      await sleep(random(300, 1500));
      const [status] = await batchStatus(client, [batch1]);
      if (status === 'EXECUTING') killedMidBatch++;
      one.kill();
      const settled = await client.query(
        `SELECT count(*)::int AS n FROM disbursement_items WHERE batch_id = $1 AND status IN ('SETTLED', 'FAILED')`,
        [batch1],
      );
      console.log(`  kill -9 #${k} (batch ${status}, ${settled.rows[0].n}/${loans} items final); restarting`);
      await one.start();
    }
    await until(
      'batch 1 to finish',
      () => batchStatus(client, [batch1]),
      (s) => FINAL.has(s[0]),
      600_000,
      200,
    );

    // ---- 2. two instances on one database, two batches at once ----
    await two.start();
    const p2 = await setup(two, client, 'B', loans);
    const ids = (
      await client.query(`SELECT id FROM loan_applications WHERE programme_id = $1 AND status = 'APPROVED' ORDER BY id`, [p2.programmeId])
    ).rows.map((r) => r.id);
    const half = Math.floor(ids.length / 2);
    const apiA = await users(one.url, 'B');
    const apiB = await users(two.url, 'B');
    const batch2 = await approvedBatch(apiA, p2.programmeId, ids.slice(0, half));
    const batch3 = await approvedBatch(apiA, p2.programmeId, ids.slice(half));
    console.log(`phase 2: two instances execute two batches of ${half} and ${ids.length - half} loans at once, each killed twice`);
    await Promise.all([
      apiA.officer.post(`/disbursement-batches/${batch2}/execute`),
      apiB.officer.post(`/disbursement-batches/${batch3}/execute`),
    ]);
    for (const victim of [one, two, one, two]) {
      await sleep(random(500, 1500));
      victim.kill();
      console.log(`  kill -9 ${victim.name}; restarting`);
      await victim.start();
    }
    await until(
      'batches 2 and 3 to finish',
      () => batchStatus(client, [batch2, batch3]),
      (s) => s.every((x) => FINAL.has(x)),
      600_000,
      200,
    );

    // ---- 3. the end of day, killed mid-run ----
    await one.stop();
    await two.stop();
    const cob = await cobPhase(db.adminUrl, cobLoans);

    // ---- verdict, from the bank's own records ----
    const all = [batch1, batch2, batch3];
    const problems = [...(await verify(client, all)), ...cob.problems];
    const summary = await client.query(
      `SELECT b.status, count(*) FILTER (WHERE i.status = 'SETTLED')::int AS settled, count(*) FILTER (WHERE i.status = 'FAILED')::int AS failed,
              sum(i.attempts)::int AS attempts
         FROM disbursement_batches b JOIN disbursement_items i ON i.batch_id = b.id WHERE b.id = ANY($1::uuid[]) GROUP BY b.id, b.status ORDER BY b.created_at`,
      [all],
    );
    const transfers = await client.query(`SELECT status, count(*)::int AS n FROM bank_sim.transfers GROUP BY status ORDER BY status`);
    console.log('');
    for (const [i, r] of summary.rows.entries())
      console.log(`batch ${i + 1}: ${r.status}, ${r.settled} settled, ${r.failed} refused by the bank, ${r.attempts} attempts`);
    console.log(
      `bank book: ${transfers.rows.map((r) => `${r.n} ${r.status}`).join(', ')}; kills: ${kills} + 4 (${killedMidBatch} of the first ${kills} while the batch was executing)`,
    );
    console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (problems.length) {
      console.error(`\nFAILED: ${problems.length} problems\n  ${problems.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log('\nOK: every loan paid exactly once (or, when refused, not at all), every batch finished, exposure counters exact');
      console.log(
        `OK: ${cob.summary}; every loan closed through the last date once, one accrual line per loan, account and date, ledger equals state, trial balance zero`,
      );
    }
  } finally {
    await client.end();
    await one.stop();
    await two.stop();
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
