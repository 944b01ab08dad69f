import { Module } from '@nestjs/common';
import { CounterpartiesModule } from '../counterparties/counterparties.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RostersModule } from '../rosters/rosters.module.js';
import { SuppliersModule } from '../suppliers/suppliers.module.js';
import { EligibilityController } from './eligibility.controller.js';
import { BlacklistService } from './blacklist.service.js';
import { EligibilityPreviewService } from './eligibility-preview.service.js';
import { ScreeningRunsService } from './screening-runs.service.js';
import { SupplierScreeningService } from './supplier-screening.service.js';

@Module({
  imports: [ProgrammesModule, SuppliersModule, RostersModule, CounterpartiesModule],
  controllers: [EligibilityController],
  providers: [SupplierScreeningService, ScreeningRunsService, EligibilityPreviewService, BlacklistService],
  // loans screen a supplier when an application is submitted; the end of day re-screens overdue changes
  exports: [SupplierScreeningService, ScreeningRunsService],
})
export class EligibilityModule {}
