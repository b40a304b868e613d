// SIGTERM drains: a request that is in flight when the API is told to stop is answered and its
// write kept; new connections are refused; then the process exits. Runs the built API (built by
// global-setup.ts) as a process of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { freePort } from '@malipo/embedded-db';
import mongoose from 'mongoose';

const apiDir = join(__dirname, '..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('SIGTERM', () => {
  let api: ChildProcess;
  let output = '';
  let port: number;
  let mongoUri: string;
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    port = await freePort();
    const uri = new URL(process.env.TEST_MONGO_URI!);
    uri.pathname = `/malipo_shutdown_${randomBytes(4).toString('hex')}`;
    mongoUri = uri.toString();
    api = spawn(process.execPath, ['dist/main.js'], {
      cwd: apiDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        MONGO_URI: mongoUri,
        LOG_LEVEL: 'warn',
        JWT_SECRET: 'shutdown-test-secret-0123456789-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exit = new Promise((done) => api.once('exit', (code, signal) => done({ code, signal })));
    const deadline = Date.now() + 20_000;
    while (
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`API did not start:\n${output}`);
      await sleep(100);
    }
  });

  afterAll(async () => {
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    await exit;
    const connection = await mongoose.createConnection(mongoUri).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it('answers the requests in flight, keeps their writes, refuses new ones, then exits', async () => {
    const base = `http://127.0.0.1:${port}`;
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    const email = `drain-${randomBytes(4).toString('hex')}@malipo.test`;
    const password = 'correct horse battery';
    expect((await post('/auth/signup', { email, password })).status).toBe(201);
    const token = (await post('/auth/login', { email, password })).body.accessToken;
    const customer = await post('/customers', { name: 'Drain', email: `c-${email}` }, token);
    expect(customer.status).toBe(201);

    // Three requests whose bodies are still arriving when SIGTERM comes.
    const references = ['DRAIN0001', 'DRAIN0002', 'DRAIN0003'];
    const inFlight = references.map((reference) => {
      const body = JSON.stringify({ amount: 250, customerId: customer.body.id, reference });
      const request = httpRequest(`${base}/payments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      });
      const answer = new Promise<{ status: number; body: string }>((done, fail) => {
        request.on('response', (response: IncomingMessage) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => done({ status: response.statusCode!, body: text }));
        });
        request.on('error', fail);
      });
      request.write(body.slice(0, 10));
      return { request, rest: body.slice(10), answer };
    });
    await sleep(200);

    api.kill('SIGTERM');
    await sleep(500);
    // Shutting down: a new connection is not served any more.
    const late = await fetch(`${base}/health`).then(
      (response) => response.status,
      () => 0,
    );
    expect([0, 503]).toContain(late);
    expect(api.exitCode).toBeNull();

    for (const { request, rest } of inFlight) request.end(rest);
    const answers = await Promise.all(inFlight.map((flight) => flight.answer));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);

    const { code, signal } = await exit;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);

    const connection = await mongoose.createConnection(mongoUri).asPromise();
    try {
      const stored = await connection
        .collection('payments')
        .countDocuments({ reference: { $in: references } });
      expect(stored).toBe(3);
    } finally {
      await connection.close();
    }
  });
});
