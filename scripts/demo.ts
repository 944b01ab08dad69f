/**
 * npm run demo
 *
 * The whole 1+N story on a fresh embedded database (or, with DATABASE_URL, a fresh database
 * `chainlend_demo` on that server): a dairy group and its lending programme; a 5,000-row roster in
 * GBK with Chinese headers imported by the group; screening; a bulk application for its eligible
 * suppliers; officers' decisions (four eyes above the threshold); a disbursement batch made, approved
 * by a second officer and paid through the bank simulator; the pain.001 file; then months of
 * servicing on a simulated clock: the end of day every night, the group's monthly milk settlements
 * repaying the loans through deductions confirmed by the bank, two suppliers left unpaid going overdue
 * and classified, repaid suppliers borrowing again; then the group's dealers (downstream): a DEALER
 * roster, a DOWNSTREAM programme, three purchase orders the group confirms, financed at 70% and paid to
 * the group's collection account, one repaid by its dealer; a summary with the portfolio and the
 * trial balance.
 */
import { rm, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { spawn, type ChildProcess } from 'node:child_process';
import { Api, ROOT, SERVICE_NODE_FLAGS, benchDatabase, freePort, until } from '../bench/support.js';
import { DEMO_DAIRY_GROUP, DEMO_DAIRY_PROGRAMME } from '../src/dev-demo/demo-logins.js';
import { Dec, money } from '../src/common/money.js';
import { DEFAULT_OPTIONS, generateRoster, type GeneratorTemplate } from '../src/rosters/testing/roster-generator.js';

/** ¥1,234,567.89 from a decimal string, without a float in between. */
const yuan = (v: string) => {
  const [int, frac] = money(v).split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};

async function startService(): Promise<{ url: string; child: ChildProcess; close: () => Promise<void> }> {
  const port = await freePort();
  // the bank refuses one transfer in a hundred (a bad account), so the failure path shows too
  const env: Record<string, string | undefined> = {
    BANK_SIM_REJECT_SHARE: '0.01',
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    // the demo tells its own story from an empty database
    DEMO_LOGINS: 'false',
    // months pass in minutes: an ADMIN moves the business date (PUT /clock), never a real wait
    CLOCK: 'simulated',
  };
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const db = await benchDatabase('chainlend_demo');
    env.DATABASE_URL = db.url;
    dropDb = () => db.close();
  } else {
    // a database of its own, started afresh by the service itself (the zero-setup default)
    const dir = path.join(ROOT, '.data', 'demo');
    await rm(dir, { recursive: true, force: true });
    env.EMBEDDED_PG_DIR = dir;
    env.EMBEDDED_PG_PORT = String(await freePort());
  }
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, path.join(ROOT, 'dist', 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await until(
    'the service to start',
    () =>
      fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    (ok) => ok,
    120_000,
    100,
  );
  return {
    url,
    child,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await dropDb?.();
    },
  };
}

async function roster(rows: number, template: GeneratorTemplate = 'DAIRY_SUPPLIER'): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  const errorRate = template === 'DAIRY_SUPPLIER' ? 0.03 : 0;
  await generateRoster({ ...DEFAULT_OPTIONS, rows, seed: 2026, errorRate, headers: 'zh', encoding: 'gb18030', template }, sink);
  return Buffer.concat(parts);
}

async function main() {
  const started = Date.now();
  const phase = (name: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${name}`);
  phase(
    process.env.DATABASE_URL
      ? 'starting the service on a fresh database of DATABASE_URL'
      : 'starting the service on a fresh embedded PostgreSQL (.data/demo)',
  );
  const service = await startService();
  try {
    const admin = await new Api(service.url).login();
    const ce = await admin.post('/core-enterprises', DEMO_DAIRY_GROUP);
    const programme = await admin.post('/programmes', { coreEnterpriseId: ce.id, ...DEMO_DAIRY_PROGRAMME });
    const password = 'demo-password-2026';
    for (const [username, role, coreEnterpriseId] of [
      ['dairy.clerk', 'ENTERPRISE', ce.id],
      ['officer.wang', 'OFFICER', undefined],
      ['senior.li', 'SENIOR_OFFICER', undefined],
      ['senior.zhao', 'SENIOR_OFFICER', undefined],
    ]) {
      await admin.post('/users', { username, password, role, coreEnterpriseId });
    }
    const clerk = await new Api(service.url).login('dairy.clerk', password);
    const officer = await new Api(service.url).login('officer.wang', password);
    const seniors = [await new Api(service.url).login('senior.li', password), await new Api(service.url).login('senior.zhao', password)];
    phase(`core enterprise "${ce.name}", programme "${programme.name}" and four users created`);

    const file = await roster(5000);
    const form = new FormData();
    form.append('file', new Blob([file]), '供应商花名册-2026.csv');
    const up = await fetch(`${service.url}/core-enterprises/${ce.id}/rosters`, {
      method: 'POST',
      headers: { authorization: clerk.authHeader },
      body: form,
    });
    const { importId } = (await up.json()) as { importId: string };
    const imp = await until(
      'the roster import',
      () => clerk.get(`/roster-imports/${importId}`),
      (r) => r.status === 'COMPLETED' || r.status === 'FAILED',
      300_000,
      100,
    );
    if (imp.status !== 'COMPLETED') throw new Error(`import failed: ${JSON.stringify(imp.failure)}`);
    const errors = await clerk.get(`/roster-imports/${importId}/errors?pageSize=500`);
    const byCode = new Map<string, number>();
    for (const e of errors.items as { code: string }[]) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
    phase(`roster imported (GBK, Chinese headers): ${imp.acceptedRows} accepted, ${imp.rejectedRows} rejected`);

    await until(
      'screening',
      () => officer.get(`/programmes/${programme.id}/screening-runs`),
      (r) => r.total > 0 && r.items.every((x: { status: string }) => x.status === 'COMPLETED'),
      300_000,
      100,
    );
    const eligible: { supplierId: string; creditLimit: string }[] = [];
    for (let page = 1; ; page++) {
      const r = await officer.get(`/programmes/${programme.id}/screening-results?eligible=true&pageSize=500&page=${page}`);
      eligible.push(...r.items);
      if (eligible.length >= r.total) break;
    }
    phase(`screened: ${eligible.length} of ${imp.acceptedRows} suppliers eligible`);

    // The group applies for its eligible suppliers: 60% of each limit in thousands, from 10,000 up.
    const applications = eligible
      .filter((e) => new Dec(e.creditLimit).gte(10000))
      .map((e) => ({
        supplierId: e.supplierId,
        amount: money(Dec.max(10000, new Dec(e.creditLimit).times('0.6').div(1000).floor().times(1000))),
        termDays: 180,
        purpose: '青贮饲料采购',
      }));
    const submitted: { id: string; status: string }[] = [];
    for (let i = 0; i < applications.length; i += 1000) {
      const r = await clerk.post(`/programmes/${programme.id}/loan-applications:batch`, { applications: applications.slice(i, i + 1000) });
      submitted.push(...r.results.filter((x: { id?: string }) => x.id));
    }
    phase(`bulk application: ${submitted.length} applications submitted`);

    // Officers decide: one in fifty is turned down, the rest approved; above 100,000 a second, senior approval.
    let rejected = 0;
    let fourEyes = 0;
    for (const [i, app] of submitted.entries()) {
      if (app.status !== 'PENDING_REVIEW') continue;
      if (i % 50 === 7) {
        await officer.post(`/loan-applications/${app.id}/reject`, { reason: '养殖场实地核查未通过' });
        rejected++;
        continue;
      }
      const first = await officer.post(`/loan-applications/${app.id}/approve`, { comment: '交奶记录与结算一致' });
      if (first.status === 'PENDING_SECOND_APPROVAL') {
        fourEyes++;
        await seniors[i % 2].post(`/loan-applications/${app.id}/approve`, { comment: '复核通过' });
      }
    }
    phase(`decisions: ${rejected} rejected, ${fourEyes} approved through four eyes`);

    const batch = await officer.post('/disbursement-batches', { programmeId: programme.id });
    await seniors[0].post(`/disbursement-batches/${batch.id}/approve`);
    await officer.post(`/disbursement-batches/${batch.id}/execute`);
    const paid = await until(
      'the disbursement batch',
      () => officer.get(`/disbursement-batches/${batch.id}`),
      (b) => b.status !== 'EXECUTING',
      600_000,
      200,
    );
    phase(`batch of ${paid.counts.items} loans made by officer.wang, approved by senior.li, executed: ${paid.status}`);

    const pain = await fetch(`${service.url}/disbursement-batches/${batch.id}/pain001`, { headers: { authorization: officer.authHeader } });
    const out = path.join(ROOT, 'out');
    await mkdir(out, { recursive: true });
    const painFile = path.join(out, `demo-${paid.messageId}.pain.001.001.09.xml`);
    await writeFile(painFile, await pain.text());
    phase(`pain.001 written to ${path.relative(process.cwd(), painFile)}`);

    const servicing = await serviceMonths(service.url, admin, clerk, officer, ce.id, programme.id, phase);
    const dealers = await dealerFinancing(service.url, admin, clerk, officer, seniors[1], ce, phase);

    const statuses = new Map<string, number>();
    for (let page = 1; ; page++) {
      const r = await officer.get(`/loan-applications?programmeId=${programme.id}&pageSize=500&page=${page}`);
      for (const a of r.items as { status: string }[]) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      if (page * 500 >= r.total) break;
    }
    const exposure = await officer.get(`/core-enterprises/${ce.id}`);
    const prog = await officer.get(`/programmes/${programme.id}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`
ChainLend demo summary
  suppliers      ${imp.totalRows} roster rows: ${imp.acceptedRows} accepted, ${imp.rejectedRows} rejected (${[...byCode.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}${errors.total > 500 ? ', ...' : ''})
  screening      ${eligible.length} eligible of ${imp.acceptedRows} (ruleset v${prog.rulesetVersion})
  applications   ${[...statuses.entries()].map(([s, n]) => `${s} ${n}`).join(', ')}
  four eyes      ${fourEyes} approvals above ${yuan(programme.fourEyesThreshold)} needed a second, senior officer
  disbursed      ${paid.counts.settled} loans, ${yuan(paid.totals.settled)}; ${paid.counts.failed} refused by the bank (${yuan(paid.totals.failed)}), back to APPROVED
  exposure       programme outstanding ${yuan(prog.outstandingAmount)}; guaranteed by the group ${yuan(exposure.guaranteedExposure)} of ${yuan(exposure.guaranteeCap)}
  pain.001       ${path.relative(process.cwd(), painFile)}
  servicing      ${servicing.months} months to ${servicing.asOf}: ${servicing.settlements} settlements deducted ${yuan(servicing.deducted)}; ${servicing.repaid} loans REPAID
  overdue        ${servicing.unpaid.join(', ')} left out of every settlement: ${servicing.overdueLine}
  revolving      ${servicing.reborrowed} repaid suppliers borrowed again (second batch: ${servicing.secondBatch})
  portfolio      ${servicing.portfolio.loans} open loans, outstanding ${yuan(servicing.portfolio.principalOutstanding)}, interest receivable ${yuan(servicing.portfolio.interestAccrued)}, overdue principal ${yuan(servicing.portfolio.overduePrincipal)}
  classification ${Object.entries(servicing.portfolio.byClassification as Record<string, { count: number }>)
    .map(([c, v]) => `${c} ${v.count}`)
    .join(', ')}
  dealers        ${dealers.imported} dealers imported (DEALER roster), ${dealers.eligible} eligible; ${dealers.orders} purchase orders confirmed, financed at 70%: ${dealers.paid} paid ${yuan(dealers.total)} to the group's collection account ${dealers.account} (pain.001 creditor); ${dealers.repaid}
  trial balance  debits ${yuan(servicing.trial.totalDebit)} = credits ${yuan(servicing.trial.totalCredit)}
  time taken     ${seconds} s
  next           npm start, then open http://localhost:3000/console (demo logins printed at start) or /docs`);
  } finally {
    await service.close();
  }
}

type Phase = (name: string) => void;

/** The first `day` of the month `months` after the month of `date` (YYYY-MM-DD), clamped to its end. */
function monthsLater(date: string, months: number, day: number): string {
  const [y, m] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

async function allPages<T>(api: Api, url: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const r = await api.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=500&page=${page}`);
    out.push(...(r.items as T[]));
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

/** Closes every business date up to yesterday (by the clock) and waits for it. */
async function endOfDay(admin: Api): Promise<void> {
  const run = await admin.post('/cob-runs', {});
  if (run.status === 'COMPLETED') return;
  const done = await until(
    'the end of day',
    () => admin.get(`/cob-runs/${run.id}`),
    (r) => r.status === 'COMPLETED' || r.status === 'FAILED',
    600_000,
    100,
  );
  if (done.status !== 'COMPLETED') throw new Error(`end of day failed: ${JSON.stringify(done)}`);
}

/**
 * Months of servicing after the first batch: each month the business date moves to the 25th, the end
 * of day closes the days in between, the dairy group uploads its milk settlement (every supplier with
 * an open loan, except two it stops paying through the platform), the bank confirms the remittance.
 * Then suppliers whose loans are REPAID apply again and are paid in a second batch.
 */
async function serviceMonths(url: string, admin: Api, clerk: Api, officer: Api, ceId: string, programmeId: string, phase: Phase) {
  // the loans were paid today: the first batch's value date
  const start: string = (await admin.get('/clock')).today;
  const suppliers = await allPages<{ id: string; supplierCode: string; avgMonthlySettlement: string | null }>(
    officer,
    `/core-enterprises/${ceId}/suppliers`,
  );
  const monthly = new Map(suppliers.map((s) => [s.id, s.avgMonthlySettlement ?? '0']));
  const open = await allPages<{ id: string; supplier: { id: string; supplierCode: string } }>(
    officer,
    `/loan-applications?programmeId=${programmeId}&status=DISBURSED`,
  );
  const unpaid = open.slice(0, 2).map((l) => l.supplier.supplierCode);
  const months = 7;
  let settlements = 0;
  let deducted = new Dec(0);
  let asOf = start;
  let repaid = 0;
  let reborrowed = 0;
  let secondBatch = 'none';

  // Revolving: suppliers whose loans are repaid apply again, and are paid in a second batch.
  const revolve = async () => {
    const repaidLoans = await allPages<{ supplier: { id: string } }>(
      officer,
      `/loan-applications?programmeId=${programmeId}&status=REPAID`,
    );
    repaid = repaidLoans.length;
    const again = [...new Set(repaidLoans.map((l) => l.supplier.id))].slice(0, 50);
    if (!again.length) return;
    const r = await clerk.post(`/programmes/${programmeId}/loan-applications:batch`, {
      applications: again.map((supplierId) => ({ supplierId, amount: '10000.00', termDays: 90, purpose: '下一季饲料' })),
    });
    for (const x of r.results as { id?: string; status?: string }[]) {
      if (x.id && x.status === 'PENDING_REVIEW') {
        await officer.post(`/loan-applications/${x.id}/approve`, { comment: '已结清，循环使用额度' });
        reborrowed++;
      }
    }
    const batch = await officer.post('/disbursement-batches', { programmeId });
    const senior = await new Api(url).login('senior.zhao', 'demo-password-2026');
    await senior.post(`/disbursement-batches/${batch.id}/approve`);
    await officer.post(`/disbursement-batches/${batch.id}/execute`);
    const paid = await until(
      'the second batch',
      () => officer.get(`/disbursement-batches/${batch.id}`),
      (b) => b.status !== 'EXECUTING',
      600_000,
      200,
    );
    secondBatch = `${paid.counts.settled} paid, ${paid.status}`;
    phase(`${asOf}: ${repaid} loans REPAID; ${reborrowed} of their suppliers borrowed again, second batch ${secondBatch}`);
  };

  for (let month = 1; month <= months; month++) {
    asOf = monthsLater(start, month, 25);
    await admin.request('PUT', '/clock', { today: asOf });
    await endOfDay(admin);
    const loans = await allPages<{ supplier: { id: string; supplierCode: string } }>(
      officer,
      `/loan-applications?programmeId=${programmeId}&status=DISBURSED`,
    );
    const paying = [...new Map(loans.map((l) => [l.supplier.supplierCode, l.supplier.id])).entries()].filter(
      ([code]) => !unpaid.includes(code),
    );
    if (!paying.length) {
      phase(`${asOf}: end of day done; nothing for the group's settlement to repay`);
      continue;
    }
    const csv = ['供应商编号,应付金额,结算期', ...paying.map(([code, id]) => `${code},${monthly.get(id) ?? '0'},${asOf.slice(0, 7)}`)].join(
      '\n',
    );
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(csv + '\n', 'utf8')]), `奶款结算-${asOf.slice(0, 7)}.csv`);
    const up = await fetch(`${url}/core-enterprises/${ceId}/settlements`, {
      method: 'POST',
      headers: { authorization: clerk.authHeader },
      body: form,
    });
    const { settlementId } = (await up.json()) as { settlementId: string };
    const computed = await until(
      'the settlement',
      () => clerk.get(`/settlements/${settlementId}`),
      (r) => r.status !== 'QUEUED',
      300_000,
      100,
    );
    if (computed.status !== 'COMPUTED') throw new Error(`settlement failed: ${JSON.stringify(computed)}`);
    await officer.post(`/settlements/${settlementId}/confirm`, { remittedAmount: computed.totalDeduction });
    settlements++;
    deducted = deducted.plus(computed.totalDeduction);
    phase(
      `${asOf}: end of day done; milk settlement of ${paying.length} suppliers, ${yuan(computed.totalPayable)} payable, ${yuan(computed.totalDeduction)} deducted for the bank and confirmed`,
    );
    if (month === 2) await revolve();
  }
  if (secondBatch === 'none') await revolve();

  repaid = (await allPages<unknown>(officer, `/loan-applications?programmeId=${programmeId}&status=REPAID`)).length;
  const overdue = await Promise.all(open.slice(0, 2).map((l) => officer.request('GET', `/loan-applications/${l.id}/statement`)));
  const overdueLine = overdue
    .map((r) => (r.status === 200 ? `DPD ${r.body.dpd}, ${r.body.classification}` : `statement ${r.status}`))
    .join('; ');
  const portfolio = await officer.get(`/programmes/${programmeId}/portfolio`);
  const trial = await admin.get('/ledger/trial-balance');
  if (trial.totalDebit !== trial.totalCredit) throw new Error(`the trial balance does not balance: ${JSON.stringify(trial)}`);
  return {
    months,
    asOf,
    settlements,
    deducted: money(deducted),
    repaid,
    unpaid,
    overdueLine,
    reborrowed,
    secondBatch,
    portfolio,
    trial,
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Downstream (domain.md "Downstream"): the group's dealers, imported with the DEALER template and
 * screened on their own rules and formula, finance three purchase orders the group confirms; the
 * money goes to the group's collection account, and a dealer repays.
 */
async function dealerFinancing(
  url: string,
  admin: Api,
  clerk: Api,
  officer: Api,
  senior: Api,
  ce: { id: string; name: string },
  phase: Phase,
) {
  const account = '0602003309022107715';
  await admin.request('PATCH', `/core-enterprises/${ce.id}`, {
    collectionAccount: account,
    collectionBankName: '中国工商银行呼和浩特新城支行',
  });
  const programme = await admin.post('/programmes', {
    coreEnterpriseId: ce.id,
    name: '2026 经销商订单融资',
    productType: '流动资金贷款',
    direction: 'DOWNSTREAM',
    advanceRatio: '0.70',
    minAmount: '10000.00',
    maxAmount: '3000000.00',
    minTermDays: 30,
    maxTermDays: 180,
    annualRate: '0.0395',
    programmeCap: '200000000.00',
    guaranteeRatio: '0.3',
    fourEyesThreshold: '1000000.00',
    eligibilityRules: [
      { name: 'cooperation', fact: 'cooperation_years', operator: '>=', value: 2 },
      { name: 'orders', fact: 'orders_12m', operator: '>=', value: 6 },
    ],
    limitFormula: { maxAmount: '3000000.00', terms: [{ fact: 'annual_purchase_amount', multiple: '0.25' }], roundDownTo: '1000' },
  });
  const form = new FormData();
  form.append('role', 'DEALER');
  form.append('file', new Blob([await roster(40, 'DEALER')]), '经销商名单-2026.csv');
  const up = await fetch(`${url}/core-enterprises/${ce.id}/rosters`, {
    method: 'POST',
    headers: { authorization: clerk.authHeader },
    body: form,
  });
  const { importId } = (await up.json()) as { importId: string };
  const imp = await until(
    'the dealer roster',
    () => clerk.get(`/roster-imports/${importId}`),
    (r) => r.status === 'COMPLETED' || r.status === 'FAILED',
    60_000,
    100,
  );
  if (imp.status !== 'COMPLETED') throw new Error(`dealer import failed: ${JSON.stringify(imp.failure)}`);
  await until(
    'dealer screening',
    () => officer.get(`/programmes/${programme.id}/screening-runs`),
    (r) => r.total > 0 && r.items.every((x: { status: string }) => x.status === 'COMPLETED'),
    60_000,
    100,
  );
  const eligible = await officer.get(`/programmes/${programme.id}/screening-results?eligible=true&pageSize=500`);
  phase(`dealers: ${imp.acceptedRows} imported with the DEALER template, ${eligible.total} eligible for "${programme.name}"`);

  // the group confirms one order per dealer, for as much as the dealer's limit; the bank lends 70% of it
  const chosen = (eligible.items as { supplierId: string; supplierCode: string; creditLimit: string }[]).slice(0, 3);
  const today: string = (await admin.get('/clock')).today;
  const confirmed = await clerk.post(`/core-enterprises/${ce.id}/purchase-orders`, {
    orders: chosen.map((d, i) => ({
      dealerCode: d.supplierCode,
      orderNo: `SO-${today.replaceAll('-', '')}-${i + 1}`,
      amount: d.creditLimit,
      orderDate: today,
    })),
  });
  const loans: string[] = [];
  for (const [i, d] of chosen.entries()) {
    const amount = money(new Dec(d.creditLimit).times('0.7').div(1000).floor().times(1000));
    const loan = await clerk.post('/loan-applications', {
      programmeId: programme.id,
      supplierId: d.supplierId,
      purchaseOrderId: confirmed.results[i].id,
      amount,
      termDays: 90,
      purpose: '向集团预付进货款',
    });
    const first = await officer.post(`/loan-applications/${loan.id}/approve`, { comment: '订单经集团确认' });
    if (first.status === 'PENDING_SECOND_APPROVAL') await senior.post(`/loan-applications/${loan.id}/approve`, { comment: '复核通过' });
    loans.push(loan.id);
  }
  const batch = await officer.post('/disbursement-batches', { programmeId: programme.id });
  await senior.post(`/disbursement-batches/${batch.id}/approve`);
  await officer.post(`/disbursement-batches/${batch.id}/execute`);
  const paid = await until(
    'the dealer batch',
    () => officer.get(`/disbursement-batches/${batch.id}`),
    (b) => b.status !== 'EXECUTING',
    60_000,
    200,
  );
  const pain = await (
    await fetch(`${url}/disbursement-batches/${batch.id}/pain001`, { headers: { authorization: officer.authHeader } })
  ).text();
  const creditors = new Set([...pain.matchAll(/<CdtrAcct><Id><Othr><Id>(\d+)<\/Id>/g)].map((m) => m[1]));
  if (creditors.size !== 1 || !creditors.has(account))
    throw new Error(`dealer loans must pay the group's account, pain.001 pays ${[...creditors].join(', ')}`);
  phase(
    `dealers: ${confirmed.results.length} purchase orders confirmed, ${paid.counts.settled} loans paid to ${ce.name}'s collection account`,
  );

  // the simulator refuses a share of payments: the dealer of a paid loan repays
  const settled = new Set(
    (paid.items as { loanApplicationId: string; status: string }[]).filter((i) => i.status === 'SETTLED').map((i) => i.loanApplicationId),
  );
  const repaying = loans.findIndex((id) => settled.has(id));
  const repayment = await officer.post(`/loan-applications/${loans[repaying]}/repayments`, {
    amount: '10000.00',
    reference: `DEALER-${chosen[repaying].supplierCode}-1`,
  });
  phase(`dealers: ${chosen[repaying].supplierCode} repaid ${yuan(repayment.allocations.principal)} of principal`);
  return {
    imported: imp.acceptedRows as number,
    eligible: eligible.total as number,
    orders: confirmed.results.length as number,
    paid: paid.counts.settled as number,
    total: paid.totals.settled as string,
    account,
    repaid: `${chosen[repaying].supplierCode} repaid ${yuan(repayment.allocations.principal)} directly`,
  };
}
