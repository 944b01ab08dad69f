import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildPain002 } from '../../src/disbursements/iso20022/pain002.js';
import { startStack, type Stack } from './harness.js';
import { apply, farmer, importSuppliers, checkAtRest } from './officer-setup.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('an officer makes a batch, a senior officer approves and executes it, and its items show paid', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id, { name: '2026 青贮季 接口' });
  const suppliers = await importSuppliers(stack, ce.id, [
    farmer('MB-0101', '赵德明'),
    farmer('MB-0102', '孙桂兰'),
    farmer('MB-0103', '周海军'),
  ]);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const officer = await stack.user('OFFICER');
  const senior = await stack.user('SENIOR_OFFICER');
  for (const s of suppliers) {
    const id = await apply(clerk.api, programme.id, s.id, '120000.00');
    await officer.api.post(`/loan-applications/${id}/approve`);
  }

  // the maker
  const page = await stack.newPage();
  await stack.signIn(page, officer);
  await page.getByRole('link', { name: '放款批次' }).click();
  await page.getByLabel('项目').click();
  await page.getByTitle(programme.name).click();
  await page.getByRole('button', { name: '创建批次' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('草稿').waitFor();
  await drawer.getByText('批次须由经办人以外的高级信贷专员复核').waitFor();
  assert.equal(await drawer.getByRole('button', { name: '复核通过' }).count(), 0); // an officer is no checker
  assert.match(await drawer.innerText(), /360,000\.00/);
  await checkAtRest(stack, page, 'officer-batch-draft');
  await page.close();

  // the checker approves, then executes; progress follows the payments until every item is paid
  const seniorPage = await stack.newPage();
  await stack.signIn(seniorPage, senior);
  await seniorPage.goto(`${stack.url}/console/officer/batches`);
  await seniorPage.getByRole('button', { name: `详情 ${programme.name}` }).click();
  const seniorDrawer = seniorPage.getByRole('dialog');
  await seniorDrawer.getByRole('button', { name: '复核通过' }).click();
  await seniorDrawer.getByText(`${senior.username} ·`).waitFor();
  await seniorDrawer.getByRole('button', { name: '执行放款' }).click();
  await seniorDrawer.getByText('已付 3 笔，失败 0 笔，共 3 笔').waitFor({ timeout: 60_000 });
  await seniorDrawer.getByText('已完成').first().waitFor();
  assert.equal(await seniorDrawer.getByRole('cell', { name: '已付' }).count(), 3);
  assert.equal(await seniorDrawer.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  await checkAtRest(stack, seniorPage, 'officer-batch-completed');

  // the pain.001 file of the batch downloads
  const download = seniorPage.waitForEvent('download');
  await seniorDrawer.getByRole('button', { name: /下载 pain\.001/ }).click();
  assert.match((await download).suggestedFilename(), /\.pain\.001\.001\.09\.xml$/);
});

void test('a batch sent as a file is settled by the pain.002 report another officer uploads', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id, { name: '2026 青贮季 文件' });
  const suppliers = await importSuppliers(stack, ce.id, [farmer('MB-0111', '钱玉梅'), farmer('MB-0112', '郑大勇')]);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const officer = await stack.user('OFFICER');
  const senior = await stack.user('SENIOR_OFFICER');
  const reader = await stack.user('OFFICER');
  for (const s of suppliers) {
    const id = await apply(clerk.api, programme.id, s.id, '90000.00');
    await officer.api.post(`/loan-applications/${id}/approve`);
  }
  const made = await officer.api.post<{ id: string }>('/disbursement-batches', { programmeId: programme.id });
  await senior.api.post(`/disbursement-batches/${made.id}/approve`);

  const seniorPage = await stack.newPage();
  await stack.signIn(seniorPage, senior);
  await seniorPage.goto(`${stack.url}/console/officer/batches`);
  await seniorPage.getByRole('button', { name: `详情 ${programme.name}` }).click();
  await seniorPage.getByRole('dialog').getByRole('button', { name: '以文件方式发送' }).click();
  await seniorPage.getByRole('dialog').getByText('执行中').first().waitFor();
  await seniorPage.close();

  // the bank's report, read by an officer who neither made the batch nor sent it
  const batch = await reader.api.get<{ messageId: string; items: { endToEndId: string }[] }>(`/disbursement-batches/${made.id}`);
  const xml = buildPain002({
    messageId: `BANKRPT${Date.now()}`,
    createdAt: new Date(),
    originalMessageId: batch.messageId,
    originalMessageType: 'pain.001.001.09',
    originalPaymentInformationId: `${batch.messageId}-1`,
    transactions: batch.items.map((i) => ({ endToEndId: i.endToEndId, status: 'ACSC' })),
  });
  const page = await stack.newPage();
  await stack.signIn(page, reader);
  await page.goto(`${stack.url}/console/officer/batches`);
  await page.getByRole('button', { name: `详情 ${programme.name}` }).click();
  const drawer = page.getByRole('dialog');
  await drawer.locator('input[type=file]').setInputFiles({ name: 'pain.002.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await drawer.getByText('已读取 2 笔回执：成功 2 笔，失败 0 笔').waitFor();
  await drawer.getByText('已付 2 笔，失败 0 笔，共 2 笔').waitFor();
  await drawer.getByText('已完成').first().waitFor();
  await checkAtRest(stack, page, 'officer-batch-pain002');
});
