import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { DomainError } from '../common/errors.js';
import { sql } from '../database/sql.js';
import type { Actor } from './actor.js';
import { AuthErrors } from './auth.errors.js';
import { burnVerification, hashPassword, verifyPassword } from './passwords.js';
import { ROLES, type Role } from './roles.js';

interface TokenClaims {
  sub: string;
  usr: string;
  role: Role;
  ce: string | null;
}

export const API_KEY_PREFIX = 'clk_';
const VERIFIED_TOKEN_CACHE = 10_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly verified = new Map<string, TokenClaims & { exp: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Failed logins are counted per username (whatever the address they come from) inside a window;
   * past the limit the username is locked for a while and every attempt answers 429.
   */
  async login(username: string, password: string, correlationId: string): Promise<{ accessToken: string; expiresIn: number; tokenType: 'Bearer' }> {
    const key = username.trim().toLowerCase();
    const anonymous = { kind: 'ANONYMOUS', id: key, name: key, role: null, correlationId };
    const lockedFor = await this.lockedSeconds(key);
    if (lockedFor > 0) {
      await this.audit.record(null, anonymous, { action: 'AUTH_LOGIN_THROTTLED', entityType: 'User', entityId: key });
      throw new DomainError(AuthErrors.LOGIN_THROTTLED, `Too many failed logins for this username; try again in ${lockedFor} s`, {
        headers: { 'Retry-After': String(lockedFor) },
      });
    }
    const rows = await sql<{ id: string; username: string; role: Role; core_enterprise_id: string | null; password_hash: string }>(
      this.dataSource.manager,
      `SELECT id, username, role, core_enterprise_id, password_hash FROM users WHERE lower(username) = $1`,
      [key],
    );
    const user = rows.rows[0];
    const ok = user ? await verifyPassword(user.password_hash, password) : (await burnVerification(password), false);
    if (!ok) {
      const failures = await this.countFailure(key);
      await this.audit.record(null, anonymous, {
        action: 'AUTH_LOGIN_FAILED',
        entityType: 'User',
        entityId: user?.id ?? key,
        after: { username: key, failures },
      });
      throw new DomainError(AuthErrors.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    await sql(this.dataSource.manager, `DELETE FROM login_throttle WHERE username_key = $1`, [key]);
    const claims: TokenClaims = { sub: user.id, usr: user.username, role: user.role, ce: user.core_enterprise_id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds });
    const actor: Actor = { kind: 'USER', id: user.id, name: user.username, role: user.role, coreEnterpriseId: user.core_enterprise_id, correlationId };
    await this.audit.record(null, actor, { action: 'AUTH_LOGIN_SUCCEEDED', entityType: 'User', entityId: user.id, coreEnterpriseId: actor.coreEnterpriseId });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, tokenType: 'Bearer' };
  }

  private async lockedSeconds(key: string): Promise<number> {
    const r = await sql<{ s: number }>(
      this.dataSource.manager,
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS s FROM login_throttle WHERE username_key = $1 AND locked_until > now()`,
      [key],
    );
    return r.rows[0]?.s ?? 0;
  }

  private async countFailure(key: string): Promise<number> {
    const r = await sql<{ failures: number }>(
      this.dataSource.manager,
      `INSERT INTO login_throttle AS t (username_key, failures, window_started_at)
       VALUES ($1, 1, now())
       ON CONFLICT (username_key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN now() ELSE t.window_started_at END
       RETURNING failures`,
      [key, this.config.loginLockSeconds],
    );
    const failures = r.rows[0].failures;
    if (failures >= this.config.loginMaxFailures) {
      await sql(
        this.dataSource.manager,
        `UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2), failures = 0, window_started_at = now()
          WHERE username_key = $1`,
        [key, this.config.loginLockSeconds],
      );
      this.logger.warn({ username: key }, 'username locked after repeated failed logins');
    }
    return failures;
  }

  async verifyToken(token: string, correlationId: string): Promise<Actor> {
    const cached = this.verified.get(token);
    let claims: TokenClaims & { exp?: number };
    if (cached && cached.exp * 1000 > Date.now()) {
      claims = cached;
    } else {
      try {
        claims = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token);
      } catch {
        throw new DomainError(AuthErrors.INVALID_TOKEN);
      }
      if (!claims?.sub || !(ROLES as readonly string[]).includes(claims.role) || !claims.exp) throw new DomainError(AuthErrors.INVALID_TOKEN);
      // jsonwebtoken re-imports the key on every verification, which costs more than the request;
      // a token already verified stays valid until it expires, so it is remembered until then.
      if (this.verified.size >= VERIFIED_TOKEN_CACHE) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, claims as TokenClaims & { exp: number });
    }
    return { kind: 'USER', id: claims.sub, name: claims.usr, role: claims.role, coreEnterpriseId: claims.ce ?? null, correlationId };
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
    return { kind: 'API_KEY', id: row.id, name: `api-key:${row.name}`, role: 'ENTERPRISE', coreEnterpriseId: row.core_enterprise_id, correlationId };
  }

  /** A new random key, shown once; only its hash is stored. */
  static newApiKey(): { key: string; hash: string; prefix: string } {
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    return { key, hash: sha256(key), prefix: key.slice(0, 12) };
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }
}
