import type { AppConfig } from '../config/app-config.js';
import { createDataSource, runMigrations } from './data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';

export interface PreparedDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
  applied: string[];
}

/**
 * Resolves the database the service will use (the configured server, or the embedded one under
 * ./.data when DATABASE_URL is unset) and brings its schema up to date.
 */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dir: config.embeddedDir, port: config.embeddedPort, database: 'chainlend', log });
    url = embedded.url;
  }
  try {
    const ds = createDataSource(url, 2);
    await ds.initialize();
    try {
      const applied = await runMigrations(ds);
      return { url, embedded, applied };
    } finally {
      await ds.destroy();
    }
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
