import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, notFound } from '../common/errors.js';
import { Page } from '../common/pagination.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { pageOf } from '../database/paging.js';
import { UNIQUE_VIOLATION, pgCode, sql } from '../database/sql.js';
import type { Actor } from './actor.js';
import { AuthErrors } from './auth.errors.js';
import type { CreateUserDto, UserResponse } from './dto.js';
import { hashPassword } from './passwords.js';
import type { Role } from './roles.js';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  core_enterprise_id: string | null;
  created_at: Date;
}

const view = (r: UserRow): UserResponse => ({
  id: r.id,
  username: r.username,
  role: r.role,
  coreEnterpriseId: r.core_enterprise_id,
  createdAt: r.created_at.toISOString(),
});

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coreEnterprises: CoreEnterprisesService,
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
           RETURNING id, username, role, core_enterprise_id, created_at`,
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
    return pageOf(this.dataSource.manager, { columns: 'id, username, role, core_enterprise_id, created_at', from: 'users', orderBy: 'created_at, id' }, { page, pageSize }, view);
  }

  async get(id: string): Promise<UserResponse> {
    const r = await sql<UserRow>(this.dataSource.manager, `SELECT id, username, role, core_enterprise_id, created_at FROM users WHERE id = $1`, [id]);
    if (!r.rows[0]) throw notFound('User', id);
    return view(r.rows[0]);
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
      await this.audit.record(m, { kind: 'SYSTEM', id: 'bootstrap', name: 'bootstrap', role: null, correlationId: 'startup' }, {
        action: 'USER_CREATED',
        entityType: 'User',
        entityId: r.rows[0].id,
        after: { username, role: 'ADMIN', bootstrap: true },
      });
      return true;
    });
  }
}
