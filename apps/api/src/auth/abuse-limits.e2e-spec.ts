import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { TestApp, signUpAndLogIn, startTestApp } from '../../test/test-app';
import { AttemptCounters } from './attempt-counters';

const password = 'correct horse battery';
const newEmail = () => `limit-${randomBytes(5).toString('hex')}@malipo.test`;

function expectTooMany(
  response: { status: number; headers: Record<string, string>; body: unknown },
  code: string,
) {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    code,
    message: expect.any(String),
  });
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
}

describe('abuse limits on /auth/login and /auth/signup', () => {
  describe('per client address and per email', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        AUTH_RATE_LIMIT_MAX: '3',
        AUTH_RATE_LIMIT_WINDOW: '1m',
        TRUST_PROXY: '127.0.0.1,::1',
      });
    });
    afterAll(() => t.close());

    it.each(['/auth/login', '/auth/signup'])(
      '%s: the 4th request from one address in a window is a 429 with Retry-After',
      async (path) => {
        const from = (address: string) =>
          t.http.post(path).set('X-Forwarded-For', address).send({ email: newEmail(), password });
        for (let i = 0; i < 3; i++) expect((await from('10.0.0.1')).status).not.toBe(429);
        expectTooMany(await from('10.0.0.1'), 'TOO_MANY_REQUESTS');
        // Another client is not affected.
        expect((await from('10.0.0.2')).status).not.toBe(429);
      },
    );

    it.each(['/auth/login', '/auth/signup'])(
      '%s: the 4th request naming one email is a 429, whichever address it comes from',
      async (path) => {
        const email = newEmail();
        const send = (i: number, address = `10.1.${i}.1`) =>
          t.http
            .post(path)
            .set('X-Forwarded-For', address)
            .send({ email: i % 2 ? email.toUpperCase() : email, password });
        for (let i = 0; i < 3; i++) expect((await send(i)).status).not.toBe(429);
        expectTooMany(await send(3), 'TOO_MANY_REQUESTS');
        // Another email from a fresh address is not affected.
        const other = await t.http
          .post(path)
          .set('X-Forwarded-For', '10.2.0.1')
          .send({ email: newEmail(), password });
        expect(other.status).not.toBe(429);
      },
    );
  });

  describe('without a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ AUTH_RATE_LIMIT_MAX: '3' });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For, so a client cannot dodge the limit by forging it', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await t.http
          .post('/auth/login')
          .set('X-Forwarded-For', `10.9.${i}.1`)
          .send({ email: newEmail(), password });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  describe('lockout after repeated failed log-ins for one account', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT: '2s' });
    });
    afterAll(() => t.close());

    const signUp = async () => {
      const email = newEmail();
      await t.http.post('/auth/signup').send({ email, password }).expect(201);
      return email;
    };
    const logIn = (email: string, pw: string) =>
      t.http.post('/auth/login').send({ email, password: pw });

    it('refuses even the right password once locked, then lets it in after the lockout', async () => {
      const email = await signUp();
      for (let i = 0; i < 3; i++) {
        expect((await logIn(email, 'wrong password')).body.code).toBe('INVALID_CREDENTIALS');
      }
      expectTooMany(await logIn(email, password), 'TOO_MANY_FAILED_LOGINS');
      expectTooMany(await logIn(email.toUpperCase(), password), 'TOO_MANY_FAILED_LOGINS');
      // Other accounts are not affected.
      await logIn(await signUp(), password).expect(200);
      await new Promise((done) => setTimeout(done, 2100));
      await logIn(email, password).expect(200);
    });

    it('treats an unknown email exactly like a known one (no account enumeration)', async () => {
      const unknown = newEmail();
      for (let i = 0; i < 3; i++) await logIn(unknown, 'wrong password').expect(401);
      expectTooMany(await logIn(unknown, 'wrong password'), 'TOO_MANY_FAILED_LOGINS');
    });

    it('starts counting afresh after a successful log-in', async () => {
      const email = await signUp();
      for (let i = 0; i < 2; i++) await logIn(email, 'wrong password').expect(401);
      await logIn(email, password).expect(200);
      for (let i = 0; i < 2; i++) await logIn(email, 'wrong password').expect(401);
      await logIn(email, password).expect(200);
    });
  });

  describe('shared by every API process', () => {
    /** Two app instances on one database, as two processes behind a load balancer. */
    async function twoProcesses(env: Record<string, string>): Promise<[TestApp, TestApp]> {
      const first = await startTestApp(env);
      const sameDatabase = new URL(process.env.TEST_MONGO_URI!);
      sameDatabase.pathname = `/${first.db.name}`;
      return [first, await startTestApp({ ...env, MONGO_URI: sameDatabase.toString() })];
    }
    let processes: TestApp[] = [];
    afterEach(async () => {
      for (const t of processes.reverse()) await t.close();
      processes = [];
    });

    it('count the requests one client sends to either process', async () => {
      const [a, b] = (processes = await twoProcesses({ AUTH_RATE_LIMIT_MAX: '3' }));
      const email = newEmail();
      const send = (t: TestApp) => t.http.post('/auth/login').send({ email, password });
      for (const t of [a, b, a]) expect((await send(t)).status).toBe(401);
      expectTooMany(await send(b), 'TOO_MANY_REQUESTS');
    });

    it('lock an account in both processes after failures spread over them', async () => {
      const [a, b] = (processes = await twoProcesses({ LOGIN_MAX_FAILURES: '3' }));
      const email = newEmail();
      await a.http.post('/auth/signup').send({ email, password }).expect(201);
      const logIn = (t: TestApp, pw: string) =>
        t.http.post('/auth/login').send({ email, password: pw });
      for (const t of [a, b, a]) await logIn(t, 'wrong password').expect(401);
      expectTooMany(await logIn(b, password), 'TOO_MANY_FAILED_LOGINS');
    });

    it('lose no count when many attempts arrive at both processes at once', async () => {
      processes = await twoProcesses({});
      const counters = processes.map((t) => t.app.get(AttemptCounters));
      const key = `concurrency ${newEmail()}`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => counters[i % 2].hit(key, 60_000)),
      );
      expect(results.map(({ count }) => count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });

    it('start a new window once the last one has passed', async () => {
      processes = await twoProcesses({});
      const [first, second] = processes.map((t) => t.app.get(AttemptCounters));
      const key = `window ${newEmail()}`;
      await first.hit(key, 300);
      expect((await second.hit(key, 300)).count).toBe(2);
      await new Promise((done) => setTimeout(done, 400));
      expect((await second.hit(key, 300)).count).toBe(1);
    });
  });

  describe('tokens of a deleted user', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('stop working at once', async () => {
      const { auth, userId } = await signUpAndLogIn(t);
      const other = await signUpAndLogIn(t);
      await t.http.get('/customers').set(auth).expect(200);
      await t.http.get('/auth/me').set(auth).expect(200);
      await t.db.collection('users').deleteOne({ _id: new Types.ObjectId(userId) });
      const refused = await t.http.get('/customers').set(auth).expect(401);
      expect(refused.body.code).toBe('UNAUTHORIZED');
      await t.http.get('/auth/me').set(auth).expect(401);
      await t.http.post('/customers').set(auth).send({ name: 'X', email: newEmail() }).expect(401);
      // Everybody else's tokens still work.
      await t.http.get('/customers').set(other.auth).expect(200);
    });
  });
});
