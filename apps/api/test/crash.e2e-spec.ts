// The database killed with SIGKILL (no clean shutdown) while the API runs: /health says 503 and
// requests fail with 503 (never a 500 or a hang), the API recovers by itself when the database
// returns on the same data, and every acknowledged write is still there. The soak
// (npm run soak) does the same under load, and also kills the API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '@malipo/embedded-db';
import { TestApp, createCustomer, createPayment, signUpAndLogIn, startTestApp } from './test-app';

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('database killed with SIGKILL', () => {
  let dataDir: string;
  let db: EmbeddedDb;
  let t: TestApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'malipo-crash-'));
    db = await startEmbeddedDb({ dataDir });
    t = await startTestApp({}, db.uri);
  });
  afterAll(async () => {
    await t.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('503 while down, recovers by itself, and keeps every acknowledged write', async () => {
    const { auth } = await signUpAndLogIn(t);
    const customers = [await createCustomer(t, auth), await createCustomer(t, auth)];
    const payments = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createPayment(t, auth, customers[i % 2].id, { amount: i + 0.25 }),
      ),
    );
    const moved = await t.http
      .put('/payments/reassign')
      .set(auth)
      .send({
        paymentId: payments[0].id,
        sourceCustomerId: customers[0].id,
        targetCustomerId: customers[1].id,
      })
      .expect(200);

    const exited = new Promise((done) => db.process.once('exit', done));
    db.process.kill('SIGKILL');
    await exited;

    const health = await t.http.get('/health').expect(503);
    expect(health.body).toMatchObject({ code: 'DATABASE_DOWN', database: 'down' });
    const refused = await t.http.get(`/payments/${payments[0].id}`).set(auth);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');

    db = await startEmbeddedDb({ dataDir, port: db.port });
    await eventually(async () => (await t.http.get('/health')).status === 200, 30_000);

    for (const payment of payments.slice(1)) {
      const again = await t.http.get(`/payments/${payment.id}`).set(auth).expect(200);
      expect(again.body).toEqual(payment);
    }
    const first = await t.http.get(`/payments/${payments[0].id}`).set(auth).expect(200);
    expect(first.body).toEqual(moved.body);
    expect(first.body.reassignments).toHaveLength(1);
  });
});
