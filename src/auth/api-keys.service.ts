import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/errors.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { sql } from '../database/sql.js';
import type { Actor } from '../common/access/actor.js';
import { AuthService } from './auth.service.js';
import type { ApiKeyResponse, CreatedApiKeyResponse } from './dto.js';

interface ApiKeyRow {
  id: string;
  core_enterprise_id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

const view = (r: ApiKeyRow): ApiKeyResponse => ({
  id: r.id,
  coreEnterpriseId: r.core_enterprise_id,
  name: r.name,
  keyPrefix: r.key_prefix,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coreEnterprises: CoreEnterprisesService,
  ) {}

  async create(actor: Actor, coreEnterpriseId: string, name?: string): Promise<CreatedApiKeyResponse> {
    await this.coreEnterprises.get(actor, coreEnterpriseId);
    const { key, hash, prefix } = AuthService.newApiKey();
    return this.dataSource.transaction(async (m) => {
      const r = await sql<ApiKeyRow>(
        m,
        `INSERT INTO api_keys (core_enterprise_id, name, key_prefix, key_hash, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, core_enterprise_id, name, key_prefix, created_at, revoked_at`,
        [coreEnterpriseId, name ?? 'api key', prefix, hash, actor.kind === 'USER' ? actor.id : null],
      );
      const created = view(r.rows[0]);
      await this.audit.record(m, actor, {
        action: 'API_KEY_CREATED',
        entityType: 'ApiKey',
        entityId: created.id,
        coreEnterpriseId,
        after: { name: created.name, keyPrefix: created.keyPrefix },
      });
      return { ...created, key };
    });
  }

  async list(actor: Actor, coreEnterpriseId: string): Promise<ApiKeyResponse[]> {
    await this.coreEnterprises.get(actor, coreEnterpriseId);
    const r = await sql<ApiKeyRow>(
      this.dataSource.manager,
      `SELECT id, core_enterprise_id, name, key_prefix, created_at, revoked_at FROM api_keys WHERE core_enterprise_id = $1 ORDER BY created_at`,
      [coreEnterpriseId],
    );
    return r.rows.map(view);
  }

  async revoke(actor: Actor, coreEnterpriseId: string, keyId: string): Promise<ApiKeyResponse> {
    return this.dataSource.transaction(async (m) => {
      const r = await sql<ApiKeyRow>(
        m,
        `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND core_enterprise_id = $2
         RETURNING id, core_enterprise_id, name, key_prefix, created_at, revoked_at`,
        [keyId, coreEnterpriseId],
      );
      if (!r.rows[0]) throw notFound('API key', keyId);
      await this.audit.record(m, actor, { action: 'API_KEY_REVOKED', entityType: 'ApiKey', entityId: keyId, coreEnterpriseId });
      return view(r.rows[0]);
    });
  }
}
