import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack, type Stack } from './harness.js';
import { farmer, importSuppliers, checkAtRest } from './officer-setup.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('an admin edits a rule, the what-if preview shows eligible before and after differ, and the change is saved', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id, { name: '2026 青贮季 what-if' }); // experience >= 3
  await importSuppliers(stack, ce.id, [
    farmer('MB-0201', '刘长海', { years_experience: '5' }),
    farmer('MB-0202', '陈淑芬', { years_experience: '12' }),
    farmer('MB-0203', '杨志强', { years_experience: '8' }),
  ]);
  const admin = await stack.user('ADMIN');

  const page = await stack.newPage();
  await stack.signIn(page, admin);
  await page.getByRole('link', { name: '项目设置' }).click();
  await page.getByRole('button', { name: `编辑 ${programme.name}` }).click();
  const drawer = page.getByRole('dialog');
  await checkAtRest(stack, page, 'admin-programme-editor');
  assert.equal(await drawer.getByLabel('第 1 条规则的值').inputValue(), '3');
  await drawer.getByLabel('第 1 条规则的值').fill('10');
  await drawer.getByRole('button', { name: '预览影响' }).click();
  const preview = drawer.getByRole('region', { name: '修改影响预览' });
  await preview.getByText('3 → 1').waitFor();
  // the chart: its picture, and a text a screen reader gives
  await preview.getByRole('img', { name: '符合准入户数由 3 变为 1，授信总额由 900000.00 元变为 300000.00 元' }).locator('svg').waitFor();
  assert.match(await preview.innerText(), /-600,000\.00/);
  await checkAtRest(stack, page, 'admin-what-if-preview');

  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await drawer.waitFor({ state: 'hidden' });
  const saved = await stack.admin.get<{ rulesetVersion: number; eligibilityRules: { name: string; value: unknown }[] }>(
    `/programmes/${programme.id}`,
  );
  assert.equal(saved.rulesetVersion, 2);
  assert.deepEqual(saved.eligibilityRules[0], { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 10 });
});

void test("the admin's users, API keys and audit pages, and the auditor's audit log", async () => {
  const ce = await stack.coreEnterprise('蒙北乳业集团 密钥');
  const admin = await stack.user('ADMIN');
  const page = await stack.newPage();
  await stack.signIn(page, admin);

  await page.getByRole('link', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('auditor.console');
  await dialog.getByLabel('角色').click();
  await page.getByTitle('审计员').click();
  await dialog.getByLabel('密码').fill('a-long-password-1');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByRole('button', { name: '停用 auditor.console' }).waitFor();
  await checkAtRest(stack, page, 'admin-users');

  await page.getByRole('link', { name: 'API 密钥' }).click();
  await page.getByLabel('核心企业').click();
  await page.getByTitle(ce.name).click();
  await page.getByRole('button', { name: '新建密钥' }).click();
  await page.getByRole('dialog').getByLabel('名称').fill('ERP 夜间同步');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.getByText('新密钥只显示这一次，请立即复制保存').waitFor();
  await page.getByRole('button', { name: '吊销 ERP 夜间同步' }).waitFor();
  await checkAtRest(stack, page, 'admin-api-keys');
  await page.getByRole('button', { name: /退出登录/ }).click();

  const auditor = { username: 'auditor.console', password: 'a-long-password-1' };
  await stack.signIn(page, auditor);
  await page.getByRole('link', { name: '审计日志' }).click();
  await page.getByLabel('操作').fill('API_KEY_CREATED');
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await page.getByRole('cell', { name: 'API_KEY_CREATED' }).first().waitFor();
  await checkAtRest(stack, page, 'audit-events');
});
