import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor.js';
import { moneyOfFen } from '../common/money.js';
import { sql } from '../database/sql.js';
import { ExposureService } from '../exposure/exposure.service.js';
import { credit, debit } from '../ledger/accounts.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LoanPaymentsService } from '../loans/loan-payments.service.js';
import { openLoan, type LoanState } from './loan-state.js';
import { PREPARED_COLUMNS, PREPARED_TYPES, preparedCells, prepareRepayment, type PreparedLoan } from './prepared-repayment.js';
import { applyRepayment, type Allocation, type RepaymentRefusal } from './repayment.js';
import type { LoanTerms } from './scenario.js';
import { loadState, storeState, termsOf, type FrozenLoanTerms, type StoredLoanState } from './servicing-row.js';
import { compileTerms, type ServicingTerms } from './terms.js';

/** A loan whose payment has just settled, as loan_applications holds it. */
export interface SettledLoan extends FrozenLoanTerms {
  id: string;
  core_enterprise_id: string;
  programme_id: string;
  supplier_id: string;
}

/** A direct repayment: always allowed to prepay (domain.md "Repayment"). */
export interface RepaymentRequest {
  loanId: string;
  amountFen: bigint;
  reference: string;
}

export type RepaymentResult =
  | { accepted: true; allocation: Allocation; state: LoanState; terms: ServicingTerms; entryId: string }
  | { accepted: false; reason: RepaymentRefusal | 'NOT_SERVICED'; state?: LoanState; terms?: ServicingTerms };

/** Prepared repayments for postPrepared: a query in the caller's transaction yielding PREPARED_COLUMNS, one row per loan. */
export interface PreparedSource {
  select: string;
  params: readonly unknown[];
}

/** Who posts, on which business date, under which journal reference. */
export interface Posting {
  businessDate: string;
  reference: string;
  /** Of every loan posted. */
  coreEnterpriseId: string;
  actor: Actor;
}

interface LockedServicingRow extends PreparedLoan {
  terms: LoanTerms;
  state: StoredLoanState;
}

/**
 * Loans from the moment their money is out: each gets a servicing row (the engine's state, the
 * terms frozen at approval) and its disbursement entry, in the transaction that records the payment;
 * repayments, direct or a settlement's, are written here too.
 */
@Injectable()
export class ServicingService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly exposure: ExposureService,
    private readonly loans: LoanPaymentsService,
  ) {}

  /** Opens servicing for loans paid on `valueDate` (the business date the payment was recorded SETTLED). */
  async open(m: EntityManager, loans: readonly SettledLoan[], valueDate: string): Promise<void> {
    if (!loans.length) return;
    const opened = loans.map((loan) => {
      const terms = termsOf(loan, valueDate);
      const compiled = compileTerms(terms);
      return { loan, terms, compiled, state: openLoan(compiled) };
    });
    await sql(
      m,
      `INSERT INTO loan_servicing (loan_application_id, core_enterprise_id, programme_id, supplier_id, status, value_date, maturity_date,
                                   terms, state, principal_outstanding)
       SELECT id, ce, p, s, 'DISBURSED', $5::date, maturity, terms, state, principal
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $6::date[], $7::jsonb[], $8::jsonb[], $9::numeric[])
              AS t(id, ce, p, s, maturity, terms, state, principal)`,
      [
        opened.map((o) => o.loan.id),
        opened.map((o) => o.loan.core_enterprise_id),
        opened.map((o) => o.loan.programme_id),
        opened.map((o) => o.loan.supplier_id),
        valueDate,
        opened.map((o) => o.compiled.maturityDate),
        opened.map((o) => JSON.stringify(o.terms)),
        opened.map((o) => JSON.stringify(storeState(o.state))),
        opened.map((o) => moneyOfFen(o.compiled.principal)),
      ],
    );
    await this.ledger.post(
      m,
      opened.map(({ loan, compiled }) => {
        const key = { loanApplicationId: loan.id, programmeId: loan.programme_id, coreEnterpriseId: loan.core_enterprise_id };
        return {
          type: 'DISBURSEMENT' as const,
          businessDate: valueDate,
          coreEnterpriseId: loan.core_enterprise_id,
          reference: loan.id,
          lines: [debit(key, 'LOAN_PRINCIPAL', compiled.principal), credit(key, 'BANK_CLEARING', compiled.principal)],
        };
      }),
    );
  }

  /**
   * A direct repayment of one loan valued on `businessDate`, in the caller's transaction: the engine
   * prices it on the loan's locked state (penalty billing, waterfall, prepayment, refusal above the
   * payoff or while COB is behind) and postPrepared writes it.
   */
  async repay(m: EntityManager, request: RepaymentRequest, businessDate: string, actor: Actor): Promise<RepaymentResult> {
    const locked = await sql<LockedServicingRow>(
      m,
      `SELECT ls.loan_application_id, ls.supplier_id, ls.programme_id, ls.core_enterprise_id, ls.terms, ls.state,
              la.amount::text AS amount, la.guaranteed_amount::text AS guaranteed_amount
         FROM loan_servicing ls JOIN loan_applications la ON la.id = ls.loan_application_id
        WHERE ls.loan_application_id = $1 FOR UPDATE OF ls`,
      [request.loanId],
    );
    const row = locked.rows[0];
    if (!row) return { accepted: false, reason: 'NOT_SERVICED' };
    const state = loadState(row.state);
    const terms = compileTerms(row.terms);
    const outcome = applyRepayment(state, terms, request.amountFen, businessDate);
    if (!outcome.accepted) return { accepted: false, reason: outcome.reason, state, terms };
    const prepared = prepareRepayment(row, state, outcome, terms, businessDate);
    const { entryId } = await this.postPrepared(
      m,
      {
        select: `SELECT * FROM unnest(${PREPARED_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
        params: preparedCells(prepared).map((c) => [c]),
      },
      { businessDate, reference: request.reference, coreEnterpriseId: row.core_enterprise_id, actor },
    );
    return { accepted: true, allocation: outcome.allocation, state: outcome.state, terms, entryId: entryId! };
  }

  /**
   * Writes prepared repayments valued on `posting.businessDate`, each loan's in full, in a few
   * set-based statements of the caller's transaction: the servicing rows, one REPAYMENT entry with
   * every loan's lines (Dr BANK_CLEARING / Cr the receivables paid), the loans left with nothing
   * owing become REPAID, and the principal repaid frees the supplier's limit, the programme cap and
   * the guaranteed share of the guarantee cap.
   *
   * The caller has locked every loan's servicing row (in loan id order when they are several) and
   * made sure each is still the state its repayment was priced on. Lock order from here:
   * loan_applications (REPAID), then the exposure rows (ExposureService's order), the order
   * approvals take them in.
   */
  async postPrepared(m: EntityManager, source: PreparedSource, posting: Posting): Promise<{ loans: number; entryId: string | null }> {
    // Read once into a scratch table (in the source's order: a settlement's is by loan id, the order
    // of the ledger's index on loans, which then fills its pages one by one).
    await sql(
      m,
      `CREATE TEMP TABLE prepared_repayments ON COMMIT DROP AS SELECT * FROM (${source.select}) AS p (${PREPARED_COLUMNS.join(', ')})`,
      [...source.params],
    );
    const count = await sql<{ n: number }>(m, `SELECT count(*)::int AS n FROM prepared_repayments`);
    const loans = count.rows[0].n;
    if (!loans) {
      await sql(m, `DROP TABLE prepared_repayments`);
      return { loans, entryId: null };
    }
    const updated = await sql(
      m,
      `UPDATE loan_servicing ls SET state = p.state, status = p.status, principal_outstanding = p.principal_outstanding, dpd = p.dpd,
              overdue = p.overdue, classification = p.classification, updated_at = now()
         FROM prepared_repayments p WHERE ls.loan_application_id = p.loan_application_id AND ls.status = 'DISBURSED'`,
    );
    // the caller checked every loan before: anything else is a bug, and the transaction goes back
    if (updated.rowCount !== loans) throw new Error(`${loans} prepared repayments, but ${updated.rowCount} open loans to write them to`);
    const entryId = await this.ledger.postSelected(
      m,
      { type: 'REPAYMENT', businessDate: posting.businessDate, reference: posting.reference, coreEnterpriseId: posting.coreEnterpriseId },
      `SELECT p.loan_application_id, p.programme_id, p.core_enterprise_id, l.account, l.debit, l.credit
         FROM prepared_repayments p
        CROSS JOIN LATERAL (VALUES ('BANK_CLEARING', p.penalty + p.interest + p.principal, 0::bigint),
                                   ('PENALTY_RECEIVABLE', 0::bigint, p.penalty),
                                   ('INTEREST_RECEIVABLE', 0::bigint, p.interest),
                                   ('LOAN_PRINCIPAL', 0::bigint, p.principal)) AS l (account, debit, credit)`,
    );
    const repaid = await sql<{ id: string }>(m, `SELECT loan_application_id AS id FROM prepared_repayments WHERE status = 'REPAID'`);
    await this.loans.bulkTransition(
      m,
      repaid.rows.map((r) => r.id),
      'DISBURSED',
      'REPAID',
      posting.actor,
      { reservationRepaid: true, reason: 'repaid in full' },
    );
    await this.exposure.releaseSelected(
      m,
      `SELECT supplier_id, programme_id, core_enterprise_id, freed_amount, freed_guaranteed FROM prepared_repayments
        WHERE freed_amount <> 0 OR freed_guaranteed <> 0`,
    );
    await sql(m, `DROP TABLE prepared_repayments`);
    return { loans, entryId };
  }
}
