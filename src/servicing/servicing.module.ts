import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { ExposureModule } from '../exposure/exposure.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LoansModule } from '../loans/loans.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { CobRunsService } from './cob-runs.service.js';
import { CobController } from './cob.controller.js';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioService } from './portfolio.service.js';
import { RepaymentsController } from './repayments.controller.js';
import { RepaymentsService } from './repayments.service.js';
import { ServicingService } from './servicing.service.js';

@Module({
  // eligibility: a supplier whose loan went overdue (or was cured) is re-screened after each COB date
  imports: [LedgerModule, ExposureModule, LoansModule, ProgrammesModule, EligibilityModule],
  controllers: [CobController, PortfolioController, RepaymentsController],
  providers: [ServicingService, CobRunsService, PortfolioService, RepaymentsService],
  exports: [ServicingService, CobRunsService],
})
export class ServicingModule {}
