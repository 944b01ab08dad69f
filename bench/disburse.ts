/**
 * npm run bench:disburse -- [--loans 10000]
 *
 * Executes a batch of APPROVED loans against the in-process bank simulator and prints the seconds
 * from POST execute to the batch's final status, and the seconds to produce its pain.001 file; then
 * the same with 20 ms of bank latency per transfer (service restarted with BANK_SIM_LATENCY_MS=20).
 */
import pg from 'pg';
import { usccCheckChar } from '../src/common/identifiers.js';
import { Api, args, benchDatabase, seconds, startService, until } from './support.js';
import { programmeBody, seedApplications, seedEligible, seedSuppliers } from './seed.js';

async function run(dbUrl: string, label: string, env: Record<string, string>, loans: number, prefix: string) {
  const service = await startService(dbUrl, env);
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const admin = await new Api(service.url).login();
    const ce = await admin.post('/core-enterprises', {
      name: `乳业集团 ${prefix}`,
      uscc: `91110108MA01D1BY${prefix}` + usccCheckChar(`91110108MA01D1BY${prefix}`),
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', programmeBody(ce.id));
    for (const [username, role] of [
      [`officer.${prefix}`, 'OFFICER'],
      [`senior.${prefix}`, 'SENIOR_OFFICER'],
    ]) {
      await admin.post('/users', { username, password: 'bench-password-1', role });
    }
    const officer = await new Api(service.url).login(`officer.${prefix}`, 'bench-password-1');
    const senior = await new Api(service.url).login(`senior.${prefix}`, 'bench-password-1');
    await seedSuppliers(client, ce.id, loans, prefix);
    await seedEligible(client, programme.id, ce.id);
    await seedApplications(client, programme.id, ce.id, loans, 'APPROVED', '12345.67');

    const batch = await officer.post('/disbursement-batches', { programmeId: programme.id });
    await senior.post(`/disbursement-batches/${batch.id}/approve`);
    let t = process.hrtime.bigint();
    await officer.post(`/disbursement-batches/${batch.id}/execute`);
    const done = await until(
      'the batch',
      () => officer.get(`/disbursement-batches/${batch.id}`),
      (b) => b.status !== 'EXECUTING',
      900_000,
      100,
    );
    const execSeconds = seconds(t);
    t = process.hrtime.bigint();
    const res = await fetch(`${service.url}/disbursement-batches/${batch.id}/pain001`, { headers: { authorization: officer.authHeader } });
    const xml = await res.text();
    const painSeconds = seconds(t);
    const paid = await client.query(
      `SELECT count(*)::int AS transfers, count(DISTINCT reference)::int AS loans FROM bank_sim.transfers WHERE status = 'SETTLED' AND reference = ANY($1::text[])`,
      [done.items.map((i: { loanApplicationId: string }) => i.loanApplicationId)],
    );
    console.log(`  ${label}`);
    console.log(
      `    execution:  ${execSeconds.toFixed(2)} s for ${done.counts.items} loans (${Math.round(done.counts.items / execSeconds)} payments/s) -> ${done.status}, settled ${done.counts.settled}, total ${done.totals.settled}`,
    );
    console.log(
      `    bank check: ${paid.rows[0].transfers} SETTLED transfers for ${paid.rows[0].loans} distinct loans (exactly once: ${paid.rows[0].transfers === paid.rows[0].loans && paid.rows[0].loans === done.counts.settled})`,
    );
    console.log(`    pain.001:   ${painSeconds.toFixed(2)} s through the API (${(xml.length / 1024 / 1024).toFixed(1)} MiB)`);
  } finally {
    await client.end();
    await service.stop();
  }
}

async function main() {
  const loans = Number(args().loans ?? 10_000);
  const db = await benchDatabase('chainlend_bench_disburse');
  try {
    console.log(
      `disbursing a ${loans}-loan batch against the in-process bank simulator, service on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
    );
    await run(db.url, 'no bank latency (goals: execution <= 10 s, pain.001 <= 2 s)', {}, loans, 'A');
    await run(db.url, '20 ms bank latency per transfer', { BANK_SIM_LATENCY_MS: '20' }, loans, 'B');
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
