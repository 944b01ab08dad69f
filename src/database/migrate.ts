import { ConfigError, loadConfig } from '../config/app-config.js';
import { EmbeddedDbError } from './embedded.js';
import { prepareDatabase } from './prepare.js';

/** `npm run migration:run`: brings the configured (or embedded) database up to date and exits. */
async function main() {
  const config = loadConfig(process.env);
  const db = await prepareDatabase(config, (m) => console.log(m));
  console.log(db.applied.length ? `applied: ${db.applied.join(', ')}` : 'schema is up to date');
  await db.embedded?.stop();
}

main().catch((e) => {
  console.error(e instanceof ConfigError || e instanceof EmbeddedDbError ? e.message : e);
  process.exit(1);
});
