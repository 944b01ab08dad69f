import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { ConfigError, DEV_ADMIN_PASSWORD, loadConfig, type AppConfig } from './config/app-config.js';
import { createRootLogger, PinoNestLogger } from './common/logging.js';
import { DEMO_DAIRY_GROUP, DEMO_LOGIN_PASSWORD, DEMO_LOGINS, ensureDemoLogins } from './dev-demo/demo-logins.js';
import { EmbeddedDbError } from './database/embedded.js';
import { prepareDatabase } from './database/prepare.js';

async function main(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createRootLogger(config.logLevel);
  const log = (msg: string) => logger.info({ context: 'Database' }, msg);

  let db;
  try {
    db = await prepareDatabase(config, log);
  } catch (e) {
    if (e instanceof EmbeddedDbError) {
      logger.fatal({ context: 'Database' }, e.message);
      console.error(`\nChainLend cannot start its embedded database:\n  ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (db.applied.length) log(`applied migrations: ${db.applied.join(', ')}`);
  config = { ...config, databaseUrl: db.url };

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  configureApp(app, logger);

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await db.embedded?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.init();
  // Demo logins only beside the development admin on the embedded database: never on a server
  // someone configured, whose users are theirs to create. Before listening, so that a service that
  // answers has them.
  const devDefaults = config.env !== 'production' && config.adminPassword === DEV_ADMIN_PASSWORD;
  const demoLogins = devDefaults && db.embedded && config.demoLogins ? await ensureDemoLogins(app).then(() => true) : false;

  await app.listen(config.port, config.host);
  const url = `http://localhost:${(app.getHttpServer().address() as { port: number }).port}`;
  const docs = config.apiDocsEnabled ? `${url}/docs` : undefined;
  const consoleUrl = `${url}/console`;
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  logger.info(
    { url, docs, console: consoleUrl, database: db.embedded ? 'embedded' : 'external', startupSeconds: Number(seconds.toFixed(2)) },
    'ChainLend is listening',
  );
  if (devDefaults) {
    console.log(
      `\n  ChainLend ${url}${docs ? `  (API docs: ${docs})` : ''}\n` +
        `  console: ${consoleUrl}\n` +
        `  database: ${db.embedded ? `embedded PostgreSQL in ${config.embeddedDir}/` : 'DATABASE_URL'}\n` +
        `  admin login: ${config.adminUsername} / ${config.adminPassword}  (development defaults; set ADMIN_USERNAME/ADMIN_PASSWORD)\n` +
        (demoLogins
          ? `  demo logins (password ${DEMO_LOGIN_PASSWORD}), for ${DEMO_DAIRY_GROUP.name}:\n` +
            DEMO_LOGINS.map((l) => `    ${l.username.padEnd(14)} ${l.role.padEnd(15)} ${l.what}\n`).join('')
          : ''),
    );
  }
}

/** Set by SIGINT/SIGTERM: start-up work cut short by the closing app is not a failure to report. */
let shuttingDown = false;

main().catch((e) => {
  // the shutdown under way stops the embedded database, then exits
  if (shuttingDown) return;
  console.error(e);
  process.exit(1);
});
