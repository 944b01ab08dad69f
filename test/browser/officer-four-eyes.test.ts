import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack, type Stack } from './harness.js';
import { apply, farmer, importSuppliers, checkAtRest } from './officer-setup.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('an officer and a senior officer complete a four-eyes approval; the same senior cannot give both', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id); // four eyes above 200,000.00
  const [big, other] = await importSuppliers(stack, ce.id, [farmer('MB-0001', '王建国'), farmer('MB-0002', '李秀英')]);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  await apply(clerk.api, programme.id, big.id, '250000.00');
  await apply(clerk.api, programme.id, other.id, '260000.00');
  const officer = await stack.user('OFFICER');
  const senior = await stack.user('SENIOR_OFFICER');

  // the officer gives the first approval
  const page = await stack.newPage();
  await stack.signIn(page, officer);
  await page.getByRole('link', { name: '待审批队列' }).click();
  await page.getByRole('button', { name: '详情 王建国' }).waitFor();
  await checkAtRest(stack, page, 'officer-queue');
  await page.getByRole('button', { name: '详情 王建国' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('cell', { name: 'experience', exact: true }).waitFor();
  assert.match(await drawer.innerText(), /300,000\.00/); // the credit limit next to the screening
  await checkAtRest(stack, page, 'officer-loan-drawer');
  await drawer.getByRole('button', { name: /^批\s*准$/ }).click();
  await drawer.getByText(`${officer.username} 于`).waitFor();
  await drawer.getByText(`须由 ${officer.username} 以外的高级信贷专员复核`).waitFor();
  // an officer may not give the second approval: the service's problem is shown as it answers
  await drawer.getByRole('button', { name: '复核批准' }).click();
  await drawer.getByRole('alert').filter({ hasText: 'FOUR_EYES_SENIOR_REQUIRED' }).waitFor();
  await page.close();

  // a senior officer gives the second; the page shows both
  const seniorPage = await stack.newPage();
  await stack.signIn(seniorPage, senior);
  await seniorPage.goto(`${stack.url}/console/officer/queue`);
  await seniorPage.getByRole('button', { name: '详情 王建国' }).click();
  const seniorDrawer = seniorPage.getByRole('dialog');
  await seniorDrawer.getByText(`${officer.username} 于`).waitFor();
  await seniorDrawer.getByRole('button', { name: '复核批准' }).click();
  await seniorDrawer.getByText(`${senior.username} 于`).waitFor();
  await seniorDrawer.getByText('已批准').first().waitFor();
  const text = await seniorDrawer.innerText();
  assert.match(text, new RegExp(`${officer.username} 于`));
  assert.match(text, new RegExp(`${senior.username} 于`));
  await checkAtRest(stack, seniorPage, 'officer-four-eyes-approved');
  await seniorDrawer.getByRole('button', { name: /close|关闭/i }).click();

  // the same senior gives a first approval, then may not give the second: 409 with its detail
  await seniorPage.getByRole('button', { name: '详情 李秀英' }).click();
  await seniorDrawer.getByRole('button', { name: /^批\s*准$/ }).click();
  await seniorDrawer.getByText('您已给出初审意见，复核须由另一位高级信贷专员完成').waitFor();
  await seniorDrawer.getByRole('button', { name: '复核批准' }).click();
  await seniorDrawer.getByRole('alert').filter({ hasText: 'FOUR_EYES_SAME_APPROVER' }).waitFor();
  assert.match(await seniorDrawer.getByRole('alert').filter({ hasText: 'FOUR_EYES_SAME_APPROVER' }).innerText(), /another senior officer/);
  await checkAtRest(stack, seniorPage, 'officer-four-eyes-same-approver');
});

void test('an officer blacklists a supplier from the drawer with a reason, its screening fails on it, and the application is rejected with a reason', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id);
  const [supplier] = await importSuppliers(stack, ce.id, [farmer('MB-0301', '吴国庆')]);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  await apply(clerk.api, programme.id, supplier.id, '80000.00');
  const officer = await stack.user('OFFICER');

  const page = await stack.newPage();
  await stack.signIn(page, officer);
  await page.goto(`${stack.url}/console/officer/queue`);
  await page.getByLabel('按供应商名称或编号筛选').fill('MB-0301');
  await page.getByRole('button', { name: '详情 吴国庆' }).click();
  const drawer = page.getByRole('dialog', { name: '贷款申请详情' });
  await drawer.getByRole('button', { name: '加入黑名单' }).click();
  const reason = page.getByRole('dialog', { name: '加入黑名单' });
  // a reason is required
  await reason.getByRole('button', { name: /确\s*定/ }).click();
  await reason.getByText('请填写原因').waitFor();
  await reason.getByLabel('原因').fill('核心企业通报：虚报存栏');
  await reason.getByRole('button', { name: /确\s*定/ }).click();
  await drawer.getByText('黑名单', { exact: true }).waitFor();
  await drawer.getByText('不符合准入', { exact: true }).waitFor({ timeout: 30_000 });
  await checkAtRest(stack, page, 'officer-blacklisted');

  // rejected with a reason, the application leaves the queue
  await drawer.getByRole('button', { name: /^拒\s*绝$/ }).click();
  const rejecting = page.getByRole('dialog', { name: '拒绝' });
  await rejecting.getByLabel('原因').fill('供应商已列入黑名单');
  await rejecting.getByRole('button', { name: /^拒\s*绝$/ }).click();
  await drawer.getByText('已拒绝').first().waitFor();
  await drawer.getByText('供应商已列入黑名单', { exact: false }).waitFor();
  const audit = await stack.admin.get<{ items: { action: string; after: { reason?: string } }[] }>(`/audit-events?entityId=${supplier.id}`);
  assert.ok(audit.items.some((e) => JSON.stringify(e).includes('核心企业通报：虚报存栏')));
});

void test('the queue renders 500 applications oldest first, drawing only the rows in sight', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id);
  const codes = Array.from({ length: 500 }, (_, i) => `MQ-${String(i + 1).padStart(4, '0')}`);
  const suppliers = await importSuppliers(
    stack,
    ce.id,
    codes.map((code) => farmer(code, `牧户${code.slice(-4)}`)),
  );
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const { results } = await clerk.api.post<{ results: { status?: string }[] }>(`/programmes/${programme.id}/loan-applications:batch`, {
    applications: suppliers.map((s) => ({ supplierId: s.id, amount: '50000.00', termDays: 180 })),
  });
  assert.equal(results.filter((r) => r.status === 'PENDING_REVIEW').length, 500);
  const officer = await stack.user('OFFICER');
  const queued = (status: string) => officer.api.get<{ total: number }>(`/loan-applications?status=${status}&pageSize=1`);
  const total = (await queued('PENDING_REVIEW')).total + (await queued('PENDING_SECOND_APPROVAL')).total;
  assert.ok(total >= 500);

  const page = await stack.newPage();
  await stack.signIn(page, officer);
  await page.goto(`${stack.url}/console/officer/queue`);
  await page.getByText(`共 ${total} 条`).waitFor();
  await page.getByRole('button', { name: '详情 牧户0001' }).waitFor();
  const drawn = await page.locator('.ant-table-tbody-virtual .ant-table-row').count();
  assert.ok(drawn > 0 && drawn < 60, `${drawn} rows drawn for ${total}`);
  // to the end of the queue: the newest application comes last
  await page.locator('.ant-table-tbody-virtual-holder').hover();
  for (let i = 0; i < 60 && !(await page.getByRole('button', { name: '详情 牧户0500' }).isVisible()); i++) await page.mouse.wheel(0, 2000);
  await page.getByRole('button', { name: '详情 牧户0500' }).waitFor();
  await checkAtRest(stack, page, 'officer-queue-500');
});
