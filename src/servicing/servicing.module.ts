import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { ServicingService } from './servicing.service.js';

@Module({ imports: [LedgerModule], providers: [ServicingService], exports: [ServicingService] })
export class ServicingModule {}
