import { Module } from '@nestjs/common';
import { ExposureModule } from '../exposure/exposure.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LoansModule } from '../loans/loans.module.js';
import { ServicingService } from './servicing.service.js';

@Module({ imports: [LedgerModule, ExposureModule, LoansModule], providers: [ServicingService], exports: [ServicingService] })
export class ServicingModule {}
