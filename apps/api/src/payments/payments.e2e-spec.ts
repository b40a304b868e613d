import type { Response } from 'supertest';
import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
  type CustomerBody,
  type PaymentBody,
} from '../../test/test-app';

describe('payments', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let customer: CustomerBody;
  beforeAll(async () => {
    t = await startTestApp();
    auth = (await signUpAndLogIn(t)).auth;
    customer = await createCustomer(t, auth);
  });
  afterAll(() => t.close());

  describe('POST /payments', () => {
    it('records a payment with defaults', async () => {
      const before = Date.now();
      const response = await t.http
        .post('/payments')
        .set(auth)
        .send({ amount: 1500.5, customerId: customer.id })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        amount: 1500.5,
        currency: 'KES',
        customerId: customer.id,
        status: 'allocated',
        accountReference: null,
        reference: null,
        method: 'other',
        paidAt: expect.any(String),
        payerPhone: null,
        payerName: null,
        note: null,
        reassignments: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(new Date(response.body.paidAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('records every field as given and stores the amount as integer cents', async () => {
      const payment = await createPayment(t, auth, customer.id, {
        amount: 100.1,
        currency: 'KES',
        reference: 'RKTQDM7W6S',
        method: 'mpesa',
        paidAt: '2026-11-30T08:15:00.000Z',
        payerPhone: '0712345678',
        note: 'First instalment',
      });
      expect(payment).toMatchObject({
        amount: 100.1,
        reference: 'RKTQDM7W6S',
        method: 'mpesa',
        paidAt: '2026-11-30T08:15:00.000Z',
        payerPhone: '+254712345678',
        note: 'First instalment',
      });
      const stored = await t.db.collection('payments').findOne({ reference: 'RKTQDM7W6S' });
      expect(stored?.amountMinor).toBe(10010);
    });

    it("accepts the original API's `customer` key", async () => {
      const response = await t.http
        .post('/payments')
        .set(auth)
        .send({ amount: 20, customer: customer.id })
        .expect(201);
      expect(response.body.customerId).toBe(customer.id);
    });

    it('refuses a reference already recorded, in any case', async () => {
      await createPayment(t, auth, customer.id, { reference: 'QWE123ASD9' });
      const response = await t.http
        .post('/payments')
        .set(auth)
        .send({ amount: 5, customerId: customer.id, reference: 'qwe123asd9' })
        .expect(409);
      expect(response.body.code).toBe('DUPLICATE_REFERENCE');
    });

    it('lets any number of payments have no reference', async () => {
      for (let i = 0; i < 3; i++) await createPayment(t, auth, customer.id);
    });

    it('is a 404 for an unknown customer', async () => {
      const response = await t.http
        .post('/payments')
        .set(auth)
        .send({ amount: 5, customerId: '65a1b2c3d4e5f60718293a4b' })
        .expect(404);
      expect(response.body.code).toBe('CUSTOMER_NOT_FOUND');
    });

    it.each([
      [{ amount: 0 }, 'amount'],
      [{ amount: -5 }, 'amount'],
      [{ amount: 10.123 }, 'amount'],
      [{ amount: 10_000_000.01 }, 'amount'],
      [{ amount: '100' }, 'amount'],
      [{ amount: { $gt: 0 } }, 'amount'],
      [{ amount: undefined }, 'amount'],
      [{ customerId: undefined }, 'customerId'],
      [{ customerId: 'abc' }, 'customerId'],
      [{ customerId: { $ne: null } }, 'customerId'],
      [{ customer: { $ne: null }, customerId: undefined }, 'customer'],
      [{ currency: 'USD' }, 'currency'],
      [{ method: 'bitcoin' }, 'method'],
      [{ paidAt: 'yesterday' }, 'paidAt'],
      [{ payerPhone: '12345' }, 'payerPhone'],
      [{ reference: '' }, 'reference'],
      [{ reference: { $ne: null } }, 'reference'],
      [{ note: 'x'.repeat(501) }, 'note'],
      [{ reassignments: [] }, 'reassignments'],
    ])('refuses %p naming %p', async (fields, field) => {
      const response = await t.http
        .post('/payments')
        .set(auth)
        .send({ amount: 10, customerId: customer.id, ...fields })
        .expect(400);
      expect(['VALIDATION_FAILED', 'FORBIDDEN_KEY']).toContain(response.body.code);
      expect([response.body.message].flat().join(' ')).toContain(field);
    });

    it('keeps sums exact', async () => {
      const own = await createCustomer(t, auth);
      for (let i = 0; i < 10; i++) await createPayment(t, auth, own.id, { amount: 0.1 });
      const [{ total }] = await t.db
        .collection('payments')
        .aggregate<{ total: number }>([
          {
            $match: {
              customerId: (await t.db
                .collection('customers')
                .findOne({ accountNumber: own.accountNumber }))!._id,
            },
          },
          { $group: { _id: null, total: { $sum: '$amountMinor' } } },
        ])
        .toArray();
      expect(total).toBe(100);
    });
  });

  describe('GET /payments/:id', () => {
    it('returns the payment', async () => {
      const payment = await createPayment(t, auth, customer.id);
      expect((await t.http.get(`/payments/${payment.id}`).set(auth).expect(200)).body).toEqual(
        payment,
      );
    });

    it('is a 404 for an unknown id and a 400 for a malformed one', async () => {
      const missing = await t.http.get('/payments/65a1b2c3d4e5f60718293a4b').set(auth).expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'PAYMENT_NOT_FOUND',
        message: 'Payment not found',
      });
      await t.http.get('/payments/zzz').set(auth).expect(400);
    });
  });

  describe('GET /payments', () => {
    let own: TestApp;
    let ownAuth: { Authorization: string };
    let a: CustomerBody;
    let b: CustomerBody;
    const made: PaymentBody[] = [];
    beforeAll(async () => {
      own = await startTestApp();
      ownAuth = (await signUpAndLogIn(own)).auth;
      a = await createCustomer(own, ownAuth);
      b = await createCustomer(own, ownAuth);
      // Two share a paidAt, so the order and the cursor must break ties by id.
      const times = [
        '2026-11-01T10:00:00Z',
        '2026-11-03T10:00:00Z',
        '2026-11-03T10:00:00Z',
        '2026-11-05T10:00:00Z',
        '2026-11-07T10:00:00Z',
      ];
      for (const [i, paidAt] of times.entries()) {
        made.push(
          await createPayment(own, ownAuth, i % 2 ? b.id : a.id, { paidAt, amount: i + 1 }),
        );
      }
    });
    afterAll(() => own.close());

    const newestFirst = (payments: PaymentBody[]) =>
      [...payments]
        .sort((x, y) => y.paidAt.localeCompare(x.paidAt) || y.id.localeCompare(x.id))
        .map((p) => p.id);
    const list = async (query: Record<string, string | number>) =>
      (await own.http.get('/payments').query(query).set(ownAuth).expect(200)).body as {
        items: PaymentBody[];
        nextCursor: string | null;
      };

    it('lists newest paidAt first', async () => {
      const page = await list({});
      expect(page.items.map((p) => p.id)).toEqual(newestFirst(made));
      expect(page.nextCursor).toBeNull();
    });

    it('filters by customer and by a date range (from inclusive, to exclusive)', async () => {
      expect((await list({ customerId: b.id })).items.map((p) => p.id)).toEqual(
        newestFirst(made.filter((p) => p.customerId === b.id)),
      );
      const range = await list({ from: '2026-11-03T10:00:00Z', to: '2026-11-07T10:00:00Z' });
      expect(range.items.map((p) => p.amount).sort()).toEqual([2, 3, 4]);
      expect(
        (await list({ from: '2026-11-06', to: '2026-11-08' })).items.map((p) => p.amount),
      ).toEqual([5]);
    });

    it('pages with a cursor through ties, without repeats or gaps, while rows are added', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const response: Response = await own.http
          .get('/payments')
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .set(ownAuth)
          .expect(200);
        seen.push(...(response.body as { items: PaymentBody[] }).items.map((p) => p.id));
        cursor = (response.body as { nextCursor: string | null }).nextCursor;
        // New payments arrive while the list is read: newer ones land before the cursor, and an
        // older one lands after it and must then be seen.
        if (round++ === 0) {
          await createPayment(own, ownAuth, a.id, { paidAt: '2026-11-08T10:00:00Z', amount: 6 });
          made.push(
            await createPayment(own, ownAuth, b.id, { paidAt: '2026-10-01T10:00:00Z', amount: 7 }),
          );
        }
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(newestFirst(made));
    });

    it.each([
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ customerId: 'nope' }, 'customerId'],
      [{ from: 'last week' }, 'from'],
      [{ cursor: 'bm9wZQ' }, 'cursor'],
      [{ 'customerId[$ne]': 'x' }, 'customerId[$ne]'],
      [{ sort: 'amount' }, 'sort'],
    ])('refuses the query %p', async (query, field) => {
      const response = await own.http.get('/payments').query(query).set(ownAuth).expect(400);
      expect([response.body.message].flat().join(' ')).toContain(field);
    });

    it('allows 200 rows a page and defaults to 50', async () => {
      await own.http.get('/payments').query({ limit: 200 }).set(ownAuth).expect(200);
      const many = await createCustomer(own, ownAuth);
      for (let i = 0; i < 55; i++) await createPayment(own, ownAuth, many.id, { amount: 1 });
      const page = await list({ customerId: many.id });
      expect(page.items).toHaveLength(50);
      expect(page.nextCursor).not.toBeNull();
      expect((await list({ customerId: many.id, cursor: page.nextCursor! })).items).toHaveLength(5);
    });
  });
});
