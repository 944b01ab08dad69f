import { createTestApp, type TestApp } from './support/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers health', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('creates a core enterprise and reads it back as stored', async () => {
    const ce = await t.coreEnterprise();
    expect(ce.id).toBeDefined();
    const res = await t.http().get(`/core-enterprises/${ce.id}`).set(t.admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...ce,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      guaranteeCap: '50000000.00',
      guaranteedExposure: '0.00',
    });
  });
});
