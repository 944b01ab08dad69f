import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_PATH = '/console';

/**
 * The console's build (vite, into dist/web), beside this module's dist/src/common; under ts-jest this
 * module runs from src/common, and the tests use the build (npm test builds first).
 */
function consoleDir(): string | undefined {
  const here = import.meta.url;
  const dir = fileURLToPath(new URL(here.endsWith('.ts') ? '../../dist/web/' : '../../web/', here));
  return existsSync(`${dir}index.html`) ? dir : undefined;
}

export const isConsolePath = (path: string) => path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);

/**
 * Serves the web console at /console, same origin as the API: its hashed assets are cached for a year
 * (a new build has new names), and every other path under /console answers index.html, uncached,
 * for the browser-side router (deep links, reloads). Without a build it answers 404 with a hint.
 */
export function consoleStatic() {
  const dir = consoleDir();
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isConsolePath(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (!dir) {
      res.status(404).type('text/plain').send('The console is not built: run npm run build.\n');
      return;
    }
    const rel = req.path.slice(CONSOLE_PATH.length + 1);
    if (rel.startsWith('assets/')) {
      res.sendFile(rel, { root: dir, dotfiles: 'deny', maxAge: '365d', immutable: true }, (err) => {
        if (err && !res.headersSent) res.status(404).type('text/plain').send('Not found\n');
      });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: dir, cacheControl: false }, (err) => {
      if (err) next(err);
    });
  };
}
