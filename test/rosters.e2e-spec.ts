import { randomUUID } from 'node:crypto';
import { expectProblem, type Problem } from './support/problems.js';
import {
  COLUMNS,
  allErrors,
  csvFile,
  csvText,
  entity,
  expectStatus,
  individual,
  listSuppliers,
  parseCsv,
  errorsCsvReq,
  residentIdEndingInX,
  serverErrors,
  storedCounts,
  supplierByCode,
  upload,
  uploadAndWait,
  waitImport,
  type Auth,
  type Row,
} from './support/roster-files.js';
import { rosterBuffer, waitForScreening } from './support/rosters.js';
import { twoTenants } from './support/tenants.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('roster upload and import through the API', () => {
  let t: TestApp;
  let own: { id: string };
  let enterprise: TestUser;
  let otherEnterprise: TestUser;
  let officer: TestUser;
  let senior: TestUser;
  let auditor: TestUser;
  let ownKey: Auth;
  let otherKey: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    ({ own, enterprise, otherEnterprise, officer, senior, auditor, ownKey, otherKey } = await twoTenants(t));
  });
  afterAll(async () => {
    await t?.close();
  });

  const small = (prefix: string, n = 3) =>
    csvFile(Array.from({ length: n }, (_, i) => individual(`${prefix}-${String(i).padStart(4, '0')}`)));

  describe('POST /core-enterprises/:id/rosters', () => {
    it("answers 202 QUEUED to the core enterprise's own ENTERPRISE user, its API key and ADMIN", async () => {
      for (const [who, auth] of [
        ['enterprise', enterprise.auth],
        ['api key', ownKey],
        ['admin', t.admin.auth],
      ] as [string, Auth][]) {
        const res = await upload(t, own.id, small(`UP-${who.replace(' ', '')}`), 'roster.csv', auth);
        expectStatus(res, 202);
        expect(res.body).toMatchObject({
          importId: expect.any(String),
          status: 'QUEUED',
          coreEnterpriseId: own.id,
          fileName: 'roster.csv',
          fileType: 'csv',
          failure: null,
        });
        const done = await waitImport(t, res.body.importId, auth);
        expect(done).toMatchObject({ importId: res.body.importId, status: 'COMPLETED', totalRows: 3, acceptedRows: 3 });
      }
    });

    it("answers 404 to another core enterprise's user and API key, and stores nothing", async () => {
      const before = await storedCounts(t, own.id);
      expectProblem(await upload(t, own.id, small('X-OTHER'), 'roster.csv', otherEnterprise.auth), 404);
      expectProblem(await upload(t, own.id, small('X-OTHERKEY'), 'roster.csv', otherKey), 404);
      expect(await storedCounts(t, own.id)).toEqual(before);
    });

    it('answers 403 to OFFICER, SENIOR_OFFICER and AUDITOR, 401 to an anonymous caller', async () => {
      const refusals: Problem[] = [];
      for (const u of [officer, senior, auditor])
        refusals.push(expectProblem(await upload(t, own.id, small('X-STAFF'), 'roster.csv', u.auth), 403));
      refusals.push(expectProblem(await upload(t, own.id, small('X-ANON'), 'roster.csv', {}), 401));
      refusals.push(expectProblem(await upload(t, own.id, small('X-BADKEY'), 'roster.csv', { 'X-Api-Key': 'cl_not-a-real-key' }), 401));
      expect(refusals.map((p) => p.status)).toEqual([403, 403, 403, 401, 401]);
    });

    it('answers 404 for an unknown core enterprise and 400 for an id that is not a UUID', async () => {
      const refusals = [
        expectProblem(await upload(t, randomUUID(), small('X-NONE'), 'roster.csv'), 404),
        expectProblem(await upload(t, 'not-a-uuid', small('X-NONE'), 'roster.csv'), 400),
      ];
      expect(refusals.map((p) => p.status)).toEqual([404, 400]);
    });

    it('answers 415 ROSTER_NOT_MULTIPART to a body that is not multipart, and 400 ROSTER_FILE_MISSING without a `file` field', async () => {
      const before = await storedCounts(t, own.id);
      const json = await t.http().post(`/core-enterprises/${own.id}/rosters`).set(t.admin.auth).send({ file: 'a,b,c' });
      expectProblem(json, 415, 'ROSTER_NOT_MULTIPART');
      const text = await t
        .http()
        .post(`/core-enterprises/${own.id}/rosters`)
        .set(t.admin.auth)
        .set('Content-Type', 'text/csv')
        .send(csvText([individual('X-1')]));
      expectProblem(text, 415, 'ROSTER_NOT_MULTIPART');
      const fieldOnly = await t.http().post(`/core-enterprises/${own.id}/rosters`).set(t.admin.auth).field('comment', 'no file here');
      expectProblem(fieldOnly, 400, 'ROSTER_FILE_MISSING');
      const noBoundary = await t
        .http()
        .post(`/core-enterprises/${own.id}/rosters`)
        .set(t.admin.auth)
        .set('Content-Type', 'multipart/form-data')
        .send('--x\r\n');
      expectProblem(noBoundary, 415, 'ROSTER_NOT_MULTIPART');
      const cut = `--cut\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n${csvText([individual('X-CUT')])}`;
      const truncated = await t
        .http()
        .post(`/core-enterprises/${own.id}/rosters`)
        .set(t.admin.auth)
        .set('Content-Type', 'multipart/form-data; boundary=cut')
        .send(cut);
      expect(truncated.status).toBeGreaterThanOrEqual(400);
      expect(truncated.status).toBeLessThan(500);
      const otherField = await t
        .http()
        .post(`/core-enterprises/${own.id}/rosters`)
        .set(t.admin.auth)
        .attach('document', small('X-DOC'), 'roster.csv');
      expectProblem(otherField, 400, 'ROSTER_FILE_MISSING');
      expect(await storedCounts(t, own.id)).toEqual(before);
    });

    it('never imports a file twice under one Idempotency-Key, even when the first upload died after storing it', async () => {
      const ce = await t.coreEnterprise();
      const user = await t.user('ENTERPRISE', ce.id);
      const key = `roster-${randomUUID()}`;
      const file = small('IDEM-CRASH');
      expectStatus(await upload(t, ce.id, file, 'roster.csv', user.auth, { 'Idempotency-Key': key }), 202);
      // what a process that died between the upload's commit and storing its answer leaves: the key as claimed, long ago
      await t.db.query(
        `UPDATE idempotency_keys SET state = 'IN_PROGRESS', response_status = NULL, response_body = NULL, completed_at = NULL,
                created_at = now() - interval '10 minutes'
          WHERE key = $1`,
        [key],
      );
      expectProblem(await upload(t, ce.id, file, 'roster.csv', user.auth, { 'Idempotency-Key': key }), 409, 'IDEMPOTENCY_OUTCOME_UNKNOWN');
      expect((await storedCounts(t, ce.id)).imports).toBe(1);
    });

    it('honours Idempotency-Key: the same file again replays the first answer, another file under the key is refused with 422', async () => {
      const ce = await t.coreEnterprise();
      const user = await t.user('ENTERPRISE', ce.id);
      const key = `roster-${randomUUID()}`;
      const file = small('IDEM');
      const first = await upload(t, ce.id, file, 'roster.csv', user.auth, { 'Idempotency-Key': key });
      expectStatus(first, 202);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await upload(t, ce.id, file, 'roster.csv', user.auth, { 'Idempotency-Key': key });
      expectStatus(again, 202);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await storedCounts(t, ce.id)).imports).toBe(1);

      expectProblem(
        await upload(t, ce.id, small('IDEM2'), 'roster.csv', user.auth, { 'Idempotency-Key': key }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expectProblem(await upload(t, ce.id, file, 'renamed.csv', user.auth, { 'Idempotency-Key': key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      // the key is the caller's own: another caller with the same key makes its own import
      const admin = await upload(t, ce.id, file, 'roster.csv', t.admin.auth, { 'Idempotency-Key': key });
      expectStatus(admin, 202);
      expect(admin.body.importId).not.toBe(first.body.importId);
      expect((await storedCounts(t, ce.id)).imports).toBe(2);
      await waitImport(t, first.body.importId);
      await waitImport(t, admin.body.importId);
      // still replayed once the import has finished, and nothing imported twice
      const late = await upload(t, ce.id, file, 'roster.csv', user.auth, { 'Idempotency-Key': key });
      expect(late.headers['idempotent-replayed']).toBe('true');
      expect(late.body.importId).toBe(first.body.importId);
      expect(await storedCounts(t, ce.id)).toMatchObject({ imports: 2, suppliers: 3 });
    });
  });

  describe('reading imports', () => {
    let importId: string;
    beforeAll(async () => {
      const file = csvFile([individual('READ-0001'), individual('READ-0002', { phone: 'x' }), individual('READ-0003')]);
      importId = (await uploadAndWait(t, own.id, file, 'read.csv', enterprise.auth)).importId;
    });

    it('shows the outcome to the owner (user and API key) and to staff', async () => {
      for (const auth of [enterprise.auth, ownKey, officer.auth, senior.auth, auditor.auth, t.admin.auth]) {
        const res = await t.http().get(`/roster-imports/${importId}`).set(auth);
        expectStatus(res, 200);
        expect(res.body).toMatchObject({
          importId,
          status: 'COMPLETED',
          totalRows: 3,
          processedRows: 3,
          acceptedRows: 2,
          rejectedRows: 1,
          createdCount: 2,
          updatedCount: 0,
          unchangedCount: 0,
          unknownColumns: [],
          failure: null,
        });
        const errors = await t.http().get(`/roster-imports/${importId}/errors`).set(auth);
        expectStatus(errors, 200);
        expect(errors.body).toEqual({
          items: [{ row: 3, supplierCode: 'READ-0002', field: 'phone', code: 'PHONE_FORMAT', message: expect.any(String) }],
          page: 1,
          pageSize: expect.any(Number),
          total: 1,
        });
      }
    });

    it("answers 404 to another core enterprise's user and API key: the import, its errors (JSON and CSV), the list, a retry", async () => {
      for (const auth of [otherEnterprise.auth, otherKey]) {
        const refusals = [
          expectProblem(await t.http().get(`/roster-imports/${importId}`).set(auth), 404),
          expectProblem(await t.http().get(`/roster-imports/${importId}/errors`).set(auth), 404),
          expectProblem(await t.http().get(`/roster-imports/${importId}/errors`).set(auth).set('Accept', 'text/csv'), 404),
          expectProblem(await t.http().get(`/core-enterprises/${own.id}/roster-imports`).set(auth), 404),
          expectProblem(await t.http().post(`/roster-imports/${importId}/retry`).set(auth), 404),
        ];
        expect(refusals.map((p) => p.status)).toEqual([404, 404, 404, 404, 404]);
      }
      const unknown = expectProblem(await t.http().get(`/roster-imports/${randomUUID()}`).set(t.admin.auth), 404);
      expect(unknown.status).toBe(404);
      const anonymous = expectProblem(await t.http().get(`/roster-imports/${importId}`), 401);
      expect(anonymous.status).toBe(401);
    });

    it("lists a core enterprise's imports, newest first, paged", async () => {
      const res = await t.http().get(`/core-enterprises/${own.id}/roster-imports`).query({ page: 1, pageSize: 2 }).set(enterprise.auth);
      expectStatus(res, 200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
      expect(res.body.total).toBeGreaterThanOrEqual(4);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0].importId).toBe(importId);
      const all = await t.http().get(`/core-enterprises/${own.id}/roster-imports`).query({ pageSize: 500 }).set(auditor.auth);
      const created = all.body.items.map((i: { createdAt: string }) => i.createdAt);
      expect([...created].sort().reverse()).toEqual(created);
      expect(all.body.items.every((i: { coreEnterpriseId: string }) => i.coreEnterpriseId === own.id)).toBe(true);
    });

    it('refuses a retry of an import that did not fail (409), and to roles that may not upload (403)', async () => {
      const notFailed = expectProblem(
        await t.http().post(`/roster-imports/${importId}/retry`).set(enterprise.auth),
        409,
        'ROSTER_IMPORT_NOT_RETRYABLE',
      );
      expect(notFailed).toMatchObject({ status: 409, code: 'ROSTER_IMPORT_NOT_RETRYABLE' });
      const refusals = [
        expectProblem(await t.http().post(`/roster-imports/${importId}/retry`).set(officer.auth), 403),
        expectProblem(await t.http().post(`/roster-imports/${importId}/retry`).set(auditor.auth), 403),
      ];
      expect(refusals.map((p) => p.status)).toEqual([403, 403]);
    });

    it('pages the errors', async () => {
      const ce = await t.coreEnterprise();
      const rows = Array.from({ length: 7 }, (_, i) => individual(`PG-${i}`, { phone: 'bad', herd_size: 'bad' }));
      const imp = await uploadAndWait(t, ce.id, csvFile(rows));
      const p2 = await t.http().get(`/roster-imports/${imp.importId}/errors`).query({ page: 2, pageSize: 5 }).set(t.admin.auth);
      expectStatus(p2, 200);
      expect(p2.body).toMatchObject({ page: 2, pageSize: 5, total: 14 });
      expect(p2.body.items).toHaveLength(5);
      expect(p2.body.items.map((e: { row: number }) => e.row)).toEqual([4, 5, 5, 6, 6]);
    });
  });

  describe('errors as CSV', () => {
    it('is a UTF-8 CSV with a BOM and a header row, and no cell Excel would run as a formula', async () => {
      const ce = await t.coreEnterprise();
      const rows: Row[] = [
        individual('=HYPERLINK("http://evil.example/x","点我")'),
        individual('+1'),
        individual('-5', { phone: '12' }), // a valid code: the row fails on its phone
        individual('@SUM(A1)'),
        individual('OK-1'),
        individual('QUOTE-1', { herd_size: '=1+2' }),
      ];
      const imp = await uploadAndWait(t, ce.id, csvFile(rows));
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 1, rejectedRows: 5 });

      const res = await errorsCsvReq(t, imp.importId);
      expectStatus(res, 200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const table = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(table[0]).toEqual(['row', 'supplier_code', 'field', 'code', 'message']);
      const body = table.slice(1);
      const json = await allErrors(t, imp.importId);
      expect(body).toHaveLength(json.length);
      expect(body.map((r) => r[1])).toEqual(
        expect.arrayContaining([`'=HYPERLINK("http://evil.example/x","点我")`, `'+1`, `'-5`, `'@SUM(A1)`]),
      );
      // every cell is inert: none starts with a formula character
      expect(table.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      // the rows and fields are those of the JSON list
      expect(body.map((r) => [Number(r[0]), r[2], r[3]])).toEqual(json.map((e) => [e.row, e.field, e.code]));
      expect(body.find((r) => r[1] === `'-5`)).toEqual(['4', `'-5`, 'phone', 'PHONE_FORMAT', expect.any(String)]);
    });

    it('holds every problem of a report longer than one page of the export', async () => {
      const ce = await t.coreEnterprise();
      const file = await rosterBuffer({ rows: 8000, seed: 9, errorRate: 0.9 });
      const imp = await uploadAndWait(t, ce.id, file);
      expect(imp.status).toBe('COMPLETED');
      const json = await t.http().get(`/roster-imports/${imp.importId}/errors`).query({ pageSize: 1 }).set(t.admin.auth);
      expect(json.body.total).toBeGreaterThan(5000);
      const res = await errorsCsvReq(t, imp.importId);
      const table = parseCsv((res.body as Buffer).subarray(3).toString('utf8'));
      expect(table.length - 1).toBe(json.body.total);
      expect(table.slice(1).map((r) => Number(r[0]))).toEqual([...table.slice(1).map((r) => Number(r[0]))].sort((a, b) => a - b));
    });
  });

  describe('upsert by supplier code', () => {
    it('re-uploading the same file changes nothing; a changed phone updates one supplier; a new row creates one', async () => {
      const ce = await t.coreEnterprise();
      const rows = Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? entity(`UPS-${i}`) : individual(`UPS-${i}`)));
      const first = await uploadAndWait(t, ce.id, csvFile(rows));
      expect(first).toMatchObject({ status: 'COMPLETED', acceptedRows: 10, createdCount: 10, updatedCount: 0, unchangedCount: 0 });
      const before = new Map((await listSuppliers(t, ce.id)).map((s) => [s.supplierCode, s]));

      const same = await uploadAndWait(t, ce.id, csvFile(rows, { eol: '\n', bom: true }));
      expect(same).toMatchObject({ status: 'COMPLETED', acceptedRows: 10, createdCount: 0, updatedCount: 0, unchangedCount: 10 });

      const changed = rows.map((r) => (r.supplier_code === 'UPS-4' ? { ...r, phone: '13912345678' } : r));
      const update = await uploadAndWait(t, ce.id, csvFile([...changed, individual('UPS-NEW')]));
      expect(update).toMatchObject({ status: 'COMPLETED', acceptedRows: 11, createdCount: 1, updatedCount: 1, unchangedCount: 9 });

      const after = await listSuppliers(t, ce.id);
      expect(after).toHaveLength(11);
      for (const s of after) {
        if (s.supplierCode === 'UPS-NEW') continue;
        const was = before.get(s.supplierCode)!;
        expect(s.id).toBe(was.id);
        if (s.supplierCode === 'UPS-4') {
          expect(s.phone).toBe('139****5678');
          expect(s.updatedAt > was.updatedAt).toBe(true);
          expect(s.lastImportId).toBe(update.importId);
        } else {
          expect(s.updatedAt).toBe(was.updatedAt);
          expect(s.lastImportId).toBe(first.importId);
        }
      }
    });

    it('takes the same values written another way as unchanged', async () => {
      const ce = await t.coreEnterprise();
      const xId = residentIdEndingInX('1983-04-05');
      const rows = [
        individual('EQ-1', {
          id_number: xId,
          avg_monthly_settlement: '60000.00',
          epidemic_cert_expiry: '2099-12-31',
          years_experience: '8.5',
          avg_monthly_delivery_kg: '50000',
        }),
        entity('EQ-2', { supplier_type: 'ENTITY' }),
      ];
      expect(await uploadAndWait(t, ce.id, csvFile(rows))).toMatchObject({ status: 'COMPLETED', createdCount: 2 });
      const rewritten = [
        {
          ...rows[0],
          supplier_type: '个人',
          id_number: xId.toLowerCase(),
          avg_monthly_settlement: '60000',
          epidemic_cert_expiry: '2099年12月31日',
          years_experience: '8.50',
          avg_monthly_delivery_kg: '50000.000',
        },
        { ...rows[1], supplier_type: '合作社', name: ` ${rows[1].name} ` },
      ];
      const again = await uploadAndWait(t, ce.id, csvFile(rewritten));
      expect(again).toMatchObject({ status: 'COMPLETED', acceptedRows: 2, createdCount: 0, updatedCount: 0, unchangedCount: 2 });
    });

    it('runs two imports of one core enterprise at the same time one after the other, never creating a supplier twice', async () => {
      const ce = await t.coreEnterprise();
      const file = await rosterBuffer({ rows: 3000, seed: 29 });
      const [a, b] = await Promise.all([upload(t, ce.id, file, 'a.csv'), upload(t, ce.id, file, 'b.csv')]);
      expectStatus(a, 202);
      expectStatus(b, 202);
      const [ra, rb] = await Promise.all([waitImport(t, a.body.importId), waitImport(t, b.body.importId)]);
      expect([ra.status, rb.status]).toEqual(['COMPLETED', 'COMPLETED']);
      expect([ra.createdCount, rb.createdCount].sort()).toEqual([0, 3000]);
      expect(ra.updatedCount + rb.updatedCount).toBe(0);
      expect((await storedCounts(t, ce.id)).suppliers).toBe(3000);
    });

    it('times every import in order: createdAt <= startedAt <= finishedAt, also one that waited for another and one that failed', async () => {
      const ce = await t.coreEnterprise();
      const file = await rosterBuffer({ rows: 3000, seed: 31 });
      const ups = await Promise.all([upload(t, ce.id, file, 'a.csv'), upload(t, ce.id, file, 'b.csv')]);
      ups.push(await upload(t, ce.id, Buffer.from(`${COLUMNS.join(',')}\n`), 'c.csv'));
      for (const up of ups) expectStatus(up, 202);
      const done = await Promise.all(ups.map((up) => waitImport(t, up.body.importId)));
      expect(done.map((d) => d.status).sort()).toEqual(['COMPLETED', 'COMPLETED', 'FAILED']);
      for (const d of done) {
        expect(d.startedAt).not.toBeNull();
        expect(d.finishedAt).not.toBeNull();
        expect(Date.parse(d.startedAt)).toBeGreaterThanOrEqual(Date.parse(d.createdAt));
        expect(Date.parse(d.finishedAt) - Date.parse(d.startedAt)).toBeGreaterThanOrEqual(0);
      }
    });

    it("never touches another core enterprise's supplier with the same code", async () => {
      const a = await t.coreEnterprise();
      const b = await t.coreEnterprise();
      await uploadAndWait(t, a.id, csvFile([individual('SHARED-1', { name: '甲方牧户' })]));
      const imp = await uploadAndWait(t, b.id, csvFile([individual('SHARED-1', { name: '乙方牧户' })]));
      expect(imp).toMatchObject({ createdCount: 1, updatedCount: 0 });
      expect((await supplierByCode(t, a.id, 'SHARED-1'))?.name).toBe('甲方牧户');
      expect((await supplierByCode(t, b.id, 'SHARED-1'))?.name).toBe('乙方牧户');
    });
  });

  describe('all or nothing', () => {
    const ROWS = 30_000;
    let base: Buffer;
    beforeAll(async () => {
      base = await rosterBuffer({ rows: ROWS, seed: 17 });
    });

    /** Polls an import to its end, noting the most rows it was seen to have processed on the way. */
    async function follow(importId: string): Promise<{ final: Record<string, any>; maxProcessed: number }> {
      let maxProcessed = 0;
      const deadline = Date.now() + 40_000;
      for (;;) {
        const res = await t.http().get(`/roster-imports/${importId}`).set(t.admin.auth);
        expectStatus(res, 200);
        maxProcessed = Math.max(maxProcessed, res.body.processedRows);
        if (res.body.status === 'COMPLETED' || res.body.status === 'FAILED') return { final: res.body, maxProcessed };
        if (Date.now() > deadline) throw new Error(`import ${importId} still ${res.body.status}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    it('a file whose end is a broken quoted field fails MALFORMED_CSV after batches were merged, and changes no supplier; retry fails again; the corrected file imports', async () => {
      const ce = await t.coreEnterprise();
      const broken = Buffer.concat([base, Buffer.from('SUP-017-9999999,INDIVIDUAL,"王五,150102198001011234,,13800000000\n', 'utf8')]);
      const res = await upload(t, ce.id, broken, 'roster.csv');
      expectStatus(res, 202);
      const { final, maxProcessed } = await follow(res.body.importId);
      expect(final).toMatchObject({ status: 'FAILED', failure: { code: 'MALFORMED_CSV', message: expect.any(String) } });
      // rows had been processed (merged inside the import's transaction) before the end of the file was reached
      expect(Math.max(maxProcessed, final.processedRows)).toBeGreaterThan(0);
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);

      const retry = await t.http().post(`/roster-imports/${res.body.importId}/retry`).set(t.admin.auth);
      expectStatus(retry, 202);
      expect(retry.body).toMatchObject({ importId: res.body.importId, status: 'QUEUED', failure: null });
      const again = await follow(res.body.importId);
      expect(again.final).toMatchObject({ status: 'FAILED', failure: { code: 'MALFORMED_CSV' } });
      expect(again.final.attempts).toBeGreaterThan(final.attempts);
      expect((await storedCounts(t, ce.id)).suppliers).toBe(0);

      const fixed = await uploadAndWait(t, ce.id, base);
      expect(fixed).toMatchObject({ status: 'COMPLETED', totalRows: ROWS, acceptedRows: ROWS, createdCount: ROWS });
      expect((await storedCounts(t, ce.id)).suppliers).toBe(ROWS);
    });

    it('binary junk after good rows fails NOT_TEXT and changes no supplier, also of a roster imported before', async () => {
      const ce = await t.coreEnterprise();
      const earlier = csvFile([individual('SUP-017-0000001', { name: '原来的名字' })]);
      expect(await uploadAndWait(t, ce.id, earlier)).toMatchObject({ status: 'COMPLETED', createdCount: 1 });
      const junk = Buffer.alloc(4096);
      for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) % 256;
      const res = await upload(t, ce.id, Buffer.concat([base, junk]), 'roster.csv');
      expectStatus(res, 202);
      const { final, maxProcessed } = await follow(res.body.importId);
      expect(final).toMatchObject({ status: 'FAILED', failure: { code: 'NOT_TEXT' } });
      expect(Math.max(maxProcessed, final.processedRows)).toBeGreaterThan(0);
      const suppliers = await listSuppliers(t, ce.id);
      expect(suppliers).toHaveLength(1);
      expect(suppliers[0]).toMatchObject({ supplierCode: 'SUP-017-0000001', name: '原来的名字' });
    });
  });

  it('queues a screening run for every active programme of the core enterprise', async () => {
    const ce = await t.coreEnterprise();
    const p1 = await t.programme(ce.id, { name: 'one' });
    const p2 = await t.programme(ce.id, { name: 'two' });
    const dormant = await t.programme(ce.id, { name: 'dormant', active: false });
    const imp = await uploadAndWait(t, ce.id, csvFile([individual('SCR-1'), entity('SCR-2')]));
    expect(imp.status).toBe('COMPLETED');
    const runs: { programme_id: string; trigger: string; requested_by: string }[] = await t.db.query(
      `SELECT programme_id, trigger, requested_by FROM screening_runs WHERE core_enterprise_id = $1`,
      [ce.id],
    );
    expect(runs.map((r) => r.programme_id).sort()).toEqual([p1.id, p2.id].sort());
    expect(runs.every((r) => r.trigger === 'ROSTER_IMPORT' && r.requested_by === `import:${imp.importId}`)).toBe(true);
    expect(runs.find((r) => r.programme_id === dormant.id)).toBeUndefined();
    await waitForScreening(t, p1.id);
    const s = await supplierByCode(t, ce.id, 'SCR-1');
    const eligibility = await t.http().get(`/suppliers/${s!.id}/eligibility`).query({ programmeId: p1.id }).set(officer.auth);
    expectStatus(eligibility, 200);
    expect(eligibility.body).toMatchObject({ eligible: expect.any(Boolean), rulesetVersion: 1 });

    // a failed import queues nothing
    const failed = await uploadAndWait(t, ce.id, Buffer.from(`${COLUMNS.join(',')}\n`));
    expect(failed.status).toBe('FAILED');
    const after = await t.db.query(`SELECT count(*)::int AS n FROM screening_runs WHERE core_enterprise_id = $1`, [ce.id]);
    expect(after[0].n).toBe(2);
  });

  it('shows processedRows advancing while a 60,000-row import runs', async () => {
    const ce = await t.coreEnterprise();
    const file = await rosterBuffer({ rows: 60_000, seed: 23 });
    const up = await upload(t, ce.id, file, 'big.csv');
    expectStatus(up, 202);
    const seen: { status: string; processedRows: number }[] = [];
    const deadline = Date.now() + 45_000;
    let final: Record<string, any> | undefined;
    while (!final) {
      const v = await t.http().get(`/roster-imports/${up.body.importId}`).set(t.admin.auth);
      seen.push({ status: v.body.status, processedRows: v.body.processedRows });
      if (v.body.status === 'COMPLETED' || v.body.status === 'FAILED') final = v.body;
      else if (Date.now() > deadline) throw new Error(`still ${v.body.status}`);
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(final).toMatchObject({
      status: 'COMPLETED',
      totalRows: 60_000,
      processedRows: 60_000,
      acceptedRows: 60_000,
      createdCount: 60_000,
    });
    const midway = seen.filter((s) => s.status === 'RUNNING' && s.processedRows > 0 && s.processedRows < 60_000);
    if (seen.some((s) => s.status === 'RUNNING')) expect(midway.length).toBeGreaterThan(0);
    // never goes backwards within a run
    const counts = seen.map((s) => s.processedRows);
    expect(counts.filter((n, i) => i > 0 && n < counts[i - 1])).toEqual([]);
  });

  it('answered no request with a 5xx and failed no import for an unexpected reason', () => {
    expect(serverErrors(t)).toEqual([]);
  });
});
