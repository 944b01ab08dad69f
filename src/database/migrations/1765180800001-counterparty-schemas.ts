import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counterparties (issue 12): suppliers become the counterparties of a core enterprise, each with a
 * role (SUPPLIER or DEALER) and the typed attributes of its core enterprise's roster schema. Existing
 * suppliers keep every value where it is: the dairy columns are the DAIRY_SUPPLIER template's
 * attributes, stored in their own columns as before; other schemas' attributes go to `attributes`.
 * Every core enterprise gets DAIRY_SUPPLIER as version 1 of its SUPPLIER schema, which is what its
 * earlier imports used.
 */
const DAIRY_SUPPLIER_ATTRIBUTES = `[{"key":"farm_name","label":"farm name","aliases":["牧场名称"],"type":"TEXT","required":true,"column":true},{"key":"herd_size","label":"herd size (head of cattle)","aliases":["存栏数"],"type":"INTEGER","required":true,"min":"0","max":"100000","column":true},{"key":"years_experience","label":"years of dairy farming","aliases":["养殖年限"],"type":"DECIMAL","required":true,"min":"0","max":"60","column":true},{"key":"epidemic_cert_no","label":"animal epidemic prevention certificate number","aliases":["动物防疫条件合格证号"],"type":"TEXT","required":false,"column":true},{"key":"epidemic_cert_expiry","label":"certificate expiry (required with a certificate)","aliases":["防疫证有效期至"],"type":"DATE","required":false,"column":true},{"key":"delivery_months","label":"months of milk deliveries to the core enterprise","aliases":["供奶月数"],"type":"INTEGER","required":true,"min":"0","max":"600","column":true},{"key":"avg_monthly_delivery_kg","label":"average monthly milk delivery (kg)","aliases":["月均交奶量kg"],"type":"DECIMAL","required":true,"min":"0","column":true},{"key":"avg_monthly_settlement","label":"average monthly settlement (CNY)","aliases":["月均结算金额"],"type":"MONEY","required":false,"min":"0","column":true}]`;

export class CounterpartySchemas1765180800001 implements MigrationInterface {
  name = 'CounterpartySchemas1765180800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roster_schemas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        core_enterprise_id uuid NOT NULL REFERENCES core_enterprises (id),
        role text NOT NULL,
        version integer NOT NULL,
        template text,
        attributes jsonb NOT NULL,
        created_by jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_roster_schemas_version UNIQUE (core_enterprise_id, role, version),
        CONSTRAINT ck_roster_schemas_role CHECK (role IN ('SUPPLIER', 'DEALER')),
        CONSTRAINT ck_roster_schemas_version CHECK (version >= 1),
        CONSTRAINT ck_roster_schemas_attributes CHECK (jsonb_typeof(attributes) = 'array')
      )`);

    await q.query(`
      ALTER TABLE suppliers
        ADD COLUMN role text NOT NULL DEFAULT 'SUPPLIER',
        ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}',
        ALTER COLUMN farm_name DROP NOT NULL,
        ALTER COLUMN herd_size DROP NOT NULL,
        ALTER COLUMN years_experience DROP NOT NULL,
        ALTER COLUMN delivery_months DROP NOT NULL,
        ALTER COLUMN avg_monthly_delivery_kg DROP NOT NULL,
        ADD CONSTRAINT ck_suppliers_role CHECK (role IN ('SUPPLIER', 'DEALER')),
        ADD CONSTRAINT ck_suppliers_attributes CHECK (jsonb_typeof(attributes) = 'object'),
        -- a counterparty has all the dairy template's required columns or none of them
        ADD CONSTRAINT ck_suppliers_dairy_columns
          CHECK (num_nulls(farm_name, herd_size, years_experience, delivery_months, avg_monthly_delivery_kg) IN (0, 5))`);
    // the counterparty lists by role and code
    await q.query(`CREATE INDEX ix_suppliers_role_code ON suppliers (core_enterprise_id, role, supplier_code)`);

    await q.query(`
      ALTER TABLE roster_imports
        ADD COLUMN role text NOT NULL DEFAULT 'SUPPLIER',
        ADD COLUMN roster_schema_id uuid REFERENCES roster_schemas (id),
        ADD COLUMN schema_version integer,
        ADD CONSTRAINT ck_roster_imports_role CHECK (role IN ('SUPPLIER', 'DEALER'))`);

    await q.query(
      `INSERT INTO roster_schemas (core_enterprise_id, role, version, template, attributes, created_by)
       SELECT id, 'SUPPLIER', 1, 'DAIRY_SUPPLIER', $1::jsonb, '{"kind": "SYSTEM", "name": "migration", "role": null, "id": null}'::jsonb
         FROM core_enterprises`,
      [DAIRY_SUPPLIER_ATTRIBUTES],
    );
    await q.query(`
      UPDATE roster_imports i SET roster_schema_id = s.id, schema_version = s.version
        FROM roster_schemas s WHERE s.core_enterprise_id = i.core_enterprise_id AND s.role = 'SUPPLIER' AND s.version = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roster_imports DROP COLUMN roster_schema_id, DROP COLUMN schema_version, DROP COLUMN role`);
    await q.query(`DROP INDEX ix_suppliers_role_code`);
    await q.query(`DELETE FROM suppliers WHERE role <> 'SUPPLIER' OR farm_name IS NULL`);
    await q.query(`
      ALTER TABLE suppliers
        DROP CONSTRAINT ck_suppliers_dairy_columns,
        DROP CONSTRAINT ck_suppliers_attributes,
        DROP CONSTRAINT ck_suppliers_role,
        DROP COLUMN attributes,
        DROP COLUMN role,
        ALTER COLUMN farm_name SET NOT NULL,
        ALTER COLUMN herd_size SET NOT NULL,
        ALTER COLUMN years_experience SET NOT NULL,
        ALTER COLUMN delivery_months SET NOT NULL,
        ALTER COLUMN avg_monthly_delivery_kg SET NOT NULL`);
    await q.query(`DROP TABLE roster_schemas`);
  }
}
