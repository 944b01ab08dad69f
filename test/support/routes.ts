import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/access/route-decorators.js';
import type { Role } from '../../src/common/access/roles.js';

/** A route handler of the app, as its controller declares it. */
export interface RouteHandler {
  controller: string;
  method: string;
  verb: string;
  /** Express form: `/core-enterprises/:id`. */
  path: string;
  handler: (...args: unknown[]) => unknown;
  klass: new (...args: unknown[]) => unknown;
  /** Who may call it; undefined when public. */
  roles: Role[] | undefined;
  isPublic: boolean;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route handler of the app's controllers, found the way Nest finds them. */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const handlers: RouteHandler[] = [];
  for (const wrapper of discovery.getControllers()) {
    const klass = wrapper.metatype as RouteHandler['klass'] | undefined;
    if (!klass?.prototype) continue;
    const base = Reflect.getMetadata(PATH_METADATA, klass) as string | undefined;
    for (const method of scanner.getAllMethodNames(klass.prototype)) {
      const handler = klass.prototype[method] as RouteHandler['handler'];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
      const targets = [handler, klass];
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false;
      for (const p of Array.isArray(path) ? path : [path]) {
        handlers.push({ controller: klass.name, method, verb, path: joinPath(base ?? '', p), handler, klass, roles, isPublic });
      }
    }
  }
  return handlers;
}

/** The names of a route's path parameters (`:id` → id); an escaped colon is a literal one. */
export const pathParams = (path: string) => [...path.matchAll(/(?<!\\):([A-Za-z0-9_]+)/g)].map((m) => m[1]);

/** The path with each parameter replaced, and escaped colons unescaped, ready to request. */
export const fillPath = (path: string, value: (param: string) => string) =>
  path.replace(/(?<!\\):([A-Za-z0-9_]+)/g, (_, name: string) => value(name)).replace(/\\:/g, ':');

/** Every route of the app that `role` may call, as `VERB /path/:param` (an escaped colon as a plain one). */
export function routesFor(app: INestApplication, role: Role): string[] {
  return routeHandlers(app)
    .filter((r) => r.roles?.includes(role))
    .map((r) => `${r.verb.toUpperCase()} ${r.path.replace(/\\:/g, ':')}`)
    .sort();
}
