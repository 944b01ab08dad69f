import pg from 'pg';
import { RosterImportProcessor } from '../src/rosters/roster-import.processor.js';
import { buildZip, workbookParts, type ZipEntrySpec } from '../src/rosters/parsing/zip-builder.spec-helper.js';
import { expectProblem } from './support/problems.js';
import {
  COLUMNS,
  csvFile,
  expectStatus,
  individual,
  parseCsv,
  errorsCsvReq,
  storedCounts,
  upload,
  uploadAndWait,
  waitImport,
  type Row,
} from './support/roster-files.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MiB = 1024 * 1024;

/** A one-sheet roster workbook with these rows as inline strings, and the extra parts given. */
function workbook(rows: Row[], extra: ZipEntrySpec[] = [], beforeSheet: ZipEntrySpec[] = []): Buffer {
  const parts = workbookParts([COLUMNS as string[], ...rows.map((r) => COLUMNS.map((c) => r[c] ?? ''))]);
  const sheet = parts.pop()!;
  return buildZip([...parts, ...beforeSheet, sheet, ...extra]);
}

/** 700 MiB of zeros, in well under 1 MiB. */
const padding = (hideSizes: boolean): ZipEntrySpec => ({
  name: 'xl/media/padding.bin',
  repeat: { chunk: Buffer.alloc(MiB), times: 700 },
  hideSizes,
});

async function health(t: TestApp): Promise<number> {
  return (await t.http().get('/health').timeout(5000)).status;
}

describe('roster limits: zip bombs, parser memory, attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses at upload (422 ROSTER_FILE_TOO_COMPLEX) a workbook whose directory declares a bomb, and stores nothing', async () => {
    const ce = await t.coreEnterprise();
    const bomb = workbook([individual('BOMB-1')], [padding(false)]);
    expect(bomb.length).toBeLessThan(MiB);
    const res = await upload(t, ce.id, bomb, 'roster.xlsx');
    expectProblem(res, 422, 'ROSTER_FILE_TOO_COMPLEX');
    expect(res.body.detail).toMatch(/expands/);
    expect(await storedCounts(t, ce.id)).toEqual({ suppliers: 0, imports: 0, files: 0 });
    expect(await health(t)).toBe(200);
  });

  it('fails the import of a bomb that hides its sizes with FILE_TOO_COMPLEX, once, without retrying; the service stays up', async () => {
    const ce = await t.coreEnterprise();
    const bomb = workbook([individual('HIDDEN-1')], [padding(true)]);
    const up = await upload(t, ce.id, bomb, 'roster.xlsx');
    expectStatus(up, 202);
    const done = await waitImport(t, up.body.importId, t.admin.auth, 30_000);
    expect(done).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      failure: { code: 'FILE_TOO_COMPLEX', message: expect.stringMatching(/expands/) },
    });
    expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
    expect(await health(t)).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await waitImport(t, up.body.importId)).toMatchObject({ status: 'FAILED', attempts: 1 });
    // and an honest workbook still imports
    expect(await uploadAndWait(t, ce.id, workbook([individual('HIDDEN-OK')]), 'roster.xlsx')).toMatchObject({
      status: 'COMPLETED',
      acceptedRows: 1,
    });
  });

  it('deletes the files of imports FAILED longer ago than the retention; retrying one then answers 409 ROSTER_FILE_EXPIRED', async () => {
    const ce = await t.coreEnterprise();
    const enterprise = await t.user('ENTERPRISE', ce.id);
    const bad = csvFile([individual('RET-1')], { columns: COLUMNS.filter((c) => c !== 'phone') });
    const old = await uploadAndWait(t, ce.id, bad, 'old.csv', enterprise.auth);
    const recent = await uploadAndWait(t, ce.id, bad, 'recent.csv', enterprise.auth);
    expect([old.status, recent.status]).toEqual(['FAILED', 'FAILED']);
    expect(old.fileDeletedAt).toBeNull();
    await t.db.query(`UPDATE roster_imports SET finished_at = now() - interval '8 days' WHERE id = $1`, [old.importId]);

    await t.app.get(RosterImportProcessor).sweep();

    const files: { import_id: string }[] = await t.db.query(
      `SELECT DISTINCT import_id FROM roster_import_files WHERE import_id = ANY($1::uuid[])`,
      [[old.importId, recent.importId]],
    );
    expect(files.map((f) => f.import_id)).toEqual([recent.importId]);
    const view = await t.http().get(`/roster-imports/${old.importId}`).set(enterprise.auth);
    expect(view.body).toMatchObject({ status: 'FAILED', fileDeletedAt: expect.any(String) });
    const audit = await t
      .http()
      .get('/audit-events')
      .query({ entityType: 'RosterImport', entityId: old.importId, action: 'ROSTER_FILE_DELETED' })
      .set(t.admin.auth);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'ROSTER_FILE_DELETED', after: expect.objectContaining({ reason: 'RETENTION', retentionDays: 7 }) }),
    ]);

    expectProblem(await t.http().post(`/roster-imports/${old.importId}/retry`).set(enterprise.auth), 409, 'ROSTER_FILE_EXPIRED');
    const again = await t.http().post(`/roster-imports/${recent.importId}/retry`).set(enterprise.auth);
    expectStatus(again, 202);
    expect(await waitImport(t, recent.importId)).toMatchObject({ status: 'FAILED', failure: { code: 'MISSING_COLUMNS' } });
  });
});

describe('roster limits: a parser that runs out of memory, and reported problems', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      ROSTER_PARSER_MEMORY_MB: '64',
      ROSTER_MAX_INFLATE_RATIO: '10000',
      ROSTER_MAX_REPORTED_PROBLEMS: '5',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fails FILE_TOO_COMPLEX, once, a workbook that exhausts the parser memory; the service lives on and imports the next one', async () => {
    const ce = await t.coreEnterprise();
    // 3,000 texts of 30,000 characters (each within what a cell may hold): 90 MB in the parser's heap
    const strings: ZipEntrySpec = {
      name: 'xl/sharedStrings.xml',
      repeat: {
        head: '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        chunk: `<si><t>${'a'.repeat(30_000)}</t></si>`,
        times: 3000,
        tail: '</sst>',
      },
    };
    const heavy = workbook([individual('OOM-1')], [], [strings]);
    expect(heavy.length).toBeLessThan(MiB);
    const up = await upload(t, ce.id, heavy, 'roster.xlsx');
    expectStatus(up, 202);
    const done = await waitImport(t, up.body.importId, t.admin.auth, 45_000);
    expect(done).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      failure: { code: 'FILE_TOO_COMPLEX', message: expect.stringMatching(/64 MB of memory/) },
    });
    expect(await health(t)).toBe(200);
    expect(await uploadAndWait(t, ce.id, workbook([individual('OOM-OK-1'), individual('OOM-OK-2')]), 'roster.xlsx')).toMatchObject({
      status: 'COMPLETED',
      acceptedRows: 2,
    });
  });

  it('stores at most ROSTER_MAX_REPORTED_PROBLEMS problems, still counts every rejected row, and says so in the view and the CSV', async () => {
    const ce = await t.coreEnterprise();
    const rows = [
      individual('CAP-OK-1'),
      ...Array.from({ length: 10 }, (_, i) => individual(`CAP-${i}`, { phone: 'x', herd_size: 'lots' })),
      individual('CAP-OK-2'),
    ];
    const imp = await uploadAndWait(t, ce.id, csvFile(rows));
    expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 2, rejectedRows: 10, problemCount: 20, problemsTruncated: true });
    const errors = await t.http().get(`/roster-imports/${imp.importId}/errors`).query({ pageSize: 100 }).set(t.admin.auth);
    expect(errors.body.total).toBe(5);
    expect(errors.body.items.map((e: { row: number }) => e.row)).toEqual([3, 3, 4, 4, 5]);
    const csv = await errorsCsvReq(t, imp.importId);
    const table = parseCsv((csv.body as Buffer).subarray(3).toString('utf8'));
    expect(table).toHaveLength(1 + 5 + 1);
    expect(table[6]).toEqual(['', '', '', 'PROBLEMS_TRUNCATED', expect.stringMatching(/first 5 of 20 problems/)]);

    const few = await uploadAndWait(t, ce.id, csvFile([individual('FEW-1', { phone: 'x' }), individual('FEW-2')]));
    expect(few).toMatchObject({ status: 'COMPLETED', rejectedRows: 1, problemCount: 1, problemsTruncated: false });
    const fewCsv = await errorsCsvReq(t, few.importId);
    expect(parseCsv((fewCsv.body as Buffer).subarray(3).toString('utf8'))).toHaveLength(2);
  });
});

describe('roster limits: attempts, stale imports, quota and rate (an instance without workers)', () => {
  let t: TestApp;
  let processor: RosterImportProcessor;
  let observer: pg.Client;
  beforeAll(async () => {
    t = await createTestApp({
      RUN_WORKERS: 'false',
      ROSTER_MAX_UPLOAD_BYTES: '200000',
      ROSTER_STORAGE_QUOTA_BYTES: '300000',
      ROSTER_UPLOADS_PER_HOUR: '4',
    });
    processor = t.app.get(RosterImportProcessor);
    observer = new pg.Client({ connectionString: t.databaseUrl });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await t?.close();
  });

  const view = async (importId: string) => (await t.http().get(`/roster-imports/${importId}`).set(t.admin.auth)).body;
  const makeStale = (importId: string, attempts: number) =>
    t.db.query(`UPDATE roster_imports SET status = 'RUNNING', attempts = $2, updated_at = now() - interval '10 minutes' WHERE id = $1`, [
      importId,
      attempts,
    ]);

  it('never runs an import that used up its attempts: the claim fails it TOO_MANY_ATTEMPTS', async () => {
    const ce = await t.coreEnterprise();
    const up = await upload(t, ce.id, csvFile([individual('ATT-1')]), 'roster.csv');
    expectStatus(up, 202);
    await makeStale(up.body.importId, 3);
    await processor.run(up.body.importId);
    expect(await view(up.body.importId)).toMatchObject({ status: 'FAILED', attempts: 3, failure: { code: 'TOO_MANY_ATTEMPTS' } });
    expect((await storedCounts(t, ce.id)).suppliers).toBe(0);
  });

  it('requeueStale leaves an import whose core enterprise a live instance is importing, fails an exhausted one, and queues again one nobody runs', async () => {
    const [busy, exhausted, orphan] = [await t.coreEnterprise(), await t.coreEnterprise(), await t.coreEnterprise()];
    const ids: string[] = [];
    for (const ce of [busy, exhausted, orphan]) {
      const up = await upload(t, ce.id, csvFile([individual(`STALE-${ids.length}`)]), 'roster.csv');
      expectStatus(up, 202);
      ids.push(up.body.importId);
    }
    const [busyId, exhaustedId, orphanId] = ids;
    await makeStale(busyId, 1);
    await makeStale(exhaustedId, 3);
    await makeStale(orphanId, 1);
    const queued = async (importId: string) =>
      Number(
        (await t.db.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'roster-import' AND data->>'importId' = $1`, [importId]))[0].n,
      );
    const jobsBefore = await Promise.all(ids.map(queued));

    // another instance is importing for `busy`: it holds that core enterprise's import lock
    await observer.query(`SELECT pg_advisory_lock(hashtext('roster-import:' || $1))`, [busy.id]);
    try {
      expect(await processor.requeueStale()).toBe(1);
    } finally {
      await observer.query(`SELECT pg_advisory_unlock(hashtext('roster-import:' || $1))`, [busy.id]);
    }
    expect(await view(busyId)).toMatchObject({ status: 'RUNNING', attempts: 1 });
    expect(await view(exhaustedId)).toMatchObject({ status: 'FAILED', attempts: 3, failure: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(await view(orphanId)).toMatchObject({ status: 'RUNNING', attempts: 1 });
    expect(await Promise.all(ids.map(queued))).toEqual([jobsBefore[0], jobsBefore[1], jobsBefore[2] + 1]);

    // the orphan runs again, and nothing is queued twice on the next sweep
    await processor.run(orphanId);
    expect(await view(orphanId)).toMatchObject({ status: 'COMPLETED', attempts: 2, acceptedRows: 1 });
    expect(await processor.requeueStale()).toBe(1); // `busy`, now that nobody holds its lock
  });

  it('refuses an upload that would take a core enterprise past its storage quota with 413 ROSTER_STORAGE_QUOTA_EXCEEDED', async () => {
    const [ce, other] = [await t.coreEnterprise(), await t.coreEnterprise()];
    const file = (prefix: string, n: number) => csvFile(Array.from({ length: n }, (_, i) => individual(`${prefix}-${i}`)));
    const big = file('Q', 600);
    expect(big.length).toBeGreaterThan(110_000);
    expect(big.length).toBeLessThan(150_000);
    expectStatus(await upload(t, ce.id, big, 'a.csv'), 202);
    expectStatus(await upload(t, ce.id, file('Q2', 600), 'b.csv'), 202);
    // held: about 240 kB of 300 kB; neither imported, as this instance runs no imports
    const refused = await upload(t, ce.id, file('Q3', 600), 'c.csv');
    expectProblem(refused, 413, 'ROSTER_STORAGE_QUOTA_EXCEEDED');
    expect(refused.body).toMatchObject({ quota: 300000, held: expect.any(Number) });
    expectProblem(
      await upload(t, ce.id, file('Q4', 600), 'd.csv', t.admin.auth, { 'Idempotency-Key': 'quota-key-1' }),
      413,
      'ROSTER_STORAGE_QUOTA_EXCEEDED',
    );
    expect((await storedCounts(t, ce.id)).imports).toBe(2);
    expectStatus(await upload(t, ce.id, file('Q5', 100), 'e.csv'), 202);
    expectStatus(await upload(t, other.id, file('Q6', 600), 'f.csv'), 202);
  });

  it('refuses more uploads an hour than ROSTER_UPLOADS_PER_HOUR with 429 ROSTER_UPLOAD_RATE_EXCEEDED and Retry-After, still replaying an accepted one', async () => {
    const [ce, other] = [await t.coreEnterprise(), await t.coreEnterprise()];
    const firstFile = csvFile([individual('RATE-0')]);
    const first = await upload(t, ce.id, firstFile, 'roster.csv', t.admin.auth, { 'Idempotency-Key': 'rate-key-0' });
    expectStatus(first, 202);
    for (let i = 1; i < 4; i++) expectStatus(await upload(t, ce.id, csvFile([individual(`RATE-${i}`)]), 'roster.csv'), 202);
    const refused = await upload(t, ce.id, csvFile([individual('RATE-5')]), 'roster.csv');
    expectProblem(refused, 429, 'ROSTER_UPLOAD_RATE_EXCEEDED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expectProblem(
      await upload(t, ce.id, csvFile([individual('RATE-6')]), 'roster.csv', t.admin.auth, { 'Idempotency-Key': 'rate-key-6' }),
      429,
      'ROSTER_UPLOAD_RATE_EXCEEDED',
    );
    const replay = await upload(t, ce.id, firstFile, 'roster.csv', t.admin.auth, { 'Idempotency-Key': 'rate-key-0' });
    expectStatus(replay, 202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.importId).toBe(first.body.importId);
    expect((await storedCounts(t, ce.id)).imports).toBe(4);
    expectStatus(await upload(t, other.id, csvFile([individual('RATE-OTHER')]), 'roster.csv'), 202);
  });
});
