import { Module } from '@nestjs/common';
import { SuppliersModule } from '../suppliers/suppliers.module.js';
import { RosterImportProcessor } from './roster-import.processor.js';
import { RostersController } from './rosters.controller.js';
import { RostersService } from './rosters.service.js';
import { RosterTempFiles } from './temp-files.js';

@Module({
  imports: [SuppliersModule],
  controllers: [RostersController],
  providers: [RostersService, RosterImportProcessor, RosterTempFiles],
  exports: [RosterImportProcessor, RosterTempFiles],
})
export class RostersModule {}
