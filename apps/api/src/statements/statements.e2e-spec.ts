import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
} from '../../test/test-app';

interface Statement {
  openingBalance: number;
  closingBalance: number;
  entries: {
    type: string;
    amount: number;
    balance: number;
    paymentId: string;
    counterpartyCustomerId: string | null;
    reason: string | null;
    at: string;
  }[];
}

describe('GET /customers/:id/statement', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({ MPESA_CALLBACK_TOKEN: 'callback-token-for-tests-0123456789' });
    auth = (await signUpAndLogIn(t)).auth;
  });
  afterAll(() => t.close());

  const statement = async (id: string, query: Record<string, string> = {}) =>
    (await t.http.get(`/customers/${id}/statement`).query(query).set(auth).expect(200))
      .body as Statement;

  it('shows both sides of a reassignment, with running totals, and the total paid', async () => {
    const a = await createCustomer(t, auth);
    const b = await createCustomer(t, auth);
    await createPayment(t, auth, a.id, { amount: 1000, paidAt: '2026-11-01T09:00:00Z' });
    const moved = await createPayment(t, auth, a.id, {
      amount: 1500.5,
      paidAt: '2026-11-02T09:00:00Z',
    });
    await createPayment(t, auth, b.id, { amount: 200, paidAt: '2026-11-03T09:00:00Z' });
    await t.http
      .put('/payments/reassign')
      .set(auth)
      .send({
        paymentId: moved.id,
        sourceCustomerId: a.id,
        targetCustomerId: b.id,
        reason: 'Wrong account number',
      })
      .expect(200);

    const ofA = await statement(a.id);
    expect(ofA.entries.map((e) => [e.type, e.amount, e.balance])).toEqual([
      ['payment_received', 1000, 1000],
      ['payment_received', 1500.5, 2500.5],
      ['reassigned_out', -1500.5, 1000],
    ]);
    expect(ofA.entries[2]).toMatchObject({
      paymentId: moved.id,
      counterpartyCustomerId: b.id,
      reason: 'Wrong account number',
    });
    expect(ofA).toMatchObject({ openingBalance: 0, closingBalance: 1000 });

    const ofB = await statement(b.id);
    expect(ofB.entries.map((e) => [e.type, e.amount, e.balance])).toEqual([
      ['payment_received', 200, 200],
      ['reassigned_in', 1500.5, 1700.5],
    ]);
    expect(ofB.entries[1].counterpartyCustomerId).toBe(a.id);

    expect((await t.http.get(`/customers/${a.id}`).set(auth).expect(200)).body).toMatchObject({
      totalPaid: 1000,
      paymentCount: 1,
    });
    expect((await t.http.get(`/customers/${b.id}`).set(auth).expect(200)).body).toMatchObject({
      totalPaid: 1700.5,
      paymentCount: 2,
    });
  });

  it('opens with the balance before `from` and ends before `to`', async () => {
    const c = await createCustomer(t, auth);
    for (const [day, amount] of [
      ['01', 10],
      ['05', 20],
      ['09', 40],
    ] as const) {
      await createPayment(t, auth, c.id, { amount, paidAt: `2026-10-${day}T12:00:00Z` });
    }
    const window = await statement(c.id, { from: '2026-10-03', to: '2026-10-08' });
    expect(window).toMatchObject({ openingBalance: 10, closingBalance: 30 });
    expect(window.entries.map((e) => e.amount)).toEqual([20]);
  });

  it('shows an allocation of an unallocated M-Pesa payment', async () => {
    const c = await createCustomer(t, auth);
    await t.http
      .post('/integrations/mpesa/c2b/callback-token-for-tests-0123456789/confirmation')
      .send({
        TransID: 'STMTALLOC01',
        TransTime: '20261201080000',
        TransAmount: '300.00',
        BillRefNumber: 'typo',
      })
      .expect(200);
    const payment = await t.db.collection('payments').findOne({ reference: 'STMTALLOC01' });
    await t.http
      .post(`/payments/${String(payment!._id)}/allocate`)
      .set(auth)
      .send({ customerId: c.id })
      .expect(200);
    const entries = (await statement(c.id)).entries;
    expect(entries.map((e) => [e.type, e.amount, e.balance, e.counterpartyCustomerId])).toEqual([
      ['allocated', 300, 300, null],
    ]);
  });

  it('is a 404 for an unknown customer and a 400 for a bad date', async () => {
    await t.http.get('/customers/65a1b2c3d4e5f60718293a4b/statement').set(auth).expect(404);
    const c = await createCustomer(t, auth);
    await t.http.get(`/customers/${c.id}/statement`).query({ from: 'soon' }).set(auth).expect(400);
  });
});
