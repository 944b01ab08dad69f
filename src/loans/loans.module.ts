import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RostersModule } from '../rosters/rosters.module.js';
import { SuppliersModule } from '../suppliers/suppliers.module.js';
import { LoansController } from './loans.controller.js';
import { LoansService } from './loans.service.js';

@Module({
  imports: [ProgrammesModule, SuppliersModule, EligibilityModule, RostersModule],
  controllers: [LoansController],
  providers: [LoansService],
  exports: [LoansService],
})
export class LoansModule {}
