import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../auth/user.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { CoreEnterprise } from '../core-enterprises/core-enterprise.entity.js';
import { Programme, ProgrammeRuleset } from '../programmes/programme.entity.js';

export const ENTITIES = [CoreEnterprise, User, ApiKey, Programme, ProgrammeRuleset, AuditEvent];
