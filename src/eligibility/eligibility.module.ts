import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RostersModule } from '../rosters/rosters.module.js';
import { SuppliersModule } from '../suppliers/suppliers.module.js';
import { EligibilityController } from './eligibility.controller.js';
import { EligibilityService } from './eligibility.service.js';

@Module({
  imports: [ProgrammesModule, SuppliersModule, RostersModule],
  controllers: [EligibilityController],
  providers: [EligibilityService],
  exports: [EligibilityService],
})
export class EligibilityModule {}
