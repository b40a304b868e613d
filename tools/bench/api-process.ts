// Runs the built API (`apps/api/dist/main.js`) as its own process on a free loopback port, as
// it runs in production, so its memory and CPU can be read apart from the load generator's.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '@malipo/embedded-db';
import { apiMain, apiDir } from './api-modules';

export interface ApiProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * With `cpuProfileDir`, V8 writes a CPU profile there when the API stops. A profile is written
 * only on a normal exit, and Nest re-raises SIGTERM after its shutdown hooks, so the API is
 * then started through a one-line wrapper that exits normally on SIGTERM.
 */
export async function startApi(
  mongoUri: string,
  options: { cpuProfileDir?: string } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const args = options.cpuProfileDir
    ? [
        '--cpu-prof',
        '--cpu-prof-dir',
        options.cpuProfileDir,
        '-e',
        "process.once('SIGTERM', () => process.exit(0)); require(process.argv[1]);",
        apiMain,
      ]
    : [apiMain];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MONGO_URI: mongoUri,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('base64url'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the API did not become healthy within 60 s');
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url, pid: child.pid!, stop };
}

async function call<T>(url: string, path: string, init: RequestInit): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Signs up a fresh staff user and logs in: the bearer token and the user's id. */
export async function signIn(url: string): Promise<{ token: string; userId: string }> {
  const email = `bench-${Date.now()}-${randomBytes(3).toString('hex')}@malipo.test`;
  const password = randomBytes(12).toString('base64url');
  const user = await call<{ id: string }>(url, '/auth/signup', {
    method: 'POST',
    body: JSON.stringify({ email, password, name: 'Benchmark' }),
  });
  const { accessToken } = await call<{ accessToken: string }>(url, '/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  return { token: accessToken, userId: user.id };
}
