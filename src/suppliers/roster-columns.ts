/**
 * The supplier columns a roster sets, declared once: the order imports COPY them in, the SQL type
 * they are staged as, the field of a validated row that fills them, and the header a roster file
 * names them by (domain.md, "Roster columns"; null for birth_date, which is read from the resident
 * ID, not from a column of its own). The staging table, the COPY and merge column lists and the
 * roster file's columns are all derived from this list; the migrations are history and keep theirs.
 *
 * `required` is per file: legal_rep_id_number and epidemic_cert_expiry are required only on some
 * rows, so a file may leave them out and let those rows fail. The dairy columns (farm_name …
 * avg_monthly_settlement) are the DAIRY_SUPPLIER template's attributes (counterparties/roster-schema.ts):
 * a counterparty of another schema has none of them, and its attributes in `attributes` instead. `role`
 * is the import's, written on every row so that the staged merge can refuse a code of another role.
 */
export const SUPPLIER_ROSTER_COLUMNS = [
  { name: 'supplier_code', field: 'supplierCode', type: 'text NOT NULL', header: { alias: '供应商编号', required: true } },
  { name: 'supplier_type', field: 'supplierType', type: 'text NOT NULL', header: { alias: '主体类型', required: true } },
  { name: 'name', field: 'name', type: 'text NOT NULL', header: { alias: '名称', required: true } },
  { name: 'id_number', field: 'idNumber', type: 'text NOT NULL', header: { alias: '证件号码', required: true } },
  { name: 'legal_rep_id_number', field: 'legalRepIdNumber', type: 'text', header: { alias: '法定代表人身份证号', required: false } },
  { name: 'phone', field: 'phone', type: 'text NOT NULL', header: { alias: '手机号', required: true } },
  { name: 'bank_account', field: 'bankAccount', type: 'text NOT NULL', header: { alias: '银行账号', required: true } },
  { name: 'bank_name', field: 'bankName', type: 'text NOT NULL', header: { alias: '开户行', required: true } },
  { name: 'farm_name', field: 'farmName', type: 'text', header: { alias: '牧场名称', required: true } },
  { name: 'province', field: 'province', type: 'text NOT NULL', header: { alias: '省份', required: true } },
  { name: 'herd_size', field: 'herdSize', type: 'integer', header: { alias: '存栏数', required: true } },
  { name: 'years_experience', field: 'yearsExperience', type: 'numeric(5,2)', header: { alias: '养殖年限', required: true } },
  { name: 'epidemic_cert_no', field: 'epidemicCertNo', type: 'text', header: { alias: '动物防疫条件合格证号', required: false } },
  { name: 'epidemic_cert_expiry', field: 'epidemicCertExpiry', type: 'date', header: { alias: '防疫证有效期至', required: false } },
  { name: 'delivery_months', field: 'deliveryMonths', type: 'integer', header: { alias: '供奶月数', required: true } },
  {
    name: 'avg_monthly_delivery_kg',
    field: 'avgMonthlyDeliveryKg',
    type: 'numeric(16,3)',
    header: { alias: '月均交奶量kg', required: true },
  },
  {
    name: 'avg_monthly_settlement',
    field: 'avgMonthlySettlement',
    type: 'numeric(18,2)',
    header: { alias: '月均结算金额', required: false },
  },
  { name: 'role', field: 'role', type: 'text NOT NULL', header: null },
  { name: 'attributes', field: 'attributes', type: 'jsonb NOT NULL', header: null },
  { name: 'birth_date', field: 'birthDate', type: 'date NOT NULL', header: null },
] as const;

export type SupplierRosterColumn = (typeof SUPPLIER_ROSTER_COLUMNS)[number]['name'];

/** The columns as an SQL column list, in declaration order. */
export const SUPPLIER_ROSTER_COLUMN_LIST = SUPPLIER_ROSTER_COLUMNS.map((c) => c.name).join(', ');

/** DDL of a staging table with those columns (a temporary table in the importing transaction). */
export const SUPPLIER_STAGING_DDL = SUPPLIER_ROSTER_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ');
