// Runs the built API (built by global-setup.ts) as its own process at the most verbose log level and reads everything it
// prints: no password, hash, access token or M-Pesa callback token may appear in any line.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@malipo/embedded-db';

const apiDir = join(__dirname, '..');

describe('logs', () => {
  let api: ChildProcess;
  let output = '';
  let base: string;
  const callbackToken = `cb-${randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
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
        // As deployed: outside production the start-up banner prints the development M-Pesa
        // callback URLs (with their token) on purpose, for the developer to copy.
        NODE_ENV: 'production',
        JWT_SECRET: 'log-test-secret-0123456789-0123456789',
        MPESA_CALLBACK_TOKEN: callbackToken,
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

  it('never contain the M-Pesa callback token from the URL', async () => {
    const callback = (token: string, kind: string, body: unknown) =>
      fetch(`${base}/integrations/mpesa/c2b/${token}/${kind}?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const payload = {
      TransactionType: 'Pay Bill',
      TransID: `LOG${randomBytes(4).toString('hex').toUpperCase()}`,
      TransTime: '20261204101530',
      TransAmount: '10.00',
      BusinessShortCode: '600638',
      BillRefNumber: '999999',
      MSISDN: '254712345678',
      FirstName: 'LOG',
    };
    const before = output.length;
    expect((await callback(callbackToken, 'validation', payload)).status).toBeLessThan(500);
    expect((await callback(callbackToken, 'confirmation', payload)).status).toBeLessThan(500);
    // A malformed body makes the API log a validation problem too.
    expect((await callback(callbackToken, 'confirmation', { TransID: 5 })).status).toBeLessThan(
      500,
    );
    await new Promise((done) => setTimeout(done, 300));
    const lines = output
      .slice(before)
      .split('\n')
      .filter((line) => line.includes('"req"'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).toContain('/integrations/mpesa/c2b/[REDACTED]/confirmation');
    expect(output).not.toContain(callbackToken);
    expect(output).not.toContain(callbackToken.slice(3, 19));
  });

  it('carry the request id the response names, and no response headers', async () => {
    const requestLine = async (headers: Record<string, string>) => {
      const before = output.length;
      const response = await fetch(`${base}/health`, { headers });
      const id = response.headers.get('x-request-id');
      await new Promise((done) => setTimeout(done, 300));
      const line = output
        .slice(before)
        .split('\n')
        .find((text) => text.includes('"request completed"'));
      return { id, line: JSON.parse(line ?? '{}') as { req?: { id?: string }; res?: object } };
    };

    const fresh = await requestLine({});
    expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.line.req?.id).toBe(fresh.id);
    expect(fresh.line.res).toEqual({ statusCode: 200 });

    const given = await requestLine({ 'x-request-id': 'from-the-gateway-42' });
    expect(given.id).toBe('from-the-gateway-42');
    expect(given.line.req?.id).toBe('from-the-gateway-42');
  });
});
