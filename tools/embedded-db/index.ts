// Builds FerretDB from the Go module proxy once, caches the binary outside git, and runs it as a
// child process on a loopback port: the embedded MongoDB wire-protocol server that `npm start`
// and the tests use when MONGO_URI is not set.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const FERRETDB_VERSION = '1.24.2';
const goDir = join(__dirname, 'go');

export interface EmbeddedDb {
  /** A MongoDB connection string without a database name, e.g. `mongodb://127.0.0.1:41235/`. */
  uri: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where the SQLite files live; created when missing. */
  dataDir: string;
  /** Loopback port; a free one is picked when omitted. */
  port?: number;
  /** Where progress messages go (the first build takes a while). */
  log?: (message: string) => void;
}

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'malipo');
}

/** The binary's path is keyed by the Go sources, so a change to them rebuilds it. */
function binaryPath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(goDir).sort())
    hash.update(file).update(readFileSync(join(goDir, file)));
  return join(cacheDir(), `ferretdb-${FERRETDB_VERSION}-${hash.digest('hex').slice(0, 12)}`);
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) =>
      fail(new Error(`could not run ${command}: ${error.message}. Is Go installed?`)),
    );
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** Returns the path of the FerretDB binary, building it first if it is not in the cache. */
export async function ensureBuilt(log: (message: string) => void = console.log): Promise<string> {
  const binary = binaryPath();
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir(), { recursive: true });
  const started = Date.now();
  log(
    `Building FerretDB ${FERRETDB_VERSION} with Go into ${binary} (first run only; ` +
      'downloading modules and compiling takes one to three minutes)...',
  );
  await run('go', ['build', '-trimpath', '-o', binary, '.'], goDir);
  log(`Built FerretDB in ${Math.round((Date.now() - started) / 1000)} s.`);
  return binary;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export async function startEmbeddedDb(options: StartOptions): Promise<EmbeddedDb> {
  const binary = await ensureBuilt(options.log);
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  // FerretDB warns about every command it lacks (the driver's endSessions, for one): only errors.
  const args = ['--listen', `127.0.0.1:${port}`, '--data', dataDir, '--log-level', 'error'];
  const child = spawn(binary, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('FerretDB did not start within 30 s')), 30_000);
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`FerretDB exited with code ${code} while starting (is port ${port} free?)`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ready ')) {
        clearTimeout(timer);
        ready();
      }
    });
  });

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
