import {
  TestApp,
  createCustomer,
  signUpAndLogIn,
  startTestApp,
  type CustomerBody,
} from '../../test/test-app';

const TOKEN = 'callback-token-for-tests-0123456789';

let transIds = 0;
function c2b(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TransactionType: 'Pay Bill',
    TransID: `TST${Date.now().toString(36).toUpperCase()}${(transIds++).toString().padStart(3, '0')}`,
    TransTime: '20261204101530',
    TransAmount: '1500.00',
    BusinessShortCode: '600638',
    BillRefNumber: '000000',
    InvoiceNumber: '',
    OrgAccountBalance: '49197.00',
    ThirdPartyTransID: '',
    MSISDN: '2547 ***** 126',
    FirstName: 'JOHN',
    MiddleName: '',
    LastName: 'KAMAU',
    ...fields,
  };
}

describe('M-Pesa C2B callbacks', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let customer: CustomerBody;
  beforeAll(async () => {
    t = await startTestApp({ MPESA_CALLBACK_TOKEN: TOKEN });
    auth = (await signUpAndLogIn(t)).auth;
    customer = await createCustomer(t, auth, { name: 'John Kamau' });
  });
  afterAll(() => t.close());

  const confirm = (body: unknown, token = TOKEN) =>
    t.http.post(`/integrations/mpesa/c2b/${token}/confirmation`).send(body as object);
  const validate = (body: unknown, token = TOKEN) =>
    t.http.post(`/integrations/mpesa/c2b/${token}/validation`).send(body as object);
  const byReference = async (reference: string) =>
    t.db.collection('payments').find({ reference }).toArray();

  it('stores a confirmation for a known account, with the raw payload, and answers Success', async () => {
    const payload = c2b({
      BillRefNumber: ` ${customer.accountNumber} `,
      MSISDN: '254712345678',
      MiddleName: 'M',
    });
    const response = await confirm(payload).expect(200);
    expect(response.body).toEqual({ ResultCode: 0, ResultDesc: 'Success' });
    const [stored] = await byReference(payload.TransID as string);
    expect(stored).toMatchObject({
      amountMinor: 150000,
      method: 'mpesa',
      accountReference: customer.accountNumber,
      payerPhone: '+254712345678',
      payerName: 'JOHN M KAMAU',
      paidAt: new Date('2026-12-04T07:15:30Z'),
      providerPayload: payload,
    });
    const api = await t.http
      .get(`/payments/${String(stored._id)}`)
      .set(auth)
      .expect(200);
    expect(api.body).toMatchObject({
      customerId: customer.id,
      status: 'allocated',
      amount: 1500,
      reference: payload.TransID,
    });
  });

  it('matches an account number typed with spaces or dashes', async () => {
    const typed = `${customer.accountNumber.slice(0, 3)}-${customer.accountNumber.slice(3)}`;
    const payload = c2b({ BillRefNumber: typed });
    await confirm(payload).expect(200);
    const [stored] = await byReference(payload.TransID as string);
    expect(String(stored.customerId)).toBe(customer.id);
  });

  it('is idempotent: 50 concurrent identical confirmations store one payment', async () => {
    const payload = c2b({ BillRefNumber: customer.accountNumber });
    const responses = await Promise.all(Array.from({ length: 50 }, () => confirm(payload)));
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ResultCode: 0, ResultDesc: 'Success' });
    }
    expect(await byReference(payload.TransID as string)).toHaveLength(1);
    await confirm(payload).expect(200);
    expect(await byReference(payload.TransID as string)).toHaveLength(1);
  });

  it('parks an unknown account as unallocated, then staff allocate it', async () => {
    const payload = c2b({ BillRefNumber: 'ACC-99' });
    await confirm(payload).expect(200);
    const [stored] = await byReference(payload.TransID as string);
    expect(stored.customerId).toBeNull();
    const id = String(stored._id);

    const queue = await t.http
      .get('/payments')
      .query({ status: 'unallocated' })
      .set(auth)
      .expect(200);
    expect(queue.body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(queue.body.items.every((p: { status: string }) => p.status === 'unallocated')).toBe(
      true,
    );
    expect(queue.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({
      customerId: null,
      accountReference: 'ACC-99',
    });

    const allocated = await t.http
      .post(`/payments/${id}/allocate`)
      .set(auth)
      .send({ customerId: customer.id, reason: 'Typed ACC-99' })
      .expect(200);
    expect(allocated.body).toMatchObject({
      customerId: customer.id,
      status: 'allocated',
      reassignments: [{ fromCustomerId: null, toCustomerId: customer.id, reason: 'Typed ACC-99' }],
    });
    const after = await t.http
      .get('/payments')
      .query({ status: 'unallocated' })
      .set(auth)
      .expect(200);
    expect(after.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const mine = await t.http
      .get('/payments')
      .query({ status: 'allocated', customerId: customer.id })
      .set(auth)
      .expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it.each([
    ['a wrong token', 'not-the-token-at-all-0000000000000'],
    ['a prefix of the token', TOKEN.slice(0, -1)],
  ])('answers %s with the 404 of an unknown route, storing nothing', async (_, token) => {
    const payload = c2b({ BillRefNumber: customer.accountNumber });
    const response = await confirm(payload, token).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await validate(payload, token).expect(404);
    expect(await byReference(payload.TransID as string)).toHaveLength(0);
  });

  it.each([
    [{ TransAmount: 'abc' }, 'TransAmount'],
    [{ TransAmount: '0.00' }, 'TransAmount'],
    [{ TransTime: '2026-12-04' }, 'TransTime'],
    [{ TransTime: '20261340101530' }, 'TransTime'],
    [{ TransID: undefined }, 'TransID'],
    [{ TransID: { $ne: null } }, 'TransID'],
  ])('refuses a confirmation with %p and stores nothing', async (fields, field) => {
    const response = await confirm(c2b(fields)).expect(400);
    expect([response.body.message].flat().join(' ')).toContain(field);
  });

  it('accepts numbers where Safaricom sometimes sends them, and fields it adds later', async () => {
    const payload = c2b({
      TransAmount: 250.5,
      BillRefNumber: Number(customer.accountNumber),
      NewField: 'x',
    });
    await confirm(payload).expect(200);
    const [stored] = await byReference(payload.TransID as string);
    expect(stored.amountMinor).toBe(25050);
    expect(String(stored.customerId)).toBe(customer.id);
  });

  it('validation accepts by default, even for an unknown account', async () => {
    expect((await validate(c2b({ BillRefNumber: 'nobody' })).expect(200)).body).toEqual({
      ResultCode: '0',
      ResultDesc: 'Accepted',
    });
  });

  describe('with MPESA_UNKNOWN_ACCOUNT=reject', () => {
    let strict: TestApp;
    let known: CustomerBody;
    beforeAll(async () => {
      strict = await startTestApp({ MPESA_CALLBACK_TOKEN: TOKEN, MPESA_UNKNOWN_ACCOUNT: 'reject' });
      known = await createCustomer(strict, (await signUpAndLogIn(strict)).auth);
    });
    afterAll(async () => {
      await strict.close();
      process.env.MPESA_UNKNOWN_ACCOUNT = 'accept';
    });

    it('rejects an account nobody has and accepts a known one', async () => {
      const url = `/integrations/mpesa/c2b/${TOKEN}/validation`;
      expect(
        (
          await strict.http
            .post(url)
            .send(c2b({ BillRefNumber: '999999' }))
            .expect(200)
        ).body,
      ).toEqual({
        ResultCode: 'C2B00012',
        ResultDesc: 'Rejected',
      });
      expect(
        (
          await strict.http
            .post(url)
            .send(c2b({ BillRefNumber: known.accountNumber }))
            .expect(200)
        ).body,
      ).toEqual({
        ResultCode: '0',
        ResultDesc: 'Accepted',
      });
    });
  });
});
