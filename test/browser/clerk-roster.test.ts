import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { csvText, individual, withBadCheck } from '../support/roster-files.js';
import { residentId } from '../support/ids.js';
import { dropFile, startStack, type Stack } from './harness.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('a clerk drops a roster with errors, follows its progress and sees and downloads the row-level errors', async () => {
  const ce = await stack.coreEnterprise();
  await stack.programme(ce.id);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const rows = Array.from({ length: 40 }, (_, i) => individual(`SUP-B-${String(i + 1).padStart(4, '0')}`));
  rows[2] = { ...rows[2], id_number: withBadCheck(residentId('1980-05-17')) };
  rows[5] = { ...rows[5], supplier_type: 'FARMER?' };
  rows[9] = { ...rows[9], name: '' };

  const page = await stack.newPage();
  await stack.signIn(page, clerk);
  await page.getByRole('link', { name: '花名册导入' }).click();
  await page.getByRole('heading', { name: '花名册导入' }).waitFor();
  await dropFile(page, '.ant-upload-drag .ant-upload-btn', 'roster.csv', csvText(rows));

  // the bytes went up, then the rows were processed
  await page.getByText('正在上传').waitFor();
  await page.getByText('已完成').first().waitFor({ timeout: 30_000 });
  await page.getByText('已处理 40 / 40 行').waitFor();
  const report = page.locator('.ant-card').filter({ hasText: '行级错误报告' }).last();
  await report.getByText('共 3 个问题').waitFor();
  const text = await report.innerText();
  // rows as a spreadsheet numbers them (header = 1), columns and problems in Chinese
  assert.match(text, /4\s+SUP-B-0003\s+证件号码\s+证件号码校验位不正确/);
  assert.match(text, /7\s+SUP-B-0006\s+主体类型\s+主体类型无法识别/);
  assert.match(text, /11\s+SUP-B-0010\s+名称\s+必填项为空/);
  await stack.checkPage(page, 'clerk-rosters');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载错误报告/ }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  assert.match(download.suggestedFilename(), /\.csv$/);
  assert.match(csv, /SUP-B-0003/);
  assert.match(csv, /SUP-B-0010/);

  // the import is in the history, and the accepted rows are the core enterprise's suppliers now
  await page.getByRole('link', { name: '供应商与经销商' }).click();
  await page.getByText('共 37 条').waitFor();
});
