/**
 * Set-based seeding for the benchmarks: hundreds of thousands of rows in seconds, with facts varied
 * enough that screening rules pass and fail in realistic proportions.
 */
import type pg from 'pg';

export async function seedSuppliers(client: pg.Client, coreEnterpriseId: string, count: number, prefix = 'B'): Promise<void> {
  await client.query(
    `INSERT INTO suppliers (core_enterprise_id, supplier_code, supplier_type, name, id_number, legal_rep_id_number, phone, bank_account,
                            bank_name, farm_name, province, herd_size, years_experience, epidemic_cert_no, epidemic_cert_expiry,
                            delivery_months, avg_monthly_delivery_kg, avg_monthly_settlement, birth_date)
     SELECT $1, $3 || lpad(g::text, 7, '0'), CASE WHEN g % 4 = 0 THEN 'ENTITY' ELSE 'INDIVIDUAL' END, '牧户' || g,
            CASE WHEN g % 4 = 0 THEN '91350100M000100Y43' ELSE '11010519491231002X' END,
            CASE WHEN g % 4 = 0 THEN '11010519491231002X' END,
            '138' || lpad((g % 100000000)::text, 8, '0'), '622848' || lpad(g::text, 13, '0'), '中国农业银行', '牧场' || g, '内蒙古',
            5 + (g::bigint * 7919) % 3000, ((g::bigint * 31) % 300) / 10.0,
            CASE WHEN g % 10 <> 0 THEN '(蒙)动防合字第' || g || '号' END,
            CASE WHEN g % 10 <> 0 THEN date '2026-01-01' + ((g::bigint * 13) % 1500)::int END,
            (g::bigint * 17) % 120, 1000 + (g::bigint * 37) % 100000, CASE WHEN g % 20 <> 0 THEN ((g::bigint * 53) % 500000) + 0.55 END,
            date '1958-01-01' + ((g::bigint * 101) % 18000)::int
       FROM generate_series(1, $2) g`,
    [coreEnterpriseId, count, prefix],
  );
  await client.query('ANALYZE suppliers');
}

/**
 * Freight forwarders (the FREIGHT_FORWARDER template): the same identities as seedSuppliers, no dairy
 * column, and their attributes in `attributes` as an import writes them (canonical forms per type).
 */
export async function seedForwarders(client: pg.Client, coreEnterpriseId: string, count: number, prefix = 'F'): Promise<void> {
  await client.query(
    `INSERT INTO suppliers (core_enterprise_id, supplier_code, supplier_type, name, id_number, legal_rep_id_number, phone, bank_account,
                            bank_name, province, birth_date, attributes)
     SELECT $1, $3 || lpad(g::text, 7, '0'), CASE WHEN g % 4 = 0 THEN 'ENTITY' ELSE 'INDIVIDUAL' END, '货代' || g,
            CASE WHEN g % 4 = 0 THEN '91350100M000100Y43' ELSE '11010519491231002X' END,
            CASE WHEN g % 4 = 0 THEN '11010519491231002X' END,
            '138' || lpad((g % 100000000)::text, 8, '0'), '622848' || lpad(g::text, 13, '0'), '中国银行', '天津',
            date '1958-01-01' + ((g::bigint * 101) % 18000)::int,
            jsonb_build_object(
              'monthly_shipments', 5 + (g::bigint * 7919) % 3000,
              'customs_declarations_12m', (g::bigint * 17) % 120,
              'tax_paid_12m', (((g::bigint * 53) % 500000) + 0.55)::text,
              'tax_credit_grade', (ARRAY['A', 'B', 'M', 'C', 'D'])[1 + (g::bigint * 7) % 5],
              'years_in_business', (((g::bigint * 31) % 300) / 10.0)::numeric::text)
       FROM generate_series(1, $2) g`,
    [coreEnterpriseId, count, prefix],
  );
  await client.query('ANALYZE suppliers');
}

/** Six rules and a formula over the FREIGHT_FORWARDER attributes, as many as BENCH_RULES has over the dairy columns. */
export const FORWARDER_RULES = [
  { name: 'established', fact: 'years_in_business', operator: '>=', value: 3 },
  { name: 'tax-grade', fact: 'tax_credit_grade', operator: 'in', value: ['A', 'B', 'M'] },
  { name: 'shipments', fact: 'monthly_shipments', operator: 'between', value: [10, 5000] },
  { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
  { name: 'customs', fact: 'customs_declarations_12m', operator: '>=', value: 12 },
  { name: 'type', fact: 'supplierType', operator: 'in', value: ['INDIVIDUAL', 'ENTITY'] },
];
export const FORWARDER_FORMULA = {
  maxAmount: '500000.00',
  terms: [
    { fact: 'tax_paid_12m', multiple: '3' },
    { fact: 'monthly_shipments', multiple: '8000' },
  ],
  roundDownTo: '1000',
};

/** Every supplier of the core enterprise eligible for the programme with a comfortable limit. */
export async function seedEligible(client: pg.Client, programmeId: string, coreEnterpriseId: string, limit = '500000.00'): Promise<void> {
  await client.query(
    `INSERT INTO screening_results (supplier_id, programme_id, core_enterprise_id, ruleset_version, evaluation_date, evaluated_at,
                                    eligible, credit_limit, failed_rules, facts)
     SELECT id, $1, $2, 1, current_date, now(), true, $3, '{}', '{}' FROM suppliers WHERE core_enterprise_id = $2
     ON CONFLICT (supplier_id, programme_id) DO UPDATE SET eligible = true, credit_limit = excluded.credit_limit`,
    [programmeId, coreEnterpriseId, limit],
  );
  await client.query(
    `INSERT INTO supplier_exposure (supplier_id, programme_id, core_enterprise_id)
     SELECT id, $1, $2 FROM suppliers WHERE core_enterprise_id = $2 ON CONFLICT DO NOTHING`,
    [programmeId, coreEnterpriseId],
  );
}

/**
 * One loan application for each of the first `count` suppliers (by code), in the given status.
 * APPROVED ones hold their reservation and their frozen payee, as a final approval leaves them.
 */
export async function seedApplications(
  client: pg.Client,
  programmeId: string,
  coreEnterpriseId: string,
  count: number,
  status: 'PENDING_REVIEW' | 'APPROVED',
  amount = '20000.00',
): Promise<string[]> {
  const r = await client.query<{ id: string }>(
    `WITH s AS (SELECT id, name, bank_account, bank_name FROM suppliers WHERE core_enterprise_id = $2 ORDER BY supplier_code LIMIT $3),
          p AS (SELECT * FROM programmes WHERE id = $1)
     INSERT INTO loan_applications (programme_id, supplier_id, core_enterprise_id, amount, term_days, status, annual_rate, guarantee_ratio,
                                    guaranteed_amount, ruleset_version, screening, submitted_by, reserved, approved_at, approved_by, four_eyes_required,
                                    payee_name, payee_account, payee_bank,
                                    day_count_basis, repayment_type, interest_day, grace_days, penalty_rate_multiplier)
     SELECT $1, s.id, $2, $4, 180, $5, 0.0435, 0.5, round($4::numeric * 0.5, 2), 1, '{"eligible": true}',
            '{"kind": "USER", "id": "bench", "name": "bench", "role": "OFFICER"}', $5 = 'APPROVED',
            CASE WHEN $5 = 'APPROVED' THEN now() END, CASE WHEN $5 = 'APPROVED' THEN 'bench' END, false,
            CASE WHEN $5 = 'APPROVED' THEN s.name END, CASE WHEN $5 = 'APPROVED' THEN s.bank_account END, CASE WHEN $5 = 'APPROVED' THEN s.bank_name END,
            CASE WHEN $5 = 'APPROVED' THEN p.day_count_basis END, CASE WHEN $5 = 'APPROVED' THEN p.repayment_type END,
            CASE WHEN $5 = 'APPROVED' THEN p.interest_day END, CASE WHEN $5 = 'APPROVED' THEN p.grace_days END,
            CASE WHEN $5 = 'APPROVED' THEN p.penalty_rate_multiplier END
       FROM s, p
     RETURNING id`,
    [programmeId, coreEnterpriseId, count, amount, status],
  );
  if (status === 'APPROVED') {
    await client.query(
      `WITH t AS (SELECT supplier_id, sum(amount) AS amount, sum(guaranteed_amount) AS g FROM loan_applications WHERE programme_id = $1 AND status = 'APPROVED' GROUP BY supplier_id)
       UPDATE supplier_exposure e SET reserved_amount = t.amount FROM t WHERE e.supplier_id = t.supplier_id AND e.programme_id = $1`,
      [programmeId],
    );
    await client.query(
      `UPDATE programme_exposure SET outstanding_amount = (SELECT coalesce(sum(amount), 0) FROM loan_applications WHERE programme_id = $1 AND status = 'APPROVED') WHERE programme_id = $1`,
      [programmeId],
    );
    await client.query(
      `UPDATE core_enterprise_exposure SET guaranteed_exposure = (SELECT coalesce(sum(guaranteed_amount), 0) FROM loan_applications WHERE core_enterprise_id = $1 AND status = 'APPROVED') WHERE core_enterprise_id = $1`,
      [coreEnterpriseId],
    );
  }
  await client.query('ANALYZE loan_applications');
  return r.rows.map((x) => x.id);
}

export const BENCH_RULES = [
  { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
  { name: 'epidemic-cert', fact: 'epidemicCertValidDays', operator: '>=', value: 30 },
  { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
  { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
  { name: 'deliveries', fact: 'deliveryMonths', operator: '>=', value: 12 },
  { name: 'type', fact: 'supplierType', operator: 'in', value: ['INDIVIDUAL', 'ENTITY'] },
];

export function programmeBody(coreEnterpriseId: string, overrides: Record<string, unknown> = {}) {
  return {
    coreEnterpriseId,
    name: 'bench programme',
    productType: 'SMALL_QUICK_GUARANTEED_LOAN',
    minAmount: '10000.00',
    maxAmount: '500000.00',
    minTermDays: 90,
    maxTermDays: 365,
    annualRate: '0.0435',
    programmeCap: '9000000000000.00',
    guaranteeRatio: '0.5',
    fourEyesThreshold: '400000.00',
    eligibilityRules: BENCH_RULES,
    limitFormula: { maxAmount: '500000.00', settlementMultiple: '3', perHeadAmount: '8000.00', roundDownTo: '1000' },
    ...overrides,
  };
}

/**
 * `loans` open loans valued on `valueDate` (suppliers, DISBURSED loan applications and their
 * servicing rows, as a settlement leaves them, without the disbursement's ledger entry), for the end
 * of day's benchmark and crash test. Principals vary, so that rounding differs from loan to loan as
 * in a real book.
 */
export async function seedOpenLoans(
  client: pg.Client,
  programmeId: string,
  coreEnterpriseId: string,
  loans: number,
  valueDate: string,
  prefix = 'C',
): Promise<void> {
  await seedSuppliers(client, coreEnterpriseId, loans, prefix);
  await seedEligible(client, programmeId, coreEnterpriseId);
  await seedApplications(client, programmeId, coreEnterpriseId, loans, 'APPROVED');
  await client.query(
    `UPDATE loan_applications SET status = 'DISBURSED', value_date = $2, disbursed_at = now(),
            amount = 10000 + ((('x' || substr(md5(id::text), 1, 8))::bit(32)::int & 1048575) * 0.37)::numeric(18,2)
      WHERE programme_id = $1`,
    [programmeId, valueDate],
  );
  await client.query(
    `INSERT INTO loan_servicing (loan_application_id, core_enterprise_id, programme_id, supplier_id, status, value_date, maturity_date,
                                 terms, state, principal_outstanding)
     SELECT la.id, la.core_enterprise_id, la.programme_id, la.supplier_id, 'DISBURSED', la.value_date, la.value_date + la.term_days,
            jsonb_build_object('principal', la.amount::text, 'annualRate', '0.0435', 'basis', la.day_count_basis,
                               'repaymentType', la.repayment_type, 'interestDay', la.interest_day, 'graceDays', la.grace_days,
                               'penaltyRateMultiplier', '1.5', 'valueDate', la.value_date::text, 'termDays', la.term_days),
            jsonb_build_object('status', 'DISBURSED', 'principalOutstanding', (la.amount * 100)::bigint::text, 'dues', '[]'::jsonb,
                               'accruedInterest', '0', 'accruedPenalty', '0', 'lastCobDate', null,
                               'paidPenalty', '0', 'paidInterest', '0', 'paidPrincipal', '0'),
            la.amount
       FROM loan_applications la WHERE la.programme_id = $1`,
    [programmeId],
  );
  await client.query('VACUUM ANALYZE loan_servicing');
  await client.query('VACUUM ANALYZE loan_applications');
}
