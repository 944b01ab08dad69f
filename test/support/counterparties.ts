import { bankCard, mobile, residentId } from './ids.js';
import { waitForImport } from './rosters.js';
import type { TestApp } from './test-app.js';

/** A roster of any schema as UTF-8 CSV: the identity columns, then the given attribute columns. */
export function counterpartyCsv(rows: Record<string, string | number>[], attributeHeaders: string[]): Buffer {
  const identity = ['supplier_code', 'supplier_type', 'name', 'id_number', 'phone', 'bank_account', 'bank_name', 'province'];
  const header = [...identity, ...attributeHeaders];
  const lines = rows.map((r, i) =>
    header
      .map((h, j) => {
        const given = r[h];
        if (given !== undefined) return String(given);
        if (j >= identity.length) return '';
        const defaults: Record<string, string> = {
          supplier_type: 'INDIVIDUAL',
          name: `经销商${i + 1}`,
          id_number: residentId('1982-03-04'),
          phone: mobile(),
          bank_account: bankCard(),
          bank_name: '中国工商银行',
          province: '内蒙古',
        };
        return defaults[h];
      })
      .join(','),
  );
  return Buffer.from([header.join(','), ...lines].join('\n') + '\n', 'utf8');
}

export const DEALER_HEADERS = ['年进货额', '合作年限', '门店数', '近12月订单数'];

/** A dealer row: the DEALER template's attributes by their Chinese headers. */
export function dealerRow(code: string, over: Partial<Record<'purchases' | 'years' | 'outlets' | 'orders', string | number>> = {}) {
  return {
    supplier_code: code,
    年进货额: over.purchases ?? '1200000.00',
    合作年限: over.years ?? '3',
    门店数: over.outlets ?? 4,
    近12月订单数: over.orders ?? 18,
  };
}

export const FORWARDER_HEADERS = ['月均票数', '近12月报关单数', '近12月纳税额', '纳税信用等级', '成立年限'];

export function forwarderRow(
  code: string,
  over: Partial<Record<'shipments' | 'declarations' | 'tax' | 'grade' | 'years', string | number>> = {},
) {
  return {
    supplier_code: code,
    月均票数: over.shipments ?? 300,
    近12月报关单数: over.declarations ?? 240,
    近12月纳税额: over.tax ?? '180000.00',
    纳税信用等级: over.grade ?? 'A',
    成立年限: over.years ?? '6',
  };
}

/** Uploads a roster of a role and waits for its import. */
export async function importCounterparties(
  t: TestApp,
  coreEnterpriseId: string,
  csv: Buffer,
  role: 'SUPPLIER' | 'DEALER',
  auth = t.admin.auth,
) {
  const res = await t
    .http()
    .post(`/core-enterprises/${coreEnterpriseId}/rosters`)
    .set(auth)
    .field('role', role)
    .attach('file', csv, 'roster.csv');
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForImport(t, res.body.importId, auth);
}
