import { buildPain002 } from '../src/disbursements/iso20022/pain002.js';
import { DisbursementExecutor } from '../src/disbursements/disbursement-executor.js';
import { xsdErrors } from '../src/disbursements/iso20022/xsd-validate.spec-helper.js';
import { approvedBatch, approvedLoans, bankTransfers, executeAndWait, lendingSetup, loanStatus, sumFen, type LendingSetup } from './support/disbursements.js';
import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const ENTITY_USCC = '91350100M000100Y43'; // what insertSuppliers gives an ENTITY supplier

function texts(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`, 'g'))].map((m) => m[1]);
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

let reportSeq = 0;
function report(originalMessageId: string, transactions: { endToEndId: string; status: string; reasonCode?: string; reasonText?: string }[], extra: { groupStatus?: string } = {}): string {
  return buildPain002({
    messageId: `BANKRPT${Date.now()}${++reportSeq}`,
    createdAt: new Date(),
    originalMessageId,
    originalMessageType: 'pain.001.001.09',
    originalPaymentInformationId: `${originalMessageId}-1`,
    transactions,
    ...extra,
  });
}

describe('disbursement files: pain.001 out, pain.002 back', () => {
  let t: TestApp;
  let s: LendingSetup;

  beforeAll(async () => {
    t = await createTestApp();
    s = await lendingSetup(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const postXml = (batchId: string, xml: string, auth = s.officer.auth, type = 'application/xml') =>
    t.http().post(`/disbursement-batches/${batchId}/status-report`).set(auth).set('Content-Type', type).send(xml);

  it('exports a batch as a schema-valid pain.001.001.09 with every payment and no identity numbers', async () => {
    const amounts = ['10000.10', '20000.20', '30000.30', '99999.99', '12345.06'];
    const loans = await approvedLoans(t, s, amounts, [
      { name: '张三 & 李四 <合作社>' },
      { name: "O'Brien \"Dairy\"" },
      {},
      { supplierType: 'ENTITY', name: '呼和浩特市某某奶牛养殖专业合作社' },
      { name: '王五' },
    ]);
    const batch = await approvedBatch(t, s, loans.map((l) => l.loanId));
    expect(batch.totals.amount).toBe(sumFen(amounts));

    const res = await t.http().get(`/disbursement-batches/${batch.id}/pain001`).set(s.officer.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.headers['content-disposition']).toContain(`${batch.messageId}.pain.001.001.09.xml`);
    const xml = res.text;

    expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"');
    expect(texts(xml, 'MsgId')).toEqual([batch.messageId]);
    expect(texts(xml, 'NbOfTxs')).toEqual(['5', '5']);
    expect(texts(xml, 'CtrlSum')).toEqual([batch.totals.amount, batch.totals.amount]);

    const blocks = xml.split('<CdtTrfTxInf>').slice(1);
    expect(blocks).toHaveLength(5);
    const seen = new Map<string, string>();
    for (const block of blocks) {
      const [e2e] = texts(block, 'EndToEndId');
      const [ustrd] = texts(block, 'Ustrd');
      const item = batch.items.find((i: any) => i.endToEndId === e2e);
      expect(item).toBeDefined();
      expect(ustrd).toBe(item.loanApplicationId);
      const loan = loans.find((l) => l.loanId === ustrd)!;
      expect(block).toContain(`<InstdAmt Ccy="CNY">${loan.amount}</InstdAmt>`);
      // the bank pays by account: the file carries it in full (the API only ever shows it masked)
      expect(block).toContain(`<CdtrAcct><Id><Othr><Id>${loan.bankAccount}</Id></Othr></Id></CdtrAcct>`);
      expect(unescape(texts(block, 'Nm').at(-1)!)).toBe(item.creditorName);
      seen.set(e2e, ustrd);
    }
    expect([...seen.keys()].sort()).toEqual(batch.items.map((i: any) => i.endToEndId).sort());
    expect([...seen.values()].sort()).toEqual(loans.map((l) => l.loanId).sort());
    expect(xml).toContain('&amp;');
    expect(xml).toContain('&lt;合作社&gt;');

    for (const l of loans) expect(xml).not.toContain(l.idNumber);
    expect(xml).not.toContain(ENTITY_USCC);
    // nor their masked forms: no identity number field at all
    for (const l of loans) expect(xml).not.toContain(l.idNumber.slice(0, 6) + '*');

    // the export changes nothing: the batch is still APPROVED, no item sent
    const after = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(after.body.status).toBe('APPROVED');
    expect(after.body.channel).toBeNull();
    expect(after.body.counts.pending).toBe(5);
  });

  it('settles and fails a file-channel batch from a pain.002 report; reading it again changes nothing', async () => {
    const loans = await approvedLoans(t, s, ['10000.10', '20000.20', '30000.30', '40000.40']);
    const batch = await approvedBatch(t, s, loans.map((l) => l.loanId));
    const pain = await t.http().get(`/disbursement-batches/${batch.id}/pain001`).set(s.officer.auth);
    expect(pain.status).toBe(200);
    const e2e = texts(pain.text, 'EndToEndId');
    const loanOf = (id: string) => batch.items.find((i: any) => i.endToEndId === id).loanApplicationId as string;
    const [ok1, ok2, accepted, rejected] = e2e;
    const stranger = 'CLNOTINTHISBATCH0000000000000001';

    const xml = report(batch.messageId, [
      { endToEndId: ok1, status: 'ACSC' },
      { endToEndId: ok2, status: 'ACSC' },
      { endToEndId: accepted, status: 'ACCP' },
      { endToEndId: rejected, status: 'RJCT', reasonCode: 'AC01', reasonText: 'Account number invalid' },
      { endToEndId: stranger, status: 'ACSC' },
    ]);
    expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);

    const first = await postXml(batch.id, xml);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      batchId: batch.id,
      messageId: expect.stringMatching(/^BANKRPT/),
      transactions: 5,
      settled: 3,
      failed: 1,
      unchanged: 0,
      pending: 0,
      unknown: [stranger],
      conflicts: [],
      batchStatus: 'PARTIALLY_FAILED',
    });

    const view = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(view.body.status).toBe('PARTIALLY_FAILED');
    expect(view.body.channel).toBe('FILE');
    expect(view.body.counts).toEqual({ items: 4, pending: 0, sent: 0, settled: 3, failed: 1 });
    const refusedAmount = loans.find((l) => l.loanId === loanOf(rejected))!.amount;
    const paidAmounts = loans.filter((l) => l.loanId !== loanOf(rejected)).map((l) => l.amount);
    expect(view.body.totals).toEqual({ amount: '100001.00', settled: sumFen(paidAmounts), failed: refusedAmount, outstanding: '0.00' });
    const failedItem = view.body.items.find((i: any) => i.endToEndId === rejected);
    expect(failedItem).toEqual(expect.objectContaining({ status: 'FAILED', failureCode: 'AC01', failureReason: 'Account number invalid' }));

    for (const id of [ok1, ok2, accepted]) {
      const l = await t.http().get(`/loan-applications/${loanOf(id)}`).set(s.officer.auth);
      expect(l.body.status).toBe('DISBURSED');
      expect(l.body.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(await loanStatus(t, loanOf(rejected))).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: false }));
    // paid by file: nothing went through the API channel
    expect(await bankTransfers(t, loans.map((l) => l.loanId))).toEqual([]);

    const again = await postXml(batch.id, xml);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(expect.objectContaining({ transactions: 5, settled: 0, failed: 0, unchanged: 4, pending: 0, unknown: [stranger], conflicts: [], batchStatus: 'PARTIALLY_FAILED' }));
    const same = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(same.body.counts).toEqual(view.body.counts);
    expect(same.body.items).toEqual(view.body.items);

    // a report contradicting final items is listed and changes nothing
    const contra = await postXml(batch.id, report(batch.messageId, [
      { endToEndId: ok1, status: 'RJCT', reasonCode: 'AM04' },
      { endToEndId: rejected, status: 'ACSC' },
    ]));
    expect(contra.status).toBe(200);
    expect(contra.body).toEqual(expect.objectContaining({ settled: 0, failed: 0, unchanged: 0 }));
    expect(contra.body.conflicts).toEqual(
      expect.arrayContaining([
        { endToEndId: ok1, itemStatus: 'SETTLED', reported: 'RJCT' },
        { endToEndId: rejected, itemStatus: 'FAILED', reported: 'ACSC' },
      ]),
    );
    expect(contra.body.conflicts).toHaveLength(2);
    expect((await loanStatus(t, loanOf(ok1))).status).toBe('DISBURSED');
    expect((await loanStatus(t, loanOf(rejected))).status).toBe('APPROVED');

    // the API executor never drives a FILE batch: executing it now answers it as it stands
    const exec = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
    expect(exec.status).toBe(202);
    expect(exec.body.status).toBe('PARTIALLY_FAILED');
    expect(exec.body.channel).toBe('FILE');
    expect(await bankTransfers(t, loans.map((l) => l.loanId))).toEqual([]);
  });

  it('takes a report as a multipart file, leaves unsettled items SENT, and is not driven by the API executor meanwhile', async () => {
    const loans = await approvedLoans(t, s, ['15000.15', '25000.25', '35000.35']);
    const batch = await approvedBatch(t, s, loans.map((l) => l.loanId));
    const [a, b] = batch.items.map((i: any) => i.endToEndId as string);

    const part = await t
      .http()
      .post(`/disbursement-batches/${batch.id}/status-report`)
      .set(s.senior.auth)
      .attach('file', Buffer.from(report(batch.messageId, [{ endToEndId: a, status: 'ACSC' }, { endToEndId: b, status: 'PDNG' }])), { filename: 'report.xml', contentType: 'application/xml' });
    expect(part.status).toBe(200);
    expect(part.body).toEqual(expect.objectContaining({ transactions: 2, settled: 1, failed: 0, unchanged: 0, pending: 1, unknown: [], conflicts: [], batchStatus: 'EXECUTING' }));

    const mid = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(mid.body.channel).toBe('FILE');
    expect(mid.body.counts).toEqual({ items: 3, pending: 0, sent: 2, settled: 1, failed: 0 });
    expect(mid.body.totals).toEqual({ amount: '75000.75', settled: '15000.15', failed: '0.00', outstanding: '60000.60' });
    for (const i of mid.body.items.filter((x: any) => x.status === 'SENT')) {
      expect(await loanStatus(t, i.loanApplicationId)).toEqual(expect.objectContaining({ status: 'DISBURSING' }));
    }
    // an EXECUTING FILE batch without a lease is no orphan of the API executor
    expect(await t.app.get(DisbursementExecutor).resumeOrphans()).toBe(0);
    await t.app.get(DisbursementExecutor).drive(batch.id);
    const exec = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
    expect(exec.status).toBe(202);
    expect(exec.body.counts.sent).toBe(2);
    expect(await bankTransfers(t, loans.map((l) => l.loanId))).toEqual([]);

    // the rest arrives as a group status with text/xml
    const rest = await postXml(batch.id, report(batch.messageId, [{ endToEndId: a, status: 'ACSC' }], { groupStatus: 'ACSC' }), s.officer.auth, 'text/xml');
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(expect.objectContaining({ transactions: 1, settled: 2, unchanged: 1, failed: 0, batchStatus: 'COMPLETED' }));
    const done = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(done.body.status).toBe('COMPLETED');
    expect(done.body.totals.settled).toBe('75000.75');
    for (const l of loans) expect((await loanStatus(t, l.loanId)).status).toBe('DISBURSED');
  });

  it('refuses unreadable reports (400), reports of another batch (422) and reports for a DRAFT (409), changing nothing', async () => {
    const loans = await approvedLoans(t, s, ['10000.00', '10000.01']);
    const draft = await t.http().post('/disbursement-batches').set(s.officer.auth).send({ programmeId: s.programme.id, loanApplicationIds: [loans[1].loanId] });
    expect(draft.status).toBe(201);
    const batch = await approvedBatch(t, s, [loans[0].loanId]);
    const e2e = batch.items[0].endToEndId as string;

    const unreadable: [string, string, string][] = [
      ['not XML at all', 'this is not <xml', 'application/xml'],
      ['a truncated document', report(batch.messageId, [{ endToEndId: e2e, status: 'ACSC' }]).slice(0, 200), 'application/xml'],
      ['a DOCTYPE with entities', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt/></Document>`, 'application/xml'],
      ['another message type', `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>`, 'application/xml'],
      ['an older pain.002', report(batch.messageId, [{ endToEndId: e2e, status: 'ACSC' }]).replace('pain.002.001.10', 'pain.002.001.03'), 'application/xml'],
    ];
    for (const [what, body, type] of unreadable) {
      const res = await postXml(batch.id, body, s.officer.auth, type);
      if (res.status !== 400) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      expectProblem(res, 400, 'STATUS_REPORT_INVALID');
    }
    const empty = await t.http().post(`/disbursement-batches/${batch.id}/status-report`).set(s.officer.auth);
    expectProblem(empty, 400, 'STATUS_REPORT_INVALID');
    const json = await t.http().post(`/disbursement-batches/${batch.id}/status-report`).set(s.officer.auth).send({ xml: 'nope' });
    expectProblem(json, 400, 'STATUS_REPORT_INVALID');
    const noFile = await t.http().post(`/disbursement-batches/${batch.id}/status-report`).set(s.officer.auth).field('note', 'no file here');
    expectProblem(noFile, 400, 'STATUS_REPORT_INVALID');

    const other = await postXml(batch.id, report('CLBSOMEOTHERBATCH', [{ endToEndId: e2e, status: 'ACSC' }]));
    expectProblem(other, 422, 'STATUS_REPORT_OTHER_BATCH');
    const draftReport = await postXml(draft.body.id, report(draft.body.messageId, [{ endToEndId: draft.body.items[0].endToEndId, status: 'ACSC' }]));
    expectProblem(draftReport, 409, 'INVALID_BATCH_TRANSITION');

    const v = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(v.body.status).toBe('APPROVED');
    expect(v.body.channel).toBeNull();
    expect(v.body.counts.pending).toBe(1);
    expect((await loanStatus(t, loans[0].loanId)).status).toBe('APPROVED');
    expect((await t.http().get(`/disbursement-batches/${draft.body.id}`).set(s.officer.auth)).body.status).toBe('DRAFT');

    // and the API channel can still pay it
    const done = await executeAndWait(t, s, batch.id);
    expect(done.status).toBe('COMPLETED');
  });
});
