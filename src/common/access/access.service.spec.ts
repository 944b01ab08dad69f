import type { DataSource, EntityManager } from 'typeorm';
import { AccessService, CORE_ENTERPRISE, resource } from './access.service.js';
import type { Actor } from './actor.js';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const LOAN = resource('Loan application', 'loan_applications');

const actor = (role: Actor['role'], coreEnterpriseId: string | null = null): Actor => ({
  kind: 'USER',
  id: 'u',
  name: 'u',
  role,
  coreEnterpriseId,
  correlationId: 'c',
});

/** A database that answers the ids it is given as belonging to `owner`, and counts the questions. */
function fakeDb(owned: Record<string, string>) {
  const calls: unknown[][] = [];
  const manager = {
    queryRunner: undefined,
    connection: {
      createQueryRunner: () => ({
        query: async (_text: string, params: unknown[]) => {
          calls.push(params);
          const [ids, tenant] = params as [string[], string];
          return { records: ids.filter((id) => owned[id] === tenant).map((id) => ({ id })) };
        },
        release: async () => undefined,
      }),
    },
  } as unknown as EntityManager;
  return { service: new AccessService({ manager } as unknown as DataSource), calls };
}

describe('AccessService', () => {
  it("lets the bank's staff touch every id without asking the database", async () => {
    const { service, calls } = fakeDb({});
    for (const role of ['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR'] as const) {
      await expect(service.accessibleIds(actor(role), LOAN, [OWN, OTHER])).resolves.toEqual(new Set([OWN, OTHER]));
    }
    expect(calls).toEqual([]);
  });

  it('lets a core enterprise touch only its own records, and answers the others as missing (404)', async () => {
    const { service, calls } = fakeDb({ [OWN]: 'ce-1', [OTHER]: 'ce-2' });
    const clerk = actor('ENTERPRISE', 'ce-1');
    await expect(service.accessibleIds(clerk, LOAN, [OWN, OTHER])).resolves.toEqual(new Set([OWN]));
    await expect(service.requireAccess(clerk, LOAN, OWN)).resolves.toBeUndefined();
    await expect(service.requireAccess(clerk, LOAN, [OWN, OTHER])).rejects.toMatchObject({
      def: { code: 'NOT_FOUND', status: 404 },
      detail: expect.stringContaining(OTHER),
    });
    expect(calls).toHaveLength(3);
  });

  it('answers the tenant resource by comparison, and never sends what is not an id to the database', async () => {
    const { service, calls } = fakeDb({});
    const clerk = actor('ENTERPRISE', OWN);
    await expect(service.accessibleIds(clerk, CORE_ENTERPRISE, [OWN, OTHER])).resolves.toEqual(new Set([OWN]));
    await expect(service.requireAccess(clerk, LOAN, "1' OR '1'='1")).rejects.toMatchObject({ def: { status: 404 } });
    expect(calls).toEqual([]);
  });

  it('refuses a resource whose table or column is not a plain identifier', () => {
    expect(() => resource('Evil', 'loans; DROP TABLE users')).toThrow('not an SQL identifier');
    expect(() => resource('Evil', 'loans', 'id = id OR true')).toThrow('not an SQL identifier');
  });
});
