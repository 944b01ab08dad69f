/**
 * npm run bench:roster -- --rows 200000 [--db NAME]
 *
 * Generates a realistic roster with the project's generator, imports it through the HTTP API into a
 * service running as its own process, and prints the seconds, rows/s, the service's peak RSS, and, in
 * the same run, the seconds of a bare COPY of the same file into an unindexed table, with the ratio
 * (COPY seconds / import seconds; 1.0 would mean the import is as fast as PostgreSQL can swallow the
 * file). Uses DATABASE_URL's server if set, else an embedded PostgreSQL under .data/bench.
 */
import { createReadStream, createWriteStream, openAsBlob, statSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { DEFAULT_OPTIONS, generateRoster } from '../src/rosters/testing/roster-generator.js';
import { ROSTER_COLUMNS } from '../src/rosters/parsing/columns.js';
import { Api, ROOT, args, benchDatabase, seconds, startService, until } from './support.js';

async function main() {
  const a = args();
  const rows = Number(a.rows ?? 200_000);
  const dir = path.join(ROOT, '.data', 'bench-files');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `roster-${rows}.csv`);

  let t = process.hrtime.bigint();
  const out = createWriteStream(file);
  await generateRoster({ ...DEFAULT_OPTIONS, rows, seed: 7, errorRate: 0.02, headers: 'zh' }, out);
  out.end();
  await once(out, 'finish');
  const size = statSync(file).size;
  console.log(
    `generated ${rows} rows (${(size / 1024 / 1024).toFixed(1)} MiB, Chinese headers, 2% defective rows) in ${seconds(t).toFixed(2)} s`,
  );

  const db = await benchDatabase(a.db ?? 'chainlend_bench_roster');
  const service = await startService(db.url);
  try {
    const api = await new Api(service.url).login();
    const ce = await api.post('/core-enterprises', { name: '乳业集团 (bench)', uscc: '91350100M000100Y43', guaranteeCap: '900000000.00' });

    const upload = async () => {
      const form = new FormData();
      form.append('file', await openAsBlob(file), path.basename(file));
      const started = process.hrtime.bigint();
      const res = await fetch(`${service.url}/core-enterprises/${ce.id}/rosters`, {
        method: 'POST',
        headers: { authorization: api.authHeader },
        body: form,
      });
      const body = (await res.json()) as { importId: string };
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
      const uploaded = seconds(started);
      const done = await until(
        'the import',
        () => api.get(`/roster-imports/${body.importId}`),
        (r) => r.status === 'COMPLETED' || r.status === 'FAILED',
        600_000,
        50,
      );
      if (done.status !== 'COMPLETED') throw new Error(`import failed: ${JSON.stringify(done.failure)}`);
      return { seconds: seconds(started), uploaded, result: done };
    };

    const first = await upload();
    const peakFirst = service.peakRssMiB();
    const again = await upload();
    const peak = service.peakRssMiB();

    // The same file through a bare COPY into an unindexed (ordinary, WAL-logged) table of text columns,
    // on the same server: the floor for getting these bytes into PostgreSQL at all.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE TABLE IF NOT EXISTS bench_copy (${ROSTER_COLUMNS.map((_, i) => `c${i} text`).join(', ')})`);
    await client.query('TRUNCATE bench_copy');
    t = process.hrtime.bigint();
    await pipeline(createReadStream(file), client.query(pgCopy.from(`COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const copySeconds = seconds(t);
    const logged = await client.query(`SELECT count(*)::int AS n FROM bench_copy`);
    await client.query(`DROP TABLE bench_copy`);
    await client.end();

    const r = first.result;
    const ratio = copySeconds / first.seconds;
    console.log('');
    console.log(
      `roster import, ${rows} rows, through the HTTP API (upload + validation + upsert), service on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
    );
    console.log(
      `  first import:       ${first.seconds.toFixed(2)} s (upload ${first.uploaded.toFixed(2)} s)  ${Math.round(rows / first.seconds)} rows/s`,
    );
    console.log(
      `                      accepted ${r.acceptedRows}, rejected ${r.rejectedRows}, created ${r.createdCount}, updated ${r.updatedCount}, unchanged ${r.unchangedCount}`,
    );
    console.log(
      `  same file again:    ${again.seconds.toFixed(2)} s  created ${again.result.createdCount}, updated ${again.result.updatedCount}, unchanged ${again.result.unchangedCount}`,
    );
    console.log(
      `  service peak RSS:   ${peakFirst.toFixed(0)} MiB after the first import, ${peak.toFixed(0)} MiB after both (goal <= 256)`,
    );
    console.log(`  bare COPY:          ${copySeconds.toFixed(2)} s for ${logged.rows[0].n} rows into an unindexed table`);
    console.log(`  ratio COPY/import:  ${ratio.toFixed(2)} (goal >= 0.25)`);
  } finally {
    await service.stop();
    await db.close();
    if (!a.keep) await rm(file, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
