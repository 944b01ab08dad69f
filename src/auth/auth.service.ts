import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { CommonErrors, DomainError, invalid } from '../common/errors.js';
import { sql } from '../database/sql.js';
import type { Actor } from '../common/access/actor.js';
import { AuthErrors } from './auth.errors.js';
import { LoginAttemptsService, type AttemptReservation } from './login-attempts.service.js';
import { burnVerification, verifyPassword } from './passwords.js';
import { ROLES, type Role } from '../common/access/roles.js';
import { UsersService, type TokenSubject } from './users.service.js';
import { UUID_PATTERN } from '../common/identifiers.js';

interface TokenClaims {
  sub: string;
  usr: string;
  role: Role;
  ce: string | null;
  /** The user's token_version when the token was issued: bumping it revokes every older token. */
  ver: number;
}

/** The user row the guard reads on every request: one primary-key lookup. */
interface CurrentUserRow {
  username: string;
  role: Role;
  core_enterprise_id: string | null;
  token_version: number;
  disabled: boolean;
}

interface LoginRow extends CurrentUserRow {
  id: string;
  password_hash: string;
}

export const API_KEY_PREFIX = 'clk_';
const VERIFIED_TOKEN_CACHE = 10_000;
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface AccessToken {
  accessToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

@Injectable()
export class AuthService {
  private readonly verified = new Map<string, TokenClaims & { exp: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly attempts: LoginAttemptsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Each attempt is counted before its password is checked (login-throttle.ts), so that parallel
   * guesses cannot all be checked; one that is not allowed answers 429 without checking. A disabled
   * user with the right password is refused exactly like a wrong password, and counted like one.
   */
  async login(username: string, password: string, client: string, correlationId: string): Promise<AccessToken> {
    const key = username.trim().toLowerCase();
    const anonymous = { kind: 'ANONYMOUS', id: key, name: key, role: null, correlationId };
    const reservation = await this.reserveAttempt(key, client, anonymous);
    const rows = await sql<LoginRow>(
      this.dataSource.manager,
      `SELECT id, username, role, core_enterprise_id, password_hash, token_version, disabled_at IS NOT NULL AS disabled FROM users WHERE lower(username) = $1`,
      [key],
    );
    const user = rows.rows[0];
    const ok = user ? await verifyPassword(user.password_hash, password) : (await burnVerification(password), false);
    if (!ok || user.disabled) {
      await this.audit.record(null, anonymous, {
        action: ok ? 'AUTH_LOGIN_REFUSED_DISABLED' : 'AUTH_LOGIN_FAILED',
        entityType: 'User',
        entityId: user?.id ?? key,
        after: { username: key, address: client, failures: reservation.failures },
      });
      throw new DomainError(AuthErrors.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    await this.attempts.succeeded(reservation);
    const actor: Actor = {
      kind: 'USER',
      id: user.id,
      name: user.username,
      role: user.role,
      coreEnterpriseId: user.core_enterprise_id,
      correlationId,
    };
    await this.audit.record(null, actor, {
      action: 'AUTH_LOGIN_SUCCEEDED',
      entityType: 'User',
      entityId: user.id,
      coreEnterpriseId: actor.coreEnterpriseId,
    });
    return this.issueToken({
      id: user.id,
      username: user.username,
      role: user.role,
      coreEnterpriseId: user.core_enterprise_id,
      tokenVersion: user.token_version,
    });
  }

  /**
   * A signed-in user's own password change. The current password is checked under the same
   * counters as a login (a stolen token must not become a password oracle); every older token is
   * revoked and a fresh one answered.
   */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string, client: string): Promise<AccessToken> {
    if (actor.kind !== 'USER')
      throw new DomainError(CommonErrors.FORBIDDEN, 'Only a user has a password to change; an API key is revoked and reissued instead');
    if (currentPassword === newPassword)
      throw invalid('newPassword', 'SAME_AS_CURRENT', 'newPassword must differ from the current password');
    const key = actor.name.toLowerCase();
    const reservation = await this.reserveAttempt(key, client, actor);
    const r = await sql<{ password_hash: string }>(this.dataSource.manager, `SELECT password_hash FROM users WHERE id = $1`, [actor.id]);
    if (!r.rows[0] || !(await verifyPassword(r.rows[0].password_hash, currentPassword))) {
      await this.audit.record(null, actor, {
        action: 'USER_PASSWORD_CHANGE_FAILED',
        entityType: 'User',
        entityId: actor.id,
        coreEnterpriseId: actor.coreEnterpriseId,
        after: { address: client, failures: reservation.failures },
      });
      throw new DomainError(AuthErrors.WRONG_CURRENT_PASSWORD);
    }
    await this.attempts.succeeded(reservation);
    return this.issueToken(await this.users.changeOwnPassword(actor, newPassword));
  }

  private async reserveAttempt(key: string, client: string, actor: AuditActor): Promise<AttemptReservation> {
    const reserved = await this.attempts.reserve(key, client);
    if (reserved.allowed) return reserved.reservation;
    const { scope, retryAfterSeconds } = reserved;
    await this.audit.record(null, actor, {
      action: 'AUTH_LOGIN_THROTTLED',
      entityType: 'User',
      entityId: key,
      after: { address: client, scope, retryAfterSeconds },
    });
    throw new DomainError(AuthErrors.LOGIN_THROTTLED, `Too many failed logins; try again in ${retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }

  private async issueToken(user: TokenSubject): Promise<AccessToken> {
    const claims: TokenClaims = { sub: user.id, usr: user.username, role: user.role, ce: user.coreEnterpriseId, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, tokenType: 'Bearer' };
  }

  /**
   * The signature, then the user as the database has them now: they must exist, be enabled and not
   * have had their tokens revoked since this one was issued. Role and core enterprise come from the
   * row, so a change applies from the next request on.
   */
  async verifyToken(token: string, correlationId: string): Promise<Actor> {
    const claims = await this.verifiedClaims(token);
    const r = await sql<CurrentUserRow>(
      this.dataSource.manager,
      `SELECT username, role, core_enterprise_id, token_version, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`,
      [claims.sub],
    );
    const user = r.rows[0];
    if (!user || user.disabled || user.token_version !== claims.ver) {
      throw new DomainError(AuthErrors.INVALID_TOKEN, 'This token is no longer valid; log in again');
    }
    return { kind: 'USER', id: claims.sub, name: user.username, role: user.role, coreEnterpriseId: user.core_enterprise_id, correlationId };
  }

  private async verifiedClaims(token: string): Promise<TokenClaims> {
    const cached = this.verified.get(token);
    if (cached && cached.exp * 1000 > Date.now()) return cached;
    let claims: TokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token);
    } catch {
      throw new DomainError(AuthErrors.INVALID_TOKEN);
    }
    if (
      typeof claims?.sub !== 'string' ||
      !UUID_PATTERN.test(claims.sub) ||
      !Number.isInteger(claims.ver) ||
      !(ROLES as readonly string[]).includes(claims.role) ||
      !claims.exp
    ) {
      throw new DomainError(AuthErrors.INVALID_TOKEN);
    }
    // jsonwebtoken re-imports the key on every verification, which costs more than the request;
    // a token already verified keeps its signature until it expires, so it is remembered until then.
    if (this.verified.size >= VERIFIED_TOKEN_CACHE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims as TokenClaims & { exp: number });
    return claims;
  }

  async verifyApiKey(key: string, correlationId: string): Promise<Actor> {
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw new DomainError(AuthErrors.INVALID_API_KEY);
    const r = await sql<{ id: string; name: string; core_enterprise_id: string }>(
      this.dataSource.manager,
      `SELECT id, name, core_enterprise_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [sha256(key)],
    );
    const row = r.rows[0];
    if (!row) throw new DomainError(AuthErrors.INVALID_API_KEY);
    return {
      kind: 'API_KEY',
      id: row.id,
      name: `api-key:${row.name}`,
      role: 'ENTERPRISE',
      coreEnterpriseId: row.core_enterprise_id,
      correlationId,
    };
  }

  /** A new random key, shown once; only its hash is stored. */
  static newApiKey(): { key: string; hash: string; prefix: string } {
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    return { key, hash: sha256(key), prefix: key.slice(0, 12) };
  }
}
