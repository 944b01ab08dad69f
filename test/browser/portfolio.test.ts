import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { csvText, individual } from '../support/roster-files.js';
import { startStack, waitUntil, type Stack } from './harness.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

void test('the portfolio dashboard shows exposure against the caps, disbursement per month and outstanding by classification and DPD', async () => {
  const ce = await stack.coreEnterprise();
  const programme = await stack.programme(ce.id);
  const clerk = await stack.user('ENTERPRISE', ce.id);
  const officer = await stack.user('OFFICER');
  const senior = await stack.user('SENIOR_OFFICER');
  const rows = Array.from({ length: 3 }, (_, i) => individual(`SUP-P-${String(i + 1).padStart(4, '0')}`));
  await clerk.api.importRoster(ce.id, csvText(rows));
  const eligible = await waitUntil('screening', async () => {
    const r = await clerk.api.get(`/programmes/${programme.id}/screening-results?eligible=true`);
    return r.total === 3 ? r.items : undefined;
  });
  const batch = await clerk.api.post(`/programmes/${programme.id}/loan-applications:batch`, {
    applications: eligible.map((s: any) => ({ supplierId: s.supplierId, amount: '80000.00', termDays: 180 })),
  });
  const ids = batch.results.map((r: any) => r.id as string);
  for (const id of ids) await officer.api.post(`/loan-applications/${id}/approve`, { comment: '材料齐全' });
  const created = await officer.api.post('/disbursement-batches', { programmeId: programme.id, loanApplicationIds: ids });
  await senior.api.post(`/disbursement-batches/${created.id}/approve`);
  await officer.api.post(`/disbursement-batches/${created.id}/execute`);
  await waitUntil('disbursement', async () => {
    const loans = await clerk.api.get(`/loan-applications?programmeId=${programme.id}&status=DISBURSED`);
    return loans.total === 3 ? loans : undefined;
  });

  const page = await stack.newPage();
  await stack.signIn(page, clerk);
  await page.getByRole('link', { name: '资产组合看板' }).click();
  await page.getByRole('heading', { name: '资产组合看板' }).waitFor();
  await page.getByText('240,000.00').first().waitFor();
  await page.getByText('项目额度占用：240,000.00 / 100,000,000.00 元（0.24%）').waitFor();
  // each chart drew on its canvas, and says what it shows to a screen reader
  await page.locator('canvas').nth(3).waitFor();
  const month = new Date().toISOString().slice(0, 7);
  assert.ok(await page.getByRole('img', { name: new RegExp(`${month}: 3`) }).isVisible());
  assert.ok(await page.getByRole('img', { name: /正常: 3/ }).isVisible());
  await stack.checkPage(page, 'portfolio');
});
