import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../common/access/access.service.js';
import type { Actor } from '../common/access/actor.js';
import type { SqlExecutor } from '../database/sql.js';
import { ExposureService } from '../exposure/exposure.service.js';
import { approveApplication } from './loan-approval.js';
import { closeLoan, LOAN_APPLICATION, lockLoan, loanView, type LoanView } from './loan-records.js';
import { assertLoanTransition } from './loan-state.js';

/**
 * The officers' decisions on an application: approval (with four eyes above the programme's
 * threshold) or rejection. A final approval freezes the payee and the servicing terms and reserves
 * the money, in the approving transaction (approveApplication; see ExposureService).
 */
@Injectable()
export class LoanDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly exposure: ExposureService,
  ) {}

  async approve(actor: Actor, id: string, comment?: string): Promise<LoanView> {
    // approveApplication opens and ends its own transaction, on the pooled pg connection itself: it
    // sends statements in pairs, whose answers TypeORM's query runner would not keep
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as SqlExecutor;
      return loanView(await approveApplication(connection, actor, id, comment), actor);
    } finally {
      await runner.release();
    }
  }

  async reject(actor: Actor, id: string, reason: string): Promise<LoanView> {
    return this.dataSource.transaction(async (m) => {
      await this.access.requireAccess(actor, LOAN_APPLICATION, id, m);
      const loan = await lockLoan(m, id);
      assertLoanTransition(loan.status, 'REJECTED');
      return closeLoan(m, this.audit, this.exposure, loan, 'REJECTED', actor, reason, 'LOAN_APPLICATION_REJECTED');
    });
  }
}
