import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor } from '../common/access/actor.js';
import type { Role } from '../common/access/roles.js';
import { usccCheckChar } from '../common/identifiers.js';
import { CoreEnterprisesService } from '../core-enterprises/core-enterprises.service.js';
import { sql } from '../database/sql.js';
import type { CreateProgrammeDto } from '../programmes/dto.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { UsersService } from '../auth/users.service.js';

const DAIRY_USCC_BODY = '91150100MA0DEM001';

/** The dairy group of the demo and of a development start: one story, one set of figures. */
export const DEMO_DAIRY_GROUP = {
  name: '内蒙古草原乳业集团股份有限公司',
  uscc: DAIRY_USCC_BODY + usccCheckChar(DAIRY_USCC_BODY),
  guaranteeCap: '300000000.00',
};

export const DEMO_DAIRY_PROGRAMME: Omit<CreateProgrammeDto, 'coreEnterpriseId'> = {
  name: '2026 青贮季 小额快捷通保证贷',
  productType: '小额快捷通保证贷',
  minAmount: '10000.00',
  maxAmount: '500000.00',
  minTermDays: 90,
  maxTermDays: 365,
  annualRate: '0.0385',
  programmeCap: '500000000.00',
  guaranteeRatio: '0.5',
  fourEyesThreshold: '200000.00',
  // the group's monthly milk settlement may repay principal early, so limits revolve within the season
  prepayFromSettlement: true,
  eligibilityRules: [
    { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
    { name: 'epidemic-cert', fact: 'epidemicCertValidDays', operator: '>=', value: 30 },
    { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
    { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
    { name: 'deliveries', fact: 'deliveryMonths', operator: '>=', value: 12 },
    { name: 'not-blacklisted', fact: 'blacklisted', operator: 'isFalse' },
  ],
  limitFormula: { maxAmount: '500000.00', settlementMultiple: '2', perHeadAmount: '6000.00', roundDownTo: '1000' },
};

/** Known only to a development start on the embedded database, like the development admin password. */
export const DEMO_LOGIN_PASSWORD = 'chainlend-demo-dev';

export const DEMO_LOGINS: readonly { username: string; role: Role; what: string }[] = [
  { username: 'demo.clerk', role: 'ENTERPRISE', what: "the dairy group's clerk" },
  { username: 'demo.officer', role: 'OFFICER', what: 'loan officer' },
  { username: 'demo.senior', role: 'SENIOR_OFFICER', what: 'senior officer (second pair of eyes)' },
  { username: 'demo.auditor', role: 'AUDITOR', what: 'auditor (read-only)' },
];

/**
 * A development start on the embedded database gets a dairy group, its programme and one login per
 * role, so that a newcomer can click through the console at once. Idempotent: a restart, or a user
 * who renamed or disabled them, keeps what is there.
 */
export async function ensureDemoLogins(app: INestApplicationContext): Promise<void> {
  const db = app.get(DataSource, { strict: false });
  const actor = systemActor('startup', 'development-demo');
  let coreEnterpriseId = (await sql<{ id: string }>(db.manager, `SELECT id FROM core_enterprises WHERE uscc = $1`, [DEMO_DAIRY_GROUP.uscc]))
    .rows[0]?.id;
  if (!coreEnterpriseId) {
    coreEnterpriseId = (await app.get(CoreEnterprisesService, { strict: false }).create(actor, DEMO_DAIRY_GROUP)).id;
    await app.get(ProgrammesService, { strict: false }).create(actor, { coreEnterpriseId, ...DEMO_DAIRY_PROGRAMME });
  }
  const users = app.get(UsersService, { strict: false });
  for (const login of DEMO_LOGINS) {
    const taken = await sql(db.manager, `SELECT 1 FROM users WHERE username = $1`, [login.username]);
    if (taken.rowCount) continue;
    await users.create(actor, {
      username: login.username,
      password: DEMO_LOGIN_PASSWORD,
      role: login.role,
      coreEnterpriseId: login.role === 'ENTERPRISE' ? coreEnterpriseId : undefined,
    });
  }
}
