import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';
import { bankCard, mobile, residentId } from './ids.js';

export interface SupplierSeed {
  supplierCode?: string;
  supplierType?: 'INDIVIDUAL' | 'ENTITY';
  name?: string;
  birthDate?: string;
  province?: string;
  herdSize?: number;
  yearsExperience?: string;
  deliveryMonths?: number;
  avgMonthlyDeliveryKg?: string;
  avgMonthlySettlement?: string | null;
  epidemicCertNo?: string | null;
  epidemicCertExpiry?: string | null;
  bankAccount?: string;
  blacklisted?: boolean;
}

/**
 * Inserts valid suppliers straight into the database (faster than a roster upload when the test is
 * about something else). Defaults make a supplier that passes STANDARD_RULES with a limit of 150,000.00
 * (min(500000, 3 x 60000, 8000 x 120) rounded down to 1000) when screened.
 */
export async function insertSuppliers(
  t: TestApp,
  coreEnterpriseId: string,
  seeds: SupplierSeed[],
): Promise<{ id: string; supplierCode: string; idNumber: string; bankAccount: string }[]> {
  const out = [];
  for (const s of seeds) {
    const birthDate = s.birthDate ?? '1980-05-17';
    const idNumber = residentId(birthDate);
    const code = s.supplierCode ?? `T-${randomBytes(5).toString('hex')}`;
    const bankAccount = s.bankAccount ?? bankCard();
    const rows = await t.db.query(
      `INSERT INTO suppliers (core_enterprise_id, supplier_code, supplier_type, name, id_number, legal_rep_id_number, phone, bank_account,
                              bank_name, farm_name, province, herd_size, years_experience, epidemic_cert_no, epidemic_cert_expiry,
                              delivery_months, avg_monthly_delivery_kg, avg_monthly_settlement, birth_date, blacklisted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '中国农业银行', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
      [
        coreEnterpriseId,
        code,
        s.supplierType ?? 'INDIVIDUAL',
        s.name ?? `牧户${code.slice(-4)}`,
        s.supplierType === 'ENTITY' ? '91350100M000100Y43' : idNumber,
        s.supplierType === 'ENTITY' ? idNumber : null,
        mobile(),
        bankAccount,
        `${s.name ?? '牧户'}家庭牧场`,
        s.province ?? '内蒙古',
        s.herdSize ?? 120,
        s.yearsExperience ?? '8',
        s.epidemicCertNo === undefined ? '(蒙)动防合字第150102000001号' : s.epidemicCertNo,
        s.epidemicCertExpiry === undefined ? '2099-12-31' : s.epidemicCertExpiry,
        s.deliveryMonths ?? 36,
        s.avgMonthlyDeliveryKg ?? '50000',
        s.avgMonthlySettlement === undefined ? '60000.00' : s.avgMonthlySettlement,
        birthDate,
        s.blacklisted ?? false,
      ],
    );
    out.push({ id: rows[0].id as string, supplierCode: code, idNumber, bankAccount });
  }
  return out;
}
