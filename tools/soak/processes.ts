// The product's processes as the soak and the fuzzer run them: the embedded database and the
// built API (apps/api/dist/main.js), each a child process on a loopback port that can be killed
// with any signal and started again on the same port and data.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort, startEmbeddedDb, type EmbeddedDb } from '@malipo/embedded-db';

export const apiDir = join(__dirname, '..', '..', 'apps', 'api');

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export class DbProcess {
  private db?: EmbeddedDb;
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<DbProcess> {
    const db = new DbProcess(dataDir, await freePort());
    await db.start();
    return db;
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    this.db = await startEmbeddedDb({ dataDir: this.dataDir, port: this.port });
  }

  /** SIGKILL: no chance to flush or close anything. */
  async kill(): Promise<void> {
    const child = this.db?.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.db?.stop();
  }
}

export interface ApiOptions {
  port: number;
  mongoUri: string;
  env?: Record<string, string>;
  /** Where the API's output goes (appended). */
  logFile: string;
}

export class ApiProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  constructor(readonly options: ApiOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: apiDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(this.options.port),
        MONGO_URI: this.options.mongoUri,
        LOG_LEVEL: 'warn',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`the API exited with code ${child.exitCode}; see ${this.options.logFile}`);
      }
      if ((await status(`${this.url}/health`)) === 200) return;
      if (Date.now() > deadline) throw new Error(`the API did not become healthy within 60 s`);
      await sleep(100);
    }
  }

  async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await this.exited;
  }
}

/** The status of a GET, or 0 when nothing answers. */
export async function status(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Waits until `check` is true, polling; throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
  return Date.now() - started;
}
