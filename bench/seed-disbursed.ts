import type pg from 'pg';

/** The approved loans of the programme, paid on `valueDate`: what DisbursementOutcomes and ServicingService.open leave. */
export async function seedDisbursed(client: pg.Client, programmeId: string, valueDate: string): Promise<void> {
  await client.query(`UPDATE loan_applications SET status = 'DISBURSED', value_date = $2 WHERE programme_id = $1 AND status = 'APPROVED'`, [
    programmeId,
    valueDate,
  ]);
  await client.query(
    `INSERT INTO loan_servicing (loan_application_id, core_enterprise_id, programme_id, supplier_id, status, value_date, maturity_date,
                                 terms, state, principal_outstanding)
     SELECT id, core_enterprise_id, programme_id, supplier_id, 'DISBURSED', $2::date, $2::date + term_days,
            jsonb_build_object('principal', amount::text, 'annualRate', trim(trailing '.' from trim(trailing '0' from annual_rate::text)),
                               'basis', day_count_basis, 'repaymentType', repayment_type, 'interestDay', interest_day, 'graceDays', grace_days,
                               'penaltyRateMultiplier', trim(trailing '.' from trim(trailing '0' from penalty_rate_multiplier::text)),
                               'valueDate', $2::text, 'termDays', term_days),
            jsonb_build_object('status', 'DISBURSED', 'principalOutstanding', (amount * 100)::bigint::text, 'dues', '[]'::jsonb,
                               'accruedInterest', '0', 'accruedPenalty', '0', 'lastCobDate', null, 'paidPenalty', '0', 'paidInterest', '0',
                               'paidPrincipal', '0'),
            amount
       FROM loan_applications WHERE programme_id = $1 AND status = 'DISBURSED'`,
    [programmeId, valueDate],
  );
  await client.query(
    `WITH e AS (INSERT INTO journal_entries (entry_type, business_date, reference, core_enterprise_id)
                SELECT 'DISBURSEMENT', $2, id::text, core_enterprise_id FROM loan_applications WHERE programme_id = $1 AND status = 'DISBURSED' RETURNING id, reference)
     INSERT INTO journal_lines (entry_id, loan_application_id, programme_id, core_enterprise_id, account, debit, credit)
     SELECT e.id, la.id, la.programme_id, la.core_enterprise_id, x.account, x.debit, x.credit
       FROM e JOIN loan_applications la ON la.id::text = e.reference,
            LATERAL (VALUES ('LOAN_PRINCIPAL', (la.amount * 100)::bigint, 0::bigint), ('BANK_CLEARING', 0::bigint, (la.amount * 100)::bigint))
              AS x(account, debit, credit)`,
    [programmeId, valueDate],
  );
  await client.query('ANALYZE loan_applications; ANALYZE loan_servicing');
}
