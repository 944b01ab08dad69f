import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql.js';
import { OPEN_BATCHES, type OpenBatches } from '../loans/open-batches.port.js';

/** The loans module's question about payments, answered from the batch tables (no locks taken). */
@Injectable()
export class OpenBatchesQuery implements OpenBatches {
  async loansInOpenBatch(m: EntityManager, loanIds: readonly string[]): Promise<string[]> {
    if (!loanIds.length) return [];
    const r = await sql<{ loan_application_id: string }>(
      m,
      `SELECT DISTINCT i.loan_application_id FROM disbursement_items i JOIN disbursement_batches b ON b.id = i.batch_id
        WHERE i.loan_application_id = ANY($1::uuid[]) AND b.status IN ('DRAFT', 'APPROVED', 'EXECUTING') AND i.status IN ('PENDING', 'SENT')`,
      [loanIds],
    );
    return r.rows.map((x) => x.loan_application_id);
  }
}

/**
 * Global because the loans module, which asks, cannot import the disbursements module: that one
 * imports it. Imported by DisbursementsModule only.
 */
@Global()
@Module({ providers: [{ provide: OPEN_BATCHES, useClass: OpenBatchesQuery }], exports: [OPEN_BATCHES] })
export class OpenBatchesModule {}
