/**
 * npm run bench:roster -- --rows 200000 [--update-base 1000000] [--update-rows 20000] [--db NAME] [--json FILE]
 *
 * Generates a realistic roster with the project's generator and imports it through the HTTP API into a
 * service running as its own process. Its reference is the honest write limit, measured in the same
 * run on the same server: PostgreSQL writing the same final rows (exported from suppliers after the
 * import) with one binary COPY into a table LIKE suppliers INCLUDING ALL with suppliers' foreign keys,
 * i.e. the same constraints and indexes. ratio = reference seconds / import seconds (goal >= 0.8).
 *
 * Then the same file again (every row unchanged), and a 20,000-row update of a core enterprise that
 * already has 1,000,000 suppliers (seeded set-based; --update-base 0 skips it). Each import reports
 * the service's peak RSS during it (goal <= 256 MiB) and the CPU seconds of the service and of the
 * database. Uses DATABASE_URL's server if set, else an embedded PostgreSQL under .data/bench.
 */
import { createWriteStream, openAsBlob, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { DEFAULT_OPTIONS, generateRoster, type RosterOptions } from '../src/rosters/testing/roster-generator.js';
import { writeResult } from './results.js';
import { seedSuppliers } from './seed.js';
import {
  Api,
  ROOT,
  args,
  benchDatabase,
  databaseCpuSeconds,
  databaseCpuSince,
  seconds,
  startService,
  until,
  type Service,
} from './support.js';

interface ImportFigures {
  seconds: number;
  uploaded: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  serviceCpu: number;
  databaseCpu: number;
  result: {
    acceptedRows: number;
    rejectedRows: number;
    createdCount: number;
    updatedCount: number;
    unchangedCount: number;
    createdAt: string;
    startedAt: string;
    finishedAt: string;
  };
}

async function generate(file: string, options: Partial<RosterOptions>): Promise<number> {
  const out = createWriteStream(file);
  await generateRoster({ ...DEFAULT_OPTIONS, headers: 'zh', ...options }, out);
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

/** Restarts the peak RSS (VmHWM) of a process of ours, so that each import reports its own (Linux). */
function resetPeakRss(service: Service): void {
  writeFileSync(`/proc/${service.process.pid}/clear_refs`, '5');
}

async function main() {
  const a = args();
  const rows = Number(a.rows ?? 200_000);
  const updateBase = Number(a['update-base'] ?? 1_000_000);
  const updateRows = Number(a['update-rows'] ?? 20_000);
  const dir = path.join(ROOT, '.data', 'bench-files');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `roster-${rows}.csv`);
  const updateFile = path.join(dir, `roster-update-${updateRows}.csv`);

  const t = process.hrtime.bigint();
  const size = await generate(file, { rows, seed: 7, errorRate: 0.02 });
  console.log(
    `generated ${rows} rows (${(size / 1024 / 1024).toFixed(1)} MiB, Chinese headers, 2% defective rows) in ${seconds(t).toFixed(2)} s`,
  );

  const db = await benchDatabase(a.db ?? 'chainlend_bench_roster');
  // a roster of a million rows (about 200 MiB) is above the default upload limit of 100 MiB
  const uploadLimit = Math.max(100 * 1024 * 1024, size + 1024 * 1024);
  const service = await startService(db.url, { ROSTER_MAX_UPLOAD_BYTES: String(uploadLimit) });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const api = await new Api(service.url).login();

    const importFile = async (coreEnterpriseId: string, name: string): Promise<ImportFigures> => {
      // a checkpoint now rather than one falling into this timing or the reference's
      await client.query('CHECKPOINT');
      resetPeakRss(service);
      const rssBeforeMiB = service.peakRssMiB();
      const cpu = service.cpuSeconds();
      const dbCpu = await databaseCpuSeconds(client);
      const form = new FormData();
      form.append('file', await openAsBlob(name), path.basename(name));
      const started = process.hrtime.bigint();
      const res = await fetch(`${service.url}/core-enterprises/${coreEnterpriseId}/rosters`, {
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
        900_000,
        50,
      );
      const elapsed = seconds(started);
      if (done.status !== 'COMPLETED') throw new Error(`import failed: ${JSON.stringify(done.failure)}`);
      return {
        seconds: elapsed,
        uploaded,
        peakRssMiB: service.peakRssMiB(),
        rssBeforeMiB,
        serviceCpu: service.cpuSeconds() - cpu,
        databaseCpu: await databaseCpuSince(client, dbCpu),
        result: done,
      };
    };

    const ce = await api.post('/core-enterprises', { name: '乳业集团 (bench)', uscc: '91350100M000100Y43', guaranteeCap: '900000000.00' });
    const first = await importFile(ce.id, file);
    const reference = await writeLimit(client, ce.id);
    const again = await importFile(ce.id, file);

    let update: (ImportFigures & { base: number; seedSeconds: number }) | undefined;
    if (updateBase > 0) {
      // the base: set-based, with the codes the generator gives seed 7 (SUP-007-0000001...), so that
      // every row of the update file names an existing supplier and changes it
      const big = await api.post('/core-enterprises', {
        name: '乳业集团 (1M bench)',
        uscc: '91120000MA05K0Q7Y2',
        guaranteeCap: '900000000.00',
      });
      const s = process.hrtime.bigint();
      await seedSuppliers(client, big.id, updateBase, 'SUP-007-');
      const seedSeconds = seconds(s);
      await generate(updateFile, { rows: Math.min(updateRows, updateBase), seed: 7, errorRate: 0 });
      update = { ...(await importFile(big.id, updateFile)), base: updateBase, seedSeconds };
    }

    const ratio = reference.seconds / first.seconds;
    const line = (label: string, f: ImportFigures) => {
      const r = f.result;
      console.log(
        `  ${label.padEnd(20)}${f.seconds.toFixed(2)} s (upload ${f.uploaded.toFixed(2)} s)  peak RSS ${f.peakRssMiB.toFixed(0)} MiB (${f.rssBeforeMiB.toFixed(0)} before)  CPU: service ${f.serviceCpu.toFixed(1)} s, database ${f.databaseCpu.toFixed(1)} s`,
      );
      const at = (iso: string) => Date.parse(iso) / 1000;
      console.log(
        `  ${''.padEnd(20)}stored and queued → started ${(at(r.startedAt) - at(r.createdAt)).toFixed(2)} s, started → finished ${(at(r.finishedAt) - at(r.startedAt)).toFixed(2)} s`,
      );
      console.log(
        `  ${''.padEnd(20)}accepted ${r.acceptedRows}, rejected ${r.rejectedRows}, created ${r.createdCount}, updated ${r.updatedCount}, unchanged ${r.unchangedCount}`,
      );
    };
    console.log('');
    console.log(
      `roster import, ${rows} rows, through the HTTP API (upload + validation + upsert), service on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
    );
    line('first import:', first);
    console.log(
      `  write limit:        ${reference.seconds.toFixed(2)} s  binary COPY of the ${reference.rows} imported rows into a table LIKE suppliers INCLUDING ALL + its foreign keys (database CPU ${reference.databaseCpu.toFixed(1)} s)`,
    );
    console.log(`  ratio limit/import: ${ratio.toFixed(2)} (goal >= 0.8)`);
    line('same file again:', again);
    if (update) {
      console.log(`  update base:        ${update.base} suppliers seeded in ${update.seedSeconds.toFixed(1)} s`);
      line(`${updateRows}-row update:`, update);
    }
    const peak = Math.max(first.peakRssMiB, again.peakRssMiB, update?.peakRssMiB ?? 0);
    console.log(`  service peak RSS:   ${peak.toFixed(0)} MiB over all imports (goal <= 256)`);

    await writeResult({
      bench: 'roster',
      size: rows,
      sizeOf: 'rows',
      metrics: {
        importSeconds: { value: first.seconds, unit: 's' },
        referenceSeconds: { value: reference.seconds, unit: 's' },
        ratio: { value: ratio, unit: 'ratio', goal: '>= 0.8' },
        rowsPerSecond: { value: rows / first.seconds, unit: 'rows/s' },
        importPeakRssMiB: { value: first.peakRssMiB, unit: 'MiB', goal: '<= 256' },
        reimportSeconds: { value: again.seconds, unit: 's' },
        reimportPeakRssMiB: { value: again.peakRssMiB, unit: 'MiB', goal: '<= 256' },
        ...(update
          ? {
              updateSeconds: { value: update.seconds, unit: 's' },
              updateRows: { value: update.result.updatedCount, unit: 'count' },
              updateBase: { value: update.base, unit: 'count' },
              updatePeakRssMiB: { value: update.peakRssMiB, unit: 'MiB', goal: '<= 256' },
            }
          : {}),
        peakRssMiB: { value: peak, unit: 'MiB', goal: '<= 256' },
      },
    });
  } finally {
    await client.end();
    await service.stop();
    await db.close();
    if (!a.keep) {
      await rm(file, { force: true });
      await rm(updateFile, { force: true });
    }
  }
}

/**
 * The same final rows written by PostgreSQL alone: the imported suppliers of the core enterprise,
 * exported in binary, COPYed in binary into a table with suppliers' columns, defaults, checks,
 * indexes and foreign keys.
 */
async function writeLimit(client: pg.Client, coreEnterpriseId: string): Promise<{ seconds: number; rows: number; databaseCpu: number }> {
  if (!/^[0-9a-f-]{36}$/i.test(coreEnterpriseId)) throw new Error('bad id');
  const data: Buffer[] = [];
  const exported = client.query(
    pgCopy.to(`COPY (SELECT * FROM suppliers WHERE core_enterprise_id = '${coreEnterpriseId}') TO STDOUT (FORMAT binary)`),
  );
  for await (const chunk of exported as AsyncIterable<Buffer>) data.push(chunk);

  await client.query('DROP TABLE IF EXISTS bench_suppliers');
  await client.query('CREATE TABLE bench_suppliers (LIKE suppliers INCLUDING ALL)');
  const fks = await client.query<{ conname: string; def: string }>(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'suppliers'::regclass AND contype = 'f'`,
  );
  for (const fk of fks.rows) await client.query(`ALTER TABLE bench_suppliers ADD CONSTRAINT bench_${fk.conname} ${fk.def}`);
  await client.query('CHECKPOINT');

  const dbCpu = await databaseCpuSeconds(client);
  const t = process.hrtime.bigint();
  await pipeline(Readable.from(data), client.query(pgCopy.from(`COPY bench_suppliers FROM STDIN (FORMAT binary)`)));
  const took = seconds(t);
  const databaseCpu = await databaseCpuSince(client, dbCpu);
  const n = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_suppliers`);
  await client.query('DROP TABLE bench_suppliers');
  return { seconds: took, rows: n.rows[0].n, databaseCpu };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
