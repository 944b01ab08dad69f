import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './clock/clock.module.js';
import { UsersService } from './auth/users.service.js';
import { RequestInputModule } from './common/request-input.js';
import type { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/config.module.js';
import { APP_CONFIG } from './config/tokens.js';
import { CoreEnterprisesModule } from './core-enterprises/core-enterprises.module.js';
import { EligibilityModule } from './eligibility/eligibility.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { DisbursementsModule } from './disbursements/disbursements.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { HealthModule } from './health/health.module.js';
import { AccessModule } from './common/access/access.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LoansModule } from './loans/loans.module.js';
import { ProgrammesModule } from './programmes/programmes.module.js';
import { RostersModule } from './rosters/rosters.module.js';
import { ServicingModule } from './servicing/servicing.module.js';
import { SettlementsModule } from './settlements/settlements.module.js';
import { SuppliersModule } from './suppliers/suppliers.module.js';
import { CounterpartiesModule } from './counterparties/counterparties.module.js';
import { PurchaseOrdersModule } from './purchase-orders/purchase-orders.module.js';

@Module({})
export class AppModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  /** The database must already be migrated (main.ts and the test harness do it first). */
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.databaseUrl) throw new Error('AppModule needs a database URL; main.ts starts the embedded database first');
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.databasePoolSize)),
        JobsModule,
        AuditModule,
        ClockModule,
        AccessModule,
        IdempotencyModule,
        AuthModule,
        // after AuthModule: input is read only for callers it let in
        RequestInputModule,
        CoreEnterprisesModule,
        ProgrammesModule,
        SuppliersModule,
        CounterpartiesModule,
        PurchaseOrdersModule,
        RostersModule,
        EligibilityModule,
        LoansModule,
        LedgerModule,
        ServicingModule,
        SettlementsModule,
        DisbursementsModule.forRoot(config),
        HealthModule,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureBootstrapAdmin(this.config.adminUsername, this.config.adminPassword);
  }
}
