import { spawn } from 'node:child_process';
import { freePort } from './free-port.js';

export interface BuiltService {
  url: string;
  /** What the service wrote, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built service (`node dist/src/main.js`, what `npm start` runs) on a free port of 127.0.0.1, up
 * once /health answers. Some of what it serves differs under ts-jest (packages loaded optionally,
 * such as the health check's OpenAPI schema), so what must be exactly as served runs it for real.
 */
export async function startBuiltService(env: Record<string, string>): Promise<BuiltService> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, output: () => output, stop };
    if (Date.now() > until) {
      await stop();
      throw new Error(`the service did not come up in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
