import type { EntityManager } from 'typeorm';
import type { CounterpartiesService } from '../counterparties/counterparties.service.js';
import type { CounterpartyRole } from '../counterparties/roster-schema.js';
import { roleOf, type ProgrammeRecord } from '../programmes/programmes.service.js';
import { factCatalog, type FactCatalog } from '../programmes/rules.js';
import { attributeFacts, type AttributeFacts } from './facts.js';

/** What screening a programme needs of its roster schema: whom it screens, the facts' kinds, and how to read the attributes. */
export interface ScreeningSchema {
  role: CounterpartyRole;
  catalog: FactCatalog;
  attributes: AttributeFacts;
}

export async function screeningSchemaOf(
  counterparties: CounterpartiesService,
  m: EntityManager,
  p: ProgrammeRecord,
): Promise<ScreeningSchema> {
  const role = roleOf(p);
  const schema = await counterparties.peek(m, p.coreEnterpriseId, role);
  return { role, catalog: factCatalog(schema.attributes), attributes: attributeFacts(schema.attributes) };
}
