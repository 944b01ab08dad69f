import { uscc } from './support/ids.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('core enterprises', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: Record<string, unknown>) => t.http().post('/core-enterprises').set(t.admin.auth).send(body);
  const body = (overrides: Record<string, unknown> = {}) => ({
    name: '内蒙古优然牧业有限责任公司',
    uscc: uscc(),
    guaranteeCap: '50000000.00',
    ...overrides,
  });
  const auditOf = async (entityId: string) =>
    (await t.http().get('/audit-events').query({ entityType: 'CoreEnterprise', entityId }).set(t.admin.auth)).body.items as Array<
      Record<string, any>
    >;

  describe('POST /core-enterprises', () => {
    it('registers a core enterprise with money as strings and no exposure yet', async () => {
      const b = body({ guaranteeCap: '80000000' });
      const res = await create(b);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: b.name,
        uscc: b.uscc,
        guaranteeCap: '80000000.00',
        guaranteedExposure: '0.00',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it("accepts the standard's example USCC, lower-case and padded, and stores it upper-case", async () => {
      const res = await create(body({ uscc: ' 91350100m000100y43 ', name: '  padded name  ' }));
      expect(res.status).toBe(201);
      expect(res.body.uscc).toBe('91350100M000100Y43');
      expect(res.body.name).toBe('padded name');
    });

    it.each([
      [
        'a wrong check character',
        () => {
          const u = uscc();
          return u.slice(0, 17) + (u[17] === '0' ? '1' : '0');
        },
        'USCC_CHECKSUM',
      ],
      ['the letter I', () => '91350100I000100Y43', 'USCC_CHARACTER'],
      ['the letter O', () => '91350100O000100Y43', 'USCC_CHARACTER'],
      ['the letter S', () => '9135010S0000100Y43', 'USCC_CHARACTER'],
      ['the letter V', () => '91350100M000100V43', 'USCC_CHARACTER'],
      ['the letter Z', () => 'Z1350100M000100Y43', 'USCC_CHARACTER'],
      ['17 characters', () => '91350100M000100Y4', 'USCC_FORMAT'],
      ['19 characters', () => '91350100M000100Y431', 'USCC_FORMAT'],
    ])('refuses a USCC with %s', async (_, make, code) => {
      const res = await create(body({ uscc: make() }));
      expectFieldError(res, 'uscc', code);
      expect(res.body.errors).toHaveLength(1);
    });

    it('names a bad money field and a bad USCC in one 400', async () => {
      const u = uscc();
      const res = await create(body({ guaranteeCap: 50000000, uscc: u.slice(0, 17) + (u[17] === '0' ? '1' : '0'), name: '  ' }));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
        'guaranteeCap:INVALID_MONEY',
        'name:BLANK',
        'uscc:USCC_CHECKSUM',
      ]);
    });

    it('refuses an empty or overlong USCC before checking it', async () => {
      const refused = [
        expectFieldError(await create(body({ uscc: '' })), 'uscc'),
        expectFieldError(await create(body({ uscc: '9'.repeat(33) })), 'uscc'),
        expectFieldError(await create(body({ uscc: 91350100 })), 'uscc'),
      ];
      expect(refused.map((e) => e.field)).toEqual(['uscc', 'uscc', 'uscc']);
    });

    it('refuses a second core enterprise with the same USCC, whatever its case', async () => {
      const b = body({ uscc: uscc() });
      expect((await create(b)).status).toBe(201);
      expectProblem(await create({ ...b, name: 'someone else' }), 409, 'USCC_TAKEN');
      expectProblem(await create({ ...b, uscc: b.uscc.toLowerCase() }), 409, 'USCC_TAKEN');
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM core_enterprises WHERE uscc = $1`, [b.uscc]);
      expect(rows[0].n).toBe(1);
    });

    it.each([
      ['a JSON number', 50000000],
      ['a float', 0.1],
      ['three decimals', '1.005'],
      ['a negative amount', '-1.00'],
      ['an exponent', '5e7'],
      ['thousands separators', '50,000,000.00'],
    ])('refuses a guarantee cap given as %s', async (_, guaranteeCap) => {
      const error = expectFieldError(await create(body({ guaranteeCap })), 'guaranteeCap', 'INVALID_MONEY');
      expect(error).toMatchObject({ field: 'guaranteeCap', code: 'INVALID_MONEY' });
    });

    it('refuses unknown fields instead of ignoring them', async () => {
      const refused = [
        expectFieldError(await create(body({ guaranteedExposure: '0.00' })), 'guaranteedExposure', 'UNKNOWN_FIELD'),
        expectFieldError(await create(body({ id: '00000000-0000-4000-8000-000000000000' })), 'id', 'UNKNOWN_FIELD'),
      ];
      expect(refused).toMatchObject([
        { field: 'guaranteedExposure', code: 'UNKNOWN_FIELD' },
        { field: 'id', code: 'UNKNOWN_FIELD' },
      ]);
    });

    it('refuses a name of spaces only, which would be stored empty', async () => {
      const error = expectFieldError(await create(body({ name: '   ' })), 'name', 'BLANK');
      expect(error).toMatchObject({ field: 'name', code: 'BLANK' });
    });

    it('names every missing field', async () => {
      const res = await create({});
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
        'guaranteeCap:REQUIRED',
        'name:REQUIRED',
        'uscc:REQUIRED',
      ]);
    });

    it('audits the creation', async () => {
      const created = (await create(body())).body;
      expect(await auditOf(created.id)).toEqual([
        expect.objectContaining({
          action: 'CORE_ENTERPRISE_CREATED',
          actor: expect.objectContaining({ id: t.admin.id, role: 'ADMIN' }),
          coreEnterpriseId: created.id,
          before: null,
          after: { name: created.name, uscc: created.uscc, guaranteeCap: created.guaranteeCap },
        }),
      ]);
    });
  });

  describe('reading', () => {
    it('answers one core enterprise, 404 for an unknown id and 400 for a malformed one', async () => {
      const created = (await create(body())).body;
      const res = await t.http().get(`/core-enterprises/${created.id}`).set(t.admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
      expectProblem(await t.http().get('/core-enterprises/00000000-0000-4000-8000-000000000000').set(t.admin.auth), 404, 'NOT_FOUND');
      expectFieldError(await t.http().get('/core-enterprises/abc').set(t.admin.auth), 'id', 'INVALID_UUID');
    });

    it('pages the list and finds by name or USCC', async () => {
      const a = (await create(body({ name: `Searchable Dairy ${Date.now()}` }))).body;
      await create(body());
      const all = await t.http().get('/core-enterprises').query({ pageSize: 1 }).set(t.admin.auth);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(all.body.items).toHaveLength(1);
      expect(all.body.total).toBeGreaterThanOrEqual(2);

      const byName = await t
        .http()
        .get('/core-enterprises')
        .query({ q: a.name.toLowerCase().slice(0, 16) })
        .set(t.admin.auth);
      expect(byName.body.items.map((c: { id: string }) => c.id)).toContain(a.id);
      const byUscc = await t.http().get('/core-enterprises').query({ q: a.uscc.toLowerCase() }).set(t.admin.auth);
      expect(byUscc.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
      // LIKE wildcards are matched literally
      const wildcard = await t.http().get('/core-enterprises').query({ q: '%' }).set(t.admin.auth);
      expect(wildcard.body.total).toBe(0);
    });

    it('shows an ENTERPRISE user only its own core enterprise', async () => {
      const own = (await create(body())).body;
      const other = (await create(body())).body;
      const user = await t.user('ENTERPRISE', own.id);
      const list = await t.http().get('/core-enterprises').set(user.auth);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
      expect((await t.http().get(`/core-enterprises/${own.id}`).set(user.auth)).status).toBe(200);
      const res = await t.http().get(`/core-enterprises/${other.id}`).set(user.auth);
      expectProblem(res, 404, 'NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain(other.uscc);
    });
  });

  describe('PATCH /core-enterprises/:id', () => {
    it('renames and changes the cap, and audits before and after', async () => {
      const created = (await create(body({ name: 'Before Dairy', guaranteeCap: '1000000.00' }))).body;
      const res = await t
        .http()
        .patch(`/core-enterprises/${created.id}`)
        .set(t.admin.auth)
        .send({ name: 'After Dairy', guaranteeCap: '2500000.5' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: created.id, name: 'After Dairy', guaranteeCap: '2500000.50', uscc: created.uscc });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      expect((await t.http().get(`/core-enterprises/${created.id}`).set(t.admin.auth)).body.name).toBe('After Dairy');

      const events = await auditOf(created.id);
      expect(events.map((e) => e.action)).toEqual(['CORE_ENTERPRISE_CREATED', 'CORE_ENTERPRISE_UPDATED']);
      expect(events[1]).toMatchObject({
        before: { name: 'Before Dairy', guaranteeCap: '1000000.00' },
        after: { name: 'After Dairy', guaranteeCap: '2500000.50' },
      });
    });

    it('changes only what it is given', async () => {
      const created = (await create(body({ name: 'Partial Dairy', guaranteeCap: '1000000.00' }))).body;
      const res = await t.http().patch(`/core-enterprises/${created.id}`).set(t.admin.auth).send({ guaranteeCap: '0' });
      expect(res.body).toMatchObject({ name: 'Partial Dairy', guaranteeCap: '0.00' });
    });

    it('refuses a changed USCC, a numeric cap and unknown ids', async () => {
      const created = (await create(body())).body;
      expectFieldError(
        await t.http().patch(`/core-enterprises/${created.id}`).set(t.admin.auth).send({ uscc: uscc() }),
        'uscc',
        'UNKNOWN_FIELD',
      );
      expectFieldError(
        await t.http().patch(`/core-enterprises/${created.id}`).set(t.admin.auth).send({ guaranteeCap: 1 }),
        'guaranteeCap',
        'INVALID_MONEY',
      );
      expectFieldError(await t.http().patch(`/core-enterprises/${created.id}`).set(t.admin.auth).send({ name: '' }), 'name');
      expectFieldError(await t.http().patch(`/core-enterprises/${created.id}`).set(t.admin.auth).send({ name: ' \t ' }), 'name', 'BLANK');
      expectProblem(
        await t.http().patch('/core-enterprises/00000000-0000-4000-8000-000000000000').set(t.admin.auth).send({ name: 'x' }),
        404,
        'NOT_FOUND',
      );
      // nothing was changed by the refused requests
      expect((await t.http().get(`/core-enterprises/${created.id}`).set(t.admin.auth)).body).toEqual(created);
    });
  });
});
