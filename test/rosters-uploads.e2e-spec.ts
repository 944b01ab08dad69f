import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expectProblem } from './support/problems.js';
import { listen, openUpload, within, type RawUpload } from './support/raw-upload.js';
import { COLUMNS, csvFile, expectStatus, individual, storedCounts, upload, waitImport } from './support/roster-files.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MiB = 1024 * 1024;
/**
 * ROSTER_UPLOAD_IDLE_SECONDS of the app under test; also the grace period before the rate is judged.
 * Long enough that the first stalled upload is still held while the later ones are opened and the
 * other requests answered on a loaded CI machine (at 4 s the server had rightly closed it already).
 */
const IDLE_SECONDS = 8;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

async function answered(u: RawUpload, ms = 5000): Promise<{ status: number | undefined; text: string }> {
  const deadline = Date.now() + ms;
  while (!/\r\n\r\n[\s\S]*\}/.test(u.received()) && !u.isClosed() && Date.now() < deadline) await sleep(20);
  return { status: u.status(), text: u.received() };
}

describe('roster uploads from slow, stalled and departing clients', () => {
  let t: TestApp;
  let port: number;
  let uploadDir: string;
  let observer: pg.Client;

  beforeAll(async () => {
    uploadDir = await mkdtemp(path.join(os.tmpdir(), 'chainlend-uploads-test-'));
    t = await createTestApp({
      DATABASE_POOL_SIZE: '5',
      ROSTER_UPLOAD_IDLE_SECONDS: String(IDLE_SECONDS),
      ROSTER_UPLOAD_MIN_BYTES_PER_SECOND: '4096',
      ROSTER_UPLOAD_DIR: uploadDir,
    });
    port = await listen(t);
    // outside the app's pool, which is what the stalled uploads used to exhaust
    observer = new pg.Client({ connectionString: t.databaseUrl });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await t?.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  /** Sessions of the app held by an upload: in its COPY, or idle inside an open transaction. */
  async function stuckSessions(): Promise<{ state: string; query: string }[]> {
    const r = await observer.query(
      `SELECT state, left(query, 60) AS query FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'chainlend'
          AND ((state = 'active' AND query ILIKE 'COPY roster_import_files%')
               OR (state = 'idle in transaction' AND state_change < now() - interval '1 second'))`,
    );
    return r.rows;
  }

  const auth = () => t.admin.auth;
  const small = (code: string) => csvFile([individual(code)]);

  it('takes no database connection for uploads that stall, trickle or hang up, however many: /health, a normal upload and another endpoint answer meanwhile', async () => {
    const stalledCes = [await t.coreEnterprise(), await t.coreEnterprise(), await t.coreEnterprise()];
    const departingCe = await t.coreEnterprise();
    const slowCe = await t.coreEnterprise();
    const normalCe = await t.coreEnterprise();

    // clients that hang up half-way through the body, more than a 1 MiB storage chunk in
    for (let round = 0; round < 2; round++) {
      const departing = await Promise.all([0, 1].map(() => openUpload(port, departingCe.id, auth(), { fileBytes: 4 * MiB })));
      await Promise.all(departing.map((u) => u.send(1.5 * MiB)));
      await sleep(150);
      for (const u of departing) u.abort();
    }
    // two stalled uploads for each of three core enterprises (six, the pool has five connections):
    // one stops after a few bytes, one after more than a storage chunk
    const stalled: RawUpload[] = [];
    for (const ce of stalledCes) {
      for (const bytes of [2000, 1.2 * MiB]) {
        const u = await openUpload(port, ce.id, auth(), { fileBytes: 4 * MiB });
        await u.send(bytes);
        stalled.push(u);
      }
    }
    // one that never stops sending, but at 800 bytes/s, below the minimum rate
    const slow = await openUpload(port, slowCe.id, auth(), { fileBytes: MiB });
    slow.trickle(200, 250);
    await sleep(1000);

    const [health, normal, other] = await Promise.all([
      t.http().get('/health').timeout(2500),
      upload(t, normalCe.id, small('NORMAL-1'), 'roster.csv').timeout(2500),
      t.http().get(`/core-enterprises/${normalCe.id}`).set(auth()).timeout(2500),
    ]);
    expect(health.status).toBe(200);
    expectStatus(normal, 202);
    expectStatus(other, 200);
    expect(await stuckSessions()).toEqual([]);
    expect(stalled.filter((u) => u.isClosed())).toEqual([]);

    // the server hangs up on the stalled and the slow ones once they overstay
    expect(await within(Promise.all([...stalled.map((u) => u.closed), slow.closed]), (IDLE_SECONDS + 4) * 1000)).toBe(true);
    expect(await stuckSessions()).toEqual([]);
    expect(await waitImport(t, normal.body.importId)).toMatchObject({ status: 'COMPLETED', acceptedRows: 1 });
    for (const ce of [...stalledCes, departingCe, slowCe])
      expect(await storedCounts(t, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });
    expect(await filesUnder(uploadDir)).toEqual([]);
    // and their places are free again
    expectStatus(await upload(t, stalledCes[0].id, small('AFTER-1'), 'roster.csv'), 202);
    expectStatus(await upload(t, departingCe.id, small('AFTER-2'), 'roster.csv'), 202);
  });

  it('caps concurrent uploads per core enterprise (2) and per instance (8): 429 ROSTER_UPLOADS_BUSY with Retry-After, before the body is read', async () => {
    const [a, b, c, d, e] = [
      await t.coreEnterprise(),
      await t.coreEnterprise(),
      await t.coreEnterprise(),
      await t.coreEnterprise(),
      await t.coreEnterprise(),
    ];
    const open = async (ceId: string) => {
      const u = await openUpload(port, ceId, auth(), { fileBytes: 4 * MiB });
      await u.send(1000);
      return u;
    };
    const held = [await open(a.id), await open(a.id)];
    await sleep(200);

    // a third upload of the same core enterprise is answered at once, with most of its body unsent
    const third = await open(a.id);
    const refused = await answered(third);
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/\r\nretry-after: [1-9]\d*\r\n/i);
    expect(refused.text).toMatch(/"code":"ROSTER_UPLOADS_BUSY"/);
    third.abort();

    // another core enterprise is not held up by it
    expectStatus(await upload(t, b.id, small('CAP-B1'), 'roster.csv'), 202);

    // eight at once fill the instance: a ninth of a fifth core enterprise waits its turn
    for (const ce of [b, b, c, c, d, d]) held.push(await open(ce.id));
    await sleep(200);
    const busy = await upload(t, e.id, small('CAP-E1'), 'roster.csv');
    expectProblem(busy, 429, 'ROSTER_UPLOADS_BUSY');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(await storedCounts(t, e.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });

    for (const u of held) u.abort();
    await sleep(300);
    expectStatus(await upload(t, e.id, small('CAP-E2'), 'roster.csv'), 202);
    expectStatus(await upload(t, a.id, small('CAP-A1'), 'roster.csv'), 202);
  });

  it('leaves no temporary file behind whatever the outcome', async () => {
    const ce = await t.coreEnterprise();
    expectStatus(await upload(t, ce.id, small('TMP-1'), 'roster.csv'), 202);
    expectProblem(await upload(t, ce.id, small('TMP-2'), 'roster.txt'), 415, 'ROSTER_UNSUPPORTED_TYPE');
    expectProblem(await upload(t, ce.id, Buffer.alloc(0), 'roster.csv'), 400, 'ROSTER_EMPTY_FILE');
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0)]);
    expectProblem(await upload(t, ce.id, xls, 'roster.xlsx'), 415, 'ROSTER_UNSUPPORTED_TYPE');
    const cut = await openUpload(port, ce.id, auth(), { fileBytes: 2 * MiB });
    await cut.send(1.5 * MiB);
    cut.abort();
    await sleep(300);
    expect(await filesUnder(uploadDir)).toEqual([]);
  });

  it('an import that fails on the header of a file of several MiB ends FAILED and gives its connections back', async () => {
    const ce = await t.coreEnterprise();
    const columns = COLUMNS.filter((c) => c !== 'phone');
    const file = csvFile(
      Array.from({ length: 30_000 }, (_, j) => individual(`HDR-${j}`)),
      { columns },
    );
    expect(file.length).toBeGreaterThan(4 * MiB);
    // more imports than the pool has connections: a connection left in the middle of a COPY would be lost for good
    for (let i = 0; i < 6; i++) {
      const up = await upload(t, ce.id, file, 'roster.csv');
      expectStatus(up, 202);
      expect(await waitImport(t, up.body.importId, auth(), 15_000)).toMatchObject({
        status: 'FAILED',
        failure: { code: 'MISSING_COLUMNS' },
      });
    }
    const health = await t.http().get('/health').timeout(4000);
    expect(health.status).toBe(200);
    const fine = await upload(t, ce.id, small('HDR-OK'), 'roster.csv').timeout(4000);
    expectStatus(fine, 202);
    expect(await waitImport(t, fine.body.importId)).toMatchObject({ status: 'COMPLETED', acceptedRows: 1 });
  });
});

describe('the upload directory', () => {
  it('is made private (0700) and cleared at start-up of what dead processes left, never of a live one', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'chainlend-uploads-boot-')), 'uploads');
    await mkdir(dir, { mode: 0o755 });
    await chmod(dir, 0o755);
    // a process id above Linux's largest possible pid belongs to no process
    const dead = path.join(dir, '4194305-crashed');
    await mkdir(dead);
    await writeFile(path.join(dead, 'upload-1'), 'half a roster');
    const live = path.join(dir, `${process.ppid}-running`);
    await mkdir(live);
    await writeFile(path.join(live, 'upload-2'), 'a roster being received');
    await writeFile(path.join(dir, 'not-ours.txt'), 'left alone');

    const app = await createTestApp({ ROSTER_UPLOAD_DIR: dir });
    try {
      const entries = await readdir(dir);
      expect(entries).not.toContain('4194305-crashed');
      expect(entries).toContain(`${process.ppid}-running`);
      expect(entries).toContain('not-ours.txt');
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    } finally {
      await app.close();
      await rm(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
