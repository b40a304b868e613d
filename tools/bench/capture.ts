// What the API really sends to the database for each scenario: the built API runs in this
// process for a moment, each scenario's request is injected once, and Mongoose's debug hook
// records every operation. The plans are then explained from these exact queries (not from a
// copy of them), and the list is compared with the baseline's, which catches N+1 queries and a
// baseline that no longer matches the API.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { appFactory } from './api-modules';
import type { Scenario, ScenarioName } from './scenarios';

export interface Operation {
  collection: string;
  method: string;
  args: unknown[];
}

export interface Capture {
  status: number;
  operations: Operation[];
}

/** A request index far from the ones the load run uses, so references and moves don't collide. */
const CAPTURE_INDEX = 50_000_000;

export async function captureOperations(
  mongoUri: string,
  list: Scenario[],
): Promise<Map<ScenarioName, Capture>> {
  Object.assign(process.env, {
    MONGO_URI: mongoUri,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
  });
  const app = await appFactory.createApp({ logs: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const captures = new Map<ScenarioName, Capture>();
  try {
    const email = `capture-${Date.now()}@malipo.test`;
    const password = randomBytes(12).toString('base64url');
    await app.inject({ method: 'POST', url: '/auth/signup', payload: { email, password } });
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password },
    });
    const { accessToken } = login.json<{ accessToken: string }>();
    for (const [k, scenario] of list.entries()) {
      const request = scenario.request(CAPTURE_INDEX + k);
      const operations: Operation[] = [];
      mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
        operations.push({ collection, method, args });
      });
      try {
        const response = await app.inject({
          method: request.method,
          url: request.path,
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          ...(request.body ? { payload: request.body } : {}),
        });
        captures.set(scenario.name, { status: response.statusCode, operations });
      } finally {
        mongoose.set('debug', false);
      }
    }
  } finally {
    await app.close();
  }
  return captures;
}

export const operationNames = (capture: Capture) =>
  capture.operations.map((o) => `${o.collection}.${o.method}`);
