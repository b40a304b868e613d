// `npm run fuzz [-- --seconds 60] [--seed N] [-- extra schemathesis options]`
//
// Fuzzes the API from the committed OpenAPI document (apps/api/openapi.json) with schemathesis:
// installs it into tools/fuzz/.venv on first use (pinned in requirements.txt), starts the
// embedded database and the built API on free loopback ports, signs up and logs in, seeds a
// customer and a payment, then lets schemathesis generate valid and invalid requests for every
// operation for a bounded time. Fails when a response is a 500, or when a status code, content
// type, header or body is not what the document says. Everything is stopped at the end.
import { execFileSync } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@malipo/embedded-db';
import { ApiProcess, DbProcess } from '@malipo/soak/processes';

const here = __dirname;
const venv = join(here, '.venv');
const schemathesis = join(venv, 'bin', 'schemathesis');
const document = join(here, '..', '..', 'apps', 'api', 'openapi.json');
const reports = join(here, 'reports');

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '60' },
    workers: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
  },
});

/** python3.11 -m venv, then pip install -r requirements.txt, when the pinned version is missing. */
function ensureSchemathesis(): void {
  const wanted = /schemathesis==([\d.]+)/.exec(
    readFileSync(join(here, 'requirements.txt'), 'utf8'),
  )![1];
  if (existsSync(schemathesis)) {
    const version = execFileSync(schemathesis, ['--version'], { encoding: 'utf8' });
    if (version.includes(wanted)) return;
  }
  console.log(`Installing schemathesis ${wanted} into ${venv} ...`);
  const python = ['python3.11', 'python3'].find((candidate) => {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!python) throw new Error('Python 3.10+ is needed (python3.11 or python3)');
  execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(join(venv, 'bin', 'pip'), ['install', '-q', '-r', join(here, 'requirements.txt')], {
    stdio: 'inherit',
  });
}

async function json(url: string, method: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

async function main(): Promise<void> {
  ensureSchemathesis();
  const dataDir = mkdtempSync(join(tmpdir(), 'malipo-fuzz-'));
  const logFile = join(dataDir, 'api.log');
  const db = await DbProcess.start(join(dataDir, 'db'));
  const api = new ApiProcess({
    port: await freePort(),
    mongoUri: `${db.uri}malipo_fuzz`,
    logFile,
    env: {
      JWT_SECRET: randomBytes(48).toString('base64url'),
      MPESA_CALLBACK_TOKEN: randomBytes(24).toString('base64url'),
      // The fuzzer is one client sending thousands of requests: the abuse limits have their own
      // tests, here they would only turn the auth routes into 429s.
      AUTH_RATE_LIMIT_MAX: '1000000',
      LOGIN_MAX_FAILURES: '1000000',
    },
  });
  try {
    await api.start();
    const email = `fuzz-${randomBytes(4).toString('hex')}@malipo.test`;
    const password = randomBytes(12).toString('base64url');
    await json(`${api.url}/auth/signup`, 'POST', { email, password });
    const { accessToken } = await json(`${api.url}/auth/login`, 'POST', { email, password });
    const customer = await json(
      `${api.url}/customers`,
      'POST',
      { name: 'Fuzz', email: `c-${email}` },
      accessToken,
    );
    await json(`${api.url}/payments`, 'POST', { amount: 10, customerId: customer.id }, accessToken);

    mkdirSync(reports, { recursive: true });
    const command = [
      'run',
      document,
      '--url',
      api.url,
      '--header',
      `Authorization: Bearer ${accessToken}`,
      '--checks',
      'not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection',
      '--max-time',
      args.seconds,
      '--workers',
      args.workers,
      '--seed',
      args.seed,
      '--request-timeout',
      '10',
      '--generation-database',
      'none',
      '--report',
      'junit,ndjson',
      '--report-dir',
      reports,
      '--no-color',
      ...positionals,
    ];
    console.log(`Fuzzing ${api.url} from apps/api/openapi.json for ${args.seconds} s ...`);
    const code = await new Promise<number>((done) => {
      const child = spawn(schemathesis, command, {
        // It keeps caches (.schemathesis/, .hypothesis/) in its working directory: the run's
        // temporary folder, removed at the end.
        cwd: dataDir,
        stdio: 'inherit',
        env: { ...process.env, SCHEMATHESIS_HOOKS: '' },
      });
      child.on('exit', (exitCode) => done(exitCode ?? 1));
    });
    const serverErrors = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"level":50')).length;
    console.log(`API log lines at error level (500s): ${serverErrors}`);
    if (serverErrors > 0)
      console.log(
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((line) => line.includes('"level":50'))
          .slice(0, 5)
          .join('\n'),
      );
    process.exitCode = code === 0 && serverErrors === 0 ? 0 : 1;
  } finally {
    await api.signal('SIGTERM');
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
