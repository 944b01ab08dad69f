import { Module } from '@nestjs/common';
import { BankSimController } from './bank-sim.controller.js';
import { BankSimService } from './bank-sim.service.js';

/** The in-process simulator: its service for the payment channel, and its read API. */
@Module({
  controllers: [BankSimController],
  providers: [BankSimService],
  exports: [BankSimService],
})
export class BankSimModule {}
