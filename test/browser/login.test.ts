import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack, type Stack } from './harness.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('a wrong password is refused on the login page, in Chinese', async () => {
  const page = await stack.newPage();
  await page.goto(`${stack.url}/console/`);
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await stack.checkPage(page, 'login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
});

void test('a clerk signs in, sees the menu of the role, switches to English and back, and signs out', async () => {
  const ce = await stack.coreEnterprise();
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const page = await stack.newPage();
  await stack.signIn(page, clerk);
  assert.match(await page.locator('header').innerText(), /核心企业经办/);
  await stack.checkPage(page, 'welcome');

  await page.getByLabel('语言').click();
  await page.getByTitle('English').click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await stack.checkPage(page, 'welcome-en');
  // the choice is remembered across a reload
  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByLabel('Language').click();
  await page.getByTitle('简体中文').click();

  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
  // the token is gone: a deep link goes to the login page
  await page.goto(`${stack.url}/console/welcome`);
  await page.getByRole('heading', { name: '登录' }).waitFor();
});

void test('a revoked session brings the login page back, saying why', async () => {
  const ce = await stack.coreEnterprise();
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const page = await stack.newPage();
  await stack.signIn(page, clerk);
  await stack.admin.post(`/users/${clerk.id}/revoke-tokens`);
  await page.getByRole('link', { name: '供应商与经销商' }).click();
  await page.getByRole('alert').filter({ hasText: '登录已过期，请重新登录' }).waitFor();
  await stack.signIn(page, clerk);
});

void test('the bank staff choose the core enterprise whose data they look at', async () => {
  const ce = await stack.coreEnterprise('草原乳业集团');
  const officer = await stack.user('OFFICER');
  const page = await stack.newPage();
  await stack.signIn(page, officer);
  // an officer does not upload rosters
  assert.equal(await page.getByRole('link', { name: '花名册导入' }).count(), 0);
  await page.getByRole('link', { name: '供应商与经销商' }).click();
  await page.getByText('请先选择核心企业').waitFor();
  await page.getByLabel('核心企业').click();
  await page.getByTitle('草原乳业集团').click();
  await page.locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor();
  assert.match(page.url(), new RegExp(`ce=${ce.id}`));
  await stack.checkPage(page, 'staff-counterparties');
});
