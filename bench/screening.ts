/**
 * npm run bench:screening -- --suppliers 200000 [--attributes] [--db NAME]
 *
 * Loads the suppliers, then times through the HTTP API: a full re-screen of the programme
 * (POST /programmes/:id/evaluations until the run is COMPLETED) and a what-if preview of a stricter
 * ruleset, and, in the same run, one SELECT of the same suppliers' facts.
 *
 * --attributes does the same again for as many freight forwarders (the FREIGHT_FORWARDER roster
 * schema: their facts are attributes in jsonb, not dairy columns) under six rules and a formula over
 * those attributes, and prints both sets of figures and their ratio (goal: attributes <= 1.5 x dairy).
 */
import pg from 'pg';
import { Api, args, benchDatabase, seconds, startService, until } from './support.js';
import { BENCH_RULES, FORWARDER_FORMULA, FORWARDER_RULES, programmeBody, seedForwarders, seedSuppliers } from './seed.js';

interface Figures {
  selectSeconds: number;
  firstSeconds: number;
  runSeconds: number;
  eligible: number;
  rescreenSeconds: number;
  rulesetVersion: number;
  eligibleAfter: number;
  previewSeconds: number;
  preview: Record<string, any>;
}

type Rule = { name: string; fact: string; operator: string; value: unknown };

async function runOnce(api: Api, id: string): Promise<{ seconds: number; run: Record<string, any> }> {
  const t = process.hrtime.bigint();
  const { jobId } = await api.post(`/programmes/${id}/evaluations`);
  const run = await until(
    'the screening run',
    () => api.get(`/screening-runs/${jobId}`),
    (r) => r.status === 'COMPLETED' || r.status === 'FAILED',
    600_000,
    50,
  );
  if (run.status !== 'COMPLETED') throw new Error(`screening failed: ${run.failureMessage}`);
  return { seconds: seconds(t), run };
}

/** The same measurements for one programme: its facts read once, a first screening, a re-screen after a rule change, a preview. */
async function measure(
  api: Api,
  client: pg.Client,
  ceId: string,
  programmeId: string,
  rules: Rule[],
  change: (r: Rule) => Rule,
  stricter: (r: Rule) => Rule,
  looserFormula: Record<string, unknown>,
): Promise<Figures> {
  let t = process.hrtime.bigint();
  await client.query({
    text: `SELECT id, supplier_code, name, supplier_type, province, herd_size, years_experience::text, delivery_months, avg_monthly_delivery_kg::text,
                  avg_monthly_settlement::text, birth_date::text, epidemic_cert_no, epidemic_cert_expiry::text, blacklisted, attributes
             FROM suppliers WHERE core_enterprise_id = $1`,
    values: [ceId],
    rowMode: 'array',
  });
  const selectSeconds = seconds(t);
  const first = await runOnce(api, programmeId);
  const runSeconds = (Date.parse(first.run.finishedAt) - Date.parse(first.run.startedAt)) / 1000;
  // the usual case: a rule change, then a re-screen that replaces every stored result
  await api.request('PATCH', `/programmes/${programmeId}`, { eligibilityRules: rules.map(change) });
  const second = await runOnce(api, programmeId);
  const proposal = { eligibilityRules: rules.map(stricter), limitFormula: looserFormula };
  await api.post(`/programmes/${programmeId}/eligibility-preview`, { eligibilityRules: proposal.eligibilityRules }); // warm-up
  t = process.hrtime.bigint();
  const preview = await api.post(`/programmes/${programmeId}/eligibility-preview`, proposal);
  return {
    selectSeconds,
    firstSeconds: first.seconds,
    runSeconds,
    eligible: first.run.eligible,
    rescreenSeconds: second.seconds,
    rulesetVersion: second.run.rulesetVersion,
    eligibleAfter: second.run.eligible,
    previewSeconds: seconds(t),
    preview,
  };
}

function print(title: string, count: number, f: Figures): void {
  console.log('');
  console.log(title);
  console.log(`  one SELECT of their facts:  ${f.selectSeconds.toFixed(2)} s (${count} rows)`);
  console.log(
    `  first screening (API, to COMPLETED): ${f.firstSeconds.toFixed(2)} s (the run itself ${f.runSeconds.toFixed(2)} s; ${f.eligible} eligible)  goal <= 10 s`,
  );
  console.log(
    `  re-screen after a rule change:       ${f.rescreenSeconds.toFixed(2)} s (ruleset v${f.rulesetVersion}, ${f.eligibleAfter} eligible, every result replaced)  goal <= 10 s`,
  );
  console.log(`  what-if preview (API):       ${f.previewSeconds.toFixed(2)} s  goal <= 3 s`);
}

async function main() {
  const count = Number(args().suppliers ?? 200_000);
  const withAttributes = args().attributes === 'true';
  const db = await benchDatabase(args().db ?? 'chainlend_bench_screening');
  const service = await startService(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const api = await new Api(service.url).login();
    const ce = await api.post('/core-enterprises', {
      name: '乳业集团 (bench)',
      uscc: '91350100M000100Y43',
      guaranteeCap: '900000000000.00',
    });
    const programme = await api.post('/programmes', programmeBody(ce.id));
    const t = process.hrtime.bigint();
    await seedSuppliers(client, ce.id, count);
    console.log(`loaded ${count} suppliers in ${seconds(t).toFixed(1)} s`);
    const dairy = await measure(
      api,
      client,
      ce.id,
      programme.id,
      BENCH_RULES,
      (r) => (r.name === 'herd' ? { ...r, value: [10, 4000] } : r),
      (r) => (r.name === 'experience' ? { ...r, value: 5 } : r.name === 'deliveries' ? { ...r, value: 24 } : r),
      { maxAmount: '600000.00', settlementMultiple: '3.5', perHeadAmount: '9000.00', roundDownTo: '1000' },
    );
    const where = process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL';
    print(`eligibility screening, ${count} suppliers, dairy columns, 6 rules + limit formula, service on ${where}`, count, dairy);
    console.log('  preview answer (sample trimmed to 1 each):');
    const { preview } = dairy;
    console.log(
      JSON.stringify({ ...preview, sample: { gained: preview.sample.gained.slice(0, 1), lost: preview.sample.lost.slice(0, 1) } }, null, 2)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
    if (!withAttributes) return;

    const logistics = await api.post('/core-enterprises', {
      name: '物流集团 (bench)',
      uscc: '91120000MA05K0Q7Y2',
      guaranteeCap: '900000000000.00',
    });
    const schema = await api.request('PUT', `/core-enterprises/${logistics.id}/roster-schema`, {
      role: 'SUPPLIER',
      template: 'FREIGHT_FORWARDER',
      attributes: [],
    });
    if (schema.status !== 200) throw new Error(`roster schema: ${schema.status} ${JSON.stringify(schema.body)}`);
    const forwarders = await api.post(
      '/programmes',
      programmeBody(logistics.id, { eligibilityRules: FORWARDER_RULES, limitFormula: FORWARDER_FORMULA }),
    );
    await seedForwarders(client, logistics.id, count);
    const attributes = await measure(
      api,
      client,
      logistics.id,
      forwarders.id,
      FORWARDER_RULES,
      (r) => (r.name === 'shipments' ? { ...r, value: [10, 4000] } : r),
      (r) => (r.name === 'established' ? { ...r, value: 5 } : r.name === 'customs' ? { ...r, value: 24 } : r),
      { ...FORWARDER_FORMULA, maxAmount: '600000.00' },
    );
    print(`the same, ${count} freight forwarders, schema attributes (jsonb), 6 rules + limit formula over them`, count, attributes);
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log('');
    console.log('attributes / dairy columns (goal <= 1.5):');
    console.log(
      `  first screening run: ${ratio(attributes.runSeconds, dairy.runSeconds)}  (${attributes.runSeconds.toFixed(2)} s / ${dairy.runSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  re-screen (API):     ${ratio(attributes.rescreenSeconds, dairy.rescreenSeconds)}  (${attributes.rescreenSeconds.toFixed(2)} s / ${dairy.rescreenSeconds.toFixed(2)} s)`,
    );
    console.log(
      `  what-if preview:     ${ratio(attributes.previewSeconds, dairy.previewSeconds)}  (${attributes.previewSeconds.toFixed(2)} s / ${dairy.previewSeconds.toFixed(2)} s)`,
    );
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
