import { CommonErrors, DomainError } from './errors.js';

/**
 * An explicit transition table. Anything not listed is refused with 409, so a status can only move
 * the way the domain's state machines (domain.md) allow.
 */
export class StateMachine<S extends string> {
  private readonly allowed: ReadonlyMap<S, ReadonlySet<S>>;

  constructor(
    readonly name: string,
    transitions: Record<S, readonly S[]>,
  ) {
    this.allowed = new Map(Object.entries(transitions).map(([from, to]) => [from as S, new Set(to as S[])]));
  }

  get states(): S[] {
    return [...this.allowed.keys()];
  }

  can(from: S, to: S): boolean {
    return this.allowed.get(from)?.has(to) ?? false;
  }

  /** The states from which `to` may be reached: handy for conditional UPDATE ... WHERE status IN (...). */
  sourcesOf(to: S): S[] {
    return this.states.filter((s) => this.can(s, to));
  }

  assert(from: S, to: S, code = CommonErrors.CONFLICT): void {
    if (!this.can(from, to)) {
      throw new DomainError(code, `${this.name} cannot go from ${from} to ${to}`, { currentStatus: from, requestedStatus: to });
    }
  }
}
