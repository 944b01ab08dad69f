import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { CobRunsService } from './cob-runs.service.js';
import { CobController } from './cob.controller.js';
import { ServicingService } from './servicing.service.js';

@Module({
  // eligibility: a supplier whose loan went overdue (or was cured) is re-screened after each COB date
  imports: [LedgerModule, EligibilityModule],
  controllers: [CobController],
  providers: [ServicingService, CobRunsService],
  exports: [ServicingService, CobRunsService],
})
export class ServicingModule {}
