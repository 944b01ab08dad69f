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

/** A page of this origin: its own scripts only (never inline, never eval), styles inline too, no framing. */
const page = (extra: { imgSrc: string[]; fontSrc?: string[]; workerSrc?: string[] }) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...extra,
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });

/**
 * Swagger UI at /docs: its own scripts, styles and images only. Its page and the UI itself set inline
 * styles, hence 'unsafe-inline' for styles (never for scripts); "Try it out" calls this origin.
 */
const docsUi = page({ imgSrc: ["'self'", 'data:'] });

/**
 * The web console at /console: Ant Design writes its styles at run time (hence the inline styles);
 * it calls the API on this origin, draws charts into blob: and data: images, and embeds fonts.
 */
const consoleUi = page({ imgSrc: ["'self'", 'data:', 'blob:'], fontSrc: ["'self'", 'data:'], workerSrc: ["'self'", 'blob:'] });

/** /docs and its assets; /docs-json and /docs-yaml are documents like any API answer. */
const isDocsUi = (path: string) => path === '/docs' || path.startsWith('/docs/');

export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) =>
    (isDocsUi(req.path) ? docsUi : isConsolePath(req.path) ? consoleUi : api)(req, res, next);
}
