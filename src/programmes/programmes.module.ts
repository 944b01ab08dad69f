import { Module } from '@nestjs/common';
import { CoreEnterprisesModule } from '../core-enterprises/core-enterprises.module.js';
import { CounterpartiesModule } from '../counterparties/counterparties.module.js';
import { ExposureModule } from '../exposure/exposure.module.js';
import { ProgrammesController } from './programmes.controller.js';
import { ProgrammesService } from './programmes.service.js';

@Module({
  imports: [CoreEnterprisesModule, ExposureModule, CounterpartiesModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
