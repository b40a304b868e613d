// `npx tsx tools/soak/guard-cost.ts` (after `npm run build -w @malipo/api`): what the guard's
// "does this user still exist?" lookup costs. Starts the embedded database and the built API on
// loopback ports, then times, one after another, N requests through the guard and N of the
// lookup alone (the same query the guard makes, by _id with the driver), and prints medians.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '@malipo/embedded-db';
import { MongoClient, ObjectId } from 'mongodb';
import { ApiProcess, DbProcess } from './processes';

const N = 500;

async function time(what: () => Promise<unknown>): Promise<{ p50: number; p90: number }> {
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const started = performance.now();
    await what();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number(samples[Math.floor(q * (N - 1))].toFixed(2));
  return { p50: at(0.5), p90: at(0.9) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'malipo-guard-cost-'));
  const db = await DbProcess.start(join(dataDir, 'db'));
  const api = new ApiProcess({
    port: await freePort(),
    mongoUri: `${db.uri}malipo_guard_cost`,
    logFile: join(dataDir, 'api.log'),
    env: { JWT_SECRET: randomBytes(48).toString('base64url') },
  });
  const client = await MongoClient.connect(`${db.uri}malipo_guard_cost`);
  try {
    await api.start();
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(`${api.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as Record<string, string>;
    const email = `cost-${randomBytes(4).toString('hex')}@malipo.test`;
    const password = randomBytes(12).toString('base64url');
    const user = await post('/auth/signup', { email, password });
    const { accessToken } = await post('/auth/login', { email, password });
    const headers = { authorization: `Bearer ${accessToken}` };
    const get = (path: string) => async () =>
      (await fetch(`${api.url}${path}`, { headers })).arrayBuffer();
    await time(get('/customers?limit=1')); // warm up
    const users = client.db().collection('users');
    const id = new ObjectId(user.id);
    const results = {
      'GET /health (no guard, one ping)': await time(get('/health')),
      'GET /customers?limit=1 (guard + list)': await time(get('/customers?limit=1')),
      'GET /auth/me (guard + one find by _id)': await time(get('/auth/me')),
      'the guard lookup alone (find by _id, projection _id)': await time(() =>
        users.findOne({ _id: id }, { projection: { _id: 1 } }),
      ),
    };
    console.log(`Median and 90th percentile of ${N} sequential calls, in ms:`);
    for (const [what, { p50, p90 }] of Object.entries(results)) {
      console.log(
        `  ${what.padEnd(56)} p50 ${String(p50).padStart(6)}  p90 ${String(p90).padStart(6)}`,
      );
    }
  } finally {
    await client.close();
    await api.signal('SIGTERM');
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
