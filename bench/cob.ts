/**
 * npm run bench:cob -- [--loans 1000000] [--days 1]
 *
 * Seeds `loans` open loans by SQL (suppliers, DISBURSED loan applications, servicing rows valued on
 * one date), then times through the API (service as its own process, simulated clock) the end of
 * day of one business date, then of `days` more dates in one catch-up run; prints loans/s, seconds
 * per date, the service's peak RSS, and the physical-limit ratio: the same rows rewritten by one bare
 * UPDATE (state and last_cob_date, no engine, no ledger) timed in the same run, bare / COB.
 */
import pg from 'pg';
import { usccCheckChar } from '../src/common/identifiers.js';
import { addDays } from '../src/servicing/dates.js';
import { Api, args, benchDatabase, seconds, startService, until } from './support.js';
import { programmeBody, seedOpenLoans } from './seed.js';

async function cobRun(admin: Api, today: string): Promise<{ seconds: number; run: Record<string, any> }> {
  await admin.request('PUT', '/clock', { today });
  const t = process.hrtime.bigint();
  const queued = await admin.post('/cob-runs', {});
  const run = await until(
    'the end-of-day run',
    () => admin.get(`/cob-runs/${queued.id}`),
    (r) => r.status === 'COMPLETED' || r.status === 'FAILED',
    3_600_000,
    100,
  );
  if (run.status !== 'COMPLETED') throw new Error(`the run failed: ${run.error}`);
  return { seconds: seconds(t), run };
}

async function main() {
  const a = args();
  const loans = Number(a.loans ?? 1_000_000);
  const days = Number(a.days ?? 1);
  const db = await benchDatabase('chainlend_bench_cob');
  const service = await startService(db.url, { CLOCK: 'simulated', COB_SWEEP_MS: '1000' });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const admin = await new Api(service.url).login();
    const ce = await admin.post('/core-enterprises', {
      name: '乳业集团 COB',
      uscc: `91110108MA01D1BYC` + usccCheckChar(`91110108MA01D1BYC`),
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', programmeBody(ce.id));
    const valueDate: string = (await admin.get('/clock')).today;
    await admin.request('PUT', '/clock', { today: valueDate });
    let t = process.hrtime.bigint();
    await seedOpenLoans(client, programme.id, ce.id, loans, valueDate);
    console.log(`bench:cob  ${loans} open loans valued ${valueDate}, seeded in ${seconds(t).toFixed(1)} s`);

    const one = await cobRun(admin, addDays(valueDate, 1));
    console.log(
      `  one date:      ${one.seconds.toFixed(2)} s for ${one.run.loansProcessed} loans (${Math.round(one.run.loansProcessed / one.seconds)} loans/s)  (goal <= 30 s at 1,000,000)`,
    );
    const many = await cobRun(admin, addDays(valueDate, 1 + days));
    console.log(
      `  ${days} more date(s): ${many.seconds.toFixed(2)} s, ${(many.seconds / days).toFixed(2)} s per date, ${Math.round(many.run.loansProcessed / many.seconds)} loans/s  (goal: 30 dates <= 600 s at 1,000,000)`,
    );
    const lines = await client.query(`SELECT count(*)::int AS n FROM journal_lines`);
    const behind = await client.query(`SELECT count(*)::int AS n FROM loan_servicing WHERE last_cob_date <> $1`, [
      addDays(valueDate, days),
    ]);
    console.log(`  accrual lines: ${lines.rows[0].n}; loans not at ${addDays(valueDate, days)}: ${behind.rows[0].n}`);
    console.log(`  service peak RSS: ${service.peakRssMiB().toFixed(0)} MiB`);

    // the physical limit: the same rows rewritten (state and last COB date) by one bare statement
    t = process.hrtime.bigint();
    await client.query(
      `UPDATE loan_servicing SET state = jsonb_set(state, '{lastCobDate}', to_jsonb((last_cob_date + 1)::text)),
              last_cob_date = last_cob_date + 1, updated_at = now() WHERE status = 'DISBURSED'`,
    );
    const bare = seconds(t);
    console.log(
      `  bare UPDATE of the same rows: ${bare.toFixed(2)} s; physical-limit ratio bare / COB = ${(bare / one.seconds).toFixed(2)} (one date)`,
    );
  } finally {
    await client.end();
    await service.stop();
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
