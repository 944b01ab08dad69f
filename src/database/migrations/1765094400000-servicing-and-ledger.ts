import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Servicing (domain.md "Servicing"): one servicing row per disbursed loan, holding the engine's state
 * (src/servicing/loan-state.ts), and the double-entry ledger. Loans may now end REPAID.
 */
export class ServicingAndLedger1765094400000 implements MigrationInterface {
  name = 'ServicingAndLedger1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE loan_applications DROP CONSTRAINT ck_loan_applications_status`);
    await q.query(`
      ALTER TABLE loan_applications ADD CONSTRAINT ck_loan_applications_status CHECK (status IN ('SUBMITTED', 'REJECTED_INELIGIBLE',
        'PENDING_REVIEW', 'PENDING_SECOND_APPROVAL', 'APPROVED', 'REJECTED', 'DISBURSING', 'DISBURSED', 'REPAID', 'CANCELLED'))`);

    // The terms are copied from the loan at its value date (they are frozen, and the end of day of a
    // million loans must not join loan_applications for them). `state` is the engine's LoanState with
    // its integers as strings; the columns beside it repeat what queries filter and add up on.
    // The end of day rewrites every open row daily: room left in each page (fillfactor) and no index
    // on a column it writes let those updates be HOT, i.e. no index is touched.
    await q.query(`
      CREATE TABLE loan_servicing (
        loan_application_id uuid PRIMARY KEY REFERENCES loan_applications (id),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        programme_id uuid NOT NULL REFERENCES programmes (id),
        supplier_id uuid NOT NULL REFERENCES suppliers (id),
        status text NOT NULL,
        value_date date NOT NULL,
        maturity_date date NOT NULL,
        terms jsonb NOT NULL,
        state jsonb NOT NULL,
        last_cob_date date,
        principal_outstanding numeric(18,2) NOT NULL,
        dpd integer NOT NULL DEFAULT 0,
        overdue boolean NOT NULL DEFAULT false,
        classification text NOT NULL DEFAULT 'NORMAL',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_loan_servicing_status CHECK (status IN ('DISBURSED', 'REPAID')),
        CONSTRAINT ck_loan_servicing_principal CHECK (principal_outstanding >= 0),
        CONSTRAINT ck_loan_servicing_classification CHECK (classification IN ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'))
      ) WITH (fillfactor = 70)`);
    await q.query(`CREATE INDEX ix_loan_servicing_supplier ON loan_servicing (supplier_id) WHERE status = 'DISBURSED'`);
    await q.query(`CREATE INDEX ix_loan_servicing_programme ON loan_servicing (programme_id, status)`);

    // The ledger: amounts in fen, every line on one loan's account. An entry is balanced and never
    // changes; a mistake is corrected by a new entry. Only the loan is a foreign key: LedgerService,
    // the only writer, copies the programme and core enterprise from the loan's own row, and the end
    // of day writes about two lines per open loan a day, where each more key check cost ~7 µs a line.
    await q.query(`
      CREATE TABLE journal_entries (
        id bigserial PRIMARY KEY,
        entry_type text NOT NULL,
        business_date date NOT NULL,
        reference text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_journal_entries_type CHECK (entry_type IN ('DISBURSEMENT', 'ACCRUAL', 'REPAYMENT'))
      )`);
    await q.query(`
      CREATE TABLE journal_lines (
        entry_id bigint NOT NULL REFERENCES journal_entries (id),
        loan_application_id uuid NOT NULL REFERENCES loan_applications (id),
        programme_id uuid NOT NULL,
        core_enterprise_id uuid NOT NULL,
        account text NOT NULL,
        debit bigint NOT NULL DEFAULT 0,
        credit bigint NOT NULL DEFAULT 0,
        CONSTRAINT ck_journal_lines_account CHECK (account IN ('LOAN_PRINCIPAL', 'INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE',
          'INTEREST_INCOME', 'PENALTY_INCOME', 'BANK_CLEARING')),
        CONSTRAINT ck_journal_lines_amount CHECK (debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0))
      )`);
    await q.query(`CREATE INDEX ix_journal_lines_entry ON journal_lines (entry_id)`);
    await q.query(`CREATE INDEX ix_journal_lines_loan ON journal_lines (loan_application_id, account)`);
    await q.query(`CREATE INDEX ix_journal_lines_programme ON journal_lines (programme_id, account)`);

    await q.query(`
      CREATE FUNCTION ledger_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'raise_exception';
      END $$`);
    await q.query(
      `CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION ledger_is_immutable()`,
    );
    await q.query(
      `CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines FOR EACH ROW EXECUTE FUNCTION ledger_is_immutable()`,
    );
    await q.query(
      `CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_immutable()`,
    );
    await q.query(
      `CREATE TRIGGER journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_immutable()`,
    );
    // Every statement that writes lines writes whole entries (LedgerService.post): each entry it
    // touched must balance, checked once per statement over just the rows it inserted.
    await q.query(`
      CREATE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE unbalanced bigint;
      BEGIN
        SELECT entry_id INTO unbalanced FROM inserted GROUP BY entry_id HAVING sum(debit) <> sum(credit) LIMIT 1;
        IF unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_balanced()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE journal_lines`);
    await q.query(`DROP TABLE journal_entries`);
    await q.query(`DROP FUNCTION journal_lines_balanced()`);
    await q.query(`DROP FUNCTION ledger_is_immutable()`);
    await q.query(`DROP TABLE loan_servicing`);
    await q.query(`ALTER TABLE loan_applications DROP CONSTRAINT ck_loan_applications_status`);
    await q.query(`
      ALTER TABLE loan_applications ADD CONSTRAINT ck_loan_applications_status CHECK (status IN ('SUBMITTED', 'REJECTED_INELIGIBLE',
        'PENDING_REVIEW', 'PENDING_SECOND_APPROVAL', 'APPROVED', 'REJECTED', 'DISBURSING', 'DISBURSED', 'CANCELLED'))`);
  }
}
