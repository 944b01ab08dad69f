import { Module } from '@nestjs/common';
import { CoreEnterprisesModule } from '../core-enterprises/core-enterprises.module.js';
import { CounterpartiesController } from './counterparties.controller.js';
import { CounterpartiesService } from './counterparties.service.js';

@Module({
  imports: [CoreEnterprisesModule],
  controllers: [CounterpartiesController],
  providers: [CounterpartiesService],
  exports: [CounterpartiesService],
})
export class CounterpartiesModule {}
