import { randomUUID } from 'node:crypto';
import { buildPain002 } from '../src/disbursements/iso20022/pain002.js';
import { DisbursementExecutor } from '../src/disbursements/disbursement-executor.js';
import { xsdErrors } from '../src/disbursements/iso20022/xsd-validate.spec-helper.js';
import {
  approvedBatch,
  approvedLoans,
  bankTransfers,
  createBatchReq,
  executeAndWait,
  lendingSetup,
  loanStatus,
  sumFen,
  type LendingSetup,
} from './support/disbursements.js';
import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const ENTITY_USCC = '91350100M000100Y43'; // what insertSuppliers gives an ENTITY supplier

function texts(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`, 'g'))].map((m) => m[1]);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

let reportSeq = 0;
function report(
  originalMessageId: string,
  transactions: { endToEndId: string; status: string; reasonCode?: string; reasonText?: string }[],
  extra: { groupStatus?: string } = {},
): string {
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

  /** Reads the bank's reports: neither the maker (s.officer) nor the one who sent the file (s.officer too, by default). */
  let reader: TestUser;
  beforeAll(async () => {
    reader = await t.user('OFFICER');
  });

  const postXml = (batchId: string, xml: string, auth: Record<string, string> = s.officer.auth, type = 'application/xml') =>
    t.http().post(`/disbursement-batches/${batchId}/status-report`).set(auth).set('Content-Type', type).send(xml);
  const sendAsFile = (batchId: string, auth: Record<string, string> = s.officer.auth) =>
    t.http().post(`/disbursement-batches/${batchId}/send-as-file`).set(auth).send();

  it('exports a batch as a schema-valid pain.001.001.09 with every payment and no identity numbers', async () => {
    const amounts = ['10000.10', '20000.20', '30000.30', '99999.99', '12345.06'];
    const loans = await approvedLoans(t, s, amounts, [
      { name: '张三 & 李四 <合作社>' },
      { name: 'O\'Brien "Dairy"' },
      {},
      { supplierType: 'ENTITY', name: '呼和浩特市某某奶牛养殖专业合作社' },
      { name: '王五' },
    ]);
    const batch = await approvedBatch(
      t,
      s,
      loans.map((l) => l.loanId),
    );
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

  it('settles a file-channel batch from a pain.002 read by a second person, holds a RJCT for reconciliation; reading it again changes nothing', async () => {
    const loans = await approvedLoans(t, s, ['10000.10', '20000.20', '30000.30', '40000.40']);
    const batch = await approvedBatch(
      t,
      s,
      loans.map((l) => l.loanId),
    );
    const pain = await t.http().get(`/disbursement-batches/${batch.id}/pain001`).set(s.officer.auth);
    expect(pain.status).toBe(200);
    const sent = await sendAsFile(batch.id);
    expect(sent.status).toBe(200);
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

    const first = await postXml(batch.id, xml, reader.auth);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      batchId: batch.id,
      messageId: expect.stringMatching(/^BANKRPT/),
      transactions: 5,
      settled: 3,
      failed: 0,
      held: 1,
      unchanged: 0,
      pending: 0,
      unknown: [stranger],
      conflicts: [],
      batchStatus: 'EXECUTING',
    });

    // A RJCT in a file the bank sent back is no proof that nothing was paid: the item waits for a person
    const view = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(view.body.status).toBe('EXECUTING');
    expect(view.body.channel).toBe('FILE');
    expect(view.body.counts).toEqual({ items: 4, pending: 0, sent: 1, settled: 3, failed: 0 });
    expect(view.body.held).toBe(1);
    const refusedAmount = loans.find((l) => l.loanId === loanOf(rejected))!.amount;
    const paidAmounts = loans.filter((l) => l.loanId !== loanOf(rejected)).map((l) => l.amount);
    expect(view.body.totals).toEqual({ amount: '100001.00', settled: sumFen(paidAmounts), failed: '0.00', outstanding: refusedAmount });
    const heldItem = view.body.items.find((i: any) => i.endToEndId === rejected);
    expect(heldItem).toEqual(
      expect.objectContaining({
        status: 'SENT',
        failureCode: null,
        hold: {
          reasonCode: 'AC01',
          reason: 'Account number invalid',
          reportMessageId: first.body.messageId,
          heldBy: reader.username,
          heldAt: expect.any(String),
          reconciliation: null,
        },
      }),
    );
    for (const i of view.body.items.filter((x: any) => x.endToEndId !== rejected)) expect(i.hold).toBeNull();

    for (const id of [ok1, ok2, accepted]) {
      const l = await t
        .http()
        .get(`/loan-applications/${loanOf(id)}`)
        .set(s.officer.auth);
      expect(l.body.status).toBe('DISBURSED');
      expect(l.body.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // the held loan keeps its reservation and cannot be paid again meanwhile
    expect(await loanStatus(t, loanOf(rejected))).toEqual(expect.objectContaining({ status: 'DISBURSING', reserved: true }));
    const again2 = await createBatchReq(t, s, [loanOf(rejected)]);
    expectProblem(again2, 409, 'LOAN_NOT_APPROVED');
    // paid by file: nothing went through the API channel
    expect(
      await bankTransfers(
        t,
        loans.map((l) => l.loanId),
      ),
    ).toEqual([]);

    const again = await postXml(batch.id, xml, reader.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(
      expect.objectContaining({
        transactions: 5,
        settled: 0,
        failed: 0,
        held: 0,
        unchanged: 4,
        pending: 0,
        unknown: [stranger],
        conflicts: [],
        batchStatus: 'EXECUTING',
      }),
    );
    const same = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(same.body.counts).toEqual(view.body.counts);
    expect(same.body.items).toEqual(view.body.items);

    // a report contradicting settled or held items is listed and changes nothing
    const contra = await postXml(
      batch.id,
      report(batch.messageId, [
        { endToEndId: ok1, status: 'RJCT', reasonCode: 'AM04' },
        { endToEndId: rejected, status: 'ACSC' },
      ]),
      reader.auth,
    );
    expect(contra.status).toBe(200);
    expect(contra.body).toEqual(expect.objectContaining({ settled: 0, failed: 0, held: 0, unchanged: 0 }));
    expect(contra.body.conflicts).toEqual(
      expect.arrayContaining([
        { endToEndId: ok1, itemStatus: 'SETTLED', reported: 'RJCT' },
        { endToEndId: rejected, itemStatus: 'SENT', reported: 'ACSC' },
      ]),
    );
    expect(contra.body.conflicts).toHaveLength(2);
    expect((await loanStatus(t, loanOf(ok1))).status).toBe('DISBURSED');
    expect((await loanStatus(t, loanOf(rejected))).status).toBe('DISBURSING');

    // a third person looks at the bank statement: not paid. Only now is the loan free again.
    const reconciled = await t
      .http()
      .post(`/disbursement-batches/${batch.id}/items/${heldItem.id}/reconcile`)
      .set(s.senior.auth)
      .send({ outcome: 'NOT_PAID', note: 'not on the statement of the disbursement account' });
    expect(reconciled.status).toBe(200);
    expect(reconciled.body.status).toBe('PARTIALLY_FAILED');
    expect(reconciled.body.held).toBe(0);
    const failedItem = reconciled.body.items.find((i: any) => i.endToEndId === rejected);
    expect(failedItem).toEqual(expect.objectContaining({ status: 'FAILED', failureCode: 'AC01', failureReason: 'Account number invalid' }));
    expect(failedItem.hold.reconciliation).toEqual({
      outcome: 'NOT_PAID',
      note: 'not on the statement of the disbursement account',
      by: s.senior.username,
      at: expect.any(String),
    });
    expect(reconciled.body.totals).toEqual({
      amount: '100001.00',
      settled: sumFen(paidAmounts),
      failed: refusedAmount,
      outstanding: '0.00',
    });
    expect(await loanStatus(t, loanOf(rejected))).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: false }));

    // the API executor never drives a FILE batch: executing it now answers it as it stands
    const exec = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
    expect(exec.status).toBe(202);
    expect(exec.body.status).toBe('PARTIALLY_FAILED');
    expect(exec.body.channel).toBe('FILE');
    expect(
      await bankTransfers(
        t,
        loans.map((l) => l.loanId),
      ),
    ).toEqual([]);
  });

  it('takes a report as a multipart file, leaves unsettled items SENT, and is not driven by the API executor meanwhile', async () => {
    const loans = await approvedLoans(t, s, ['15000.15', '25000.25', '35000.35']);
    const batch = await approvedBatch(
      t,
      s,
      loans.map((l) => l.loanId),
    );
    const [a, b] = batch.items.map((i: any) => i.endToEndId as string);
    expect((await sendAsFile(batch.id)).status).toBe(200);

    const part = await t
      .http()
      .post(`/disbursement-batches/${batch.id}/status-report`)
      .set(s.senior.auth)
      .attach(
        'file',
        Buffer.from(
          report(batch.messageId, [
            { endToEndId: a, status: 'ACSC' },
            { endToEndId: b, status: 'PDNG' },
          ]),
        ),
        { filename: 'report.xml', contentType: 'application/xml' },
      );
    expect(part.status).toBe(200);
    expect(part.body).toEqual(
      expect.objectContaining({
        transactions: 2,
        settled: 1,
        failed: 0,
        held: 0,
        unchanged: 0,
        pending: 1,
        unknown: [],
        conflicts: [],
        batchStatus: 'EXECUTING',
      }),
    );

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
    expect(
      await bankTransfers(
        t,
        loans.map((l) => l.loanId),
      ),
    ).toEqual([]);

    // the rest arrives as a group status with text/xml
    const rest = await postXml(
      batch.id,
      report(batch.messageId, [{ endToEndId: a, status: 'ACSC' }], { groupStatus: 'ACSC' }),
      reader.auth,
      'text/xml',
    );
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(expect.objectContaining({ transactions: 1, settled: 2, unchanged: 1, failed: 0, batchStatus: 'COMPLETED' }));
    const done = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(done.body.status).toBe('COMPLETED');
    expect(done.body.totals.settled).toBe('75000.75');
    for (const l of loans) expect((await loanStatus(t, l.loanId)).status).toBe('DISBURSED');
  });

  it('refuses unreadable reports (400), reports of another batch (422) and reports for a DRAFT or a batch not sent as a file (409), changing nothing', async () => {
    const loans = await approvedLoans(t, s, ['10000.00', '10000.01']);
    const draft = await createBatchReq(t, s, [loans[1].loanId]);
    expect(draft.status).toBe(201);
    const batch = await approvedBatch(t, s, [loans[0].loanId]);
    const e2e = batch.items[0].endToEndId as string;

    const unreadable: [string, string, string][] = [
      ['not XML at all', 'this is not <xml', 'application/xml'],
      ['a truncated document', report(batch.messageId, [{ endToEndId: e2e, status: 'ACSC' }]).slice(0, 200), 'application/xml'],
      [
        'a DOCTYPE with entities',
        `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt/></Document>`,
        'application/xml',
      ],
      [
        'another message type',
        `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>`,
        'application/xml',
      ],
      [
        'an older pain.002',
        report(batch.messageId, [{ endToEndId: e2e, status: 'ACSC' }]).replace('pain.002.001.10', 'pain.002.001.03'),
        'application/xml',
      ],
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
    const draftReport = await postXml(
      draft.body.id,
      report(draft.body.messageId, [{ endToEndId: draft.body.items[0].endToEndId, status: 'ACSC' }]),
      reader.auth,
    );
    expectProblem(draftReport, 409, 'INVALID_BATCH_TRANSITION');
    // an APPROVED batch goes to the file channel only by send-as-file, never as a side effect of a report
    const notSent = await postXml(batch.id, report(batch.messageId, [{ endToEndId: e2e, status: 'ACSC' }]), reader.auth);
    expectProblem(notSent, 409, 'BATCH_NOT_SENT_AS_FILE');

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

  describe('the file channel: who sends, who reads the answer, who reconciles', () => {
    const audits = (entityId: string, action: string) =>
      t.db.query(`SELECT actor_id, after FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY id`, [entityId, action]);
    const freshLoan = async () => (await approvedLoans(t, s, ['13000.13'])).map((l) => l.loanId);

    it('switches an APPROVED batch to the file channel only by an explicit, audited send-as-file', async () => {
      const loans = await approvedLoans(t, s, ['11000.11', '12000.12']);
      const draft = await createBatchReq(t, s, [loans[1].loanId]);
      expect(draft.status).toBe(201);
      const batch = await approvedBatch(t, s, [loans[0].loanId]);
      const ent = await t.user('ENTERPRISE', s.ce.id);
      const auditor = await t.user('AUDITOR');

      expectProblem(await t.http().post(`/disbursement-batches/${batch.id}/send-as-file`).send(), 401, 'UNAUTHENTICATED');
      // core enterprises, their own or another's, never reach a batch: refused by role before any lookup
      const otherEnt = await t.user('ENTERPRISE', (await t.coreEnterprise()).id);
      for (const who of [auditor.auth, t.admin.auth, ent.auth, otherEnt.auth, (await t.apiKey(s.ce.id)).auth]) {
        expectProblem(await sendAsFile(batch.id, who), 403, 'FORBIDDEN');
      }
      expectProblem(await sendAsFile('not-a-uuid'), 400, 'VALIDATION_FAILED');
      expectProblem(await sendAsFile(randomUUID()), 404, 'NOT_FOUND');
      expectProblem(await sendAsFile(draft.body.id), 409, 'INVALID_BATCH_TRANSITION');
      expect(await audits(batch.id, 'DISBURSEMENT_BATCH_SENT_AS_FILE')).toEqual([]);

      // the checker may send it too; the sender is recorded
      const sent = await sendAsFile(batch.id, s.senior.auth);
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual(
        expect.objectContaining({
          status: 'EXECUTING',
          channel: 'FILE',
          executedBy: s.senior.username,
          counts: { items: 1, pending: 0, sent: 1, settled: 0, failed: 0 },
        }),
      );
      expect(sent.body.items[0].sentAt).toEqual(expect.any(String));
      expect(await loanStatus(t, loans[0].loanId)).toEqual(expect.objectContaining({ status: 'DISBURSING', reserved: true }));
      expect(await audits(batch.id, 'DISBURSEMENT_BATCH_SENT_AS_FILE')).toEqual([
        { actor_id: s.senior.id, after: { status: 'EXECUTING', channel: 'FILE', loans: 1, messageId: batch.messageId } },
      ]);

      // once only, and never for a batch the API channel pays
      expectProblem(await sendAsFile(batch.id), 409, 'INVALID_BATCH_TRANSITION');
      const viaApi = await approvedBatch(t, s, await freshLoan());
      const done = await executeAndWait(t, s, viaApi.id);
      expect(done.status).toBe('COMPLETED');
      expectProblem(await sendAsFile(viaApi.id), 409, 'INVALID_BATCH_TRANSITION');
      // and a report for an API batch is refused: its outcomes come from the bank's API
      const apiReport = await postXml(
        viaApi.id,
        report(viaApi.messageId, [{ endToEndId: viaApi.items[0].endToEndId, status: 'RJCT', reasonCode: 'AC01' }]),
        reader.auth,
      );
      expectProblem(apiReport, 409, 'BATCH_NOT_SENT_AS_FILE');
      expect((await t.http().get(`/disbursement-batches/${viaApi.id}`).set(s.officer.auth)).body.counts.settled).toBe(1);
    });

    it('takes a status report only from a second person: neither the maker nor the sender', async () => {
      const loans = await approvedLoans(t, s, ['14000.14']);
      const batch = await approvedBatch(
        t,
        s,
        loans.map((l) => l.loanId),
      );
      const sender = await t.user('OFFICER');
      expect((await sendAsFile(batch.id, sender.auth)).status).toBe(200);
      const xml = report(batch.messageId, [{ endToEndId: batch.items[0].endToEndId, status: 'ACSC' }]);

      for (const who of [s.officer, sender]) expectProblem(await postXml(batch.id, xml, who.auth), 409, 'STATUS_REPORT_SAME_USER');
      expectProblem(await postXml(batch.id, xml, t.admin.auth), 403, 'FORBIDDEN');
      expectProblem(await postXml(batch.id, xml, (await t.user('AUDITOR')).auth), 403, 'FORBIDDEN');
      expect(await loanStatus(t, loans[0].loanId)).toEqual(expect.objectContaining({ status: 'DISBURSING' }));
      expect(await audits(batch.id, 'PAYMENT_STATUS_REPORT_IMPORTED')).toEqual([]);

      // the checker is a second person here
      const ok = await postXml(batch.id, xml, s.senior.auth);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual(expect.objectContaining({ settled: 1, batchStatus: 'COMPLETED' }));
      expect(await audits(batch.id, 'PAYMENT_STATUS_REPORT_IMPORTED')).toEqual([
        { actor_id: s.senior.id, after: expect.objectContaining({ messageId: ok.body.messageId, settled: 1, held: 0 }) },
      ]);
    });

    it('reconciles held payments: PAID settles, NOT_PAID frees the loan, only by someone who neither made, sent nor read', async () => {
      const loans = await approvedLoans(t, s, ['15000.15', '16000.16', '17000.17']);
      const batch = await approvedBatch(
        t,
        s,
        loans.map((l) => l.loanId),
      );
      expect((await sendAsFile(batch.id)).status).toBe(200);
      const [paidE2e, notPaidE2e, settledE2e] = batch.items.map((i: any) => i.endToEndId as string);
      const read = await postXml(
        batch.id,
        report(batch.messageId, [
          { endToEndId: paidE2e, status: 'RJCT', reasonCode: 'AC04', reasonText: 'Closed account' },
          { endToEndId: notPaidE2e, status: 'RJCT', reasonCode: 'AC01' },
          { endToEndId: settledE2e, status: 'ACSC' },
        ]),
        reader.auth,
      );
      expect(read.body).toEqual(expect.objectContaining({ settled: 1, held: 2, failed: 0, batchStatus: 'EXECUTING' }));
      const itemOf = (e2e: string) => batch.items.find((i: any) => i.endToEndId === e2e);
      const loanOf = (e2e: string) => itemOf(e2e).loanApplicationId as string;
      const reconcile = (itemId: string, body: unknown, auth: Record<string, string> = s.senior.auth, batchId = batch.id) =>
        t
          .http()
          .post(`/disbursement-batches/${batchId}/items/${itemId}/reconcile`)
          .set(auth)
          .send(body as object);
      const paid = itemOf(paidE2e).id as string;
      const notPaid = itemOf(notPaidE2e).id as string;
      const good = { outcome: 'PAID', note: 'debited on the statement of 2026-11-28' };

      expectProblem(await t.http().post(`/disbursement-batches/${batch.id}/items/${paid}/reconcile`).send(good), 401, 'UNAUTHENTICATED');
      const enterprises = [await t.user('ENTERPRISE', s.ce.id), await t.user('ENTERPRISE', (await t.coreEnterprise()).id)];
      for (const who of [(await t.user('AUDITOR')).auth, t.admin.auth, ...enterprises.map((e) => e.auth)])
        expectProblem(await reconcile(paid, good, who), 403, 'FORBIDDEN');
      for (const bad of [
        {},
        { outcome: 'MAYBE', note: 'x' },
        { outcome: 'PAID' },
        { outcome: 'PAID', note: '   ' },
        { outcome: 'PAID', note: 'x', extra: 1 },
      ]) {
        expectProblem(await reconcile(paid, bad), 400, 'VALIDATION_FAILED');
      }
      expectProblem(await reconcile('not-a-uuid', good), 400, 'VALIDATION_FAILED');
      expectProblem(await reconcile(randomUUID(), good), 404, 'NOT_FOUND');
      expectProblem(await reconcile(paid, good, s.senior.auth, randomUUID()), 404, 'NOT_FOUND');
      // an item is only reached through its own batch
      const other = await approvedBatch(t, s, await freshLoan());
      expectProblem(await reconcile(paid, good, s.senior.auth, other.id), 404, 'NOT_FOUND');
      // the maker/sender and the reader of the report may not resolve what they could have forged
      for (const who of [s.officer, reader]) expectProblem(await reconcile(paid, good, who.auth), 409, 'RECONCILE_SAME_USER');
      // nothing to reconcile on an item the bank settled
      expectProblem(await reconcile(itemOf(settledE2e).id, good), 409, 'ITEM_NOT_HELD');
      expect(await loanStatus(t, loanOf(paidE2e))).toEqual(expect.objectContaining({ status: 'DISBURSING', reserved: true }));

      const one = await reconcile(paid, good);
      expect(one.status).toBe(200);
      expect(one.body.status).toBe('EXECUTING');
      expect(one.body.held).toBe(1);
      expect(one.body.items.find((i: any) => i.id === paid)).toEqual(
        expect.objectContaining({
          status: 'SETTLED',
          settledAt: expect.any(String),
          hold: expect.objectContaining({
            reasonCode: 'AC04',
            reconciliation: { outcome: 'PAID', note: good.note, by: s.senior.username, at: expect.any(String) },
          }),
        }),
      );
      const paidLoan = await loanStatus(t, loanOf(paidE2e));
      expect(paidLoan).toEqual(expect.objectContaining({ status: 'DISBURSED', reserved: true }));
      expect(paidLoan.value_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expectProblem(await reconcile(paid, { outcome: 'NOT_PAID', note: 'second thoughts' }), 409, 'ITEM_NOT_HELD');

      const other2 = await t.user('SENIOR_OFFICER');
      const two = await reconcile(notPaid, { outcome: 'NOT_PAID', note: 'returned by the bank on 2026-11-29' }, other2.auth);
      expect(two.status).toBe(200);
      expect(two.body.status).toBe('PARTIALLY_FAILED');
      expect(two.body.held).toBe(0);
      expect(two.body.counts).toEqual({ items: 3, pending: 0, sent: 0, settled: 2, failed: 1 });
      expect(two.body.items.find((i: any) => i.id === notPaid)).toEqual(expect.objectContaining({ status: 'FAILED', failureCode: 'AC01' }));
      expect(await loanStatus(t, loanOf(notPaidE2e))).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: false }));

      expect(await audits(batch.id, 'DISBURSEMENT_ITEM_RECONCILED')).toEqual([
        {
          actor_id: s.senior.id,
          after: {
            itemId: paid,
            loanApplicationId: loanOf(paidE2e),
            endToEndId: paidE2e,
            outcome: 'PAID',
            note: good.note,
            reasonCode: 'AC04',
          },
        },
        {
          actor_id: other2.id,
          after: {
            itemId: notPaid,
            loanApplicationId: loanOf(notPaidE2e),
            endToEndId: notPaidE2e,
            outcome: 'NOT_PAID',
            note: 'returned by the bank on 2026-11-29',
            reasonCode: 'AC01',
          },
        },
      ]);
      const heldEvents = await t.db.query(
        `SELECT entity_id, after FROM audit_events WHERE action = 'LOAN_PAYMENT_HELD' AND entity_id = ANY($1::text[]) ORDER BY entity_id`,
        [[loanOf(paidE2e), loanOf(notPaidE2e)]],
      );
      expect(heldEvents).toHaveLength(2);
    });
  });
});
