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
