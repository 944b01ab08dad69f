import type { MigrationInterface, QueryRunner } from 'typeorm';

const FROZEN = `status NOT IN ('APPROVED', 'DISBURSING', 'DISBURSED') OR (
  day_count_basis IS NOT NULL AND repayment_type IS NOT NULL AND interest_day IS NOT NULL
  AND grace_days IS NOT NULL AND penalty_rate_multiplier IS NOT NULL)`;

export class ServicingTerms1765008000001 implements MigrationInterface {
  name = 'ServicingTerms1765008000001';

  async up(q: QueryRunner): Promise<void> {
    // domain.md "Servicing": the defaults are what existing programmes get.
    await q.query(`
      ALTER TABLE programmes
        ADD COLUMN repayment_type text NOT NULL DEFAULT 'INTEREST_MONTHLY',
        ADD COLUMN interest_day smallint NOT NULL DEFAULT 21,
        ADD COLUMN grace_days smallint NOT NULL DEFAULT 3,
        ADD COLUMN penalty_rate_multiplier numeric(12,10) NOT NULL DEFAULT 1.5,
        ADD COLUMN settlement_deduction_ratio numeric(12,10) NOT NULL DEFAULT 0.80,
        ADD COLUMN prepay_from_settlement boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_programmes_repayment_type CHECK (repayment_type IN ('INTEREST_MONTHLY', 'BULLET')),
        ADD CONSTRAINT ck_programmes_interest_day CHECK (interest_day BETWEEN 1 AND 31),
        ADD CONSTRAINT ck_programmes_grace_days CHECK (grace_days BETWEEN 0 AND 90),
        ADD CONSTRAINT ck_programmes_penalty_multiplier CHECK (penalty_rate_multiplier >= 1 AND penalty_rate_multiplier <= 2),
        ADD CONSTRAINT ck_programmes_settlement_ratio CHECK (settlement_deduction_ratio > 0 AND settlement_deduction_ratio <= 1)`);

    // A loan's servicing terms, frozen by its final approval (the rate was already fixed at submission).
    await q.query(`
      ALTER TABLE loan_applications
        ADD COLUMN day_count_basis text,
        ADD COLUMN repayment_type text,
        ADD COLUMN interest_day smallint,
        ADD COLUMN grace_days smallint,
        ADD COLUMN penalty_rate_multiplier numeric(12,10)`);
    // Loans approved before this migration take their programme's terms as they stand now.
    await q.query(`
      UPDATE loan_applications la
         SET day_count_basis = p.day_count_basis, repayment_type = p.repayment_type, interest_day = p.interest_day,
             grace_days = p.grace_days, penalty_rate_multiplier = p.penalty_rate_multiplier
        FROM programmes p
       WHERE p.id = la.programme_id AND la.approved_at IS NOT NULL`);
    await q.query(`ALTER TABLE loan_applications ADD CONSTRAINT ck_loan_applications_terms CHECK (${FROZEN})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loan_applications
        DROP CONSTRAINT ck_loan_applications_terms,
        DROP COLUMN penalty_rate_multiplier, DROP COLUMN grace_days, DROP COLUMN interest_day,
        DROP COLUMN repayment_type, DROP COLUMN day_count_basis`);
    await q.query(`
      ALTER TABLE programmes
        DROP CONSTRAINT ck_programmes_settlement_ratio, DROP CONSTRAINT ck_programmes_penalty_multiplier,
        DROP CONSTRAINT ck_programmes_grace_days, DROP CONSTRAINT ck_programmes_interest_day,
        DROP CONSTRAINT ck_programmes_repayment_type,
        DROP COLUMN prepay_from_settlement, DROP COLUMN settlement_deduction_ratio, DROP COLUMN penalty_rate_multiplier,
        DROP COLUMN grace_days, DROP COLUMN interest_day, DROP COLUMN repayment_type`);
  }
}
