import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { DEMO_LOGIN_PASSWORD, DEMO_LOGINS } from '../src/dev-demo/demo-logins.js';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './support/free-port.js';

/*
 * `npm start` is what a newcomer runs and stops with a signal (Ctrl-C, a process manager's SIGTERM).
 * Stopping npm must stop the service and the embedded PostgreSQL it started: nothing may keep running
 * and holding the data folder or the ports.
 */

/** Every process under `root`, from the process table. */
function descendants(root: number): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of ps.stdout.trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child === ps.pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('npm start and signals', () => {
  const dataRoot = path.resolve('.data');
  let dir: string;
  let npm: ChildProcess | undefined;
  let tree: number[] = [];

  beforeAll(() => {
    mkdirSync(dataRoot, { recursive: true });
    dir = mkdtempSync(path.join(dataRoot, 'signals-'));
    // as root, the embedded PostgreSQL runs as the OS user postgres, which must reach its folder
    chmodSync(dir, 0o755);
  });

  afterAll(() => {
    for (const pid of tree) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (npm?.pid && alive(npm.pid)) npm.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** A development start on the embedded database prints one demo login per role, and each signs in. */
  async function expectDemoLogins(port: number, output: () => string): Promise<void> {
    await waitFor(`the demo logins printed (output so far: ${output()})`, () => output().includes('demo.auditor'), 30_000);
    for (const { username, role } of DEMO_LOGINS) {
      expect(output()).toContain(username);
      const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_LOGIN_PASSWORD }),
      });
      expect({ username, status: login.status }).toEqual({ username, status: 200 });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const me = await fetch(`http://127.0.0.1:${port}/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual(expect.objectContaining({ role }));
    }
    expect(output()).toContain('/console');
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm start stops the service and its embedded PostgreSQL',
    async (signal) => {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        EMBEDDED_PG_DIR: path.join(dir, signal),
        EMBEDDED_PG_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      };
      delete env.DATABASE_URL;
      // --ignore-scripts: the tests built dist/ already; prestart would only build it again
      npm = spawn('npm', ['start', '--ignore-scripts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      npm.stdout!.on('data', (d) => (output += d));
      npm.stderr!.on('data', (d) => (output += d));
      await waitFor(
        `GET /health on port ${port} (output so far: ${output})`,
        () =>
          fetch(`http://127.0.0.1:${port}/health`).then(
            (r) => r.status === 200,
            () => false,
          ),
        90_000,
      );
      if (signal === 'SIGTERM') await expectDemoLogins(port, () => output);
      tree = descendants(npm.pid!);
      expect(tree.length).toBeGreaterThanOrEqual(2); // the service and the PostgreSQL it started, at least

      npm.kill(signal);
      await exited(npm);
      await waitFor('every process started by npm start to end', () => tree.every((pid) => !alive(pid)), 30_000).catch(() => undefined);
      expect(tree.filter(alive)).toEqual([]);
    },
    150_000,
  );
});
