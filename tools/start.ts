// `npm start`: runs the whole product on one machine. Starts the embedded database (unless
// MONGO_URI is set) and the API, then the web app (building it first only if its sources
// changed), prints where everything is, and stops all of it on Ctrl-C or SIGTERM. If any part
// dies, the rest is stopped too, so nothing is left running half-way.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '@malipo/embedded-db';
import { ensureWebBuild, nextCommand, webDir, webEnvironment } from '../apps/web/scripts/web-build';

const root = resolve(__dirname, '..');
const dataDir = resolve(root, 'data');

if (existsSync(resolve(root, '.env'))) process.loadEnvFile(resolve(root, '.env'));

const children: ChildProcess[] = [];
let database: EmbeddedDb | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    const exits = children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map(
        (child) =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      );
    await Promise.all(exits);
    await database?.stop();
  }
  process.exit(code);
}

function startChild(
  name: string,
  [command, args]: [string, string[]],
  env: NodeJS.ProcessEnv,
  cwd = root,
): ChildProcess {
  const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping Malipo.`);
    void stopAll(code || 1);
  });
  children.push(child);
  return child;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  let mongoUri = process.env.MONGO_URI;
  if (!mongoUri) {
    database = await startEmbeddedDb({ dataDir: resolve(dataDir, 'ferretdb') });
    database.process.on('exit', () => {
      if (!stopping) {
        console.error('The embedded database stopped; stopping Malipo.');
        void stopAll(1);
      }
    });
    mongoUri = `${database.uri}malipo`;
  }

  const apiPort = process.env.PORT ?? '3000';
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  startChild('The API', [process.execPath, ['apps/api/dist/main.js']], {
    // The web app's server calls the API for every browser; trusting its X-Forwarded-For keeps
    // the sign-in limits per person rather than one limit for all staff.
    TRUST_PROXY: '127.0.0.1',
    ...process.env,
    MONGO_URI: mongoUri,
    PORT: apiPort,
  });
  await waitForHealth(`${apiUrl}/health`, 60_000);
  console.log(`The API is up at ${apiUrl}.`);

  // The build is one of the children only while it runs, so Ctrl-C stops it too.
  await ensureWebBuild(console.log, (build) => {
    children.push(build);
    build.once('exit', () => children.splice(children.indexOf(build), 1));
  });
  const webPort = process.env.WEB_PORT ?? '3001';
  const webUrl = `http://127.0.0.1:${webPort}`;
  startChild(
    'The web app',
    nextCommand(['start', '--hostname', '127.0.0.1', '--port', webPort]),
    { ...process.env, ...webEnvironment, API_URL: apiUrl, PORT: webPort },
    webDir,
  );
  await waitForHealth(`${webUrl}/sign-in`, 60_000);

  console.log(
    [
      '',
      'Malipo is running.',
      `  Web app:   ${webUrl}   (create an account there, then sign in)`,
      `  API:       ${apiUrl}   (OpenAPI docs: ${apiUrl}/docs)`,
      database
        ? `  Database:  embedded FerretDB at ${database.uri}, data in ${database.dataDir}`
        : '  Database:  MONGO_URI',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
