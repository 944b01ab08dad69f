import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { sql } from '../database/sql.js';
import {
  afterSuccess,
  current,
  decideAttempt,
  forgetAt,
  type AttemptCounter,
  type AttemptScope,
  type LoginThrottlePolicy,
} from './login-throttle.js';

/** The client of the row that counts a username's failures from every address. */
const ALL_ADDRESSES = '*';

interface AttemptRow {
  client: string;
  failures: number;
  blocked_until: Date | null;
  last_failure_at: Date | null;
  last_success_at: Date | null;
  now: Date;
}

/** An attempt allowed to check its password, counted as a failure until it proves otherwise. */
export interface AttemptReservation {
  usernameKey: string;
  client: string;
  countedForUsername: boolean;
  failures: number;
}

export type Reserved =
  { allowed: true; reservation: AttemptReservation } | { allowed: false; scope: AttemptScope; retryAfterSeconds: number };

const counterOf = (r: AttemptRow | undefined): AttemptCounter => ({
  failures: r?.failures ?? 0,
  blockedUntil: r?.blocked_until ?? null,
  lastFailureAt: r?.last_failure_at ?? null,
  lastSuccessAt: r?.last_success_at ?? null,
});

export function loginThrottlePolicy(config: AppConfig): LoginThrottlePolicy {
  return {
    maxFailuresPerAddress: config.loginMaxFailures,
    maxFailuresPerUsername: config.loginMaxFailuresPerUsername,
    baseDelaySeconds: config.loginBaseDelaySeconds,
    maxDelaySeconds: config.loginLockSeconds,
    failureMemorySeconds: config.loginFailureMemorySeconds,
    knownAddressSeconds: config.loginKnownAddressDays * 86400,
  };
}

/** The login counters of login-throttle.ts, kept in PostgreSQL so that every instance shares them. */
@Injectable()
export class LoginAttemptsService {
  private readonly logger = new Logger('LoginThrottle');
  private readonly policy: LoginThrottlePolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = loginThrottlePolicy(config);
  }

  /** Counts an attempt before its password is checked; an attempt that is not allowed changes nothing. */
  reserve(usernameKey: string, client: string): Promise<Reserved> {
    return this.dataSource.transaction(async (m) => {
      const { address, username, now } = await this.lock(m, usernameKey, client);
      const decision = decideAttempt(address, username, this.policy, now);
      if (!decision.allowed) return decision;
      await this.save(m, usernameKey, client, decision.address);
      if (decision.countedForUsername) {
        await this.save(m, usernameKey, ALL_ADDRESSES, decision.username);
        if (decision.username.failures === this.policy.maxFailuresPerUsername) {
          this.logger.warn(
            { username: usernameKey },
            'failed logins from several addresses reached the per-username allowance; new addresses now wait',
          );
        }
      }
      return {
        allowed: true,
        reservation: { usernameKey, client, countedForUsername: decision.countedForUsername, failures: decision.address.failures },
      };
    });
  }

  /** The reserved attempt was the user's: their address starts afresh. */
  succeeded(reservation: AttemptReservation): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const { username, now } = await this.lock(m, reservation.usernameKey, reservation.client);
      const after = afterSuccess(username, reservation.countedForUsername, this.policy, now);
      await this.save(m, reservation.usernameKey, reservation.client, after.address);
      if (reservation.countedForUsername) await this.save(m, reservation.usernameKey, ALL_ADDRESSES, after.username);
    });
  }

  /** Lifts every delay of a username, e.g. once an administrator has set a new password. */
  async forget(usernameKey: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    await sql(m, `DELETE FROM login_attempts WHERE username_key = $1`, [usernameKey]);
  }

  async sweep(): Promise<number> {
    const r = await sql(this.dataSource.manager, `DELETE FROM login_attempts WHERE forget_at < now()`);
    return r.rowCount;
  }

  /**
   * Both counters of the username, locked; rows are created first so that the first attempts of a
   * username serialise too. Every caller locks '*' before the address, so they cannot deadlock.
   */
  private async lock(
    m: EntityManager,
    usernameKey: string,
    client: string,
  ): Promise<{ address: AttemptCounter; username: AttemptCounter; now: Date }> {
    await sql(m, `INSERT INTO login_attempts (username_key, client) VALUES ($1, $2), ($1, $3) ON CONFLICT DO NOTHING`, [
      usernameKey,
      client,
      ALL_ADDRESSES,
    ]);
    const r = await sql<AttemptRow>(
      m,
      // the time once the locks are held: now() is when the transaction began, maybe before a wait
      `WITH locked AS (
         SELECT client, failures, blocked_until, last_failure_at, last_success_at
           FROM login_attempts WHERE username_key = $1 AND client IN ($2, $3)
          ORDER BY client = $3 DESC FOR UPDATE)
       SELECT locked.*, clock_timestamp() AS now FROM locked`,
      [usernameKey, client, ALL_ADDRESSES],
    );
    const now = r.rows[0].now;
    return {
      address: current(counterOf(r.rows.find((x) => x.client === client)), this.policy, now),
      username: current(counterOf(r.rows.find((x) => x.client === ALL_ADDRESSES)), this.policy, now),
      now,
    };
  }

  private async save(m: EntityManager, usernameKey: string, client: string, c: AttemptCounter): Promise<void> {
    await sql(
      m,
      `UPDATE login_attempts SET failures = $3, blocked_until = $4, last_failure_at = $5, last_success_at = $6, forget_at = $7
        WHERE username_key = $1 AND client = $2`,
      [usernameKey, client, c.failures, c.blockedUntil, c.lastFailureAt, c.lastSuccessAt, forgetAt(c, this.policy)],
    );
  }
}
