import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { counterpartyView } from '../src/counterparties/counterparty-view.js';
import { dataSourceOptions, runMigrations } from '../src/database/data-source.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { CounterpartySchemas1765180800001 } from '../src/database/migrations/1765180800001-counterparty-schemas.js';
import { bankCard, residentId, uscc } from './support/ids.js';

/**
 * The counterparty migration on a database that holds rows written by the schema before it: every
 * supplier keeps every value, becomes a SUPPLIER with no stored attributes, and its core enterprise's
 * earlier imports record DAIRY_SUPPLIER version 1 of its SUPPLIER schema.
 */
describe('the counterparty migration', () => {
  const adminUrl = process.env.CHAINLEND_TEST_ADMIN_URL!;
  const dbName = `${process.env.CHAINLEND_TEST_PREFIX}_mig_${randomBytes(4).toString('hex')}`;
  const url = (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CounterpartySchemas1765180800001));

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  it('moves existing suppliers to the new model without losing a value', async () => {
    const old = new DataSource({ ...dataSourceOptions(url, 2), migrations: before });
    await old.initialize();
    await runMigrations(old);
    const [ce] = await old.query(`INSERT INTO core_enterprises (name, uscc, guarantee_cap) VALUES ('牧业集团', $1, 1000000) RETURNING id`, [
      uscc(),
    ]);
    const [other] = await old.query(
      `INSERT INTO core_enterprises (name, uscc, guarantee_cap) VALUES ('空集团', $1, 1000000) RETURNING id`,
      [uscc()],
    );
    const [imp] = await old.query(
      `INSERT INTO roster_imports (core_enterprise_id, status, file_name, file_type, file_size, file_sha256, uploaded_by, max_attempts)
       VALUES ($1, 'COMPLETED', 'roster.csv', 'csv', 10, 'x', '{}', 3) RETURNING id`,
      [ce.id],
    );
    await old.query(
      `INSERT INTO suppliers (core_enterprise_id, supplier_code, supplier_type, name, id_number, legal_rep_id_number, phone, bank_account,
                              bank_name, farm_name, province, herd_size, years_experience, epidemic_cert_no, epidemic_cert_expiry,
                              delivery_months, avg_monthly_delivery_kg, avg_monthly_settlement, birth_date, last_import_id, created_import_id)
       VALUES ($1, 'S-1', 'INDIVIDUAL', '张伟', $2, NULL, '13800138000', $3, '中国农业银行', '张伟家庭牧场', '内蒙古', 120, 8.5, '证1', '2027-05-01',
               36, 50000.125, 60000.00, '1980-05-17', $4, $4),
              ($1, 'S-2', 'INDIVIDUAL', '李强', $5, NULL, '13900139000', $6, '中国银行', '李强牧场', '河北', 0, 0, NULL, NULL, 0, 0, NULL, '1975-01-02', NULL, NULL)`,
      [ce.id, residentId('1980-05-17'), bankCard(), imp.id, residentId('1975-01-02'), bankCard()],
    );
    const rowsBefore = await old.query(`SELECT to_jsonb(s) AS row FROM suppliers s ORDER BY supplier_code`);
    await old.destroy();

    const current = new DataSource(dataSourceOptions(url, 2));
    await current.initialize();
    try {
      expect(await runMigrations(current)).toContain('CounterpartySchemas1765180800001');
      const rowsAfter = await current.query(`SELECT to_jsonb(s) AS row FROM suppliers s ORDER BY supplier_code`);
      expect(rowsAfter).toHaveLength(2);
      rowsAfter.forEach(({ row }: { row: Record<string, unknown> }, i: number) => {
        const { role, attributes, ...rest } = row;
        expect(rest).toEqual(rowsBefore[i].row);
        expect(role).toBe('SUPPLIER');
        expect(attributes).toEqual({});
      });

      const schemas = await current.query(
        `SELECT core_enterprise_id, role, version, template, attributes FROM roster_schemas ORDER BY core_enterprise_id`,
      );
      expect(schemas.map((s: { core_enterprise_id: string }) => s.core_enterprise_id).sort()).toEqual([ce.id, other.id].sort());
      for (const s of schemas) {
        expect(s).toMatchObject({ role: 'SUPPLIER', version: 1, template: 'DAIRY_SUPPLIER' });
        expect(s.attributes.map((a: { key: string }) => a.key)).toEqual([
          'farm_name',
          'herd_size',
          'years_experience',
          'epidemic_cert_no',
          'epidemic_cert_expiry',
          'delivery_months',
          'avg_monthly_delivery_kg',
          'avg_monthly_settlement',
        ]);
      }
      const [recorded] = await current.query(
        `SELECT i.role, i.schema_version, s.core_enterprise_id FROM roster_imports i JOIN roster_schemas s ON s.id = i.roster_schema_id WHERE i.id = $1`,
        [imp.id],
      );
      expect(recorded).toEqual({ role: 'SUPPLIER', schema_version: 1, core_enterprise_id: ce.id });

      // the counterparty view reads the dairy supplier's attributes from its columns, as the roster said them
      const [view] = await current.query(
        `SELECT s.*, rs.version AS schema_version FROM suppliers s
           LEFT JOIN roster_imports ri ON ri.id = s.last_import_id LEFT JOIN roster_schemas rs ON rs.id = ri.roster_schema_id
          WHERE s.supplier_code = 'S-1'`,
      );
      expect(counterpartyView(view)).toMatchObject({
        role: 'SUPPLIER',
        code: 'S-1',
        schemaVersion: 1,
        attributes: {
          farm_name: '张伟家庭牧场',
          herd_size: 120,
          years_experience: '8.5',
          epidemic_cert_no: '证1',
          epidemic_cert_expiry: '2027-05-01',
          delivery_months: 36,
          avg_monthly_delivery_kg: '50000.125',
          avg_monthly_settlement: '60000.00',
        },
      });

      // a dealer row has no dairy column; half the dairy columns is refused
      await expect(
        current.query(
          `INSERT INTO suppliers (core_enterprise_id, supplier_code, supplier_type, name, id_number, phone, bank_account, bank_name, province,
                                  birth_date, farm_name) VALUES ($1, 'D-1', 'INDIVIDUAL', 'x', 'x', 'x', 'x', 'x', 'x', '1980-01-01', 'half')`,
          [ce.id],
        ),
      ).rejects.toThrow(/ck_suppliers_dairy_columns/);
    } finally {
      await current.destroy();
    }
  });
});
