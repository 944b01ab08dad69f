/**
 * The browser tests' harness: the built service on a fresh database, Debian's chromium driven by
 * playwright-core, the API for setting up users and data, a screenshot of every page checked, and an
 * axe-core check of it. Each scenario is its own file (*.test.ts) and calls startStack() once.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startService, throwAwayDatabase, type Service } from '../../bench/support.js';
import { uscc } from '../support/ids.js';
import { programmeBody } from '../support/programme-body.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('out/screenshots');
const ADMIN = { username: 'admin', password: 'chainlend-admin-dev' };
const AXE_SOURCE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export class ApiFailure extends Error {}

/** The API as the setup uses it: JSON in, JSON out, any non-2xx an error naming the call. */
export class Api {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  async call<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiFailure(`${method} ${url}: ${res.status} ${text}`);
    return (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  }

  get = <T = any>(url: string) => this.call<T>('GET', url);

  /** Uploads a roster and waits until its import is done; answers the import. */
  async importRoster(coreEnterpriseId: string, csv: string, name = 'roster.csv'): Promise<any> {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), name);
    const { importId } = await this.call<{ importId: string }>('POST', `/core-enterprises/${coreEnterpriseId}/rosters`, form);
    return waitUntil(`import ${importId}`, async () => {
      const imp = await this.get(`/roster-imports/${importId}`);
      return imp.status === 'COMPLETED' || imp.status === 'FAILED' ? imp : undefined;
    });
  }
  post = <T = any>(url: string, body?: unknown) => this.call<T>('POST', url, body ?? {});
}

/** Polls `check` until it answers something, for at most `ms`. */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Drops a file on an element the way a browser does on drag and drop (a DataTransfer carrying the
 * file, then dragenter, dragover and drop), not through the file input.
 */
export async function dropFile(page: Page, selector: string, name: string, content: string, type = 'text/csv'): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text, mime]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], fileName, { type: mime }));
      return dt;
    },
    [name, content, type] as const,
  );
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, event, { dataTransfer });
}

export interface User {
  id: string;
  username: string;
  password: string;
  role: string;
  api: Api;
}

export interface Stack {
  url: string;
  admin: Api;
  browser: Browser;
  /** A user of that role (bound to the core enterprise for ENTERPRISE), with an API client of their own. */
  user(role: string, coreEnterpriseId?: string): Promise<User>;
  coreEnterprise(name?: string): Promise<{ id: string; name: string }>;
  programme(coreEnterpriseId: string, overrides?: Record<string, unknown>): Promise<{ id: string; name: string }>;
  /** A new browser page at 1366x768 (the size every page must be usable at), zh-CN. */
  newPage(): Promise<Page>;
  /** Signs in through the login page and waits for the console's frame. */
  signIn(page: Page, user: { username: string; password: string }): Promise<void>;
  /** Screenshot to out/screenshots/<name>.png and an axe-core check: serious or critical violations fail. */
  checkPage(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

let seq = 0;

export async function startStack(): Promise<Stack> {
  const db = await throwAwayDatabase('cl_browser');
  let service: Service;
  try {
    service = await startService(
      db.databaseUrl,
      // the scenarios make their own data: no demo dairy group beside it on the embedded database
      { ...db.env, DEMO_LOGINS: 'false', THROTTLE_PER_ADDRESS: '1000000', THROTTLE_GLOBAL: '1000000', JOB_POLLING_MS: '500' },
      { captureOutput: true },
    );
  } catch (e) {
    await db.drop();
    throw e;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (e) {
    // without this the started service keeps the test process alive until CI's timeout, hiding the reason
    await service.stop();
    await db.drop();
    throw e;
  }
  const base = new Api(service.url);
  const login = async (username: string, password: string) =>
    new Api(service.url, (await base.post<{ accessToken: string }>('/auth/login', { username, password })).accessToken);
  const admin = await login(ADMIN.username, ADMIN.password);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const problems: string[] = [];

  return {
    url: service.url,
    admin,
    browser,
    async user(role, coreEnterpriseId) {
      const username = `${role.toLowerCase()}.${++seq}.${randomBytes(2).toString('hex')}`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const { id } = await admin.post<{ id: string }>('/users', { username, password, role, coreEnterpriseId });
      return { id, username, password, role, api: await login(username, password) };
    },
    async coreEnterprise(name = `蒙北乳业集团 ${++seq}`) {
      return admin.post('/core-enterprises', { name, uscc: uscc(), guaranteeCap: '50000000.00' });
    },
    async programme(coreEnterpriseId, overrides = {}) {
      return admin.post('/programmes', programmeBody(coreEnterpriseId, { name: '2026 青贮季', ...overrides }));
    },
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      // the console's CSP must hold: a refused script or style is a failure, as is an uncaught error
      // React's and Ant Design's warnings (deprecated props, missing keys) are errors here; a refused
      // request is the page's business (a wrong password answers 401)
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
        if (msg.type() === 'warning' && /^Warning:|\[antd/.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      return page;
    },
    async signIn(page, user) {
      await page.goto(`${service.url}/console/login`);
      await page.getByLabel('用户名').fill(user.username);
      await page.getByLabel('密码').fill(user.password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('button', { name: /退出登录/ }).waitFor();
    },
    async checkPage(page, name) {
      // fonts and transitions settle before the picture and the check; the pointer leaves whatever it last clicked, so that
      // the picture and the check see the page at rest (hover shades are themselves checked to meet contrast in the theme)
      await page.mouse.move(0, 0);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.evaluate(AXE_SOURCE);
      const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
        violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
      };
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (bad.length) {
        throw new Error(
          `${name}: accessibility violations\n` +
            bad
              .map(
                (v) =>
                  `  ${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
              )
              .join('\n'),
        );
      }
      if (problems.length) throw new Error(`${name}:\n  ${problems.splice(0).join('\n  ')}`);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await service.stop();
      await db.drop();
      if (problems.length) throw new Error(`after the last page checked:\n  ${problems.join('\n  ')}`);
    },
  };
}
