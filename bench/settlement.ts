/**
 * npm run bench:settlement -- [--rows 200000]
 *
 * A settlement file of `rows` suppliers, each with one disbursed loan (seeded by SQL as a paid loan
 * leaves it: servicing row, disbursement entry, reservation), in a programme that prepays from
 * settlements (on the value date nothing is due yet). Prints the seconds from upload to COMPUTED,
 * from confirm to CONFIRMED, and the service's peak RSS.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { usccCheckChar } from '../src/common/identifiers.js';
import { businessDate } from '../src/common/business-date.js';
import { Api, args, benchDatabase, databaseCpuSeconds, databaseCpuSince, seconds, startService, until } from './support.js';
import { programmeBody, seedApplications, seedEligible, seedSuppliers } from './seed.js';
import { seedDisbursed } from './seed-disbursed.js';
import { writeResult } from './results.js';

async function main() {
  const rows = Number(args().rows ?? 200_000);
  const db = await benchDatabase('chainlend_bench_settlement');
  const service = await startService(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    console.log(`settlement of ${rows} rows, service on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`);
    const admin = await new Api(service.url).login();
    const prefix = 'S';
    const ce = await admin.post('/core-enterprises', {
      name: '乳业集团 S',
      uscc: '91110108MA01D1BYT' + usccCheckChar('91110108MA01D1BYT'),
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', {
      ...programmeBody(ce.id),
      programmeCap: '900000000000.00',
      prepayFromSettlement: true,
    });
    await admin.post('/users', { username: 'officer.s', password: 'bench-password-1', role: 'OFFICER' });
    const officer = await new Api(service.url).login('officer.s', 'bench-password-1');
    let t = process.hrtime.bigint();
    await seedSuppliers(client, ce.id, rows, prefix);
    await seedEligible(client, programme.id, ce.id);
    await seedApplications(client, programme.id, ce.id, rows, 'APPROVED', '12345.67');
    await seedDisbursed(client, programme.id, businessDate('Asia/Shanghai'));
    console.log(`  seeded ${rows} suppliers with a disbursed loan each in ${seconds(t).toFixed(1)} s`);

    const lines = ['supplier_code,payable_amount,period'];
    for (let g = 1; g <= rows; g++) lines.push(`${prefix}${String(g).padStart(7, '0')},${(1000 + (g % 9000)).toFixed(2)},2026-01`);
    const file = Buffer.from(lines.join('\r\n') + '\r\n');
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'settlement.csv');

    let cpu = { service: service.cpuSeconds(), db: await databaseCpuSeconds(client) };
    t = process.hrtime.bigint();
    const res = await fetch(`${service.url}/core-enterprises/${ce.id}/settlements`, {
      method: 'POST',
      headers: { authorization: officer.authHeader },
      body: form,
    });
    const accepted = (await res.json()) as { settlementId: string };
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(accepted)}`);
    const computed = await until(
      'the computation',
      () => officer.get(`/settlements/${accepted.settlementId}`),
      (s) => s.status !== 'QUEUED',
      600_000,
      100,
    );
    const computeSeconds = seconds(t);
    const computeCpu = { service: service.cpuSeconds() - cpu.service, db: await databaseCpuSince(client, cpu.db) };
    if (computed.status !== 'COMPUTED') throw new Error(`computation ${computed.status}: ${JSON.stringify(computed.failure)}`);
    const rssAfterCompute = service.peakRssMiB();

    cpu = { service: service.cpuSeconds(), db: await databaseCpuSeconds(client) };
    t = process.hrtime.bigint();
    const confirmed = await officer.post(`/settlements/${accepted.settlementId}/confirm`, { remittedAmount: computed.totalDeduction });
    const confirmSeconds = seconds(t);
    const confirmCpu = { service: service.cpuSeconds() - cpu.service, db: await databaseCpuSince(client, cpu.db) };
    // what the run itself cost each side: the machine's other work shows in the wall time, not here
    const cpuLine = (c: { service: number; db: number }) =>
      `CPU: service ${c.service.toFixed(2)} s, database ${c.db.toFixed(2)} s (load average ${loadavg()[0].toFixed(1)})`;
    const posted = await client.query(
      `SELECT count(DISTINCT e.id)::int AS entries, count(DISTINCT l.loan_application_id)::int AS loans
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.reference = $1`,
      [`settlement:${accepted.settlementId}`],
    );
    const balance = await client.query(`SELECT sum(debit)::text AS d, sum(credit)::text AS c FROM journal_lines`);
    console.log(
      `  compute:  ${computeSeconds.toFixed(2)} s from upload to COMPUTED (${(file.length / 1024 / 1024).toFixed(1)} MiB, ${computed.rows} rows, ${computed.matchedRows} matched, deduction ${computed.totalDeduction}) (goal <= 10 s)`,
    );
    console.log(`            ${cpuLine(computeCpu)}`);
    console.log(
      `  confirm:  ${confirmSeconds.toFixed(2)} s -> ${confirmed.status}, ${posted.rows[0].loans} loans repaid in ${posted.rows[0].entries} entry, ledger debits ${balance.rows[0].d} = credits ${balance.rows[0].c} (goal <= 10 s)`,
    );
    console.log(`            ${cpuLine(confirmCpu)}`);
    console.log(
      `  service peak RSS: ${rssAfterCompute.toFixed(0)} MiB after computing, ${service.peakRssMiB().toFixed(0)} MiB after confirming`,
    );
    await writeResult({
      bench: 'settlement',
      size: rows,
      sizeOf: 'rows',
      metrics: {
        'compute s': { value: computeSeconds, unit: 's', goal: '<= 10 s at 200,000' },
        'confirm s': { value: confirmSeconds, unit: 's', goal: '<= 10 s at 200,000' },
        'peak RSS': { value: service.peakRssMiB(), unit: 'MiB' },
      },
    });
  } finally {
    await client.end();
    await service.stop();
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
