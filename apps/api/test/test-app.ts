// Starts the real application against a database of its own on the run's server, and offers
// small factories for the data a test needs.
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/app.factory';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  db: Connection;
  close(): Promise<void>;
}

function databaseUri(name: string, server?: string): string {
  const base = server ?? process.env.TEST_MONGO_URI;
  if (!base)
    throw new Error('TEST_MONGO_URI is not set: run the tests with jest (see global-setup.ts)');
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The app on a database of its own, on the run's server or on `server` (a MongoDB URI). */
export async function startTestApp(
  env: Record<string, string> = {},
  server?: string,
): Promise<TestApp> {
  const name = `malipo_test_${randomBytes(6).toString('hex')}`;
  // The configuration is read from process.env while the app starts; afterwards the environment
  // is put back, so one test's settings never leak into the next app.
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    MONGO_URI: databaseUri(name, server),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-production-0123456789',
    LOG_LEVEL: 'silent',
    // Tests make many sign-ups and log-ins from one address; the abuse limits have tests of
    // their own (src/auth/abuse-limits.e2e-spec.ts) that set these low.
    AUTH_RATE_LIMIT_MAX: '100000',
    LOGIN_MAX_FAILURES: '100000',
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp({ logs: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  const db = app.get<Connection>(getConnectionToken());
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    async close() {
      await db.dropDatabase();
      await app.close();
    },
  };
}

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A 07XXXXXXXX number no other test run uses. */
export function uniquePhone(): string {
  return `07${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export async function signUpAndLogIn(
  t: TestApp,
): Promise<{ token: string; userId: string; auth: { Authorization: string } }> {
  const email = `staff-${unique()}@malipo.test`;
  const password = 'correct horse battery';
  const signup = await t.http
    .post('/auth/signup')
    .send({ email, password, name: 'Test Staff' })
    .expect(201);
  const login = await t.http.post('/auth/login').send({ email, password }).expect(200);
  const token = (login.body as { accessToken: string }).accessToken;
  return {
    token,
    userId: (signup.body as { id: string }).id,
    auth: { Authorization: `Bearer ${token}` },
  };
}

export interface CustomerBody {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  accountNumber: string;
  createdAt: string;
  updatedAt: string;
}

export async function createCustomer(
  t: TestApp,
  auth: { Authorization: string },
  fields: Record<string, unknown> = {},
): Promise<CustomerBody> {
  const response = await t.http
    .post('/customers')
    .set(auth)
    .send({ name: `Customer ${unique()}`, email: `c-${unique()}@example.com`, ...fields })
    .expect(201);
  return response.body as CustomerBody;
}

export interface PaymentBody {
  id: string;
  amount: number;
  currency: string;
  customerId: string;
  reference: string | null;
  method: string;
  paidAt: string;
  payerPhone: string | null;
  note: string | null;
  reassignments: {
    fromCustomerId: string | null;
    toCustomerId: string;
    reason: string | null;
    by: string;
    at: string;
  }[];
  createdAt: string;
  updatedAt: string;
}

export async function createPayment(
  t: TestApp,
  auth: { Authorization: string },
  customerId: string,
  fields: Record<string, unknown> = {},
): Promise<PaymentBody> {
  const response = await t.http
    .post('/payments')
    .set(auth)
    .send({ amount: 1500, customerId, ...fields })
    .expect(201);
  return response.body as PaymentBody;
}
