import { Module } from '@nestjs/common';
import { RostersModule } from '../rosters/rosters.module.js';
import { ServicingModule } from '../servicing/servicing.module.js';
import { SettlementComputeProcessor } from './settlement-compute.processor.js';
import { SettlementsController } from './settlements.controller.js';
import { SettlementsService } from './settlements.service.js';

@Module({
  imports: [RostersModule, ServicingModule],
  controllers: [SettlementsController],
  providers: [SettlementsService, SettlementComputeProcessor],
})
export class SettlementsModule {}
