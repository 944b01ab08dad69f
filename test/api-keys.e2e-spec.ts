import { createHash } from 'node:crypto';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('API keys', () => {
  let t: TestApp;
  let own: { id: string; name: string; uscc: string };
  let other: { id: string; name: string; uscc: string };
  let otherProgramme: Record<string, any>;

  beforeAll(async () => {
    t = await createTestApp();
    own = await t.coreEnterprise();
    other = await t.coreEnterprise();
    otherProgramme = await t.programme(other.id, { name: 'Programme of the other one' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('issues a key once, with a prefix to tell it apart', async () => {
    const res = await t.http().post(`/core-enterprises/${own.id}/api-keys`).set(t.admin.auth).send({ name: 'nightly roster sync' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      coreEnterpriseId: own.id,
      name: 'nightly roster sync',
      keyPrefix: res.body.key.slice(0, 12),
      key: expect.stringMatching(/^clk_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      revokedAt: null,
    });
  });

  it('lists keys by prefix only, never the key', async () => {
    const issued = await t.apiKey(own.id, 'for the list');
    const res = await t.http().get(`/core-enterprises/${own.id}/api-keys`).set(t.admin.auth);
    expect(res.status).toBe(200);
    const listed = (res.body as Array<Record<string, unknown>>).find((k) => k.id === issued.id);
    expect(listed).toEqual({
      id: issued.id,
      coreEnterpriseId: own.id,
      name: 'for the list',
      keyPrefix: issued.keyPrefix,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(issued.key);
  });

  it('stores only a hash of the key', async () => {
    const issued = await t.apiKey(own.id);
    const rows = await t.db.query(`SELECT * FROM api_keys WHERE id = $1`, [issued.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(issued.key);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(issued.key).digest('hex'));
  });

  it('does not put the key in the audit trail', async () => {
    const issued = await t.apiKey(own.id, 'audited');
    const res = await t.http().get('/audit-events').query({ entityType: 'ApiKey', entityId: issued.id }).set(t.admin.auth);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        action: 'API_KEY_CREATED',
        coreEnterpriseId: own.id,
        after: { name: 'audited', keyPrefix: issued.keyPrefix },
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(issued.key);
  });

  it('makes its holder ENTERPRISE of its own core enterprise', async () => {
    const { auth, id } = await t.apiKey(own.id);
    const me = await t.http().get('/users/me').set(auth);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'API_KEY', id, role: 'ENTERPRISE', coreEnterpriseId: own.id });

    const ce = await t.http().get(`/core-enterprises/${own.id}`).set(auth);
    expect(ce.status).toBe(200);
    expect(ce.body.uscc).toBe(own.uscc);

    const list = await t.http().get('/core-enterprises').set(auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    expect(list.body.total).toBe(1);
  });

  it("answers another core enterprise's records 404, without their data", async () => {
    const { auth } = await t.apiKey(own.id);
    for (const path of [`/core-enterprises/${other.id}`, `/programmes/${otherProgramme.id}`, `/programmes/${otherProgramme.id}/rulesets`]) {
      const res = await t.http().get(path).set(auth);
      expectProblem(res, 404, 'NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain(other.uscc);
      expect(JSON.stringify(res.body)).not.toContain(otherProgramme.name);
    }
  });

  it('gives no staff powers', async () => {
    const { auth } = await t.apiKey(own.id);
    const refusals = [
      expectProblem(await t.http().get('/users').set(auth), 403, 'FORBIDDEN'),
      expectProblem(await t.http().get('/audit-events').set(auth), 403, 'FORBIDDEN'),
      expectProblem(await t.http().patch(`/core-enterprises/${own.id}`).set(auth).send({ name: 'renamed' }), 403, 'FORBIDDEN'),
      expectProblem(await t.http().post(`/core-enterprises/${own.id}/api-keys`).set(auth).send({}), 403, 'FORBIDDEN'),
    ];
    expect(refusals.map((p) => p.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('stops working once revoked', async () => {
    const issued = await t.apiKey(own.id);
    expect((await t.http().get(`/core-enterprises/${own.id}`).set(issued.auth)).status).toBe(200);

    const revoked = await t.http().delete(`/core-enterprises/${own.id}/api-keys/${issued.id}`).set(t.admin.auth);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: issued.id, revokedAt: expect.any(String) });
    expect(revoked.body).not.toHaveProperty('key');

    expectProblem(await t.http().get(`/core-enterprises/${own.id}`).set(issued.auth), 401, 'INVALID_API_KEY');

    // revoking twice keeps the first revocation time
    const again = await t.http().delete(`/core-enterprises/${own.id}/api-keys/${issued.id}`).set(t.admin.auth);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

    const audit = await t.http().get('/audit-events').query({ entityType: 'ApiKey', entityId: issued.id }).set(t.admin.auth);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['API_KEY_CREATED', 'API_KEY_REVOKED', 'API_KEY_REVOKED']);
  });

  it('does not revoke a key through another core enterprise', async () => {
    const issued = await t.apiKey(own.id);
    expectProblem(await t.http().delete(`/core-enterprises/${other.id}/api-keys/${issued.id}`).set(t.admin.auth), 404, 'NOT_FOUND');
    expect((await t.http().get('/users/me').set(issued.auth)).status).toBe(200);
  });

  it('refuses keys that were never issued', async () => {
    const issued = await t.apiKey(own.id);
    const altered = issued.key.slice(0, -1) + (issued.key.endsWith('A') ? 'B' : 'A');
    const refusals = [
      expectProblem(await t.http().get('/users/me').set('X-Api-Key', altered), 401, 'INVALID_API_KEY'),
      expectProblem(await t.http().get('/users/me').set('X-Api-Key', 'not-even-the-prefix'), 401, 'INVALID_API_KEY'),
      expectProblem(
        await t
          .http()
          .get('/users/me')
          .set('X-Api-Key', `clk_${'a'.repeat(300)}`),
        401,
        'INVALID_API_KEY',
      ),
    ];
    expect(refusals.map((p) => p.code)).toEqual(['INVALID_API_KEY', 'INVALID_API_KEY', 'INVALID_API_KEY']);
  });

  it('refuses a key for a core enterprise that does not exist, and a bad label', async () => {
    const unknown = expectProblem(
      await t.http().post('/core-enterprises/00000000-0000-4000-8000-000000000000/api-keys').set(t.admin.auth).send({}),
      404,
      'NOT_FOUND',
    );
    expect(unknown.code).toBe('NOT_FOUND');
    const badLabel = expectFieldError(
      await t.http().post(`/core-enterprises/${own.id}/api-keys`).set(t.admin.auth).send({ name: '' }),
      'name',
    );
    expect(badLabel.field).toBe('name');
    const badId = expectFieldError(
      await t.http().post('/core-enterprises/not-a-uuid/api-keys').set(t.admin.auth).send({}),
      'id',
      'INVALID_UUID',
    );
    expect(badId).toMatchObject({ field: 'id', code: 'INVALID_UUID' });
  });
});
