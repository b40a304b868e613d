import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '@malipo/embedded-db';
import { TestApp, createCustomer, signUpAndLogIn, startTestApp } from '../../test/test-app';

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

// This file stops and restarts a database, so it runs on a server of its own even when the
// rest of the suite runs against MONGO_URI.
describe('GET /health', () => {
  let dataDir: string;
  let db: EmbeddedDb;
  let t: TestApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'malipo-health-'));
    db = await startEmbeddedDb({ dataDir });
    const saved = process.env.TEST_MONGO_URI;
    process.env.TEST_MONGO_URI = db.uri;
    t = await startTestApp();
    process.env.TEST_MONGO_URI = saved;
  });
  afterAll(async () => {
    await t.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is 200 while the database answers', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('is 503 while the database is down, recovers by itself, and nothing acknowledged is lost', async () => {
    const { auth } = await signUpAndLogIn(t);
    const customer = await createCustomer(t, auth);

    await db.stop();
    const down = await t.http.get('/health').expect(503);
    expect(down.body).toEqual(
      expect.objectContaining({
        statusCode: 503,
        code: 'DATABASE_DOWN',
        status: 'error',
        database: 'down',
      }),
    );
    const refused = await t.http.get('/customers').set(auth).expect(503);
    expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');

    db = await startEmbeddedDb({ dataDir, port: db.port });
    await eventually(async () => (await t.http.get('/health')).status === 200, 20_000);
    const again = await t.http.get(`/customers/${customer.id}`).set(auth).expect(200);
    expect(again.body).toMatchObject(customer);
  });
});
