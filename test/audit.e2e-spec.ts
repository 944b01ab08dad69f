import { randomUUID } from 'node:crypto';
import { uscc } from './support/ids.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('audit events', () => {
  let t: TestApp;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.user('AUDITOR');
  });
  afterAll(async () => {
    await t?.close();
  });

  const eventsOf = (auth: Record<string, string>, entityType: string, entityId: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .get('/audit-events')
      .query({ entityType, entityId, ...extra })
      .set(auth);

  it('records who did what, with the correlation id of the request that did it', async () => {
    const requestId = `audit-${randomUUID()}`;
    const created = await t.http().post('/core-enterprises').set(t.admin.auth).set('X-Request-Id', requestId).send({
      name: 'Audited Dairy',
      uscc: uscc(),
      guaranteeCap: '1000000.00',
    });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(requestId);

    const patched = await t.http().patch(`/core-enterprises/${created.body.id}`).set(t.admin.auth).send({ guaranteeCap: '2000000.00' });
    const generatedId = patched.headers['x-request-id'];
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);

    const res = await eventsOf(auditor.auth, 'CoreEnterprise', created.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          id: expect.any(String),
          occurredAt: expect.any(String),
          actor: { kind: 'USER', id: t.admin.id, name: t.admin.username, role: 'ADMIN' },
          action: 'CORE_ENTERPRISE_CREATED',
          entityType: 'CoreEnterprise',
          entityId: created.body.id,
          coreEnterpriseId: created.body.id,
          before: null,
          after: { name: 'Audited Dairy', uscc: created.body.uscc, guaranteeCap: '1000000.00' },
          correlationId: requestId,
        },
        {
          id: expect.any(String),
          occurredAt: expect.any(String),
          actor: { kind: 'USER', id: t.admin.id, name: t.admin.username, role: 'ADMIN' },
          action: 'CORE_ENTERPRISE_UPDATED',
          entityType: 'CoreEnterprise',
          entityId: created.body.id,
          coreEnterpriseId: created.body.id,
          before: { name: 'Audited Dairy', guaranteeCap: '1000000.00' },
          after: { name: 'Audited Dairy', guaranteeCap: '2000000.00' },
          correlationId: generatedId,
        },
      ],
      page: 1,
      pageSize: 50,
      total: 2,
    });
    const [a, b] = res.body.items;
    expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    expect(Date.parse(b.occurredAt)).toBeGreaterThanOrEqual(Date.parse(a.occurredAt));
  });

  it('names the role of a non-admin actor', async () => {
    const officer = await t.user('OFFICER');
    const login = await t.http().get('/audit-events').query({ action: 'AUTH_LOGIN_SUCCEEDED', entityId: officer.id }).set(t.admin.auth);
    expect(login.body.items).toEqual([
      expect.objectContaining({ actor: { kind: 'USER', id: officer.id, name: officer.username, role: 'OFFICER' }, entityType: 'User' }),
    ]);
  });

  it('is readable by ADMIN and AUDITOR only', async () => {
    const ce = await t.coreEnterprise();
    expect((await eventsOf(t.admin.auth, 'CoreEnterprise', ce.id)).status).toBe(200);
    expect((await eventsOf(auditor.auth, 'CoreEnterprise', ce.id)).status).toBe(200);
    for (const role of ['OFFICER', 'SENIOR_OFFICER'] as const) {
      expectProblem(await eventsOf((await t.user(role)).auth, 'CoreEnterprise', ce.id), 403, 'FORBIDDEN');
    }
    expectProblem(await eventsOf((await t.user('ENTERPRISE', ce.id)).auth, 'CoreEnterprise', ce.id), 403, 'FORBIDDEN');
    expectProblem(await eventsOf((await t.apiKey(ce.id)).auth, 'CoreEnterprise', ce.id), 403, 'FORBIDDEN');
    expectProblem(await t.http().get('/audit-events'), 401, 'UNAUTHENTICATED');
  });

  it('pages, oldest first, and filters by entity and action', async () => {
    const ce = await t.coreEnterprise();
    for (const name of ['one', 'two', 'three']) await t.http().patch(`/core-enterprises/${ce.id}`).set(t.admin.auth).send({ name });

    const page2 = await eventsOf(auditor.auth, 'CoreEnterprise', ce.id, { page: 2, pageSize: 2 });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(page2.body.items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['two', 'three']);

    const updates = await eventsOf(auditor.auth, 'CoreEnterprise', ce.id, { action: 'CORE_ENTERPRISE_UPDATED' });
    expect(updates.body.total).toBe(3);

    const otherType = await eventsOf(auditor.auth, 'Programme', ce.id);
    expect(otherType.body).toMatchObject({ items: [], total: 0 });

    const everything = await t.http().get('/audit-events').query({ pageSize: 500 }).set(auditor.auth);
    expect(everything.body.total).toBeGreaterThan(4);
    const ids = everything.body.items.map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });

  it('refuses bad paging and filters', async () => {
    const refused = [
      expectFieldError(await t.http().get('/audit-events').query({ pageSize: 501 }).set(auditor.auth), 'pageSize'),
      expectFieldError(await t.http().get('/audit-events').query({ page: 'last' }).set(auditor.auth), 'page'),
      expectFieldError(
        await t
          .http()
          .get('/audit-events')
          .query({ entityType: 'x'.repeat(65) })
          .set(auditor.auth),
        'entityType',
      ),
      expectFieldError(await t.http().get('/audit-events').query({ actor: 'admin' }).set(auditor.auth), 'actor', 'UNKNOWN_FIELD'),
    ];
    expect(refused.map((e) => e.field)).toEqual(['pageSize', 'page', 'entityType', 'actor']);
    expect(refused[3].code).toBe('UNKNOWN_FIELD');
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const ce = await t.coreEnterprise();
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    await expect(t.db.query(`UPDATE audit_events SET action = 'TAMPERED' WHERE entity_id = $1`, [ce.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events WHERE entity_id = $1`, [ce.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(after).toBe(before);
    const res = await eventsOf(auditor.auth, 'CoreEnterprise', ce.id);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['CORE_ENTERPRISE_CREATED']);
  });

  it('leaves no event for a refused change', async () => {
    const ce = await t.coreEnterprise();
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'CORE_ENTERPRISE_CREATED'`);
    expectProblem(
      await t.http().post('/core-enterprises').set(t.admin.auth).send({ name: 'Duplicate', uscc: ce.uscc, guaranteeCap: '1.00' }),
      409,
      'USCC_TAKEN',
    );
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'CORE_ENTERPRISE_CREATED'`);
    expect(after).toBe(before);
  });
});
