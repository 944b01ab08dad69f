import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moneyOfFen } from '../common/money.js';
import { sql } from '../database/sql.js';
import { credit, debit } from '../ledger/accounts.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { openLoan } from './loan-state.js';
import { storeState, termsOf, type FrozenLoanTerms } from './servicing-row.js';
import { compileTerms } from './terms.js';

/** A loan whose payment has just settled, as loan_applications holds it. */
export interface SettledLoan extends FrozenLoanTerms {
  id: string;
  core_enterprise_id: string;
  programme_id: string;
  supplier_id: string;
}

/**
 * Loans from the moment their money is out: each gets a servicing row (the engine's state, the
 * terms frozen at approval) and its disbursement entry, in the transaction that records the payment.
 */
@Injectable()
export class ServicingService {
  constructor(private readonly ledger: LedgerService) {}

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
          reference: loan.id,
          lines: [debit(key, 'LOAN_PRINCIPAL', compiled.principal), credit(key, 'BANK_CLEARING', compiled.principal)],
        };
      }),
    );
  }
}
