/**
 * npm run bench:approvals -- [--suppliers 200000] [--applications 100000] [--duration 20] [--connections 10]
 *
 * Loads the suppliers and PENDING_REVIEW applications, then drives POST /loan-applications/:id/approve
 * over loopback with autocannon, one application per request (each a final approval that reserves
 * against the supplier limit, the programme cap and the guarantee cap in one transaction), and prints
 * requests/s and latency percentiles.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { Api, args, benchDatabase, seconds, startService } from './support.js';
import { programmeBody, seedApplications, seedEligible, seedSuppliers } from './seed.js';

async function main() {
  const a = args();
  const suppliers = Number(a.suppliers ?? 200_000);
  const applications = Number(a.applications ?? 100_000);
  const duration = Number(a.duration ?? 20);
  const connections = Number(a.connections ?? 10);
  const db = await benchDatabase('chainlend_bench_approvals');
  const service = await startService(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const admin = await new Api(service.url).login();
    const ce = await admin.post('/core-enterprises', {
      name: '乳业集团 (bench)',
      uscc: '91350100M000100Y43',
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', programmeBody(ce.id));
    await admin.post('/users', { username: 'bench.officer', password: 'bench-officer-pw', role: 'OFFICER' });
    const officer = await new Api(service.url).login('bench.officer', 'bench-officer-pw');
    let t = process.hrtime.bigint();
    await seedSuppliers(client, ce.id, suppliers);
    await seedEligible(client, programme.id, ce.id);
    const ids = await seedApplications(client, programme.id, ce.id, applications, 'PENDING_REVIEW');
    console.log(`loaded ${suppliers} suppliers and ${ids.length} PENDING_REVIEW applications in ${seconds(t).toFixed(1)} s`);

    // warm-up: the first requests compile code paths and fill connection pools
    for (let i = 0; i < 50; i++) await officer.post(`/loan-applications/${ids.pop()}/approve`, {});

    let next = 0;
    t = process.hrtime.bigint();
    const result = await autocannon({
      url: service.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { authorization: officer.authHeader, 'content-type': 'application/json' },
          body: '{}',
          setupRequest: (req) => ({ ...req, path: `/loan-applications/${ids[next++ % ids.length]}/approve` }),
        },
      ],
    });
    const wall = seconds(t);
    // requests still in flight when autocannon stopped counting finish now; then read both in one snapshot
    await new Promise((r) => setTimeout(r, 1000));
    const check = await client.query(
      `SELECT (SELECT count(*)::int FROM loan_applications WHERE status = 'APPROVED') AS n,
              (SELECT coalesce(sum(amount), 0)::text FROM loan_applications WHERE status = 'APPROVED') AS total,
              (SELECT outstanding_amount::text FROM programme_exposure WHERE programme_id = $1) AS outstanding`,
      [programme.id],
    );
    console.log('');
    console.log(
      `approvals over loopback: ${connections} connections for ${duration} s, service on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
    );
    console.log(
      `  requests:   ${result.requests.total} in ${wall.toFixed(1)} s, ${result.non2xx} not 2xx, ${result.errors} errors, ${result.timeouts} time-outs`,
    );
    console.log(`  throughput: ${result.requests.average.toFixed(0)} req/s (goal >= 300)`);
    console.log(
      `  latency:    p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms (goal p99 <= 50 ms)`,
    );
    const c = check.rows[0];
    console.log(
      `  check:      ${c.n} APPROVED totalling ${c.total}; programme outstanding ${c.outstanding} (${c.total === c.outstanding ? 'equal' : 'MISMATCH'})`,
    );
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
