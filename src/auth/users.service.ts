import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, notFound } from '../common/errors.js';
import { Page } from '../common/pagination.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { pageOf } from '../database/paging.js';
import { UNIQUE_VIOLATION, pgCode, sql } from '../database/sql.js';
import type { Actor } from '../common/access/actor.js';
import { AuthErrors } from './auth.errors.js';
import type { CreateUserDto, UserResponse } from './dto.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { hashPassword } from './passwords.js';
import type { Role } from '../common/access/roles.js';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  core_enterprise_id: string | null;
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
  token_version: number;
}

const COLUMNS = 'id, username, role, core_enterprise_id, created_at, disabled_at, disabled_reason, token_version';

const view = (r: UserRow): UserResponse => ({
  id: r.id,
  username: r.username,
  role: r.role,
  coreEnterpriseId: r.core_enterprise_id,
  createdAt: r.created_at.toISOString(),
  disabled: r.disabled_at !== null,
  disabledAt: r.disabled_at?.toISOString() ?? null,
  disabledReason: r.disabled_reason,
});

/** What a token is issued from: the user as the database has them now. */
export interface TokenSubject {
  id: string;
  username: string;
  role: Role;
  coreEnterpriseId: string | null;
  tokenVersion: number;
}

const subjectOf = (r: UserRow): TokenSubject => ({
  id: r.id,
  username: r.username,
  role: r.role,
  coreEnterpriseId: r.core_enterprise_id,
  tokenVersion: r.token_version,
});

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coreEnterprises: CoreEnterprisesService,
    private readonly attempts: LoginAttemptsService,
  ) {}

  /** The DTO has checked that an ENTERPRISE user, and only one, names a core enterprise. */
  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    if (dto.coreEnterpriseId) await this.coreEnterprises.get(actor, dto.coreEnterpriseId);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        const r = await sql<UserRow>(
          m,
          `INSERT INTO users (username, password_hash, role, core_enterprise_id) VALUES ($1, $2, $3, $4)
           RETURNING ${COLUMNS}`,
          [dto.username, passwordHash, dto.role, dto.coreEnterpriseId ?? null],
        );
        const user = view(r.rows[0]);
        await this.audit.record(m, actor, {
          action: 'USER_CREATED',
          entityType: 'User',
          entityId: user.id,
          coreEnterpriseId: user.coreEnterpriseId,
          after: { username: user.username, role: user.role, coreEnterpriseId: user.coreEnterpriseId },
        });
        return user;
      });
    } catch (e) {
      if (pgCode(e) === UNIQUE_VIOLATION) throw new DomainError(AuthErrors.USERNAME_TAKEN, `The username ${dto.username} is taken`);
      throw e;
    }
  }

  async list(page: number, pageSize: number): Promise<Page<UserResponse>> {
    return pageOf(this.dataSource.manager, { columns: COLUMNS, from: 'users', orderBy: 'created_at, id' }, { page, pageSize }, view);
  }

  async get(id: string): Promise<UserResponse> {
    const r = await sql<UserRow>(this.dataSource.manager, `SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!r.rows[0]) throw notFound('User', id);
    return view(r.rows[0]);
  }

  /**
   * A disabled user cannot log in, and their tokens are refused from the next request on. Disabling
   * also revokes the tokens, so that enabling the user again does not bring old sessions back.
   */
  async disable(actor: Actor, id: string, reason: string): Promise<UserResponse> {
    if (actor.kind === 'USER' && actor.id === id) throw new DomainError(AuthErrors.CANNOT_DISABLE_SELF);
    return this.dataSource.transaction(async (m) => {
      // The target and every enabled ADMIN, locked in one order: two admins disabling each other at
      // once are serialised, and the second sees that it would leave no enabled ADMIN.
      const locked = await sql<UserRow>(
        m,
        `SELECT ${COLUMNS} FROM users WHERE id = $1 OR (role = 'ADMIN' AND disabled_at IS NULL) ORDER BY id FOR UPDATE`,
        [id],
      );
      const target = locked.rows.find((u) => u.id === id);
      if (!target) throw notFound('User', id);
      if (target.disabled_at) return view(target);
      if (target.role === 'ADMIN' && !locked.rows.some((u) => u.id !== id && u.role === 'ADMIN' && !u.disabled_at)) {
        throw new DomainError(
          AuthErrors.LAST_ENABLED_ADMIN,
          `${target.username} is the last enabled ADMIN; enable or create another first`,
        );
      }
      const r = await sql<UserRow>(
        m,
        `UPDATE users SET disabled_at = now(), disabled_reason = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, reason.trim()],
      );
      const user = view(r.rows[0]);
      await this.audit.record(m, actor, {
        action: 'USER_DISABLED',
        entityType: 'User',
        entityId: id,
        coreEnterpriseId: user.coreEnterpriseId,
        before: { disabled: false },
        after: { disabled: true, reason: user.disabledReason },
      });
      return user;
    });
  }

  async enable(actor: Actor, id: string): Promise<UserResponse> {
    return this.dataSource.transaction(async (m) => {
      const target = await this.lock(m, id);
      if (!target.disabled_at) return view(target);
      const r = await sql<UserRow>(
        m,
        `UPDATE users SET disabled_at = NULL, disabled_reason = NULL, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      );
      const user = view(r.rows[0]);
      await this.audit.record(m, actor, {
        action: 'USER_ENABLED',
        entityType: 'User',
        entityId: id,
        coreEnterpriseId: user.coreEnterpriseId,
        before: { disabled: true, reason: target.disabled_reason },
        after: { disabled: false },
      });
      return user;
    });
  }

  /** An administrator sets a new password: the user's tokens are revoked and their login delays lifted. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<UserResponse> {
    return view(await this.replacePassword(actor, id, password, 'USER_PASSWORD_RESET'));
  }

  /** The user's own change, once AuthService has checked the current password. */
  async changeOwnPassword(actor: Actor, password: string): Promise<TokenSubject> {
    return subjectOf(await this.replacePassword(actor, actor.id, password, 'USER_PASSWORD_CHANGED'));
  }

  async revokeTokens(actor: Actor, id: string): Promise<UserResponse> {
    return this.dataSource.transaction(async (m) => {
      const r = await sql<UserRow>(
        m,
        `UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      );
      if (!r.rows[0]) throw notFound('User', id);
      const user = view(r.rows[0]);
      await this.audit.record(m, actor, {
        action: 'USER_TOKENS_REVOKED',
        entityType: 'User',
        entityId: id,
        coreEnterpriseId: user.coreEnterpriseId,
      });
      return user;
    });
  }

  private async replacePassword(
    actor: Actor,
    id: string,
    password: string,
    action: 'USER_PASSWORD_RESET' | 'USER_PASSWORD_CHANGED',
  ): Promise<UserRow> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const r = await sql<UserRow>(
        m,
        `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, passwordHash],
      );
      const user = r.rows[0];
      if (!user) throw notFound('User', id);
      await this.attempts.forget(user.username.toLowerCase(), m);
      await this.audit.record(m, actor, {
        action,
        entityType: 'User',
        entityId: id,
        coreEnterpriseId: user.core_enterprise_id,
        after: { tokensRevoked: true },
      });
      return user;
    });
  }

  private async lock(m: EntityManager, id: string): Promise<UserRow> {
    const r = await sql<UserRow>(m, `SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    if (!r.rows[0]) throw notFound('User', id);
    return r.rows[0];
  }

  /** The first administrator, from ADMIN_USERNAME / ADMIN_PASSWORD, when there is none yet. */
  async ensureBootstrapAdmin(username: string | undefined, password: string | undefined): Promise<boolean> {
    if (!username || !password) return false;
    return this.dataSource.transaction(async (m) => {
      // one instance at a time, so two starting together create one admin
      await sql(m, `SELECT pg_advisory_xact_lock(hashtext('chainlend:bootstrap-admin'))`);
      const existing = await sql(m, `SELECT 1 FROM users WHERE role = 'ADMIN' LIMIT 1`);
      if (existing.rowCount) return false;
      const r = await sql<{ id: string }>(
        m,
        `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, 'ADMIN')
         ON CONFLICT DO NOTHING RETURNING id`,
        [username, await hashPassword(password)],
      );
      if (!r.rows[0]) {
        this.logger.warn({ username }, 'ADMIN_USERNAME is taken by a user who is not an admin; no admin created');
        return false;
      }
      await this.audit.record(
        m,
        { kind: 'SYSTEM', id: 'bootstrap', name: 'bootstrap', role: null, correlationId: 'startup' },
        {
          action: 'USER_CREATED',
          entityType: 'User',
          entityId: r.rows[0].id,
          after: { username, role: 'ADMIN', bootstrap: true },
        },
      );
      return true;
    });
  }
}
