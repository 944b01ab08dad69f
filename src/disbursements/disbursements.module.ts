import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { BankSimModule } from '../bank-sim/bank-sim.module.js';
import { BankSimService } from '../bank-sim/bank-sim.service.js';
import { LoansModule } from '../loans/loans.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { ServicingModule } from '../servicing/servicing.module.js';
import { DisbursementBatchesService } from './disbursement-batches.service.js';
import { DisbursementExecutor } from './disbursement-executor.js';
import { DisbursementOutcomesService } from './disbursement-outcomes.service.js';
import { DisbursementsController } from './disbursements.controller.js';
import { OpenBatchesModule } from './open-batches.js';
import { createPaymentChannel, PAYMENT_CHANNEL } from './payment-channel.js';

@Module({})
export class DisbursementsModule {
  /** With BANK_URL the channel is HTTP; without it the bank simulator runs in this process. */
  static forRoot(config: AppConfig): DynamicModule {
    const inProcess = !config.bankUrl;
    return {
      module: DisbursementsModule,
      imports: [LoansModule, ProgrammesModule, ServicingModule, OpenBatchesModule, ...(inProcess ? [BankSimModule] : [])],
      controllers: [DisbursementsController],
      providers: [
        DisbursementBatchesService,
        DisbursementOutcomesService,
        DisbursementExecutor,
        {
          provide: PAYMENT_CHANNEL,
          inject: inProcess ? [APP_CONFIG, BankSimService] : [APP_CONFIG],
          useFactory: (cfg: AppConfig, bank?: BankSimService) => createPaymentChannel(cfg, bank),
        },
      ],
      exports: [DisbursementBatchesService],
    };
  }
}
