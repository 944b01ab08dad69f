import { Writable } from 'node:stream';
import { generateRoster, DEFAULT_OPTIONS, type RosterOptions } from '../../src/rosters/testing/roster-generator.js';
import type { TestApp } from './test-app.js';

/** A generated roster in memory. */
export async function rosterBuffer(options: Partial<RosterOptions>): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  await generateRoster({ ...DEFAULT_OPTIONS, ...options }, sink);
  return Buffer.concat(parts);
}

/** Uploads a roster and waits until its import has finished. */
export async function importRoster(t: TestApp, coreEnterpriseId: string, file: Buffer, fileName = 'roster.csv', auth = t.admin.auth) {
  const res = await t.http().post(`/core-enterprises/${coreEnterpriseId}/rosters`).set(auth).attach('file', file, fileName);
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForImport(t, res.body.importId, auth);
}

export async function waitForImport(t: TestApp, importId: string, auth = t.admin.auth, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http().get(`/roster-imports/${importId}`).set(auth);
    if (res.body.status === 'COMPLETED' || res.body.status === 'FAILED') return res.body;
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for every queued screening run of the programme to finish. */
export async function waitForScreening(t: TestApp, programmeId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await t.db.query(
      `SELECT count(*)::int AS n FROM screening_runs WHERE programme_id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [programmeId],
    );
    if (r[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('screening still running');
    await new Promise((r) => setTimeout(r, 100));
  }
}
