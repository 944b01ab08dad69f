import { fenOfMoney, moneyOfFen } from '../../src/common/money.js';
import { compileTerms, interestDue, penaltyDue, roundedAccruedInterest, roundedAccruedPenalty } from '../../src/servicing/engine.js';
import type { LoanTerms } from '../../src/servicing/scenario.js';
import { loadState, type StoredLoanState } from '../../src/servicing/servicing-row.js';
import { freedBy } from '../../src/servicing/prepared-repayment.js';
import type { TestApp } from './test-app.js';

/*
 * issue 11 "Correctness", checked over the whole database after a servicing scenario: the ledger
 * balances, each loan's ledger equals its statement (domain.md "Ledger" identities, computed with the
 * engine's own functions on the stored state), and the limit counters hold exactly what the loans
 * still holding reservations owe.
 */

interface ServicingRow {
  loan_application_id: string;
  status: string;
  loan_status: string;
  principal_outstanding: string;
  terms: LoanTerms;
  state: StoredLoanState;
}

interface ReservingLoan {
  id: string;
  status: string;
  supplier_id: string;
  programme_id: string;
  core_enterprise_id: string;
  amount: string;
  guaranteed_amount: string;
  state: StoredLoanState | null;
}

const add = (m: Map<string, bigint>, key: string, fen: bigint) => m.set(key, (m.get(key) ?? 0n) + fen);
const shown = (m: Map<string, bigint>) => Object.fromEntries([...m].filter(([, v]) => v !== 0n).map(([k, v]) => [k, moneyOfFen(v)]));

export async function expectServicingInvariants(t: TestApp): Promise<void> {
  const [total] = await t.db.query(
    `SELECT coalesce(sum(debit), 0)::text AS debit, coalesce(sum(credit), 0)::text AS credit FROM journal_lines`,
  );
  expect(total.debit).toBe(total.credit);
  const unbalanced = await t.db.query(`SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)`);
  expect(unbalanced).toEqual([]);

  const rows: ServicingRow[] = await t.db.query(
    `SELECT ls.loan_application_id, ls.status, la.status AS loan_status, ls.principal_outstanding::text, ls.terms, ls.state
       FROM loan_servicing ls JOIN loan_applications la ON la.id = ls.loan_application_id ORDER BY ls.loan_application_id`,
  );
  const nets: { loan_application_id: string; account: string; net: string }[] = await t.db.query(
    `SELECT loan_application_id, account, (sum(debit) - sum(credit))::text AS net FROM journal_lines GROUP BY 1, 2`,
  );
  const ledger = new Map<string, bigint>(nets.map((n) => [`${n.loan_application_id}/${n.account}`, BigInt(n.net)]));
  const balance = (loan: string, account: string) => moneyOfFen(ledger.get(`${loan}/${account}`) ?? 0n);
  for (const row of rows) {
    const state = loadState(row.state);
    const terms = compileTerms(row.terms);
    const id = row.loan_application_id;
    expect({ id, status: row.status, loanStatus: row.loan_status, principalOutstanding: row.principal_outstanding }).toEqual({
      id,
      status: state.status,
      loanStatus: state.status,
      principalOutstanding: moneyOfFen(state.principalOutstanding),
    });
    expect({
      id,
      LOAN_PRINCIPAL: balance(id, 'LOAN_PRINCIPAL'),
      INTEREST_RECEIVABLE: balance(id, 'INTEREST_RECEIVABLE'),
      PENALTY_RECEIVABLE: balance(id, 'PENALTY_RECEIVABLE'),
    }).toEqual({
      id,
      LOAN_PRINCIPAL: moneyOfFen(state.principalOutstanding),
      INTEREST_RECEIVABLE: moneyOfFen(interestDue(state) + roundedAccruedInterest(state, terms)),
      PENALTY_RECEIVABLE: moneyOfFen(penaltyDue(state) + roundedAccruedPenalty(state, terms)),
    });
  }

  const reserving: ReservingLoan[] = await t.db.query(
    `SELECT la.id, la.status, la.supplier_id, la.programme_id, la.core_enterprise_id, la.amount::text, la.guaranteed_amount::text, ls.state
       FROM loan_applications la LEFT JOIN loan_servicing ls ON ls.loan_application_id = la.id WHERE la.reserved`,
  );
  const supplier = new Map<string, bigint>();
  const programme = new Map<string, bigint>();
  const guaranteed = new Map<string, bigint>();
  for (const loan of reserving) {
    expect({ id: loan.id, status: loan.status }).toEqual({
      id: loan.id,
      status: expect.stringMatching(/^(APPROVED|DISBURSING|DISBURSED)$/),
    });
    let outstanding = fenOfMoney(loan.amount);
    let guarantee = fenOfMoney(loan.guaranteed_amount);
    if (loan.status === 'DISBURSED') {
      const paid = loadState(loan.state!).paidPrincipal;
      outstanding -= paid;
      guarantee -= fenOfMoney(freedBy(loan, 0n, paid).guaranteed_amount);
    }
    add(supplier, `${loan.supplier_id}/${loan.programme_id}`, outstanding);
    add(programme, loan.programme_id, outstanding);
    add(guaranteed, loan.core_enterprise_id, guarantee);
  }
  const counters = async (query: string) => {
    const r: { key: string; fen: string }[] = await t.db.query(query);
    // numeric(18,2) as text always has two decimals; a counter gone negative must show, not throw
    return new Map(r.map((x) => [x.key, BigInt(x.fen.replace('.', ''))]));
  };
  expect(
    shown(await counters(`SELECT supplier_id || '/' || programme_id AS key, reserved_amount::text AS fen FROM supplier_exposure`)),
  ).toEqual(shown(supplier));
  expect(shown(await counters(`SELECT programme_id::text AS key, outstanding_amount::text AS fen FROM programme_exposure`))).toEqual(
    shown(programme),
  );
  expect(
    shown(await counters(`SELECT core_enterprise_id::text AS key, guaranteed_exposure::text AS fen FROM core_enterprise_exposure`)),
  ).toEqual(shown(guaranteed));
}
