import type { EntityManager, QueryRunner } from 'typeorm';
import { CopyWriter } from '../../database/copy.js';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER } from '../../database/copy-binary.js';
import { sql } from '../../database/sql.js';
import { SUPPLIER_ROSTER_COLUMN_LIST, SUPPLIER_STAGING_DDL } from '../../suppliers/roster-columns.js';
import type { SuppliersService } from '../../suppliers/suppliers.service.js';
import { ImportFailure, type Batch, type ErrorEntry } from './stages.js';

const STAGING = 'roster_staging';

/**
 * Write: each batch's accepted rows into suppliers, in the import's transaction. A core enterprise's
 * first roster is COPYed straight into suppliers; later ones are staged and merged.
 */
export class SupplierRowsWriter {
  created = 0;
  updated = 0;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly suppliers: SuppliersService,
    private readonly importId: string,
    private readonly coreEnterpriseId: string,
    private readonly direct: { statement: string; leading: string[] } | null,
  ) {}

  static async open(
    runner: QueryRunner,
    suppliers: SuppliersService,
    importId: string,
    coreEnterpriseId: string,
  ): Promise<SupplierRowsWriter> {
    const m = runner.manager;
    const existing = await sql(m, `SELECT 1 FROM suppliers WHERE core_enterprise_id = $1 LIMIT 1`, [coreEnterpriseId]);
    const direct = existing.rowCount === 0 ? suppliers.newSuppliersCopy(coreEnterpriseId, importId) : null;
    if (!direct) await sql(m, `CREATE TEMP TABLE ${STAGING} (${SUPPLIER_STAGING_DDL}) ON COMMIT DROP`);
    return new SupplierRowsWriter(runner, suppliers, importId, coreEnterpriseId, direct);
  }

  /** The uuids each COPY row must start with. */
  get leading(): string[] {
    return this.direct?.leading ?? [];
  }

  async write(batch: Batch): Promise<void> {
    if (!batch.data.length) return;
    const m = this.runner.manager;
    if (!this.direct) await sql(m, `TRUNCATE ${STAGING}`);
    const copy = new CopyWriter(
      this.runner,
      this.direct?.statement ?? `COPY ${STAGING} (${SUPPLIER_ROSTER_COLUMN_LIST}) FROM STDIN (FORMAT binary)`,
    );
    try {
      for (const data of [BINARY_COPY_HEADER, ...batch.data, BINARY_COPY_TRAILER]) await copy.writeBytes(data);
      await copy.end();
    } catch (e) {
      copy.abort();
      throw e;
    }
    if (this.direct) {
      this.created += batch.accepted;
    } else {
      const taken = await this.suppliers.codesOfOtherRole(m, STAGING, this.coreEnterpriseId, 20);
      if (taken.length)
        throw new ImportFailure(
          'CODE_OF_OTHER_ROLE',
          `These codes already name a counterparty of another role of this core enterprise: ${taken.join(', ')}; a code names one counterparty`,
        );
      const merged = await this.suppliers.mergeStaged(m, STAGING, this.coreEnterpriseId, this.importId);
      this.created += merged.created;
      this.updated += merged.updated;
    }
  }
}

/**
 * What callers see of an import while it runs: written on a connection of its own, outside the
 * import's transaction, so that it is visible at once and stays when the import fails.
 */
export class ImportProgress {
  private errorSeq = 0;
  private processed = 0;

  constructor(
    private readonly db: EntityManager,
    private readonly importId: string,
    private readonly coreEnterpriseId: string,
  ) {}

  async unknownColumns(unknown: string[]): Promise<void> {
    await sql(this.db, `UPDATE roster_imports SET unknown_columns = $2 WHERE id = $1`, [this.importId, unknown]);
  }

  async errors(errors: ErrorEntry[]): Promise<void> {
    if (!errors.length) return;
    await sql(
      this.db,
      `INSERT INTO roster_import_errors (import_id, core_enterprise_id, seq, row_number, supplier_code, field, code, message)
       SELECT $1, $8, $2 + e.ord - 1, e.row_number, e.supplier_code, e.field, e.code, e.message
         FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
              AS e(row_number, supplier_code, field, code, message, ord)`,
      [
        this.importId,
        this.errorSeq,
        errors.map((e) => e.row),
        errors.map((e) => e.supplierCode),
        errors.map((e) => e.field),
        errors.map((e) => e.code),
        errors.map((e) => e.message),
        this.coreEnterpriseId,
      ],
    );
    this.errorSeq += errors.length;
  }

  async processedRows(rows: number): Promise<void> {
    this.processed += rows;
    await sql(this.db, `UPDATE roster_imports SET processed_rows = $2, updated_at = now() WHERE id = $1`, [this.importId, this.processed]);
  }
}
