import { notFound } from '../errors.js';
import type { Role } from './roles.js';

/** Who is calling: a user (JWT), a core enterprise's system (API key), or the service itself. */
export interface Actor {
  kind: 'USER' | 'API_KEY' | 'SYSTEM';
  id: string;
  name: string;
  role: Role;
  /** Set for ENTERPRISE callers: every record they reach must belong to this core enterprise. */
  coreEnterpriseId: string | null;
  correlationId: string;
}

export function systemActor(correlationId: string, name = 'system'): Actor {
  return { kind: 'SYSTEM', id: name, name, role: 'ADMIN', coreEnterpriseId: null, correlationId };
}

/** The core enterprise a caller is confined to, or null when it may see all of them. */
export function tenantOf(actor: Actor): string | null {
  return actor.role === 'ENTERPRISE' ? actor.coreEnterpriseId : null;
}

export function canSee(actor: Actor, coreEnterpriseId: string): boolean {
  const tenant = tenantOf(actor);
  return tenant === null || tenant === coreEnterpriseId;
}

/**
 * Another core enterprise's record answers exactly like a missing one (404), so a caller cannot
 * even learn that it exists.
 */
export function assertVisible(actor: Actor, coreEnterpriseId: string | null | undefined, what: string, id: string): void {
  if (!coreEnterpriseId || !canSee(actor, coreEnterpriseId)) throw notFound(what, id);
}

/** Idempotency keys and rate limits are scoped per caller. */
export function callerKey(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

/** Who did something, as a record keeps it. */
export interface ActorRef {
  kind: string;
  id: string | null;
  name: string | null;
  role: string | null;
}

/**
 * Who did something, as `viewer` may see it. A core enterprise sees its own users and API keys as
 * they are, but the bank's staff (and the service itself) only by role: never a name or an id it
 * could use to single out or approach an officer. The bank's own people see everyone.
 */
export function actorSeenBy(viewer: Actor, actor: ActorRef): ActorRef {
  if (tenantOf(viewer) === null || actor.role === 'ENTERPRISE') return actor;
  return { kind: actor.kind, id: null, name: actor.kind === 'SYSTEM' ? 'SYSTEM' : actor.role, role: actor.role };
}
