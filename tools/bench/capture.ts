// What the API really sends to the database: the built API runs in this process for a moment,
// requests are injected into it, and Mongoose's debug hook records every operation. The read
// baselines replay these exact queries, the plans are explained from them, and the operations
// of each request are listed (an N+1 query would show up there).
import { randomBytes } from 'node:crypto';
import type { Db, Document, FindOptions } from 'mongodb';
import mongoose from 'mongoose';
import { appFactory } from './api-modules';
import type { HttpRequest } from './scenarios';

export interface Operation {
  collection: string;
  method: string;
  args: unknown[];
}

export interface Capture {
  status: number;
  operations: Operation[];
}

/** Thrown from the debug hook to stop a query before it reaches the database. */
class Recorded extends Error {}

export interface CaptureApp {
  /** Sends the request; every database operation runs and is recorded. */
  run(request: HttpRequest): Promise<Capture>;
  /**
   * Sends the request but stops it at its first `find`, which is recorded and not run: the
   * query of a read without its cost (on FerretDB a big list query takes long; see the docs).
   */
  recordQuery(request: HttpRequest): Promise<Operation[]>;
  close(): Promise<void>;
}

export async function startCaptureApp(mongoUri: string): Promise<CaptureApp> {
  Object.assign(process.env, {
    MONGO_URI: mongoUri,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
  });
  const app = await appFactory.createApp({ logs: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const email = `capture-${Date.now()}-${randomBytes(3).toString('hex')}@malipo.test`;
  const password = randomBytes(12).toString('base64url');
  await app.inject({ method: 'POST', url: '/auth/signup', payload: { email, password } });
  const login = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password },
  });
  const { accessToken } = login.json<{ accessToken: string }>();

  const send = async (request: HttpRequest, stopAtFind: boolean): Promise<Capture> => {
    const operations: Operation[] = [];
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      operations.push({ collection, method, args });
      if (stopAtFind && method === 'find') throw new Recorded();
    });
    try {
      const response = await app.inject({
        method: request.method,
        url: request.path,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        ...(request.body ? { payload: request.body } : {}),
      });
      return { status: response.statusCode, operations };
    } finally {
      mongoose.set('debug', false);
    }
  };

  return {
    run: (request) => send(request, false),
    recordQuery: async (request) => (await send(request, true)).operations,
    close: () => app.close(),
  };
}

export const operationNames = (operations: Operation[]) =>
  operations.map((o) => `${o.collection}.${o.method}`);

/** The options of a captured find or findOne that the driver takes as they are. */
export function findOptions(operation: Operation): FindOptions {
  const options = (operation.args[1] ?? {}) as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of ['sort', 'limit', 'skip', 'projection']) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked;
}

/** Issues captured read operations with the driver, one after another as the API does. */
export async function replay(db: Db, operations: Operation[]): Promise<void> {
  for (const operation of operations) {
    const collection = db.collection(operation.collection);
    const filter = operation.args[0] as Document;
    if (operation.method === 'find') {
      await collection.find(filter, findOptions(operation)).toArray();
    } else if (operation.method === 'findOne') {
      await collection.findOne(filter, findOptions(operation));
    } else {
      throw new Error(`a read baseline cannot replay ${operation.method}`);
    }
  }
}
