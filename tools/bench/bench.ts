// `npm run bench -- [--payments M] [--customers N] [--quick] ...`: starts an embedded FerretDB
// (or uses MONGO_URI) on a seeded database and the built API on free loopback ports, then
// measures every scenario against the API with autocannon and, right after, the same database
// operations issued with the MongoDB driver at the same concurrency. Prints and writes the
// results (tools/bench/results/<label>.json and a section of docs/performance.md).
// Exits non-zero when a scenario errors, the API's database operations differ from the
// baseline's, or a list query loses its index. See docs/performance.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { startApi, signIn, type ApiProcess } from './api-process';
import { operationNames, replay, startCaptureApp, type Operation } from './capture';
import { parseArgs, positiveInteger } from './cli-args';
import { openDatabase, repositoryRoot, type Database } from './database';
import { measureExport, type ExportResult } from './export-check';
import { loadApi, loadDriver } from './load';
import { MemoryWatch, cpuSeconds, machine, waitUntilIdle } from './machine';
import { explainFind, planProblems, type Plan } from './plans';
import {
  markdown,
  recompute,
  writeJson,
  writeMarkdownSection,
  type BenchReport,
  type ScenarioResult,
} from './report';
import { loadFixtures, scenarios as makeScenarios, type ScenarioName } from './scenarios';
import { seed } from './seed';

/** A request index far from the load run's, so references and moves don't collide. */
const CAPTURE_INDEX = 50_000_000;

const QUICK = { customers: 200, payments: 2000, seconds: 2, connections: 4 };

function labelFor(payments: number): string {
  if (payments >= 1_000_000 && payments % 1_000_000 === 0) return `${payments / 1_000_000}m`;
  if (payments >= 1000 && payments % 1000 === 0) return `${payments / 1000}k`;
  return String(payments);
}

interface DatasetMarker {
  customers: number;
  payments: number;
  seededSeconds: number;
}

/** `--render FILE`: rewrites the markdown section from a results file (no measuring). */
async function render(file: string): Promise<number> {
  const report = recompute(JSON.parse(readFileSync(file, 'utf8')) as BenchReport);
  await writeJson(file, report);
  await writeMarkdownSection(
    resolve(repositoryRoot, 'docs/performance.md'),
    report.label,
    markdown(report),
  );
  console.log(markdown(report));
  return 0;
}

async function main(): Promise<number> {
  const started = Date.now();
  const { values } = parseArgs({
    options: {
      render: { type: 'string' },
      quick: { type: 'boolean', default: false },
      customers: { type: 'string' },
      payments: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      'data-dir': { type: 'string' },
      reseed: { type: 'boolean', default: false },
      label: { type: 'string' },
      only: { type: 'string' },
      'read-amount': { type: 'string' },
      'no-export': { type: 'boolean', default: false },
      'move-recent': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  if (values.render) return render(values.render);
  const quick = values.quick;
  const payments = positiveInteger('payments', values.payments, quick ? QUICK.payments : 10_000);
  const customers = positiveInteger(
    'customers',
    values.customers,
    quick ? QUICK.customers : Math.max(10, Math.round(payments / 10)),
  );
  const connections = positiveInteger(
    'connections',
    values.connections,
    quick ? QUICK.connections : 4,
  );
  const seconds = positiveInteger('duration', values.duration, quick ? QUICK.seconds : 15);
  // For datasets where one list request takes minutes: a fixed number of read requests.
  const readAmount = values['read-amount']
    ? positiveInteger('read-amount', values['read-amount'], 0)
    : undefined;
  const label = values.label ?? (quick ? 'quick' : labelFor(payments));
  const dataDir = values['data-dir'] ?? `data/bench-${label}`;
  const only = values.only ? new Set(values.only.split(',')) : null;
  const writeDocs = !quick && !values['no-docs'] && !only;
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const info = machine();
  console.log(
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}`,
  );
  console.log(`Command: ${command}`);

  let database: Database | undefined;
  let api: ApiProcess | undefined;
  let client: MongoClient | undefined;
  const cleanUp = async () => {
    await client?.close().catch(() => undefined);
    await api?.stop();
    await database?.stop();
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // On a real server the bench seeds (and drops) its own database, never the app's.
    database = await openDatabase({
      mongoUri: process.env.MONGO_URI,
      dataDir,
      databaseName: `malipo_bench_${label.replace(/\W/g, '_')}`,
    });
    // What was seeded, kept beside the data (a file in the data directory, or a document in
    // the bench's database on MONGO_URI), so a later run reuses the same dataset.
    client = await MongoClient.connect(database.uri);
    const db = client.db();
    const markers = db.collection<DatasetMarker & { _id: string }>('bench_dataset');
    const markerFile = process.env.MONGO_URI
      ? null
      : join(resolve(repositoryRoot, dataDir), 'bench-dataset.json');
    const marker = markerFile
      ? existsSync(markerFile)
        ? (JSON.parse(readFileSync(markerFile, 'utf8')) as DatasetMarker)
        : null
      : await markers.findOne({ _id: 'dataset' });
    let seededSeconds: number | null = null;
    const reuse =
      !values.reseed && !quick && marker?.customers === customers && marker.payments === payments;
    if (reuse) {
      console.log(
        `Dataset: reusing ${database.description} (${payments} payments, ${customers} customers)`,
      );
      seededSeconds = marker.seededSeconds;
    } else {
      console.log(
        `Dataset: seeding ${database.description} with ${payments} payments, ${customers} customers`,
      );
      const run = await seed(database.uri, { customers, payments, reset: true, quiet: quick });
      seededSeconds = run.seconds;
      console.log(`  seeded in ${run.seconds.toFixed(1)} s`);
      const seeded = { customers, payments, seededSeconds };
      if (markerFile) writeFileSync(markerFile, JSON.stringify(seeded) + '\n');
      else await markers.replaceOne({ _id: 'dataset' }, seeded, { upsert: true });
    }

    api = await startApi(database.uri, { cpuProfileDir: values['cpu-prof'] });
    const apiMemory = new MemoryWatch(api.pid);
    const dbMemory = database.pid ? new MemoryWatch(database.pid) : null;
    const apiStartMiB = apiMemory.lastMiB;
    const { token, userId } = await signIn(api.url);
    const fixtures = await loadFixtures(
      db,
      userId,
      quick ? 500 : values['move-recent'] ? 200 : 20_000,
      values['move-recent'],
    );
    const all = makeScenarios(db, fixtures).filter((s) => !only || only.has(s.name));

    // What the API sends: each write once for real; each read's queries, for every request in
    // its rotation, recorded without running them (the read baselines replay them), and once
    // for real on smaller datasets, to list everything a read does (an N+1 query would show).
    const capture = await startCaptureApp(database.uri);
    const problems: string[] = [];
    const plans: Plan[] = [];
    const recorded = new Map<ScenarioName, Operation[][]>();
    const apiOperations = new Map<ScenarioName, string[]>();
    const runReadsForReal = payments <= 100_000;
    try {
      for (const [k, scenario] of all.entries()) {
        if (scenario.kind === 'write' || runReadsForReal) {
          const run = await capture.run(scenario.request(CAPTURE_INDEX + k));
          if (run.status >= 300) problems.push(`${scenario.name}: the API answered ${run.status}`);
          apiOperations.set(scenario.name, operationNames(run.operations));
        }
        if (scenario.kind === 'write') continue;
        const queries: Operation[][] = [];
        for (let i = 0; i < scenario.variants; i++) {
          queries.push(await capture.recordQuery(scenario.request(i)));
        }
        recorded.set(scenario.name, queries);
        if (!runReadsForReal) apiOperations.set(scenario.name, operationNames(queries[0]));
        const find = queries[0].find((o) => o.method === 'find');
        if (!find) {
          problems.push(`${scenario.name}: the API sent no find`);
          continue;
        }
        const plan = await explainFind(db, scenario.name, find);
        plans.push(plan);
        problems.push(...planProblems(plan, scenario.kind));
      }
    } finally {
      await capture.close();
    }
    for (const plan of plans) {
      console.log(
        `Plan ${plan.scenario}: ${plan.detail.join('; ')} (declared index: ${plan.declaredIndex ?? 'none'})`,
      );
    }

    const results: ScenarioResult[] = [];
    const pids = [api.pid, ...(database.pid ? [database.pid] : [])];
    for (const scenario of all) {
      const apiOps = apiOperations.get(scenario.name) ?? [];
      const queries = recorded.get(scenario.name) ?? [];
      const baselineOps =
        scenario.kind === 'write' ? scenario.operations : operationNames(queries[0] ?? []);
      // Operations the API runs in parallel (Promise.all) may start in any order.
      const same = [...apiOps].sort().join() === [...baselineOps].sort().join();
      if (!same) {
        problems.push(
          `${scenario.name}: the API's database operations (${apiOps.join(', ')}) differ from the baseline's (${baselineOps.join(', ')})`,
        );
      }
      const baselineOperation =
        scenario.kind === 'write'
          ? scenario.baseline
          : (i: number) => replay(db, queries[i % queries.length]);
      const load = {
        connections,
        seconds,
        amount: scenario.kind === 'write' ? undefined : readAmount,
      };
      const dbPid = database.pid ?? 0;
      process.stdout.write(`${scenario.title}: API...`);
      await waitUntilIdle(pids);
      apiMemory.startWindow();
      let cpu = { api: cpuSeconds(api.pid), db: cpuSeconds(dbPid) };
      const apiResult = await loadApi(api.url, token, scenario.request, load);
      const apiRssPeakMiB = apiMemory.windowPeakMiB;
      process.stdout.write(` ${apiResult.perSecond} req/s; driver...`);
      // CPU per request, counted until the servers are idle again: robust to other load.
      await waitUntilIdle(pids);
      const perApiRequest = (seconds: number) =>
        Math.round((seconds * 1000) / Math.max(1, apiResult.requests + apiResult.errors));
      const apiCpu = {
        api: perApiRequest(cpuSeconds(api.pid) - cpu.api),
        database: perApiRequest(cpuSeconds(dbPid) - cpu.db),
      };
      cpu = { api: process.cpuUsage().user + process.cpuUsage().system, db: cpuSeconds(dbPid) };
      const baseline = await loadDriver(baselineOperation, load);
      await waitUntilIdle(pids);
      const perBaseline = (seconds: number) =>
        Math.round((seconds * 1000) / Math.max(1, baseline.requests + baseline.errors));
      const baselineCpu = {
        client: perBaseline((process.cpuUsage().user + process.cpuUsage().system - cpu.api) / 1e6),
        database: perBaseline(cpuSeconds(dbPid) - cpu.db),
      };
      const ratio = {
        throughput: baseline.perSecond
          ? Math.round((apiResult.perSecond / baseline.perSecond) * 100) / 100
          : 0,
        p99: baseline.p99 ? Math.round((apiResult.p99 / baseline.p99) * 100) / 100 : 0,
      };
      console.log(
        ` ${baseline.perSecond} ops/s; API/driver ${(ratio.throughput * 100).toFixed(0)}%`,
      );
      if (apiResult.errors > 0) {
        problems.push(
          `${scenario.name}: ${apiResult.errors} API errors ${JSON.stringify(apiResult.statuses)}`,
        );
      }
      if (apiResult.requests === 0) problems.push(`${scenario.name}: no API request completed`);
      if (baseline.errors > 0)
        problems.push(`${scenario.name}: ${baseline.errors} baseline errors`);
      results.push({
        name: scenario.name,
        title: scenario.title,
        kind: scenario.kind,
        api: apiResult,
        baseline,
        ratio,
        apiRssPeakMiB,
        cpuMsPerRequest: { api: apiCpu, baseline: baselineCpu },
        operations: { api: apiOps, baseline: baselineOps, same },
      });
    }
    // The CSV export of every payment, once (skipped with --no-export: on FerretDB it sorts
    // the whole collection in memory and looks customers up batch by batch).
    let exported: ExportResult | null = null;
    if (!values['no-export'] && !only) {
      process.stdout.write('GET /payments/export (CSV of every payment)...');
      await waitUntilIdle(pids);
      exported = await measureExport(api.url, token, api.pid);
      console.log(
        exported
          ? ` ${exported.rows} rows, ${exported.megabytes} MiB in ${exported.seconds} s; API RSS ${exported.apiRssBeforeMiB} -> peak ${exported.apiRssPeakMiB} MiB`
          : ' no export route',
      );
      if (exported && exported.status !== 200) {
        problems.push(`export: the API answered ${exported.status}`);
      }
    }
    apiMemory.stop();
    dbMemory?.stop();

    const report: BenchReport = recompute({
      label,
      command,
      date: new Date().toISOString(),
      machine: info,
      database: database.description,
      dataset: { customers, payments, seededSeconds },
      settings: { connections, seconds, readAmount: readAmount ?? null },
      scenarios: results,
      plans,
      memory: {
        apiStartMiB,
        apiPeakMiB: apiMemory.peakMiB,
        databasePeakMiB: dbMemory?.peakMiB ?? null,
      },
      export: exported,
      problems,
      seconds: Math.round((Date.now() - started) / 1000),
    });
    const text = markdown(report);
    console.log(`\n${text}\n`);
    const jsonFile = resolve(__dirname, 'results', `${label}.json`);
    await writeJson(jsonFile, report);
    console.log(`Wrote ${jsonFile}`);
    if (writeDocs) {
      const docs = resolve(repositoryRoot, 'docs/performance.md');
      await writeMarkdownSection(docs, label, text);
      console.log(`Updated ${docs}`);
    }
    if (problems.length) {
      console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
      return 1;
    }
    console.log(`Done in ${report.seconds} s.`);
    return 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
