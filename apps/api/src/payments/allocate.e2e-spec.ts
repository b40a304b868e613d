import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
  uniquePhone,
  type CustomerBody,
} from '../../test/test-app';

const TOKEN = 'callback-token-for-tests-0123456789';

describe('unallocated payments', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let count = 0;
  beforeAll(async () => {
    t = await startTestApp({ MPESA_CALLBACK_TOKEN: TOKEN });
    auth = (await signUpAndLogIn(t)).auth;
  });
  afterAll(() => t.close());

  /** An M-Pesa payment for an account number nobody has; returns its id. */
  async function unallocated(fields: Record<string, string> = {}): Promise<string> {
    const TransID = `UNA${Date.now().toString(36).toUpperCase()}${count++}`;
    await t.http
      .post(`/integrations/mpesa/c2b/${TOKEN}/confirmation`)
      .send({
        TransID,
        TransTime: '20261204101530',
        TransAmount: '700.00',
        BillRefNumber: '1',
        FirstName: 'X',
        ...fields,
      })
      .expect(200);
    const stored = await t.db.collection('payments').findOne({ reference: TransID });
    return String(stored!._id);
  }

  describe('POST /payments/:id/allocate', () => {
    it('of ten concurrent allocations to different customers, exactly one succeeds', async () => {
      const id = await unallocated();
      const customers = await Promise.all(
        Array.from({ length: 10 }, () => createCustomer(t, auth)),
      );
      const responses = await Promise.all(
        customers.map((c) =>
          t.http.post(`/payments/${id}/allocate`).set(auth).send({ customerId: c.id }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
      for (const r of responses.filter((r) => r.status === 409))
        expect(r.body.code).toBe('PAYMENT_ALREADY_ALLOCATED');
      const payment = await t.http.get(`/payments/${id}`).set(auth).expect(200);
      expect(payment.body.reassignments).toHaveLength(1);
      expect(payment.body.reassignments[0].toCustomerId).toBe(payment.body.customerId);
    });

    it('refuses an allocated payment (reassign it instead) and changes nothing', async () => {
      const owner = await createCustomer(t, auth);
      const other = await createCustomer(t, auth);
      const payment = await createPayment(t, auth, owner.id);
      const response = await t.http
        .post(`/payments/${payment.id}/allocate`)
        .set(auth)
        .send({ customerId: other.id })
        .expect(409);
      expect(response.body.code).toBe('PAYMENT_ALREADY_ALLOCATED');
      expect(response.body.message).toContain(owner.id);
      expect((await t.http.get(`/payments/${payment.id}`).set(auth)).body).toEqual(payment);
    });

    it('is a 404 for an unknown payment or customer, and a 400 for bad input', async () => {
      const id = await unallocated();
      const customer = await createCustomer(t, auth);
      expect(
        (
          await t.http
            .post('/payments/65a1b2c3d4e5f60718293a4b/allocate')
            .set(auth)
            .send({ customerId: customer.id })
            .expect(404)
        ).body.code,
      ).toBe('PAYMENT_NOT_FOUND');
      expect(
        (
          await t.http
            .post(`/payments/${id}/allocate`)
            .set(auth)
            .send({ customerId: '65a1b2c3d4e5f60718293a4b' })
            .expect(404)
        ).body.code,
      ).toBe('CUSTOMER_NOT_FOUND');
      await t.http.post(`/payments/${id}/allocate`).set(auth).send({}).expect(400);
      await t.http
        .post(`/payments/${id}/allocate`)
        .set(auth)
        .send({ customerId: customer.id, extra: 1 })
        .expect(400);
      await t.http
        .post('/payments/nope/allocate')
        .set(auth)
        .send({ customerId: customer.id })
        .expect(400);
      await t.http.post(`/payments/${id}/allocate`).send({ customerId: customer.id }).expect(401);
      const payment = await t.http.get(`/payments/${id}`).set(auth).expect(200);
      expect(payment.body).toMatchObject({ customerId: null, reassignments: [] });
    });

    it('makes the customer undeletable', async () => {
      const id = await unallocated();
      const customer = await createCustomer(t, auth);
      await t.http
        .post(`/payments/${id}/allocate`)
        .set(auth)
        .send({ customerId: customer.id })
        .expect(200);
      expect(
        (await t.http.delete(`/customers/${customer.id}`).set(auth).expect(409)).body.code,
      ).toBe('CUSTOMER_HAS_PAYMENTS');
    });
  });

  describe('GET /payments/:id/suggestions', () => {
    let intended: CustomerBody;
    beforeAll(async () => {
      intended = await createCustomer(t, auth, { name: 'Wanjiru Njoroge' });
    });
    const suggest = async (id: string) =>
      (await t.http.get(`/payments/${id}/suggestions`).set(auth).expect(200)).body as {
        customer: CustomerBody;
        score: number;
        reasons: { kind: string; detail: string }[];
      }[];
    const swap = (s: string, i: number) => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);

    it('suggests the account with two neighbouring digits swapped, first', async () => {
      let i = 0;
      while (intended.accountNumber[i] === intended.accountNumber[i + 1]) i++;
      const id = await unallocated({
        BillRefNumber: swap(intended.accountNumber, i),
        FirstName: 'Somebody',
      });
      const [first] = await suggest(id);
      expect(first.customer.id).toBe(intended.id);
      expect(first.reasons).toEqual([
        expect.objectContaining({
          kind: 'account_number',
          detail: expect.stringContaining('swap'),
        }),
      ]);
    });

    it.each([
      ['a missing digit', (n: string) => n.slice(0, 2) + n.slice(3), 'missing'],
      ['an extra digit', (n: string) => `${n}7`, 'extra'],
      [
        'a wrong digit',
        (n: string) => n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10),
        'wrong',
      ],
    ])('suggests the account for %s', async (_, typo, word) => {
      const id = await unallocated({
        BillRefNumber: typo(intended.accountNumber),
        FirstName: 'Somebody',
      });
      const suggestions = await suggest(id);
      const match = suggestions.find((s) => s.customer.id === intended.id);
      expect(match?.reasons[0].detail).toContain(word);
    });

    it('ranks a customer matching by name and account above one matching by account only', async () => {
      const id = await unallocated({
        BillRefNumber: swap(intended.accountNumber, 0),
        FirstName: 'WANJIRU',
        LastName: 'NJOROGE',
      });
      const [first] = await suggest(id);
      expect(first.customer.id).toBe(intended.id);
      expect(first.reasons.map((r) => r.kind).sort()).toEqual(['account_number', 'payer_name']);
    });

    it('suggests by payer name alone, and by an unmasked payer phone', async () => {
      const phone = uniquePhone();
      const byPhone = await createCustomer(t, auth, { name: 'Otieno Phone', phone });
      const id = await unallocated({
        BillRefNumber: 'zzz',
        FirstName: 'Wanjiru',
        MSISDN: phone.replace(/^0/, '254'),
      });
      const suggestions = await suggest(id);
      expect(suggestions[0].customer.id).toBe(byPhone.id);
      expect(suggestions[0].reasons[0].kind).toBe('payer_phone');
      expect(suggestions.map((s) => s.customer.id)).toContain(intended.id);
      expect(suggestions.length).toBeLessThanOrEqual(5);
    });

    it('never suggests the current owner, and is a 404 for an unknown payment', async () => {
      const payment = await createPayment(t, auth, intended.id, { note: 'x' });
      expect((await suggest(payment.id)).map((s) => s.customer.id)).not.toContain(intended.id);
      await t.http.get('/payments/65a1b2c3d4e5f60718293a4b/suggestions').set(auth).expect(404);
    });
  });
});
