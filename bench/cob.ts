/**
 * npm run bench:cob -- [--loans 1000000] [--days 1] [--dates-per-pass 10]
 *
 * Seeds `loans` open loans by SQL (suppliers, DISBURSED loan applications, servicing rows valued on
 * one date), then times through the API (service as its own process, simulated clock) the end of
 * day of one business date, then of `days` more dates in one catch-up run; prints loans/s, seconds
 * per date, the service's peak RSS, and the physical-limit ratio: in the same run, bare statements
 * writing what a date must write at the least (every open row rewritten by one UPDATE, the date's
 * accrual lines by one binary COPY; no engine, rolled back), limit / COB, and the CPU a loan-date
 * costs the service and the database (load-independent, unlike seconds on a shared machine). A
 * catch-up writes each row once per pass of `dates-per-pass` dates (COB_DATES_PER_PASS), so its limit
 * per date is the COPY plus the UPDATE times passes / days.
 */
import os from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { usccCheckChar } from '../src/common/identifiers.js';
import { addDays } from '../src/common/dates.js';
import { Api, args, benchDatabase, databaseCpuSeconds, databaseCpuSince, seconds, startService, until, type Service } from './support.js';
import { programmeBody, seedOpenLoans } from './seed.js';
import { writeResult } from './results.js';

interface Timed {
  seconds: number;
  run: Record<string, any>;
  /** CPU seconds of the service and of the database's backends during the run: what it costs, whatever else the machine does. */
  serviceCpu: number;
  databaseCpu: number;
}

async function cobRun(admin: Api, service: Service, client: pg.Client, today: string): Promise<Timed> {
  await admin.request('PUT', '/clock', { today });
  const cpu = service.cpuSeconds();
  const dbCpu = await databaseCpuSeconds(client);
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
  return { seconds: seconds(t), run, serviceCpu: service.cpuSeconds() - cpu, databaseCpu: await databaseCpuSince(client, dbCpu) };
}

/** CPU per loan-date, and the wall time it allows at best on this machine's cores (all busy, nothing else running). */
function cpuLine(r: Timed, dates: number): string {
  const loanDates = r.run.loansProcessed as number;
  const perLoan = (cpu: number) => ((cpu / loanDates) * 1e6).toFixed(1);
  const bound = (r.serviceCpu + r.databaseCpu) / dates / os.availableParallelism();
  return (
    `CPU per loan-date: service ${perLoan(r.serviceCpu)} µs, database ${perLoan(r.databaseCpu)} µs; ` +
    `on ${os.availableParallelism()} idle cores at best ${bound.toFixed(1)} s per date`
  );
}

/**
 * The physical limit: what PostgreSQL must write for one date at the least, by bare statements in
 * one transaction (rolled back): every open row rewritten (state and last COB date) by one UPDATE,
 * and the accrual lines of `date` written again by one binary COPY (read out beforehand).
 */
async function physicalLimit(client: pg.Client, date: string): Promise<{ update: number; copy: number }> {
  const lineDump: Buffer[] = [];
  await pipeline(
    client.query(
      pgCopy.to(
        `COPY (SELECT l.* FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                WHERE e.entry_type = 'ACCRUAL' AND e.business_date = '${date}') TO STDOUT (FORMAT binary)`,
      ),
    ),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lineDump.push(chunk);
        done();
      },
    }),
  );
  await client.query('BEGIN');
  const t = process.hrtime.bigint();
  await client.query(
    `UPDATE loan_servicing SET state = jsonb_set(state, '{lastCobDate}', to_jsonb((last_cob_date + 1)::text)),
            last_cob_date = last_cob_date + 1, updated_at = now() WHERE status = 'DISBURSED'`,
  );
  const update = seconds(t);
  await pipeline(Readable.from(lineDump), client.query(pgCopy.from(`COPY journal_lines FROM STDIN (FORMAT binary)`)));
  const copy = seconds(t) - update;
  await client.query('ROLLBACK');
  return { update, copy };
}

async function main() {
  const a = args();
  const loans = Number(a.loans ?? 1_000_000);
  const days = Number(a.days ?? 1);
  const datesPerPass = Number(a['dates-per-pass'] ?? 10);
  const db = await benchDatabase('chainlend_bench_cob');
  const service = await startService(db.url, { CLOCK: 'simulated', COB_SWEEP_MS: '1000', COB_DATES_PER_PASS: String(datesPerPass) });
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
    const t = process.hrtime.bigint();
    await seedOpenLoans(client, programme.id, ce.id, loans, valueDate);
    console.log(`bench:cob  ${loans} open loans valued ${valueDate}, seeded in ${seconds(t).toFixed(1)} s`);

    const one = await cobRun(admin, service, client, addDays(valueDate, 1));
    console.log(
      `  one date:      ${one.seconds.toFixed(2)} s for ${one.run.loansProcessed} loans (${Math.round(one.run.loansProcessed / one.seconds)} loans/s)  (goal <= 30 s at 1,000,000)`,
    );
    console.log(`                 ${cpuLine(one, 1)}`);
    const before = await physicalLimit(client, valueDate);
    const bare = before.update + before.copy;
    const catchUpBefore = before.copy + (before.update * Math.ceil(days / datesPerPass)) / days;
    console.log(
      `  physical limit: bare UPDATE of the same rows ${before.update.toFixed(2)} s + binary COPY of the date's accrual lines ` +
        `${before.copy.toFixed(2)} s = ${bare.toFixed(2)} s; ratio limit / COB = ${(bare / one.seconds).toFixed(2)} (one date)`,
    );
    // the measure's rolled-back rows, cleared as autovacuum would before the catch-up meets them
    await client.query('VACUUM loan_servicing, journal_lines');
    const many = await cobRun(admin, service, client, addDays(valueDate, 1 + days));
    console.log(
      `  ${days} more date(s): ${many.seconds.toFixed(2)} s, ${(many.seconds / days).toFixed(2)} s per date, ${Math.round(many.run.loansProcessed / many.seconds)} loans/s  (goal: 30 dates <= 600 s at 1,000,000)`,
    );
    console.log(`                 ${cpuLine(many, days)}`);
    const lines = await client.query(`SELECT count(*)::int AS n FROM journal_lines`);
    const lineCount = lines.rows[0].n as number;
    const behind = await client.query(`SELECT count(*)::int AS n FROM loan_servicing WHERE last_cob_date <> $1`, [
      addDays(valueDate, days),
    ]);
    console.log(`  accrual lines: ${lines.rows[0].n}; loans not at ${addDays(valueDate, days)}: ${behind.rows[0].n}`);
    console.log(`  service peak RSS: ${service.peakRssMiB().toFixed(0)} MiB`);

    const after = await physicalLimit(client, addDays(valueDate, days));
    const catchUpBare = after.copy + (after.update * Math.ceil(days / datesPerPass)) / days;
    console.log(
      `  physical limit after the catch-up (${lineCount} lines, the table as the catch-up left it): ` +
        `bare UPDATE ${after.update.toFixed(2)} s + binary COPY of a date's lines ${after.copy.toFixed(2)} s`,
    );
    console.log(
      `  catch-up limit per date (passes of ${datesPerPass}: one UPDATE per pass, one COPY per date), from the limits before and after: ` +
        `${catchUpBefore.toFixed(2)}–${catchUpBare.toFixed(2)} s; ratio limit / COB = ${(catchUpBefore / (many.seconds / days)).toFixed(2)}–${(catchUpBare / (many.seconds / days)).toFixed(2)}` +
        ` (one backend per bare statement; the service's two workers can beat it)`,
    );
    await writeResult({
      bench: 'cob',
      size: loans,
      sizeOf: 'loans',
      metrics: {
        'one date s': { value: one.seconds, unit: 's', goal: '<= 30 s at 1,000,000' },
        'catch-up s per date': { value: many.seconds / days, unit: 's', goal: '30 dates <= 600 s at 1,000,000' },
        'physical limit s': { value: bare, unit: 's' },
        'limit / one date': { value: bare / one.seconds, unit: 'ratio' },
        'catch-up limit s per date': { value: catchUpBefore, unit: 's' },
        'limit / catch-up date': { value: catchUpBefore / (many.seconds / days), unit: 'ratio' },
        'peak RSS': { value: service.peakRssMiB(), unit: 'MiB' },
      },
    });
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
