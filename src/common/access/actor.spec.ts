import { actorSeenBy, type Actor, type ActorRef } from './actor.js';

const viewer = (role: Actor['role'], coreEnterpriseId: string | null = null): Actor => ({
  kind: 'USER',
  id: `viewer-${role}`,
  name: `viewer.${role.toLowerCase()}`,
  role,
  coreEnterpriseId,
  correlationId: 'c',
});

const officer: ActorRef = { kind: 'USER', id: '6f0e7f4e-0000-4000-8000-000000000001', name: 'officer.wang', role: 'OFFICER' };
const senior: ActorRef = { kind: 'USER', id: '6f0e7f4e-0000-4000-8000-000000000002', name: 'senior.li', role: 'SENIOR_OFFICER' };
const system: ActorRef = { kind: 'SYSTEM', id: 'disbursement', name: 'disbursement', role: 'ADMIN' };
const clerk: ActorRef = { kind: 'USER', id: '6f0e7f4e-0000-4000-8000-000000000003', name: 'clerk.zhao', role: 'ENTERPRISE' };
const erp: ActorRef = { kind: 'API_KEY', id: '6f0e7f4e-0000-4000-8000-000000000004', name: 'erp nightly', role: 'ENTERPRISE' };

describe('actorSeenBy', () => {
  it.each(['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR'] as const)('shows everyone as they are to %s', (role) => {
    for (const a of [officer, senior, system, clerk, erp]) expect(actorSeenBy(viewer(role), a)).toEqual(a);
  });

  it("shows the bank's staff to a core enterprise by role only, with no name or id", () => {
    const enterprise = viewer('ENTERPRISE', 'ce-1');
    expect(actorSeenBy(enterprise, officer)).toEqual({ kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' });
    expect(actorSeenBy(enterprise, senior)).toEqual({ kind: 'USER', id: null, name: 'SENIOR_OFFICER', role: 'SENIOR_OFFICER' });
    expect(actorSeenBy(enterprise, { ...officer, role: 'ADMIN' })).toEqual({ kind: 'USER', id: null, name: 'ADMIN', role: 'ADMIN' });
    expect(actorSeenBy(enterprise, system)).toEqual({ kind: 'SYSTEM', id: null, name: 'SYSTEM', role: 'ADMIN' });
  });

  it('shows a core enterprise its own users and API keys as they are', () => {
    const enterprise = viewer('ENTERPRISE', 'ce-1');
    expect(actorSeenBy(enterprise, clerk)).toEqual(clerk);
    expect(actorSeenBy(enterprise, erp)).toEqual(erp);
  });
});
