// The benchmark's results as JSON (everything) and as markdown tables (the summary), written
// into a marked section of docs/performance.md so the hand-written analysis around it stays.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { ExportResult } from './export-check';
import type { LoadResult } from './load';
import type { Machine } from './machine';
import type { Plan } from './plans';

export interface ScenarioResult {
  name: string;
  title: string;
  kind: 'list' | 'search' | 'write';
  api: LoadResult;
  baseline: LoadResult;
  /** API throughput / baseline throughput, and API p99 / baseline p99. */
  ratio: { throughput: number; p99: number };
  apiRssPeakMiB: number;
  /** CPU milliseconds per completed request: of the API and the database server (API side), of this client and the database server (baseline). */
  cpuMsPerRequest: {
    api: { api: number; database: number };
    baseline: { client: number; database: number };
  };
  operations: { api: string[]; baseline: string[]; same: boolean };
}

export interface BenchReport {
  label: string;
  command: string;
  date: string;
  machine: Machine;
  database: string;
  dataset: { customers: number; payments: number; seededSeconds: number | null };
  settings: { connections: number; seconds: number; readAmount: number | null };
  scenarios: ScenarioResult[];
  plans: Plan[];
  memory: { apiStartMiB: number; apiPeakMiB: number; databasePeakMiB: number | null };
  export: ExportResult | null;
  problems: string[];
  seconds: number;
}

const fmt = (n: number) =>
  n >= 100
    ? Math.round(n).toLocaleString('en-US')
    : n >= 10
      ? n.toFixed(1)
      : n >= 0.1 || n === 0
        ? n.toFixed(2)
        : n.toPrecision(2);

/** Rates and ratios from the raw counts, so a rate of one request in minutes is not shown as 0. */
export function recompute(report: BenchReport): BenchReport {
  const rate = (r: LoadResult) => (r.seconds > 0 ? r.requests / r.seconds : 0);
  return {
    ...report,
    scenarios: report.scenarios.map((s) => {
      const api = { ...s.api, perSecond: Number(rate(s.api).toPrecision(4)) };
      const baseline = { ...s.baseline, perSecond: Number(rate(s.baseline).toPrecision(4)) };
      return {
        ...s,
        api,
        baseline,
        ratio: {
          throughput: baseline.perSecond
            ? Number((api.perSecond / baseline.perSecond).toFixed(3))
            : 0,
          p99: baseline.p99 ? Number((api.p99 / baseline.p99).toFixed(3)) : 0,
        },
      };
    }),
  };
}

export function markdown(report: BenchReport): string {
  const { machine, dataset } = report;
  const lines = [
    `**${dataset.payments.toLocaleString('en-US')} payments, ${dataset.customers.toLocaleString('en-US')} customers** — ${report.date}`,
    '',
    `- Command: \`${report.command}\``,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; load average ${machine.loadAverage} at the start (other work on the machine)`,
    `- Database: ${report.database}` +
      (dataset.seededSeconds === null
        ? ' (seeded earlier)'
        : `; seeded in ${dataset.seededSeconds.toFixed(1)} s`),
    `- Load: ${report.settings.connections} concurrent connections (API) and as many concurrent driver calls (baseline), ` +
      (report.settings.readAmount
        ? `${report.settings.readAmount} request(s) per read scenario and side, ${report.settings.seconds} s per write scenario and side`
        : `${report.settings.seconds} s per scenario and side`),
    `- API memory (RSS): ${report.memory.apiStartMiB} MiB after start, peak ${report.memory.apiPeakMiB} MiB` +
      (report.memory.databasePeakMiB === null
        ? ''
        : `; database server peak ${report.memory.databasePeakMiB} MiB`),
    report.export
      ? `- CSV export (\`GET /payments/export\`, every payment): ${report.export.rows.toLocaleString('en-US')} rows, ${report.export.megabytes} MiB in ${report.export.seconds} s; API RSS ${report.export.apiRssBeforeMiB} MiB before, peak ${report.export.apiRssPeakMiB} MiB while streaming`
      : '- CSV export: not measured',
    '',
    '| Scenario | API req/s | API p50 ms | API p99 ms | Driver req/s | Driver p50 ms | Driver p99 ms | API / driver req/s | API RSS peak MiB | CPU ms/req: API + DB (API side) | CPU ms/req: client + DB (driver) | Errors (API/driver) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.scenarios.map(
      (s) =>
        `| ${s.title} | ${fmt(s.api.perSecond)} | ${fmt(s.api.p50)} | ${fmt(s.api.p99)} | ${fmt(s.baseline.perSecond)} | ${fmt(s.baseline.p50)} | ${fmt(s.baseline.p99)} | ${(s.ratio.throughput * 100).toFixed(0)}% | ${s.apiRssPeakMiB} | ${s.cpuMsPerRequest.api.api} + ${s.cpuMsPerRequest.api.database} | ${s.cpuMsPerRequest.baseline.client} + ${s.cpuMsPerRequest.baseline.database} | ${s.api.errors}/${s.baseline.errors} |`,
    ),
    '',
    'Database operations per request (captured from the API with Mongoose debug; the baseline issues the same):',
    '',
    ...report.scenarios.map(
      (s) =>
        `- ${s.title}: ${s.operations.api.join(', ') || '(none captured)'}${s.operations.same ? '' : ` — **differs from the baseline** (${s.operations.baseline.join(', ')})`}`,
    ),
    '',
    '| Query (captured from the API) | Server plan | Index used | Collection scan | Sort in memory | Skip | Declared index that serves it |',
    '|---|---|---|---|---|---|---|',
    ...report.plans.map(
      (p) =>
        `| ${p.scenario}: \`${JSON.stringify(p.command.filter)}\` sort \`${JSON.stringify(p.command.sort ?? {})}\` | ${p.detail.join('; ')} | ${p.usesIndex ? 'yes' : 'no'} | ${p.collectionScan ? 'yes' : 'no'} | ${p.inMemorySort ? 'yes' : 'no'} | ${p.skip ? 'yes' : 'no'} | ${p.declaredIndex ? `\`${p.declaredIndex}\`` : 'none'} |`,
    ),
  ];
  if (report.problems.length) {
    lines.push('', 'Problems:', '', ...report.problems.map((p) => `- ${p}`));
  }
  return lines.join('\n');
}

/** Formats as the repository's Prettier does, so `npm run lint` stays clean after a run. */
async function prettified(file: string, text: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(text, { ...options, filepath: file });
}

export async function writeJson(file: string, report: BenchReport): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await prettified(file, JSON.stringify(report, null, 2)));
}

/** Replaces (or appends) the section marked with the label in the markdown file. */
export async function writeMarkdownSection(
  file: string,
  label: string,
  body: string,
): Promise<void> {
  const start = `<!-- bench:${label}:start -->`;
  const end = `<!-- bench:${label}:end -->`;
  const section = `${start}\n\n${body}\n\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await prettified(file, next));
}
