import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
  type CustomerBody,
  type PaymentBody,
} from '../../test/test-app';

describe('PUT /payments/reassign', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  let wrong: CustomerBody;
  let right: CustomerBody;
  let payment: PaymentBody;

  beforeAll(async () => {
    t = await startTestApp();
    ({ auth, userId } = await signUpAndLogIn(t));
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    wrong = await createCustomer(t, auth);
    right = await createCustomer(t, auth);
    payment = await createPayment(t, auth, wrong.id, {
      amount: 1500.5,
      reference: `R${Date.now()}${Math.random()}`.slice(0, 20),
    });
  });

  const reassign = (body: Record<string, unknown>) =>
    t.http.put('/payments/reassign').set(auth).send(body);
  const move = (fields: Record<string, unknown> = {}) =>
    reassign({
      paymentId: payment.id,
      sourceCustomerId: wrong.id,
      targetCustomerId: right.id,
      ...fields,
    });
  const stored = () =>
    t.http
      .get(`/payments/${payment.id}`)
      .set(auth)
      .expect(200)
      .then((r) => r.body as PaymentBody);

  it('moves the payment and appends who, when, from, to and why', async () => {
    const before = Date.now();
    const response = await move({ reason: 'Wrong account number' }).expect(200);
    expect(response.body).toMatchObject({
      id: payment.id,
      amount: 1500.5,
      customerId: right.id,
      reference: payment.reference,
      reassignments: [
        {
          fromCustomerId: wrong.id,
          toCustomerId: right.id,
          reason: 'Wrong account number',
          by: userId,
          at: expect.any(String),
        },
      ],
    });
    const at = new Date(response.body.reassignments[0].at).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(await stored()).toEqual(response.body);
  });

  it("shows the move in both customers' views", async () => {
    await move().expect(200);
    const target = await t.http
      .get('/payments')
      .query({ customerId: right.id })
      .set(auth)
      .expect(200);
    expect(target.body.items.map((p: PaymentBody) => p.id)).toEqual([payment.id]);
    const source = await t.http
      .get('/payments')
      .query({ customerId: wrong.id })
      .set(auth)
      .expect(200);
    expect(source.body.items).toEqual([]);
    expect(target.body.items[0].reassignments[0].fromCustomerId).toBe(wrong.id);
  });

  it('accepts no reason (clients of the original API send none) and keeps the history across moves', async () => {
    await move().expect(200);
    const third = await createCustomer(t, auth);
    const response = await reassign({
      paymentId: payment.id,
      sourceCustomerId: right.id,
      targetCustomerId: third.id,
      reason: 'Still wrong',
    }).expect(200);
    expect(response.body.reassignments).toEqual([
      expect.objectContaining({ fromCustomerId: wrong.id, toCustomerId: right.id, reason: null }),
      expect.objectContaining({
        fromCustomerId: right.id,
        toCustomerId: third.id,
        reason: 'Still wrong',
      }),
    ]);
  });

  it('of ten concurrent moves of one payment, exactly one succeeds', async () => {
    const targets = [
      right,
      ...(await Promise.all(Array.from({ length: 9 }, () => createCustomer(t, auth)))),
    ];
    const responses = await Promise.all(
      targets.map((target) =>
        reassign({
          paymentId: payment.id,
          sourceCustomerId: wrong.id,
          targetCustomerId: target.id,
          reason: target.id,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    for (const r of responses.filter((r) => r.status === 409))
      expect(r.body.code).toBe('PAYMENT_NOT_OWNED_BY_SOURCE');
    const winner = responses.find((r) => r.status === 200)!.body as PaymentBody;
    const after = await stored();
    expect(after.reassignments).toHaveLength(1);
    expect(after.customerId).toBe(winner.customerId);
    expect(after.reassignments[0].toCustomerId).toBe(winner.customerId);
  });

  it('of ten concurrent identical moves, exactly one succeeds', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => move()));
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
    expect((await stored()).reassignments).toHaveLength(1);
  });

  describe('a failed move changes nothing', () => {
    const cases: [string, () => Record<string, unknown>, number, string][] = [
      [
        "the payment is not the source's",
        () => ({ sourceCustomerId: right.id, targetCustomerId: wrong.id }),
        409,
        'PAYMENT_NOT_OWNED_BY_SOURCE',
      ],
      [
        'the payment does not exist',
        () => ({ paymentId: '65a1b2c3d4e5f60718293a4b' }),
        404,
        'PAYMENT_NOT_FOUND',
      ],
      [
        'the source does not exist',
        () => ({ sourceCustomerId: '65a1b2c3d4e5f60718293a4b' }),
        404,
        'SOURCE_CUSTOMER_NOT_FOUND',
      ],
      [
        'the target does not exist',
        () => ({ targetCustomerId: '65a1b2c3d4e5f60718293a4b' }),
        404,
        'TARGET_CUSTOMER_NOT_FOUND',
      ],
      [
        'source and target are the same',
        () => ({ targetCustomerId: wrong.id }),
        400,
        'SAME_CUSTOMER',
      ],
      ['the reason is too long', () => ({ reason: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED'],
    ];
    it.each(cases)('when %s', async (_, fields, status, code) => {
      const before = await stored();
      const response = await move(fields()).expect(status);
      expect(response.body.code).toBe(code);
      const after = await stored();
      expect(after).toEqual(before);
      expect(after.updatedAt).toBe(payment.updatedAt);
      expect(after.customerId).toBe(wrong.id);
      expect(after.reassignments).toEqual([]);
    });
  });

  it("names each missing 404 in the contract's words", async () => {
    const unknown = '65a1b2c3d4e5f60718293a4b';
    expect((await move({ paymentId: unknown }).expect(404)).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'PAYMENT_NOT_FOUND',
      message: 'Payment not found',
    });
    expect((await move({ sourceCustomerId: unknown }).expect(404)).body.message).toBe(
      'Source customer not found',
    );
    expect((await move({ targetCustomerId: unknown }).expect(404)).body.message).toBe(
      'Target customer not found',
    );
  });

  it.each(['paymentId', 'sourceCustomerId', 'targetCustomerId'])(
    'names a missing or malformed %s',
    async (field) => {
      for (const value of [
        undefined,
        'abc',
        42,
        { $ne: null },
        { $gt: '' },
        ['65a1b2c3d4e5f60718293a4b'],
        null,
      ]) {
        const response = await move({ [field]: value }).expect(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect([response.body.message].flat().join(' ')).toContain(field);
      }
      expect((await stored()).reassignments).toEqual([]);
    },
  );

  it('refuses unknown fields and needs a token', async () => {
    const extra = await move({ customerId: right.id }).expect(400);
    expect(extra.body.message.join(' ')).toContain('customerId');
    await t.http
      .put('/payments/reassign')
      .send({ paymentId: payment.id, sourceCustomerId: wrong.id, targetCustomerId: right.id })
      .expect(401);
    expect((await stored()).customerId).toBe(wrong.id);
  });
});
