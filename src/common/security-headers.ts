import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { isConsolePath } from './console-static.js';

/** The API answers JSON (and XML files): nothing it sends may run, load anything or be framed. */
const api = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * Swagger UI at /docs: its own scripts, styles and images only. Its page and the UI itself set inline
 * styles, hence 'unsafe-inline' for styles (never for scripts); "Try it out" calls this origin.
 */
const docsUi = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * The web console at /console: scripts from this origin only (no inline script, no eval). Ant Design
 * writes its styles at run time, hence 'unsafe-inline' for styles; it calls the API on this origin.
 */
const consoleUi = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/** /docs and its assets; /docs-json and /docs-yaml are documents like any API answer. */
const isDocsUi = (path: string) => path === '/docs' || path.startsWith('/docs/');

export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) =>
    (isDocsUi(req.path) ? docsUi : isConsolePath(req.path) ? consoleUi : api)(req, res, next);
}
