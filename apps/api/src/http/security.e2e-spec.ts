// Protections that apply to every route: security headers, CORS, the body limit and the refusal
// of operator and prototype keys. Routes are taken from the OpenAPI document generated from the
// running app, so a route added later is covered without editing this file.
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from '../app.factory';
import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
} from '../../test/test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

function routes(document: OpenAPIObject): { method: Method; path: string; hasBody: boolean }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const)
      .filter((method) => item[method])
      .map((method) => ({ method, path, hasBody: !!item[method]!.requestBody })),
  );
}

describe('protections on every route', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let concrete: (path: string) => string;
  let all: ReturnType<typeof routes>;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
    auth = (await signUpAndLogIn(t)).auth;
    const customer = await createCustomer(t, auth);
    const payment = await createPayment(t, auth, customer.id);
    // Real ids, so that a route would succeed if the check were missing.
    concrete = (path) =>
      path
        .replace('/customers/{id}', `/customers/${customer.id}`)
        .replace('/payments/{id}', `/payments/${payment.id}`)
        .replace('{token}', 'not-the-callback-token')
        .replace(/\{\w+\}/g, '65a1b2c3d4e5f60718293a4b');
    all = routes(openApiDocument(t.app));
  });
  afterAll(() => t.close());

  it('knows the routes (sanity check of the enumeration)', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all).toContainEqual({ method: 'put', path: '/payments/reassign', hasBody: true });
  });

  describe('operator and prototype keys are refused with 400', () => {
    const queries = [
      'x[$ne]=1',
      '$where=1',
      'search[$regex]=.*',
      'a.$gt=1',
      '__proto__[admin]=1',
      'constructor=1',
      'prototype=1',
      'limit=1&filter[nested][$in]=a',
    ];
    const bodies: Record<string, unknown>[] = [
      { $where: 'sleep(100)' },
      { name: { $ne: null } },
      { email: { $gt: '' } },
      { a: { b: [{ $regex: '.*' }] } },
      { constructor: 'x' },
      { prototype: { polluted: true } },
      { a: { constructor: { name: 'x' } } },
    ];

    it.each(queries)('in the query string of every route: %s', async (query) => {
      for (const { method, path } of all) {
        const response = await t.http[method](`${concrete(path)}?${query}`).set(auth);
        expect({
          route: `${method} ${path}`,
          status: response.status,
          code: response.body.code,
        }).toEqual({
          route: `${method} ${path}`,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it.each(bodies)('in the JSON body of every route that takes one: %p', async (body) => {
      for (const { method, path } of all.filter((route) => route.hasBody)) {
        const response = await t.http[method](concrete(path)).set(auth).send(body);
        expect({
          route: `${method} ${path}`,
          status: response.status,
          code: response.body.code,
        }).toEqual({
          route: `${method} ${path}`,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it('refuses NUL characters in any query or body string, on every route (found by the fuzzer)', async () => {
      for (const { method, path, hasBody } of all) {
        const query = await t.http[method](`${concrete(path)}?search=a%00b&cursor=`).set(auth);
        expect({ route: `${method} ${path}`, status: query.status, code: query.body.code }).toEqual(
          {
            route: `${method} ${path}`,
            status: 400,
            code: 'VALIDATION_FAILED',
          },
        );
        if (!hasBody) continue;
        const body = await t.http[method](concrete(path)).set(auth).send({ name: 'a\u0000b' });
        expect({ route: `${method} ${path}`, status: body.status, code: body.body.code }).toEqual({
          route: `${method} ${path}`,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      const search = await t.http.get('/customers?search=%28hi%5D%00').set(auth).expect(400);
      expect(search.body.message).toEqual([expect.stringContaining('NUL')]);
    });

    it('names the offending key', async () => {
      const response = await t.http
        .post('/customers')
        .set(auth)
        .send({ name: 'X', email: 'x@example.com', phone: { $ne: null } })
        .expect(400);
      expect(response.body.message).toEqual([expect.stringContaining('phone.$ne')]);
    });

    it('refuses bodies nested too deeply, without a 500', async () => {
      let array: unknown = [];
      for (let i = 0; i < 40; i++) array = [array];
      const nested = await t.http.post('/payments').set(auth).send({ amount: 1, note: array });
      expect(nested.status).toBe(400);
      expect(nested.body.code).toBe('VALIDATION_FAILED');
      expect(nested.body.message).toEqual([expect.stringContaining('levels deep')]);
    });

    it('leaves ordinary bodies alone', async () => {
      await t.http
        .post('/customers')
        .set(auth)
        .send({ name: 'Dollar $ign in a value', email: `ok-${Date.now()}@example.com` })
        .expect(201);
    });
  });

  it('answers a missing body with 400 on every route that takes a JSON body (found by the fuzzer)', async () => {
    const document = openApiDocument(t.app);
    for (const { method, path } of all.filter((route) => route.hasBody)) {
      const body = document.paths[path][method]!.requestBody as {
        content: Record<string, unknown>;
      };
      if (!body.content['application/json']) continue;
      const response = await t.http[method](concrete(path)).set(auth);
      expect({
        route: `${method} ${path}`,
        status: response.status,
        code: response.body.code,
      }).toEqual({
        route: `${method} ${path}`,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('answers a malformed multipart body or CSV file with 400, not 500 (found by the fuzzer)', async () => {
    for (const [type, body] of [
      ['multipart/form-data', ''],
      ['multipart/form-data; boundary=abc', '--abc\r\nFalse--abc--\r\n'],
      [
        'multipart/form-data; boundary=abc',
        '--abc\r\nContent-Disposition: form-data; name="file"\r\n\r\nx',
      ],
      [
        'multipart/form-data; boundary=abc',
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\n\r\n' +
          '<Q"E,1\r\n--abc--\r\n',
      ],
    ]) {
      const response = await t.http
        .post('/payments/import')
        .set(auth)
        .set('Content-Type', type)
        .send(body);
      expect({ type, status: response.status }).toEqual({ type, status: 400 });
    }
  });

  it('makes a filter on a path outside the schema throw instead of widening (strictQuery)', async () => {
    const { getModelToken } = await import('@nestjs/mongoose');
    const users = t.app.get<import('mongoose').Model<unknown>>(getModelToken('User'));
    await expect(users.findOne({ emial: 'typo@malipo.test' })).rejects.toThrow(/strictQuery/);
  });

  describe('headers', () => {
    it.each(['/health', '/customers', '/nowhere'])('sets security headers on %s', async (path) => {
      const response = await t.http.get(path).set(auth);
      expect(response.headers).toEqual(
        expect.objectContaining({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        }),
      );
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['server']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      t.http
        .options('/customers')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');

    it.each(['http://127.0.0.1:3001', 'http://localhost:3001'])(
      'allows the web app at %s',
      async (origin) => {
        const response = await preflight(origin);
        expect(response.status).toBe(204);
        expect(response.headers['access-control-allow-origin']).toBe(origin);
        expect(response.headers['access-control-allow-headers']).toMatch(/authorization/i);
        const get = await t.http.get('/health').set('Origin', origin).expect(200);
        expect(get.headers['access-control-allow-origin']).toBe(origin);
      },
    );

    it.each([
      'https://evil.example',
      'http://localhost:3000',
      'null',
      'http://127.0.0.1:3001.evil.example',
    ])('does not allow %s', async (origin) => {
      const response = await preflight(origin);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.http.get('/health').set('Origin', origin);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('body limit (BODY_LIMIT_BYTES=4096 here)', () => {
    it('answers a larger body with 413 on every route that takes one', async () => {
      for (const { method, path } of all.filter((route) => route.hasBody)) {
        const response = await t.http[method](concrete(path))
          .set(auth)
          .send({ name: 'X', note: 'x'.repeat(5000) });
        expect({
          route: `${method} ${path}`,
          status: response.status,
          code: response.body.code,
        }).toEqual({
          route: `${method} ${path}`,
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
        });
      }
    });

    it('accepts a body under the limit', async () => {
      await t.http
        .post('/customers')
        .set(auth)
        .send({ name: 'y'.repeat(100), email: `limit-${Date.now()}@example.com` })
        .expect(201);
    });
  });
});

describe('configured CORS origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://backoffice.malipo.example' });
  });
  afterAll(() => t.close());

  it('allows only the configured origins', async () => {
    const allowed = await t.http.get('/health').set('Origin', 'https://backoffice.malipo.example');
    expect(allowed.headers['access-control-allow-origin']).toBe(
      'https://backoffice.malipo.example',
    );
    const local = await t.http.get('/health').set('Origin', 'http://localhost:3001');
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
  });
});
