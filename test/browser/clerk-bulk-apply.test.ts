import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { csvText, individual } from '../support/roster-files.js';
import { startStack, waitUntil, type Stack } from './harness.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('a clerk finds suppliers, reads why one is not eligible, applies in bulk for eligible ones and follows the applications', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const rows = Array.from({ length: 12 }, (_, i) => individual(`SUP-A-${String(i + 1).padStart(4, '0')}`, { name: `王芳${i + 1}` }));
  rows[0] = { ...rows[0], years_experience: '1', name: '李新手' };
  await clerk.api.importRoster(ce.id, csvText(rows));
  await waitUntil('screening', async () => {
    const r = await clerk.api.get(`/programmes/${programme.id}/screening-results?pageSize=1`);
    return r.total === 12 ? r : undefined;
  });

  const page = await stack.newPage();
  await stack.signIn(page, clerk);

  // counterparties: search, masked identifiers, one supplier's rules
  await page.getByRole('link', { name: '供应商与经销商' }).click();
  await page.getByText('共 12 条').waitFor();
  await page.getByRole('searchbox', { name: '按编号或名称搜索' }).fill('李新手');
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await page.getByText('共 1 条').waitFor();
  assert.match(await page.locator('.ant-table-tbody').innerText(), /\d{6}\*{8}\d{3}[\dX]/);
  await stack.checkPage(page, 'clerk-counterparties');
  await page.getByRole('link', { name: 'SUP-A-0001' }).click();
  await page.getByText('不准入').waitFor();
  const rules = await page.locator('.ant-table').last().innerText();
  assert.match(rules, /experience\s+养殖年限\s+1(\.00)?\s+≥ 3\s+未通过/);
  assert.match(rules, /herd\s+存栏数\s+120\s+10 至 5000\s+通过/);
  await stack.checkPage(page, 'clerk-counterparty');

  // eligibility: the ineligible one cannot be chosen; two eligible ones are applied for in bulk
  await page.getByRole('link', { name: '准入结果与批量申请' }).click();
  await page.getByText('共 12 条').waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'SUP-A-0001' }).isDisabled(), true);
  await page.getByRole('checkbox', { name: 'SUP-A-0002' }).check();
  await page.getByRole('checkbox', { name: 'SUP-A-0003' }).check();
  await page.getByText('已选 2 家').waitFor();
  await page.getByLabel('每笔金额（元）').fill('50000');
  await page.getByLabel('期限（天）').fill('180');
  await stack.checkPage(page, 'clerk-eligibility');
  await page.getByRole('button', { name: '批量申请' }).click();
  await page.getByRole('dialog').getByText('为 2 家供应商各申请 50,000 元、期限 180 天？').waitFor();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.getByText('成功 2 笔').waitFor();
  await stack.checkPage(page, 'clerk-bulk-apply-results');

  // the applications are there, pending review, with their history and screening
  await page.getByRole('link', { name: '贷款申请与贷款' }).click();
  await page.getByText('共 2 条').waitFor();
  assert.equal(await page.getByText('待审批').count(), 2);
  await stack.checkPage(page, 'clerk-applications');
  await page.locator('.ant-table-tbody a').first().click();
  await page.getByRole('heading', { name: '申请详情' }).waitFor();
  await page.getByText('50,000.00').waitFor();
  await page.getByText('放款后可查看账单').waitFor();
  // the screening it was judged on, rule by rule
  assert.match(await page.getByRole('main').innerText(), /experience\s+养殖年限\s+8(\.00)?\s+≥ 3\s+通过/);
  await stack.checkPage(page, 'clerk-application');

  const loans = await clerk.api.get(`/loan-applications?programmeId=${programme.id}`);
  assert.deepEqual(loans.items.map((l: any) => l.supplier.supplierCode).sort(), ['SUP-A-0002', 'SUP-A-0003']);
});
