import type { Response } from 'supertest';
import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** `default-src 'none'; frame-ancestors 'none'` → { 'default-src': ["'none'"], ... } */
function cspOf(res: Response): Record<string, string[]> {
  const header = res.headers['content-security-policy'];
  if (typeof header !== 'string') throw new Error(`no Content-Security-Policy on a ${res.status} answer`);
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Returns the answer's content security policy, parsed. */
function expectApiHeaders(res: Response): Record<string, string[]> {
  const csp = cspOf(res);
  expect(csp).toMatchObject({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
  expect(res.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'strict-transport-security': expect.stringMatching(/max-age=\d{8,}/),
  });
  expect(res.headers['x-powered-by']).toBeUndefined();
  return csp;
}

describe('security headers and the API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives API answers a strict policy: successes, problems and unknown routes alike', async () => {
    const policies = [
      expectApiHeaders(await t.http().get('/health')),
      expectApiHeaders(await t.http().get('/programmes').set(t.admin.auth)),
    ];
    const unauthenticated = await t.http().get('/programmes');
    expectProblem(unauthenticated, 401, 'UNAUTHENTICATED');
    policies.push(expectApiHeaders(unauthenticated));
    policies.push(expectApiHeaders(await t.http().get('/no/such/route')));
    policies.push(expectApiHeaders(await t.http().get('/docs-json')));
    expect(policies.map((csp) => csp['default-src'])).toEqual([["'none'"], ["'none'"], ["'none'"], ["'none'"], ["'none'"]]);
  });

  it('serves /docs as HTML whose policy lets its own scripts and styles run, and nothing from elsewhere', async () => {
    const res = await t.http().get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = cspOf(res);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(expect.arrayContaining(["'self'"]));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    // every script the page loads is its own and is served, under the same policy
    const scripts = [...res.text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    for (const src of scripts) {
      expect(src).toMatch(/^\.?\/docs\//);
      const js = await t.http().get(src.replace(/^\./, ''));
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
    }
  });

  it('can be switched off: /docs, /docs-json and /docs-yaml are then unknown routes', async () => {
    const off = await createTestApp({ API_DOCS_ENABLED: 'false' });
    try {
      for (const path of ['/docs', '/docs/', '/docs-json', '/docs-yaml', '/docs/swagger-ui-init.js']) {
        expectProblem(await off.http().get(path), 404, 'ROUTE_NOT_FOUND');
      }
      expect((await off.http().get('/health')).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
