/** Data the officers' scenarios start from: a core enterprise, its programme, screened suppliers and their applications. */
import { csvFile, individual, type Row } from '../support/roster-files.js';
import type { Page } from 'playwright-core';
import type { Api, Stack } from './harness.js';

export interface Supplier {
  id: string;
  supplierCode: string;
  name: string;
}

/** Uploads a roster as the admin and waits until it is imported (and so screened against the active programmes). */
export async function importSuppliers(stack: Stack, coreEnterpriseId: string, rows: Row[]): Promise<Supplier[]> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(csvFile(rows))], { type: 'text/csv' }), 'roster.csv');
  const { importId } = await stack.admin.call<{ importId: string }>('POST', `/core-enterprises/${coreEnterpriseId}/rosters`, form);
  for (let i = 0; ; i++) {
    const imp = await stack.admin.get<{ status: string; rejectedRows: number }>(`/roster-imports/${importId}`);
    if (imp.status === 'COMPLETED' && imp.rejectedRows === 0) break;
    if (imp.status === 'COMPLETED' || imp.status === 'FAILED' || i > 240)
      throw new Error(`roster import ${importId}: ${JSON.stringify(imp)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const list = await stack.admin.get<{ items: Supplier[] }>(`/core-enterprises/${coreEnterpriseId}/suppliers?pageSize=500`);
  return rows.map((row) => list.items.find((s) => s.supplierCode === row.supplier_code)!);
}

/** A dairy farmer who passes the reference programme's rules; with a 100,000.00 monthly settlement their limit is 300,000.00. */
export const farmer = (code: string, name: string, overrides: Row = {}): Row =>
  individual(code, { name, avg_monthly_settlement: '100000.00', ...overrides });

export async function apply(clerk: Api, programmeId: string, supplierId: string, amount: string): Promise<string> {
  const loan = await clerk.post<{ id: string; status: string }>('/loan-applications', { programmeId, supplierId, amount, termDays: 180 });
  if (loan.status !== 'PENDING_REVIEW') throw new Error(`application for ${supplierId}: ${loan.status}`);
  return loan.id;
}

/**
 * The harness's page check with the pointer moved off the page first: after a click the pointer may
 * rest on a button that moved under it, and axe would read that button in its lighter hover colour.
 */
export async function checkAtRest(stack: Stack, page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await stack.checkPage(page, name);
}
