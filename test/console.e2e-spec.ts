import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The web console is served by the service itself at /console (npm run build puts it in dist/web). */
describe('web console at /console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const expectConsoleIndex = (res: { status: number; headers: Record<string, string>; text: string }) => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  };

  it('answers its index, with its own CSP, at /console and /console/', async () => {
    expectConsoleIndex(await t.http().get('/console'));
    expectConsoleIndex(await t.http().get('/console/'));
  });

  it('answers a deep link with the index, for the browser-side router', async () => {
    expectConsoleIndex(await t.http().get('/console/clerk/counterparties/1234'));
  });

  it('serves hashed assets with a year of caching, and 404 for an unknown one', async () => {
    const asset = readdirSync('dist/web/assets').find((f) => f.endsWith('.js'));
    expect(asset).toBeDefined();
    const res = await t.http().get(`/console/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.http().get('/console/assets/nope-123.js')).status).toBe(404);
    expect((await t.http().get('/console/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('loads at most 500 KB of gzipped JavaScript before the first page (the pages themselves load lazily)', async () => {
    const index = (await t.http().get('/console/')).text;
    const initial = [...index.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    const gzipped = initial.reduce((sum, file) => sum + gzipSync(readFileSync(`dist/web/${file}`)).length, 0);
    expect(gzipped).toBeLessThanOrEqual(500 * 1024);
  });

  it('leaves the API its strict policy', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
