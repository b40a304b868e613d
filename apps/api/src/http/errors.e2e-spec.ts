import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
} from '../../test/test-app';

describe('errors', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = (await signUpAndLogIn(t)).auth;
  });
  afterAll(() => t.close());

  const errorBody = (statusCode: number, error: string, code: string) => ({
    statusCode,
    error,
    code,
    message: expect.anything(),
  });

  it('answers an unknown route with the error body', async () => {
    const response = await t.http.get('/nowhere').set(auth).expect(404);
    expect(response.body).toEqual(errorBody(404, 'Not Found', 'NOT_FOUND'));
  });

  it.each([
    ['post', '/auth/signup'],
    ['post', '/auth/login'],
    ['post', '/customers'],
    ['patch', '/customers/65a1b2c3d4e5f60718293a4b'],
    ['post', '/payments'],
    ['put', '/payments/reassign'],
  ] as const)('answers malformed JSON to %s %s with INVALID_JSON', async (method, path) => {
    for (const text of ['{"amount": 1,', '{bad}', "{'single': 1}", '']) {
      const response = await t.http[method](path)
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(text)
        .expect(400);
      expect(response.body).toEqual(errorBody(400, 'Bad Request', 'INVALID_JSON'));
    }
  });

  it('refuses prototype-poisoning keys', async () => {
    const response = await t.http
      .post('/customers')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"name":"X","email":"x@example.com","__proto__":{"isAdmin":true}}')
      .expect(400);
    expect(response.body.code).toBe('INVALID_JSON');
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await t.http
      .post('/customers')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send('name=X')
      .expect(415);
    expect(response.body).toEqual(
      errorBody(415, 'Unsupported Media Type', 'UNSUPPORTED_MEDIA_TYPE'),
    );
  });

  it('answers an oversized body with 413', async () => {
    const response = await t.http
      .post('/customers')
      .set(auth)
      .send({ name: 'X', email: 'x@example.com', note: 'x'.repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('operator objects never reach a query', () => {
    const operators = [{ $ne: null }, { $gt: '' }, { $regex: '.*' }, { $where: 'sleep(100)' }];

    it.each(operators)('in credentials: %p', async (operator) => {
      for (const body of [
        { email: operator, password: 'whatever password' },
        { email: 'someone@malipo.test', password: operator },
      ]) {
        const login = await t.http.post('/auth/login').send(body).expect(400);
        expect(login.body.code).toBe('VALIDATION_FAILED');
        const signup = await t.http.post('/auth/signup').send(body).expect(400);
        expect(signup.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it.each(operators)('in customer fields: %p', async (operator) => {
      for (const field of ['name', 'email', 'phone']) {
        await t.http
          .post('/customers')
          .set(auth)
          .send({ name: 'X', email: 'x@example.com', [field]: operator })
          .expect(400);
      }
    });

    it('in ids far longer than an id', async () => {
      for (const path of [
        `/payments/${'x'.repeat(500)}/suggestions`,
        `/customers/${'é'.repeat(300)}`,
      ]) {
        const response = await t.http.get(encodeURI(path)).set(auth).expect(400);
        expect(response.body.code).toBe('INVALID_ID');
      }
    });

    it('in ids in the path', async () => {
      for (const path of [
        '/customers/%7B%22%24ne%22%3Anull%7D',
        '/payments/%24ne',
        '/customers/[object Object]',
      ]) {
        const response = await t.http.get(path).set(auth);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('INVALID_ID');
      }
    });

    it('in query strings', async () => {
      for (const query of ['customerId[$ne]=x', 'search[$regex]=.*', 'cursor[$gt]=']) {
        await t.http.get(`/payments?${query}`).set(auth).expect(400);
        await t.http.get(`/customers?${query}`).set(auth).expect(400);
      }
    });
  });

  it('never answers a client mistake with a 500', async () => {
    const customer = await createCustomer(t, auth);
    const payment = await createPayment(t, auth, customer.id);
    const attempts = [
      t.http.post('/payments').set(auth).send([1, 2, 3]),
      t.http
        .post('/payments')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(`{"amount": 1e400, "customerId": "${customer.id}"}`),
      t.http
        .put('/payments/reassign')
        .set(auth)
        .send({
          paymentId: payment.id,
          sourceCustomerId: customer.id,
          targetCustomerId: customer.id.replace(/.$/, 'z'),
        }),
      t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ email: ['a@b.co'] }),
      t.http.get('/customers').query({ limit: '1e3' }).set(auth),
      t.http.get('/payments').query({ to: '2026-13-45' }).set(auth),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        expect.objectContaining({ statusCode: 400, code: expect.any(String) }),
      );
    }
  });
});
