export const ROLES = ['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'ENTERPRISE', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** The bank's people, who see every core enterprise (api.md's "staff"). */
export const STAFF: Role[] = ['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR'];
/** "owner, staff" in api.md: the core enterprise's own clerk, and the bank's people. */
export const OWNER_AND_STAFF: Role[] = ['ENTERPRISE', ...STAFF];
