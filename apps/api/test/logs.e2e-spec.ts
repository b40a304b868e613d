// Runs the built API as its own process at the most verbose log level and reads everything it
// prints: no password, hash or token may appear in any line.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@malipo/embedded-db';

const apiDir = join(__dirname, '..');

describe('logs', () => {
  let api: ChildProcess;
  let output = '';
  let base: string;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: apiDir, stdio: 'ignore' });
    const port = await freePort();
    const mongoUri = new URL(process.env.TEST_MONGO_URI!);
    mongoUri.pathname = `/malipo_logs_${randomBytes(4).toString('hex')}`;
    api = spawn(process.execPath, ['dist/main.js'], {
      cwd: apiDir,
      env: {
        ...process.env,
        PORT: String(port),
        MONGO_URI: mongoUri.toString(),
        LOG_LEVEL: 'trace',
        NODE_ENV: 'test',
        JWT_SECRET: 'log-test-secret-0123456789-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    while (
      !(await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`API did not start:\n${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  });

  afterAll(async () => {
    const exited = new Promise((done) => api.once('exit', done));
    api.kill('SIGTERM');
    await exited;
  });

  it('never contain a password, a password hash or a token', async () => {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const email = `log-${randomBytes(4).toString('hex')}@malipo.test`;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    expect((await post('/auth/signup', { email, password })).status).toBe(201);
    expect((await post('/auth/login', { email, password: `${password}-wrong` })).status).toBe(401);
    const login = (await (await post('/auth/login', { email, password })).json()) as {
      accessToken: string;
    };
    const auth = { authorization: `Bearer ${login.accessToken}` };
    expect((await fetch(`${base}/auth/me`, { headers: auth })).status).toBe(200);
    expect((await post('/customers', { name: 'Log Test', email: `c-${email}` }, auth)).status).toBe(
      201,
    );
    expect((await post('/customers', { name: 'Bad', password }, auth)).status).toBe(400);

    await new Promise((done) => setTimeout(done, 300));
    const lines = output.split('\n').filter(Boolean);
    expect(lines.filter((line) => line.includes('"req"')).length).toBeGreaterThanOrEqual(6);
    expect(output).not.toContain(password);
    expect(output).not.toContain(login.accessToken);
    expect(output).not.toContain(login.accessToken.split('.')[2]);
    expect(output).not.toMatch(/\$argon2/);
  });
});
