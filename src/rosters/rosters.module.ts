import { Module } from '@nestjs/common';
import { CounterpartiesModule } from '../counterparties/counterparties.module.js';
import { SuppliersModule } from '../suppliers/suppliers.module.js';
import { RosterImportProcessor } from './roster-import.processor.js';
import { RostersController } from './rosters.controller.js';
import { RostersService } from './rosters.service.js';
import { RosterTempFiles } from './temp-files.js';

@Module({
  imports: [SuppliersModule, CounterpartiesModule],
  controllers: [RostersController],
  providers: [RostersService, RosterImportProcessor, RosterTempFiles],
  exports: [RosterImportProcessor, RosterTempFiles],
})
export class RostersModule {}
