/**
 * npm run test:crash (after scripts/crash-test.ts), or alone: node dist/scripts/crash-settlement.js -- [--rows 50000] [--kills 3]
 *
 * Proves that a settlement's confirmation posts its money exactly once through crashes: `rows`
 * suppliers with a disbursed loan each, a settlement of `rows` lines computed, then its confirmation
 * sent and the service killed with SIGKILL while the confirmation's transaction runs, `kills` times,
 * the service restarted and the confirmation sent again each time, until it answers. Then the
 * settlement must be CONFIRMED, every allocation posted exactly once (each loan's lines in one
 * REPAYMENT entry with the settlement's reference, crediting what the computation showed), the ledger balanced, each
 * loan's principal account equal to its servicing row, and the exposure counters equal to the
 * principal still outstanding. Uses DATABASE_URL's server (a database of its own) or an embedded
 * PostgreSQL.
 */
import pg from 'pg';
import { Api, args, benchDatabase, startService, until, type Service } from '../bench/support.js';
import { programmeBody, seedApplications, seedEligible, seedSuppliers } from '../bench/seed.js';
import { seedDisbursed } from '../bench/seed-disbursed.js';
import { businessDate } from '../src/common/business-date.js';
import { usccCheckChar } from '../src/common/identifiers.js';

const SERVICE_ENV = { LOG_LEVEL: 'error', JOB_POLLING_MS: '500' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const random = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

/** True while another transaction (the confirmation) holds the settlement's row. */
async function confirming(client: pg.Client, settlementId: string): Promise<boolean> {
  try {
    await client.query(`SELECT 1 FROM settlements WHERE id = $1 FOR UPDATE NOWAIT`, [settlementId]);
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === '55P03') return true;
    throw e;
  }
}

async function state(client: pg.Client, settlementId: string) {
  const s = await client.query(`SELECT status FROM settlements WHERE id = $1`, [settlementId]);
  const posted = await client.query(`SELECT count(*)::int AS n FROM journal_entries WHERE reference = $1`, [`settlement:${settlementId}`]);
  return { status: s.rows[0].status as string, entries: posted.rows[0].n as number };
}

async function verify(client: pg.Client, settlementId: string): Promise<string[]> {
  const problems: string[] = [];
  const { status } = await state(client, settlementId);
  if (status !== 'CONFIRMED') problems.push(`the settlement is ${status}`);
  // each allocation against the REPAYMENT entries of its loan with the settlement's reference
  const mismatched = await client.query(
    `WITH wanted AS (
       SELECT a."loanApplicationId" AS loan, (a.penalty::numeric * 100)::bigint AS penalty, (a.interest::numeric * 100)::bigint AS interest,
              (a.principal::numeric * 100)::bigint AS principal
         FROM settlement_lines l, jsonb_to_recordset(l.allocations) AS a("loanApplicationId" uuid, penalty text, interest text, principal text)
        WHERE l.settlement_id = $1),
     posted AS (
       SELECT jl.loan_application_id AS loan, count(DISTINCT e.id)::int AS entries,
              coalesce(sum(jl.credit) FILTER (WHERE jl.account = 'PENALTY_RECEIVABLE'), 0) AS penalty,
              coalesce(sum(jl.credit) FILTER (WHERE jl.account = 'INTEREST_RECEIVABLE'), 0) AS interest,
              coalesce(sum(jl.credit) FILTER (WHERE jl.account = 'LOAN_PRINCIPAL'), 0) AS principal
         FROM journal_entries e JOIN journal_lines jl ON jl.entry_id = e.id
        WHERE e.reference = 'settlement:' || $1 AND e.entry_type = 'REPAYMENT' GROUP BY 1)
     SELECT coalesce(w.loan, p.loan) AS loan, p.entries FROM wanted w FULL JOIN posted p ON p.loan = w.loan
      WHERE p.loan IS NULL OR w.loan IS NULL OR p.entries <> 1 OR (w.penalty, w.interest, w.principal) <> (p.penalty, p.interest, p.principal)`,
    [settlementId],
  );
  for (const r of mismatched.rows.slice(0, 20)) problems.push(`loan ${r.loan}: ${r.entries ?? 0} entries, or not the computed allocation`);
  if (mismatched.rows.length > 20) problems.push(`... and ${mismatched.rows.length - 20} more loans`);
  const allocations = await client.query(
    `SELECT count(*)::int AS n FROM settlement_lines l, jsonb_array_elements(l.allocations) WHERE l.settlement_id = $1`,
    [settlementId],
  );
  const balance = await client.query(`SELECT coalesce(sum(debit), 0)::text AS d, coalesce(sum(credit), 0)::text AS c FROM journal_lines`);
  if (balance.rows[0].d !== balance.rows[0].c) problems.push(`trial balance: debits ${balance.rows[0].d} <> credits ${balance.rows[0].c}`);
  const unbalanced = await client.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)) x`,
  );
  if (unbalanced.rows[0].n) problems.push(`${unbalanced.rows[0].n} unbalanced entries`);
  const principal = await client.query(
    `SELECT count(*)::int AS n FROM loan_servicing ls
       LEFT JOIN (SELECT loan_application_id, sum(debit) - sum(credit) AS bal FROM journal_lines WHERE account = 'LOAN_PRINCIPAL' GROUP BY 1) j
              USING (loan_application_id)
      WHERE coalesce(j.bal, 0) <> ls.principal_outstanding * 100`,
  );
  if (principal.rows[0].n) problems.push(`${principal.rows[0].n} loans whose LOAN_PRINCIPAL account differs from their servicing row`);
  const suppliers = await client.query(
    `SELECT count(*)::int AS n FROM supplier_exposure e
       LEFT JOIN (SELECT supplier_id, programme_id, sum(principal_outstanding) AS out FROM loan_servicing GROUP BY 1, 2) o USING (supplier_id, programme_id)
      WHERE e.reserved_amount <> coalesce(o.out, 0)`,
  );
  if (suppliers.rows[0].n) problems.push(`${suppliers.rows[0].n} supplier limits reserve more or less than the principal outstanding`);
  const programmes = await client.query(
    `SELECT p.programme_id, p.outstanding_amount::text AS counter, coalesce(sum(ls.principal_outstanding), 0)::text AS out
       FROM programme_exposure p LEFT JOIN loan_servicing ls ON ls.programme_id = p.programme_id
      GROUP BY 1, 2 HAVING p.outstanding_amount <> coalesce(sum(ls.principal_outstanding), 0)`,
  );
  for (const r of programmes.rows) problems.push(`programme ${r.programme_id}: counter ${r.counter}, principal outstanding ${r.out}`);
  console.log(
    `  ${allocations.rows[0].n} allocations, ${mismatched.rows.length} mismatched; ledger debits ${balance.rows[0].d} = credits ${balance.rows[0].c}`,
  );
  return problems;
}

async function main() {
  const a = args();
  const rows = Number(a.rows ?? 50_000);
  const kills = Number(a.kills ?? 3);
  const started = Date.now();
  const db = await benchDatabase('chainlend_crash_settlement');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let service: Service = await startService(db.url, SERVICE_ENV);
  try {
    const admin = await new Api(service.url).login();
    const uscc = '91350100MA0CR00TT';
    const ce = await admin.post('/core-enterprises', {
      name: '乳业集团 ST',
      uscc: uscc + usccCheckChar(uscc),
      guaranteeCap: '900000000000.00',
    });
    const programme = await admin.post('/programmes', {
      ...programmeBody(ce.id),
      programmeCap: '900000000000.00',
      prepayFromSettlement: true,
    });
    await admin.post('/users', { username: 'officer.st', password: 'crash-test-password', role: 'OFFICER' });
    await seedSuppliers(client, ce.id, rows, 'T');
    await seedEligible(client, programme.id, ce.id);
    await seedApplications(client, programme.id, ce.id, rows, 'APPROVED', '12345.67');
    await seedDisbursed(client, programme.id, businessDate('Asia/Shanghai'));

    const officer = await new Api(service.url).login('officer.st', 'crash-test-password');
    const lines = ['supplier_code,payable_amount,period'];
    for (let g = 1; g <= rows; g++) lines.push(`T${String(g).padStart(7, '0')},${(1000 + (g % 9000)).toFixed(2)},2026-01`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }), 'settlement.csv');
    const res = await fetch(`${service.url}/core-enterprises/${ce.id}/settlements`, {
      method: 'POST',
      headers: { authorization: officer.authHeader },
      body: form,
    });
    const { settlementId } = (await res.json()) as { settlementId: string };
    if (res.status !== 202) throw new Error(`upload: ${res.status}`);
    const computed = await until(
      'the computation',
      () => officer.get(`/settlements/${settlementId}`),
      (s) => s.status !== 'QUEUED',
      120_000,
      200,
    );
    if (computed.status !== 'COMPUTED') throw new Error(`computation ${computed.status}: ${JSON.stringify(computed.failure)}`);
    console.log(
      `a settlement of ${rows} rows computed (deduction ${computed.totalDeduction}); confirming it, killing the service ${kills} times`,
    );

    const body = { remittedAmount: computed.totalDeduction };
    let killedMidConfirm = 0;
    for (let k = 1; k <= kills; k++) {
      const api = await new Api(service.url).login('officer.st', 'crash-test-password');
      // the answer never comes: the service dies first
      void api.request('POST', `/settlements/${settlementId}/confirm`, body).catch(() => undefined);
      await until(
        'the confirmation to start',
        () => confirming(client, settlementId),
        (busy) => busy,
        30_000,
        10,
      );
      // a confirmation of 50,000 loans takes a second or two: kill it early enough to land inside
      await sleep(random(50, 800));
      const during = await confirming(client, settlementId);
      service.process.kill('SIGKILL');
      await new Promise((r) => service.process.once('exit', r));
      // the dead service's transaction ends (rolled back) once its backend notices
      await until(
        'the killed confirmation to roll back',
        () => confirming(client, settlementId),
        (busy) => !busy,
        60_000,
        50,
      );
      const after = await state(client, settlementId);
      if (during && after.status === 'COMPUTED') killedMidConfirm++;
      console.log(
        `  kill -9 #${k} ${during ? 'during' : 'after'} the confirmation: settlement ${after.status}, ${after.entries} entries posted`,
      );
      if (after.status === 'COMPUTED' && after.entries) throw new Error(`a killed confirmation left ${after.entries} entries`);
      service = await startService(db.url, SERVICE_ENV);
    }
    const api = await new Api(service.url).login('officer.st', 'crash-test-password');
    const t = Date.now();
    const last = await api.request('POST', `/settlements/${settlementId}/confirm`, body);
    console.log(
      `  confirmation after the last restart: ${last.status} ${last.body?.status ?? last.body?.code} in ${(Date.now() - t) / 1000} s`,
    );
    const again = await api.request('POST', `/settlements/${settlementId}/confirm`, body);
    if (again.body?.code !== 'SETTLEMENT_ALREADY_CONFIRMED')
      throw new Error(`a second confirmation answered ${again.status} ${again.body?.code}`);

    const problems = await verify(client, settlementId);
    if (killedMidConfirm < kills) problems.push(`only ${killedMidConfirm} of ${kills} kills landed during the confirmation`);
    console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (problems.length) {
      console.error(`\nFAILED: ${problems.length} problems\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(
        `\nOK: ${killedMidConfirm} confirmations killed mid-way posted nothing; the settlement CONFIRMED once, every allocation posted exactly once, ledger balanced, exposure counters exact`,
      );
    }
  } finally {
    await client.end();
    await service.stop();
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
