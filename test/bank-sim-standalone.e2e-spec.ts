import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HttpBankChannel } from '../src/disbursements/payment-channel.js';
import { freePort } from './support/free-port.js';
import { bankCard } from './support/ids.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const BANK_KEY = 'standalone-test-key-0123456789abcdef';

/**
 * `npm run bank-sim` as its own process (the built dist/, as CI and the crash test run it), on this
 * file's database, with the test app's JWT secret so that staff tokens are accepted for reading.
 */
describe('the standalone bank simulator', () => {
  let t: TestApp;
  let child: ChildProcess;
  let url: string;
  let stderr = '';

  beforeAll(async () => {
    t = await createTestApp();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.resolve('dist/src/bank-sim/standalone.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.databaseUrl,
        BANK_SIM_PORT: String(port),
        HOST: '127.0.0.1',
        BANK_SIM_API_KEY: BANK_KEY,
        JWT_SECRET: t.config.jwtSecret,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the simulator did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await t?.close();
  });

  it('pays through the HTTP payment channel, and its read API masks the creditor account for every reader', async () => {
    const channel = new HttpBankChannel(url, BANK_KEY, 5000);
    const account = bankCard();
    const masked = `${account.slice(0, 4)}${'*'.repeat(account.length - 8)}${account.slice(-4)}`;
    const endToEndId = `CLSTANDALONE${Date.now()}`;
    const reference = 'loan-standalone-1';

    const paid = await channel.credit({ endToEndId, reference, amount: '12345.67', creditorAccount: account, creditorName: '张三' });
    expect(paid).toEqual({ endToEndId, status: 'SETTLED', reasonCode: null, reasonText: null });
    // the channel resolves an unknown outcome by asking for the endToEndId: that still works
    expect(await channel.status(endToEndId)).toEqual({ endToEndId, status: 'SETTLED', reasonCode: null, reasonText: null });
    expect(await channel.status('CLNEVERSENT')).toBeNull();

    const auditor = await t.user('AUDITOR');
    const reads: [string, Record<string, string>][] = [
      ['an auditor', auditor.auth],
      ['the service key', { 'X-Bank-Sim-Key': BANK_KEY }],
    ];
    for (const [who, headers] of reads) {
      const list = await fetch(`${url}/bank-sim/transfers?reference=${reference}`, { headers });
      expect(list.status).toBe(200);
      const page = (await list.json()) as { items: Record<string, unknown>[]; total: number };
      expect(page.total).toBe(1);
      expect(page.items[0]).toEqual(
        expect.objectContaining({ endToEndId, reference, amount: '12345.67', creditorAccount: masked, status: 'SETTLED' }),
      );

      const one = await fetch(`${url}/bank-sim/transfers/${endToEndId}`, { headers });
      expect(one.status).toBe(200);
      const body = await one.text();
      if (body.includes(account)) throw new Error(`${who} read the full account: ${body}`);
      expect(JSON.parse(body)).toEqual(expect.objectContaining({ endToEndId, creditorAccount: masked }));
    }

    // the simulator's own book still holds the account in full: it is what the bank pays
    const book = await t.db.query(`SELECT creditor_account FROM bank_sim.transfers WHERE end_to_end_id = $1`, [endToEndId]);
    expect(book).toEqual([{ creditor_account: account }]);
  });
});
