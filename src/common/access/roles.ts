export const ROLES = ['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'ENTERPRISE', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** The bank's own people: they see every core enterprise. */
export const STAFF: Role[] = ['ADMIN', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR'];
/** Staff plus the owning core enterprise (scoped to its own records). */
export const OWNER_AND_STAFF: Role[] = [...STAFF, 'ENTERPRISE'];
