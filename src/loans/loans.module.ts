import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { ExposureModule } from '../exposure/exposure.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RostersModule } from '../rosters/rosters.module.js';
import { SuppliersModule } from '../suppliers/suppliers.module.js';
import { PurchaseOrdersModule } from '../purchase-orders/purchase-orders.module.js';
import { LoansController } from './loans.controller.js';
import { LoanDecisionsService } from './loan-decisions.service.js';
import { LoanPaymentsService } from './loan-payments.service.js';
import { LoanQueriesService } from './loan-queries.service.js';
import { LoanRosterReviewService } from './loan-roster-review.service.js';
import { LoanSubmissionService } from './loan-submission.service.js';

/**
 * Loan applications. OPEN_BATCHES (open-batches.port.ts) is not provided here: the disbursements
 * module, which imports this one, provides it globally.
 */
@Module({
  imports: [ProgrammesModule, SuppliersModule, EligibilityModule, RostersModule, ExposureModule, PurchaseOrdersModule],
  controllers: [LoansController],
  providers: [LoanSubmissionService, LoanDecisionsService, LoanQueriesService, LoanRosterReviewService, LoanPaymentsService],
  exports: [LoanPaymentsService],
})
export class LoansModule {}
