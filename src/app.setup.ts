import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { consoleStatic } from './common/console-static.js';
import { createHttpLogger } from './common/logging.js';
import { completeApiDocument } from './common/openapi.js';
import { ProblemFilter } from './common/problem.js';
import { securityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/tokens.js';

export const API_DESCRIPTION =
  'ChainLend lends to the suppliers around a core enterprise ("1+N" supply-chain finance). ' +
  'Errors are RFC 9457 application/problem+json with a stable `code` and a `correlationId`. ' +
  'Money and rates are decimal strings. Mutating POSTs accept `Idempotency-Key`.';

/** Everything the service and the tests share: logging, security headers, validation, errors, OpenAPI. */
export function configureApp(app: INestApplication, logger: Logger): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // req.ip, which the rate limits and login counters key on, believes X-Forwarded-For only from these
  express.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  express.set('query parser', 'simple');
  express.use(createHttpLogger(logger));
  express.use(securityHeaders());
  express.use(consoleStatic());
  // No body parser here: bodies are read after authentication, with each route's limit (RequestInputGuard).
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  if (config.apiDocsEnabled) serveApiDocs(app);
}

/** The OpenAPI document of the app's routes, as served at /docs-json. */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ChainLend API')
      .setDescription(API_DESCRIPTION)
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
      .addGlobalParameters({
        name: 'X-Request-Id',
        in: 'header',
        required: false,
        description: 'your correlation id (echoed back)',
        schema: { type: 'string' },
      })
      .build(),
  );
  return completeApiDocument(document);
}

function serveApiDocs(app: INestApplication): void {
  const document = createApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
