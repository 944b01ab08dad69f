import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ClockService } from '../clock/clock.service.js';
import { AccessService } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { fenOfMoney, moneyOfFen } from '../common/money.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { sql } from '../database/sql.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LOAN_APPLICATION } from '../loans/loan-records.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import type { RepaymentDto } from './dto.js';
import { type LoanState, payoff } from './loan-state.js';
import type { LoanTerms } from './scenario.js';
import { loadState, type StoredLoanState } from './servicing-row.js';
import { ServicingErrors } from './servicing.errors.js';
import { ServicingService } from './servicing.service.js';
import { type RepaymentRow, statementView, type StatementView } from './statement-view.js';

export interface RepaymentResponse {
  allocations: { penalty: string; interest: string; principal: string };
  statement: StatementView;
}

/**
 * Direct repayments (a credit on the bank statement, entered by an officer) and the loan statement.
 * The maths is the engine's and the posting ServicingService's; this adds the request's rules:
 * who, which loan, which day, and a reference that makes a repeat harmless.
 */
@Injectable()
export class RepaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly programmes: ProgrammesService,
    private readonly ledger: LedgerService,
    private readonly servicing: ServicingService,
  ) {}

  /** A repayment valued today (the clock, in the programme's time zone). */
  async repay(actor: Actor, loanId: string, dto: RepaymentDto): Promise<RepaymentResponse> {
    await this.access.requireAccess(actor, LOAN_APPLICATION, loanId);
    const amountFen = fenOfMoney(dto.amount);
    return this.dataSource.transaction(async (m) => {
      // The servicing row's lock is the one every change of the loan's servicing takes first (COB,
      // settlements, postRepayments): two repayments of one loan, even with the same reference, run
      // one after the other, and the second sees what the first committed.
      const serviced = await sql(m, `SELECT 1 FROM loan_servicing WHERE loan_application_id = $1 FOR UPDATE`, [loanId]);
      const earlier = await sql<{ amount: string; response: RepaymentResponse }>(
        m,
        `SELECT amount::text, response FROM repayments WHERE loan_application_id = $1 AND reference = $2`,
        [loanId, dto.reference],
      );
      if (earlier.rows[0]) {
        const first = earlier.rows[0];
        if (fenOfMoney(first.amount) === amountFen) return first.response;
        throw new DomainError(
          ServicingErrors.REPAYMENT_REFERENCE_REUSED,
          `Reference ${dto.reference} already repaid ${first.amount} on this loan; a new repayment needs a new reference`,
          { amount: first.amount },
        );
      }
      const loan = await this.loanOf(m, loanId);
      if (loan.status !== 'DISBURSED' || !serviced.rows.length)
        throw new DomainError(ServicingErrors.LOAN_NOT_DISBURSED, `The loan is ${loan.status}: only a DISBURSED loan takes repayments`, {
          currentStatus: loan.status,
        });

      const today = await this.today(m, loan.programme_id);
      const result = await this.servicing.repay(m, { loanId, amountFen, reference: dto.reference }, today, actor);
      if (!result.accepted) {
        if (result.reason === 'COB_PENDING')
          throw new DomainError(ServicingErrors.COB_PENDING, `The end of day before ${today} has not run for this loan yet`, {
            businessDate: today,
          });
        if (result.reason === 'ABOVE_PAYOFF') {
          const payoffAmount = moneyOfFen(payoff(result.state!, result.terms!));
          throw new DomainError(ServicingErrors.REPAYMENT_EXCEEDS_PAYOFF, `Everything the loan owes today is ${payoffAmount}`, {
            payoffAmount,
          });
        }
        throw new Error(`repayment of loan ${loanId} refused: ${result.reason}`);
      }

      const { penalty, interest, principal } = result.allocation;
      const allocations = { penalty: moneyOfFen(penalty), interest: moneyOfFen(interest), principal: moneyOfFen(principal) };
      const inserted = await sql<{ id: string }>(
        m,
        `INSERT INTO repayments (loan_application_id, core_enterprise_id, reference, amount, business_date, penalty, interest, principal, actor,
                                 response, entry_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '{}', $10) RETURNING id`,
        [
          loanId,
          loan.core_enterprise_id,
          dto.reference,
          moneyOfFen(amountFen),
          today,
          allocations.penalty,
          allocations.interest,
          allocations.principal,
          JSON.stringify({ kind: actor.kind, id: actor.id, name: actor.name, role: actor.role }),
          result.entryId,
        ],
      );
      const response: RepaymentResponse = {
        allocations,
        statement: await this.statementOf(m, loanId, loan.terms, result.state, today, actor),
      };
      await sql(m, `UPDATE repayments SET response = $2 WHERE id = $1`, [inserted.rows[0].id, JSON.stringify(response)]);
      await this.audit.record(m, actor, {
        action: 'REPAYMENT_POSTED',
        entityType: 'LoanApplication',
        entityId: loanId,
        coreEnterpriseId: loan.core_enterprise_id,
        before: { status: 'DISBURSED' },
        after: {
          status: result.state.status,
          reference: dto.reference,
          amount: moneyOfFen(amountFen),
          businessDate: today,
          allocations,
          principalOutstanding: moneyOfFen(result.state.principalOutstanding),
        },
      });
      return response;
    });
  }

  /** The statement on today's business date, read in one snapshot so its figures, repayments and entries agree. */
  async statement(actor: Actor, loanId: string): Promise<StatementView> {
    await this.access.requireAccess(actor, LOAN_APPLICATION, loanId);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const loan = await this.loanOf(m, loanId);
      if (!loan.state || !loan.terms)
        throw new DomainError(
          ServicingErrors.LOAN_NOT_SERVICED,
          `Loan application ${loanId} is ${loan.status}: it has no statement until its payment has settled`,
          { currentStatus: loan.status },
        );
      const today = await this.today(m, loan.programme_id);
      return this.statementOf(m, loanId, loan.terms, loadState(loan.state), today, actor);
    });
  }

  private async loanOf(m: EntityManager, loanId: string) {
    const r = await sql<{
      status: string;
      programme_id: string;
      core_enterprise_id: string;
      terms: LoanTerms | null;
      state: StoredLoanState | null;
    }>(
      m,
      `SELECT la.status, la.programme_id, la.core_enterprise_id, ls.terms, ls.state
         FROM loan_applications la LEFT JOIN loan_servicing ls ON ls.loan_application_id = la.id WHERE la.id = $1`,
      [loanId],
    );
    if (!r.rows[0]) throw notFound(LOAN_APPLICATION.what, loanId);
    return r.rows[0];
  }

  private async today(m: EntityManager, programmeId: string): Promise<string> {
    const programme = await this.programmes.find(programmeId, m);
    return this.clock.today(programme?.timeZone ?? this.config.businessTimeZone, m);
  }

  private async statementOf(
    m: EntityManager,
    loanId: string,
    terms: LoanTerms | null,
    state: LoanState,
    asOf: string,
    viewer: Actor,
  ): Promise<StatementView> {
    if (!terms) throw new Error(`loan ${loanId} is serviced without terms`);
    const repayments = await sql<RepaymentRow>(
      m,
      `SELECT id, entry_id::text, reference, amount::text, business_date::text, penalty::text, interest::text, principal::text, actor, created_at
         FROM repayments WHERE loan_application_id = $1`,
      [loanId],
    );
    const entries = await this.ledger.loanEntries(m, loanId);
    return statementView({ terms, state, asOf, repayments: repayments.rows, entries }, viewer);
  }
}
