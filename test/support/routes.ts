import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ROLES_KEY } from '../../src/auth/decorators.js';
import type { Role } from '../../src/auth/roles.js';
import type { TestApp } from './test-app.js';

const joinPath = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

/** Every route of the app that `role` may call, as `VERB /path/:param` (an escaped colon as a plain one). */
export function routesFor(t: TestApp, role: Role): string[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const out: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const klass = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!klass?.prototype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, klass) as string | undefined) ?? '';
    for (const method of scanner.getAllMethodNames(klass.prototype)) {
      const handler = klass.prototype[method] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, klass]) ?? [];
      if (!roles.includes(role)) continue;
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const p of Array.isArray(path) ? path : [path]) out.push(`${verb} ${joinPath(base, p).replace(/\\:/g, ':')}`);
    }
  }
  return out.sort();
}
