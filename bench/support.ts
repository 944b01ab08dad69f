/**
 * What the benchmarks share: a database of their own (on DATABASE_URL's server, or an embedded one),
 * the service started as a separate process (so its memory is its own), and a small API client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded.js';
import { createDataSource, runMigrations } from '../src/database/data-source.js';

/**
 * How the service is run (npm start, the Dockerfile and CI use the same flags): a young generation of
 * 8 MB instead of 16 keeps a 200,000-row roster import under 256 MB for a few per cent more time.
 */
export const SERVICE_NODE_FLAGS = [
  '--max-semi-space-size=8',
  '--enable-source-maps',
  ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
];

const HERE = path.dirname(new URL(import.meta.url).pathname);
/** The checkout: this module runs built (dist/bench) or, under the tests, from its source (bench). */
export const ROOT = path.basename(path.dirname(HERE)) === 'dist' ? path.resolve(HERE, '..', '..') : path.resolve(HERE, '..');

export function args(): Record<string, string> {
  const out: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const [k, v] = argv[i].slice(2).split('=');
      out[k] = v ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    }
  }
  return out;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  close(): Promise<void>;
}

/** A fresh, migrated database named `name` (dropped first if it exists). */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dir: path.join(ROOT, '.data', 'bench'), port: await freePort(), database: 'postgres' });
    adminUrl = embedded.adminUrl;
  }
  const url = await freshDatabase(adminUrl, name);
  return {
    url,
    adminUrl,
    async close() {
      await embedded?.stop();
    },
  };
}

/** Another fresh, migrated database on the same server (its admin URL), dropped first if it exists. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const ds = createDataSource(url, 2);
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  return url;
}

export interface Service {
  url: string;
  process: ChildProcess;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** CPU seconds (user + system) the service has used so far. */
  cpuSeconds(): number;
  /** What the service wrote, when started with captureOutput. */
  output(): string;
  stop(): Promise<void>;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux; clock ticks of 1/100 s). */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0; // 0: the process has exited
}

/** /proc/PID/stat's fields after the command name (utime is [11]), or null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** The CPU of one database's backends at a moment, and of every backend of the server that had exited by then. */
export interface DatabaseCpu {
  backends: Map<number, number>;
  /** The postmaster's cutime + cstime: the whole CPU of every backend it has reaped. */
  reaped: number;
}

/**
 * CPU seconds used so far by the PostgreSQL backends serving one database (`client`'s), when the
 * server runs on this machine: what a run costs the database, whatever else the machine is doing.
 */
export async function databaseCpuSeconds(client: pg.Client): Promise<DatabaseCpu> {
  const r = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const own = await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
  const postmaster = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${own.rows[0].pid}/status`, 'utf8'))![1]);
  const fields = statFields(postmaster)!;
  return {
    backends: new Map(r.rows.map((row) => [row.pid, processCpuSeconds(row.pid)])),
    reaped: (Number(fields[13]) + Number(fields[14])) / 100,
  };
}

/**
 * The CPU the backends of `before` (and any new ones) used since it was taken. A backend that exited
 * meanwhile (a pool closing an idle connection) is counted through the postmaster, which adds each
 * child's whole CPU to its own children's time when it reaps it: less what it had used before.
 */
export async function databaseCpuSince(client: pg.Client, before: DatabaseCpu): Promise<number> {
  const now = await databaseCpuSeconds(client);
  let used = now.reaped - before.reaped;
  for (const [pid, cpu] of now.backends) used += cpu - (before.backends.get(pid) ?? 0);
  for (const [pid, cpu] of before.backends) if (!now.backends.has(pid)) used -= cpu;
  return used;
}

/**
 * Starts the built service (dist/, with npm start's flags) and waits for /health: on `databaseUrl`, or
 * with none on the embedded database `env` points it to. Its stderr shows here; `captureOutput`
 * keeps both its streams instead, for a failure message (`output()`).
 */
export async function startService(
  databaseUrl: string | null,
  env: Record<string, string> = {},
  options: { captureOutput?: boolean } = {},
): Promise<Service> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  if (databaseUrl) childEnv.DATABASE_URL = databaseUrl;
  else delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, path.join(ROOT, 'dist', 'src', 'main.js')], {
    env: childEnv,
    stdio: options.captureOutput ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}${output && `:\n${output}`}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the service did not start within 60 s${output && `:\n${output}`}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop,
  };
}

/**
 * A database nobody else uses, for a service started by startService, and how to get rid of it: a new
 * one on DATABASE_URL's server (the service migrates it), or, with no server, a throw-away folder for
 * the service's own embedded PostgreSQL.
 */
export async function throwAwayDatabase(
  prefix: string,
): Promise<{ databaseUrl: string | null; env: Record<string, string>; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      databaseUrl: url.toString(),
      env: {},
      async drop() {
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  mkdirSync(path.join(ROOT, '.data'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.data', `${prefix}-`));
  // as root, the embedded PostgreSQL runs as the OS user postgres, which must reach its folder
  chmodSync(dir, 0o755);
  return {
    databaseUrl: null,
    env: { EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A minimal JSON client for the service's API. */
export class Api {
  private token = '';
  constructor(readonly baseUrl: string) {}

  async login(username = 'admin', password = 'chainlend-admin-dev'): Promise<this> {
    const r = await this.post('/auth/login', { username, password });
    this.token = r.accessToken;
    return this;
  }

  withToken(token: string): Api {
    const a = new Api(this.baseUrl);
    a.token = token;
    return a;
  }

  get authHeader(): string {
    return `Bearer ${this.token}`;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async post(url: string, body?: unknown): Promise<any> {
    const r = await this.request('POST', url, body ?? {});
    if (r.status >= 300) throw new Error(`POST ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async get(url: string): Promise<any> {
    const r = await this.request('GET', url);
    if (r.status >= 300) throw new Error(`GET ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

/** Polls until `done` says yes, or throws after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 600_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;
