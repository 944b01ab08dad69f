import type { TestApp } from './test-app.js';

/**
 * A test-only fault: the database refuses the rows of `table` for which `when` (a condition on NEW)
 * holds, as a broken constraint or a lost connection would. Answers what removes it again.
 */
export async function installFault(
  t: TestApp,
  name: string,
  table: string,
  event: 'INSERT' | 'UPDATE',
  when: string,
): Promise<() => Promise<void>> {
  await t.db.query(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${when} THEN RAISE EXCEPTION 'test fault: ${name}'; END IF;
      RETURN NEW;
    END $$`);
  await t.db.query(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await t.db.query(`DROP TRIGGER ${name} ON ${table}`);
    await t.db.query(`DROP FUNCTION ${name}()`);
  };
}
