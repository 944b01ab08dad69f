/**
 * npm run bench:approvals -- [--suppliers 200000] [--runs 3] [--duration 20] [--connections 10] [--applications N] [--waits] [--json FILE]
 *
 * Loads the suppliers and PENDING_REVIEW applications, then, in each of `runs` consecutive runs:
 *  - API: drives POST /loan-applications/:id/approve over loopback with autocannon, one application per
 *    request (each a final approval that reserves against the supplier limit, the programme cap and
 *    the guarantee cap in one transaction);
 *  - direct: runs the approval's own statements (approveApplication, the function the service runs,
 *    transaction and all) on a bare pg.Pool of the service's pool size, from as many concurrent callers as
 *    the API had connections, for as long, on applications of its own: the database's limit for this
 *    work, without HTTP, Nest or TypeORM.
 * It prints API req/s ÷ direct tx/s and the API's p99 ÷ p50 for each run. `--waits` samples
 * pg_stat_activity during each phase and prints what the database's backends were doing (lock waits,
 * WAL writes, waiting for the client), to show where the tail comes from.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import type { Actor } from '../src/common/access/actor.js';
import { loadConfig } from '../src/config/app-config.js';
import { approveApplication } from '../src/loans/loan-approval.js';
import { writeResult, type Metric } from './results.js';
import { Api, args, benchDatabase, databaseCpuSeconds, databaseCpuSince, seconds, startService } from './support.js';
import { programmeBody, seedApplications, seedEligible, seedSuppliers } from './seed.js';

interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface Phase {
  count: number;
  failed: number;
  wall: number;
  perSecond: number;
  latency: Latency;
  /** CPU used during the phase, in cores: the service (or this process, for direct) and the database's backends. */
  clientCores: number;
  databaseCores: number;
  /** autocannon's, in this process (API only) */
  loadCores?: number;
  waits?: string[];
}

/** One application per call, never the same twice, and a clear failure when the seeded ones run out. */
class Applications {
  private next = 0;
  constructor(private readonly ids: string[]) {}
  take(): string {
    if (this.next >= this.ids.length) throw new Error(`all ${this.ids.length} applications are used: seed more with --applications`);
    return this.ids[this.next++];
  }
  get used(): number {
    return this.next;
  }
}

function percentiles(ms: number[]): Latency {
  const s = Float64Array.from(ms).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s.length ? s[s.length - 1] : NaN };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const latencyText = (l: Latency) => `p50 ${ms(l.p50)} ms, p90 ${ms(l.p90)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms`;

/**
 * Samples what the database's backends are doing every few milliseconds until stopped, and answers
 * the share of backend samples per state (an active backend by its wait event, or CPU when it has
 * none; a backend inside a transaction waiting for its client as such).
 */
function sampleWaits(url: string): { stop(): Promise<string[]> } {
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const r = await client.query<{
        state: string;
        wait_event_type: string | null;
        wait_event: string | null;
        lock: string | null;
        q: string;
      }>(
        `SELECT a.state, a.wait_event_type, a.wait_event, l.locktype || coalesce(' on ' || l.relation::regclass::text, '') AS lock,
                regexp_replace(left(a.query, 200), '\\s+', ' ', 'g') AS q
           FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
          WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend' AND a.state <> 'idle'`,
      );
      samples++;
      for (const b of r.rows) {
        const what =
          b.state === 'active'
            ? b.wait_event_type
              ? `${b.wait_event_type}:${b.wait_event}${b.lock ? ` (${b.lock})` : ''} in ${statementOf(b.q)}`
              : `CPU in ${statementOf(b.q)}`
            : `${b.state} after ${statementOf(b.q)}`;
        counts.set(what, (counts.get(what) ?? 0) + 1);
      }
      await new Promise((res) => setTimeout(res, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([what, n]) => `${(n / samples).toFixed(2)} backends  ${what}`);
    },
  };
}

/** A short name for one of the approval's statements, as pg_stat_activity shows it. */
function statementOf(q: string): string {
  if (/FOR UPDATE OF la/.test(q)) return 'lock application';
  if (/^WITH u AS \( UPDATE loan_applications/.test(q)) return 'status + history';
  if (/INSERT INTO audit_events/.test(q)) return 'audit';
  if (/loan_servicing/.test(q)) return 'overdue check';
  if (/UPDATE supplier_exposure/.test(q)) return 'reserve';
  if (/^COMMIT/i.test(q)) return 'COMMIT';
  if (/FROM users/.test(q)) return 'token user';
  return q.slice(0, 40);
}

async function main() {
  const a = args();
  const suppliers = Number(a.suppliers ?? 200_000);
  const runs = Number(a.runs ?? 3);
  const duration = Number(a.duration ?? 20);
  const connections = Number(a.connections ?? 10);
  // enough for every run's two phases at up to 1,500 approvals/s each, plus the warm-ups
  const applications = Number(a.applications ?? runs * 2 * duration * 1500 + 200);
  const waits = a.waits === 'true';
  const db = await benchDatabase('chainlend_bench_approvals');
  const service = await startService(db.url);
  // the service's own pool size, as its configuration reads it from the same environment
  const poolSize = loadConfig({ ...process.env, NODE_ENV: 'development', DATABASE_URL: db.url }).databasePoolSize;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const pool = new pg.Pool({ connectionString: db.url, max: poolSize });
  try {
    const admin = await new Api(service.url).login();
    const ce = await admin.post('/core-enterprises', {
      name: '乳业集团 (bench)',
      uscc: '91350100M000100Y43',
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', programmeBody(ce.id));
    const officerUser = await admin.post('/users', { username: 'bench.officer', password: 'bench-officer-pw', role: 'OFFICER' });
    const officer = await new Api(service.url).login('bench.officer', 'bench-officer-pw');
    const actor: Actor = {
      kind: 'USER',
      id: officerUser.id,
      name: 'bench.officer',
      role: 'OFFICER',
      coreEnterpriseId: null,
      correlationId: 'bench-direct',
    };

    let t = process.hrtime.bigint();
    await seedSuppliers(client, ce.id, suppliers);
    const seedSuppliersS = seconds(t);
    t = process.hrtime.bigint();
    await seedEligible(client, programme.id, ce.id);
    // one application per supplier and round: a supplier's limit of 500,000.00 holds 25 of 20,000.00
    const ids: string[] = [];
    while (ids.length < applications) {
      for (const id of await seedApplications(
        client,
        programme.id,
        ce.id,
        Math.min(suppliers, applications - ids.length),
        'PENDING_REVIEW',
      ))
        ids.push(id);
    }
    await client.query('VACUUM ANALYZE loan_applications');
    const seedRestS = seconds(t);
    console.log(
      `loaded ${suppliers} suppliers in ${seedSuppliersS.toFixed(1)} s; screening results, exposure accounts and ${ids.length} PENDING_REVIEW applications in ${seedRestS.toFixed(1)} s`,
    );
    const supply = new Applications(ids);

    const api = async (): Promise<Phase> => {
      const sampler = waits ? sampleWaits(db.url) : undefined;
      const cpu = { service: service.cpuSeconds(), bench: process.cpuUsage(), database: await databaseCpuSeconds(client) };
      const start = process.hrtime.bigint();
      const result = await autocannon({
        url: service.url,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            headers: { authorization: officer.authHeader, 'content-type': 'application/json' },
            body: '{}',
            setupRequest: (req) => ({ ...req, path: `/loan-applications/${supply.take()}/approve` }),
          },
        ],
      });
      const wall = seconds(start);
      const clientCores = (service.cpuSeconds() - cpu.service) / wall;
      const used = process.cpuUsage(cpu.bench);
      const databaseCores = (await databaseCpuSince(client, cpu.database)) / wall;
      return {
        clientCores,
        databaseCores,
        loadCores: (used.user + used.system) / 1e6 / wall,
        count: result.requests.total,
        failed: result.non2xx + result.errors + result.timeouts,
        wall,
        perSecond: result.requests.total / wall,
        latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        waits: await sampler?.stop(),
      };
    };

    /** One approval on a pooled connection, in its own transaction, as the service runs it. */
    const approveDirect = async (): Promise<void> => {
      const c = await pool.connect();
      try {
        await approveApplication(c, actor, supply.take());
      } finally {
        c.release();
      }
    };

    const direct = async (): Promise<Phase> => {
      const sampler = waits ? sampleWaits(db.url) : undefined;
      const cpu = { bench: process.cpuUsage(), database: await databaseCpuSeconds(client) };
      const latencies: number[] = [];
      let failed = 0;
      const start = process.hrtime.bigint();
      const end = Date.now() + duration * 1000;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < end) {
            const t0 = process.hrtime.bigint();
            try {
              await approveDirect();
              latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            } catch (e) {
              failed++;
              if (failed === 1) console.error('direct approval failed:', e);
            }
          }
        }),
      );
      const wall = seconds(start);
      const used = process.cpuUsage(cpu.bench);
      return {
        clientCores: (used.user + used.system) / 1e6 / wall,
        databaseCores: (await databaseCpuSince(client, cpu.database)) / wall,
        count: latencies.length,
        failed,
        wall,
        perSecond: latencies.length / wall,
        latency: percentiles(latencies),
        waits: await sampler?.stop(),
      };
    };

    // warm-up: the first requests compile code paths and fill connection pools
    for (let i = 0; i < 50; i++) await officer.post(`/loan-applications/${supply.take()}/approve`, {});
    for (let i = 0; i < 50; i++) await approveDirect();

    console.log('');
    console.log(
      `approvals at ${suppliers} suppliers: ${runs} runs of ${duration} s per phase, ${connections} connections, pool of ${poolSize} (service and direct), service on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
    );
    const measured: { api: Phase; direct: Phase }[] = [];
    for (let run = 1; run <= runs; run++) {
      const apiPhase = await api();
      // requests still in flight when autocannon stopped counting finish before the direct phase starts
      await new Promise((r) => setTimeout(r, 500));
      const directPhase = await direct();
      measured.push({ api: apiPhase, direct: directPhase });
      console.log(`run ${run}:`);
      for (const [name, p, unit] of [
        ['API   ', apiPhase, 'req/s'],
        ['direct', directPhase, 'tx/s'],
      ] as const) {
        console.log(
          `  ${name} ${p.perSecond.toFixed(0)} ${unit} (${p.count} in ${p.wall.toFixed(1)} s, ${p.failed} failed); ${latencyText(p.latency)}; p99/p50 ${(p.latency.p99 / p.latency.p50).toFixed(2)}; CPU: ${name === 'API   ' ? 'service' : 'this process'} ${p.clientCores.toFixed(2)} cores, database ${p.databaseCores.toFixed(2)}${p.loadCores === undefined ? '' : `, autocannon ${p.loadCores.toFixed(2)}`}; ${((1000 * (p.clientCores + p.databaseCores + (p.loadCores ?? 0))) / p.perSecond).toFixed(2)} ms CPU per approval`,
        );
        for (const w of p.waits ?? []) console.log(`           ${w}`);
      }
      console.log(
        `  API req/s ÷ direct tx/s ${(apiPhase.perSecond / directPhase.perSecond).toFixed(2)} (goal >= 0.6); API p99 ÷ p50 ${(apiPhase.latency.p99 / apiPhase.latency.p50).toFixed(2)} (goal <= 3)`,
      );
    }

    await new Promise((r) => setTimeout(r, 1000));
    const check = await client.query(
      `SELECT (SELECT count(*)::int FROM loan_applications WHERE status = 'APPROVED') AS n,
              (SELECT coalesce(sum(amount), 0)::text FROM loan_applications WHERE status = 'APPROVED') AS total,
              (SELECT outstanding_amount::text FROM programme_exposure WHERE programme_id = $1) AS outstanding`,
      [programme.id],
    );
    const c = check.rows[0];
    const consistent = c.total === c.outstanding;
    console.log(
      `check: ${c.n} APPROVED totalling ${c.total}; programme outstanding ${c.outstanding} (${consistent ? 'equal' : 'MISMATCH'}); ${supply.used} of ${ids.length} applications used`,
    );

    const apiRate = measured.map((m) => m.api.perSecond);
    const directRate = measured.map((m) => m.direct.perSecond);
    const metric = (value: number, unit: Metric['unit'], goal?: string): Metric => (goal ? { value, unit, goal } : { value, unit });
    const med = (f: (m: { api: Phase; direct: Phase }) => number) => median(measured.map(f));
    console.log(
      `medians of ${runs} runs: API ${median(apiRate).toFixed(0)} req/s, direct ${median(directRate).toFixed(0)} tx/s, ratio ${med((m) => m.api.perSecond / m.direct.perSecond).toFixed(2)}; worst API p99/p50 ${Math.max(...measured.map((m) => m.api.latency.p99 / m.api.latency.p50)).toFixed(2)}`,
    );
    const latency = (phase: 'api' | 'direct', at: 'p50' | 'p90' | 'p99' | 'max') =>
      metric(
        med((m) => m[phase].latency[at]),
        'ms',
      );
    await writeResult({
      bench: 'approvals',
      size: suppliers,
      sizeOf: 'suppliers',
      metrics: {
        'seed suppliers': metric(seedSuppliersS, 's'),
        'API throughput': metric(median(apiRate), 'req/s'),
        'direct throughput': metric(median(directRate), 'tx/s'),
        'API / direct': metric(
          med((m) => m.api.perSecond / m.direct.perSecond),
          'ratio',
          '>= 0.6',
        ),
        'API p50': latency('api', 'p50'),
        'API p90': latency('api', 'p90'),
        'API p99': latency('api', 'p99'),
        'API max': latency('api', 'max'),
        'API p99 / p50, worst run': metric(Math.max(...measured.map((m) => m.api.latency.p99 / m.api.latency.p50)), 'ratio', '<= 3'),
        'direct p50': latency('direct', 'p50'),
        'direct p99': latency('direct', 'p99'),
        failed: metric(
          measured.reduce((n, m) => n + m.api.failed + m.direct.failed, 0),
          'count',
        ),
        consistent: metric(consistent ? 1 : 0, 'count'),
      },
    });
    if (!consistent) process.exitCode = 1;
  } finally {
    await pool.end();
    await client.end();
    await service.stop();
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
