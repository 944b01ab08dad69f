/**
 * npm run bank-sim: the bank simulator as a process of its own (BANK_URL points the service at it).
 *
 * It keeps its transfers in its own schema (bank_sim) of BANK_SIM_DATABASE_URL, else DATABASE_URL,
 * else an embedded PostgreSQL under .data/bank-sim. The service calls it with the shared key
 * (X-Bank-Sim-Key: BANK_SIM_API_KEY); people read it with a service token of ADMIN, OFFICER,
 * SENIOR_OFFICER or AUDITOR (same JWT_SECRET).
 */
import 'reflect-metadata';
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Module,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { createHttpLogger, createRootLogger, PinoNestLogger } from '../common/logging.js';
import { CommonErrors, DomainError, notFound } from '../common/errors.js';
import { ProblemFilter } from '../common/problem.js';
import { createValidationPipe } from '../common/validation.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.js';
import { AppConfigModule } from '../config/config.module.js';
import { APP_CONFIG } from '../config/tokens.js';
import { dataSourceOptions } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded.js';
import { BankSimService, SimTimeoutError, transferPageView, transferView } from './bank-sim.service.js';
import { SimTransferDto, SimTransferQuery } from './dto.js';

const READERS = new Set(['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR']);

/** The service (shared key) may do anything; people (service JWT, staff roles) may read. */
@Injectable()
class BankSimGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.path === '/health') return true;
    const key = req.headers['x-bank-sim-key'];
    if (typeof key === 'string') {
      const a = Buffer.from(key);
      const b = Buffer.from(this.config.bankSimApiKey);
      if (a.length === b.length && timingSafeEqual(a, b)) return true;
      throw new DomainError(CommonErrors.UNAUTHENTICATED, 'Wrong X-Bank-Sim-Key');
    }
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new DomainError(CommonErrors.UNAUTHENTICATED, 'Send X-Bank-Sim-Key, or a ChainLend bearer token to read');
    let role: string;
    try {
      role = (await this.jwt.verifyAsync<{ role: string }>(token)).role;
    } catch {
      throw new DomainError(CommonErrors.UNAUTHENTICATED, 'The access token is missing, expired or invalid');
    }
    if (req.method !== 'GET' || !READERS.has(role))
      throw new DomainError(CommonErrors.FORBIDDEN, 'Only the service posts transfers; staff may read them');
    return true;
  }
}

@Controller()
class StandaloneBankController {
  constructor(private readonly bank: BankSimService) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('bank-sim/transfers')
  @HttpCode(200)
  async credit(@Body() dto: SimTransferDto, @Res({ passthrough: true }) res: Response) {
    try {
      return transferView(await this.bank.credit(dto));
    } catch (e) {
      if (!(e instanceof SimTimeoutError)) throw e;
      // what a gateway says when the core did not answer in time: the caller cannot know the outcome
      res.status(504);
      return { status: 504, code: 'BANK_TIMEOUT', detail: 'the bank did not answer in time' };
    }
  }

  @Get('bank-sim/transfers')
  async list(@Query() q: SimTransferQuery) {
    return transferPageView(await this.bank.list(q));
  }

  @Get('bank-sim/transfers/:endToEndId')
  async get(@Param('endToEndId') endToEndId: string) {
    const t = await this.bank.status(endToEndId);
    if (!t) throw notFound('Transfer', endToEndId);
    return transferView(t);
  }
}

async function main() {
  const config = loadConfig(process.env, { bankSimulator: true });
  const logger = createRootLogger(config.logLevel);
  let url = process.env.BANK_SIM_DATABASE_URL ?? config.databaseUrl;
  const embedded = url
    ? undefined
    : await startEmbeddedPostgres({
        dir: path.join(config.embeddedDir, 'bank-sim'),
        port: config.embeddedPort + 1,
        database: 'bank_sim',
        log: (m) => logger.info(m),
      });
  url ??= embedded!.url;
  const port = Number(process.env.BANK_SIM_PORT ?? 3001);

  @Module({
    imports: [
      AppConfigModule.forRoot({ ...config, databaseUrl: url }),
      TypeOrmModule.forRoot({ ...dataSourceOptions(url, 10), entities: [], migrations: [] }),
      JwtModule.register({ secret: config.jwtSecret, verifyOptions: { algorithms: ['HS256'], issuer: 'chainlend' } }),
    ],
    controllers: [StandaloneBankController],
    providers: [BankSimService, { provide: APP_GUARD, useClass: BankSimGuard }],
  })
  class StandaloneBankModule {}

  const app = await NestFactory.create<NestExpressApplication>(StandaloneBankModule, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.use(createHttpLogger(logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const shutdown = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen(port, config.host);
  logger.info(
    { port, database: embedded ? 'embedded' : 'DATABASE_URL' },
    `bank simulator listening: set BANK_URL=http://localhost:${port} for the service`,
  );
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(e instanceof ConfigError ? 78 : 1); // EX_CONFIG
});
