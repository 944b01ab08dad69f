import { Module } from '@nestjs/common';
import { ExposureModule } from '../exposure/exposure.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LoansModule } from '../loans/loans.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioService } from './portfolio.service.js';
import { ServicingService } from './servicing.service.js';

@Module({
  imports: [LedgerModule, ExposureModule, LoansModule, ProgrammesModule],
  controllers: [PortfolioController],
  providers: [ServicingService, PortfolioService],
  exports: [ServicingService],
})
export class ServicingModule {}
