// Starts what the browser tests need, on free loopback ports, in a temporary data directory: the
// embedded database, the built API and the built web app (each built first when stale). The
// returned function stops every process started here and removes the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedDb } from '@malipo/embedded-db';
import { ensureWebBuild, isStale, nextCommand, webDir, webEnvironment } from '../scripts/web-build';

const repositoryRoot = resolve(webDir, '../..');
const apiDir = join(repositoryRoot, 'apps', 'api');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function waitForOk(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'malipo-web-tests-'));
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    if (isStale(join(apiDir, 'dist', 'main.js'), [join(apiDir, 'src')])) {
      await run('npm', ['run', 'build', '-w', '@malipo/api'], repositoryRoot);
    }
    await ensureWebBuild(console.log);

    const database = await startEmbeddedDb({ dataDir: join(dataDir, 'db') });
    stops.push(() => database.stop());

    // The tests play M-Pesa, whose callbacks carry this token in their URL.
    const mpesaToken = randomBytes(24).toString('hex');
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = spawn(process.execPath, [join(apiDir, 'dist', 'main.js')], {
      cwd: dataDir,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        MONGO_URI: `${database.uri}malipo-web-tests`,
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        JWT_SECRET: randomBytes(48).toString('base64url'),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // Every test signs in from the same address; the limit is the API's to test, not ours.
        AUTH_RATE_LIMIT_MAX: '1000',
        MPESA_CALLBACK_TOKEN: mpesaToken,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    stops.push(() => stop(api));
    await waitForOk(`${apiUrl}/health`, api);

    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const [command, args] = nextCommand([
      'start',
      '--hostname',
      '127.0.0.1',
      '--port',
      String(webPort),
    ]);
    const web = spawn(command, args, {
      cwd: webDir,
      env: { ...process.env, ...webEnvironment, API_URL: apiUrl, PORT: String(webPort) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stops.push(() => stop(web));
    await waitForOk(`${webUrl}/sign-in`, web);

    // Playwright hands the environment of the global setup to the test workers.
    process.env.MALIPO_WEB_URL = webUrl;
    process.env.MALIPO_MPESA_TOKEN = mpesaToken;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
