import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor.js';
import { fenOfMoney, moneyOfFen } from '../common/money.js';
import { sql } from '../database/sql.js';
import { ExposureService, type ExposureClaim } from '../exposure/exposure.service.js';
import { credit, debit, type JournalEntry } from '../ledger/accounts.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LoanPaymentsService } from '../loans/loan-payments.service.js';
import { roundHalfUp } from './fixed-point.js';
import { delinquency, openLoan, type LoanState } from './loan-state.js';
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

/** One repayment to post: `prepay` false for a settlement without prepayFromSettlement. */
export interface RepaymentRequest {
  loanId: string;
  amountFen: bigint;
  prepay: boolean;
  reference: string;
}

export type RepaymentResult =
  | { loanId: string; accepted: true; allocation: Allocation; state: LoanState; terms: ServicingTerms }
  | { loanId: string; accepted: false; reason: RepaymentRefusal | 'NOT_SERVICED'; state?: LoanState; terms?: ServicingTerms };

interface LockedServicingRow {
  loan_application_id: string;
  core_enterprise_id: string;
  programme_id: string;
  supplier_id: string;
  terms: LoanTerms;
  state: StoredLoanState;
  amount: string;
  guaranteed_amount: string;
}

/**
 * Loans from the moment their money is out: each gets a servicing row (the engine's state, the
 * terms frozen at approval) and its disbursement entry, in the transaction that records the payment.
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
          reference: loan.id,
          lines: [debit(key, 'LOAN_PRINCIPAL', compiled.principal), credit(key, 'BANK_CLEARING', compiled.principal)],
        };
      }),
    );
  }

  /** See postRepayments. */
  repay(m: EntityManager, requests: readonly RepaymentRequest[], businessDate: string, actor: Actor): Promise<RepaymentResult[]> {
    return postRepayments(this.deps(), m, requests, businessDate, actor);
  }

  /** See RepaymentBatch: many repayments posted chunk by chunk in the caller's transaction. */
  repaymentBatch(m: EntityManager, businessDate: string, actor: Actor): RepaymentBatch {
    return new RepaymentBatch(this.deps(), m, businessDate, actor);
  }

  private deps(): RepaymentDeps {
    return { ledger: this.ledger, exposure: this.exposure, loans: this.loans };
  }
}

export interface RepaymentDeps {
  ledger: LedgerService;
  exposure: ExposureService;
  loans: LoanPaymentsService;
}

/**
 * Posts repayments valued on `businessDate` in the caller's transaction: each goes through the
 * engine (penalty billing, waterfall, prepayment, refusal above the payoff or while COB is behind),
 * its servicing row is saved, its REPAYMENT entry posted, the principal it repaid frees the
 * supplier's limit, the programme cap and the guaranteed share of the guarantee cap, and a loan
 * left with nothing owing becomes REPAID. Several repayments of one loan apply in the order given.
 *
 * Lock order: servicing rows by loan id, then loan_applications (REPAID), then the exposure rows
 * (ExposureService's order): the order approvals take loan rows before exposure rows.
 */
export async function postRepayments(
  deps: RepaymentDeps,
  m: EntityManager,
  requests: readonly RepaymentRequest[],
  businessDate: string,
  actor: Actor,
): Promise<RepaymentResult[]> {
  const batch = new RepaymentBatch(deps, m, businessDate, actor);
  const results = await batch.apply(requests);
  await batch.finish();
  return results;
}

/**
 * postRepayments in pieces, for a settlement of many thousand loans: apply() saves the servicing
 * rows and posts the entries of each chunk (a few thousand rows per statement keeps PostgreSQL's
 * arrays and the service's memory small); finish() moves the repaid loans to REPAID and frees the
 * exposure once for all chunks, so loan_applications and exposure rows are still locked after every
 * servicing row and in their usual order (locking them chunk by chunk could deadlock with an
 * approval). The caller locks every servicing row first, in loan id order, when chunks are several.
 * A loan repaid in two chunks would have its paid principal counted from its first chunk on.
 */
export class RepaymentBatch {
  private readonly repaid: string[] = [];
  /** Freed exposure summed per supplier, programme and core enterprise: release() sums them the same way. */
  private readonly freed = new Map<string, { claim: ExposureClaim; amount: bigint; guaranteed: bigint }>();

  constructor(
    private readonly deps: RepaymentDeps,
    private readonly m: EntityManager,
    private readonly businessDate: string,
    private readonly actor: Actor,
  ) {}

  async apply(requests: readonly RepaymentRequest[]): Promise<RepaymentResult[]> {
    if (!requests.length) return [];
    const { m, businessDate } = this;
    const ids = [...new Set(requests.map((r) => r.loanId))];
    const locked = await sql<LockedServicingRow>(
      m,
      `SELECT ls.loan_application_id, ls.core_enterprise_id, ls.programme_id, ls.supplier_id, ls.terms, ls.state,
              la.amount::text AS amount, la.guaranteed_amount::text AS guaranteed_amount
         FROM loan_servicing ls JOIN loan_applications la ON la.id = ls.loan_application_id
        WHERE ls.loan_application_id = ANY($1::uuid[]) ORDER BY ls.loan_application_id FOR UPDATE OF ls`,
      [ids],
    );
    const rows = new Map(locked.rows.map((r) => [r.loan_application_id, r]));
    const current = new Map<string, { state: LoanState; terms: ServicingTerms; paidPrincipalBefore: bigint }>();
    for (const row of locked.rows) {
      const state = loadState(row.state);
      current.set(row.loan_application_id, { state, terms: compileTerms(row.terms), paidPrincipalBefore: state.paidPrincipal });
    }

    const results: RepaymentResult[] = [];
    const entries: JournalEntry[] = [];
    for (const request of requests) {
      const loan = current.get(request.loanId);
      const row = rows.get(request.loanId);
      if (!loan || !row) {
        results.push({ loanId: request.loanId, accepted: false, reason: 'NOT_SERVICED' });
        continue;
      }
      const outcome = applyRepayment(loan.state, loan.terms, request.amountFen, businessDate, { prepay: request.prepay });
      if (!outcome.accepted) {
        results.push({ loanId: request.loanId, accepted: false, reason: outcome.reason, state: loan.state, terms: loan.terms });
        continue;
      }
      loan.state = outcome.state;
      const { penalty, interest, principal } = outcome.allocation;
      const key = { loanApplicationId: row.loan_application_id, programmeId: row.programme_id, coreEnterpriseId: row.core_enterprise_id };
      entries.push({
        type: 'REPAYMENT',
        businessDate,
        reference: request.reference,
        lines: [
          debit(key, 'BANK_CLEARING', penalty + interest + principal),
          credit(key, 'PENALTY_RECEIVABLE', penalty),
          credit(key, 'INTEREST_RECEIVABLE', interest),
          credit(key, 'LOAN_PRINCIPAL', principal),
        ],
      });
      results.push({ loanId: request.loanId, accepted: true, allocation: outcome.allocation, state: outcome.state, terms: loan.terms });
    }

    const accepted = new Set(results.filter((r) => r.accepted).map((r) => r.loanId));
    const changed = [...current.entries()].filter(([id]) => accepted.has(id));
    if (!changed.length) return results;
    const late = changed.map(([, l]) => delinquency(l.state, l.terms, businessDate));
    await sql(
      m,
      `UPDATE loan_servicing ls SET state = v.state, status = v.status, principal_outstanding = v.principal, dpd = v.dpd,
              overdue = v.overdue, classification = v.classification, updated_at = now()
         FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::numeric[], $5::int[], $6::boolean[], $7::text[])
              AS v(id, state, status, principal, dpd, overdue, classification)
        WHERE ls.loan_application_id = v.id`,
      [
        changed.map(([id]) => id),
        changed.map(([, l]) => JSON.stringify(storeState(l.state))),
        changed.map(([, l]) => l.state.status),
        changed.map(([, l]) => moneyOfFen(l.state.principalOutstanding)),
        late.map((x) => x.dpd),
        late.map((x) => x.overdue),
        late.map((x) => x.classification),
      ],
    );
    await this.deps.ledger.post(m, entries);

    for (const [id, l] of changed) {
      if (l.state.status === 'REPAID') this.repaid.push(id);
      this.free(repaidClaim(rows.get(id)!, l.paidPrincipalBefore, l.state.paidPrincipal));
    }
    return results;
  }

  private free(claim: ExposureClaim): void {
    const key = `${claim.supplier_id}|${claim.programme_id}|${claim.core_enterprise_id}`;
    const sum = this.freed.get(key);
    if (sum) {
      sum.amount += fenOfMoney(claim.amount);
      sum.guaranteed += fenOfMoney(claim.guaranteed_amount);
    } else this.freed.set(key, { claim, amount: fenOfMoney(claim.amount), guaranteed: fenOfMoney(claim.guaranteed_amount) });
  }

  /** The REPAID transitions and the exposure freed by every chunk applied. */
  async finish(): Promise<void> {
    await this.deps.loans.bulkTransition(this.m, this.repaid, 'DISBURSED', 'REPAID', this.actor, {
      reservationRepaid: true,
      reason: 'repaid in full',
    });
    await this.deps.exposure.release(
      this.m,
      [...this.freed.values()].map(({ claim, amount, guaranteed }) => ({
        ...claim,
        amount: moneyOfFen(amount),
        guaranteed_amount: moneyOfFen(guaranteed),
      })),
    );
    this.repaid.length = 0;
    this.freed.clear();
  }
}

/**
 * What the principal repaid between two moments frees: itself on the supplier's limit and the
 * programme cap, and its guaranteed share on the guarantee cap, computed on the running total so that
 * the shares of all repayments add up to the loan's guaranteed amount to the fen.
 */
export function repaidClaim(
  row: Pick<LockedServicingRow, 'supplier_id' | 'programme_id' | 'core_enterprise_id' | 'amount' | 'guaranteed_amount'>,
  paidBefore: bigint,
  paidAfter: bigint,
): ExposureClaim {
  const amount = fenOfMoney(row.amount);
  const guaranteed = fenOfMoney(row.guaranteed_amount);
  const share = (paid: bigint) => roundHalfUp(guaranteed * paid, amount);
  return {
    supplier_id: row.supplier_id,
    programme_id: row.programme_id,
    core_enterprise_id: row.core_enterprise_id,
    amount: moneyOfFen(paidAfter - paidBefore),
    guaranteed_amount: moneyOfFen(share(paidAfter) - share(paidBefore)),
  };
}
