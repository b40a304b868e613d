import { parse } from 'csv-parse/sync';
import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
  type CustomerBody,
} from '../../test/test-app';

describe('payment files', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let customer: CustomerBody;
  beforeAll(async () => {
    t = await startTestApp();
    auth = (await signUpAndLogIn(t)).auth;
    customer = await createCustomer(t, auth, { name: 'Import Customer' });
  });
  afterAll(() => t.close());

  const upload = (csv: string, field = 'file') =>
    t.http
      .post('/payments/import')
      .set(auth)
      .attach(field, Buffer.from(csv), { filename: 'statement.csv', contentType: 'text/csv' });

  describe('POST /payments/import', () => {
    const file = () =>
      [
        'Reference,Paid At,Amount,Account Number,Payer Phone,Payer Name',
        `IMPA000001,2026-12-01 09:30:00,1500.00,${customer.accountNumber},0712345678,JOHN KAMAU`,
        'IMPA000002,2026-12-01T07:00:00Z,"1,250.50",99999,,MARY W',
        'IMPA000001,2026-12-01 09:30:00,1500.00,100009,,duplicate in the file',
        'IMPA000003,yesterday,10,100009,,',
        'IMPA000004,2026-12-01 09:30:00,-5,100009,,',
        ',2026-12-01 09:30:00,5,100009,,',
        'IMPA000005,2026-12-01 09:30:00,5,100009,12345,',
        '',
        `imp-a-000006,2026-12-02 10:00,0.10,${customer.accountNumber.slice(0, 3)} ${customer.accountNumber.slice(3)},,`,
      ].join('\r\n');

    it('stores good rows, parks unknown accounts, and reports duplicates and rejected lines', async () => {
      const response = await upload(file()).expect(200);
      expect(response.body).toEqual({
        rows: 8,
        created: 3,
        duplicates: 1,
        unallocated: 1,
        rejectedCount: 4,
        rejected: [
          { line: 5, reason: expect.stringContaining('paid_at') },
          { line: 6, reason: expect.stringContaining('amount') },
          { line: 7, reason: expect.stringContaining('reference') },
          { line: 8, reason: expect.stringContaining('payer_phone') },
        ],
      });
      const stored = await t.http
        .get('/payments')
        .query({ customerId: customer.id })
        .set(auth)
        .expect(200);
      expect(
        stored.body.items.map((p: { reference: string; amount: number }) => [
          p.reference,
          p.amount,
        ]),
      ).toEqual([
        ['IMP-A-000006', 0.1],
        ['IMPA000001', 1500],
      ]);
      expect(stored.body.items[1]).toMatchObject({
        paidAt: '2026-12-01T06:30:00.000Z',
        payerPhone: '+254712345678',
        payerName: 'JOHN KAMAU',
        method: 'mpesa',
      });
      const parked = await t.db.collection('payments').findOne({ reference: 'IMPA000002' });
      expect(parked).toMatchObject({
        customerId: null,
        accountReference: '99999',
        amountMinor: 125050,
      });
    });

    it('creates nothing when the same file is imported again', async () => {
      const before = await t.db.collection('payments').countDocuments();
      const response = await upload(file()).expect(200);
      expect(response.body).toMatchObject({
        created: 0,
        duplicates: 4,
        unallocated: 0,
        rejectedCount: 4,
      });
      expect(await t.db.collection('payments').countDocuments()).toBe(before);
    });

    it('treats a reference already recorded by hand as a duplicate', async () => {
      await createPayment(t, auth, customer.id, { reference: 'HAND000001' });
      const response = await upload(
        `reference,paid_at,amount,account_number\nhand000001,2026-12-01 09:30,5,${customer.accountNumber}\n`,
      ).expect(200);
      expect(response.body).toMatchObject({ created: 0, duplicates: 1 });
    });

    it('imports thousands of rows in batches', async () => {
      const rows = Array.from(
        { length: 2500 },
        (_, i) =>
          `BULK${String(i).padStart(6, '0')},2026-11-01 08:00:00,1.00,${i % 2 ? customer.accountNumber : '5'}`,
      );
      const response = await upload(
        ['reference,paid_at,amount,account_number', ...rows].join('\n'),
      ).expect(200);
      expect(response.body).toMatchObject({
        rows: 2500,
        created: 2500,
        duplicates: 0,
        unallocated: 1250,
        rejectedCount: 0,
      });
    });

    it.each([
      [
        'a missing column',
        'reference,paid_at,amount\nX1,2026-12-01 09:30,5\n',
        'INVALID_CSV',
        'account_number',
      ],
      [
        'broken quoting',
        'reference,paid_at,amount,account_number\n"X1,2026-12-01 09:30,5,1\n',
        'INVALID_CSV',
        'CSV',
      ],
    ])('refuses %s with a clear 400', async (_, csv, code, words) => {
      const response = await upload(csv).expect(400);
      expect(response.body.code).toBe(code);
      expect(response.body.message).toContain(words);
    });

    it('refuses an upload without a file field, and a JSON body', async () => {
      expect((await upload('a,b\n', 'other').expect(400)).body.code).toBe('INVALID_UPLOAD');
      expect(
        (await t.http.post('/payments/import').set(auth).send({ file: 'x' }).expect(400)).body.code,
      ).toBe('INVALID_UPLOAD');
      await t.http.post('/payments/import').attach('file', Buffer.from('x'), 'a.csv').expect(401);
    });

    it('offers the template, which imports', async () => {
      const template = await t.http.get('/payments/import/template').set(auth).expect(200);
      expect(template.headers['content-type']).toContain('text/csv');
      expect(template.text.split('\r\n')[0]).toBe(
        'reference,paid_at,amount,account_number,payer_phone,payer_name',
      );
      const own = await startTestApp();
      try {
        const ownAuth = (await signUpAndLogIn(own)).auth;
        const response = await own.http
          .post('/payments/import')
          .set(ownAuth)
          .attach('file', Buffer.from(template.text), 'template.csv')
          .expect(200);
        expect(response.body).toMatchObject({
          rows: 2,
          created: 2,
          unallocated: 2,
          rejectedCount: 0,
        });
      } finally {
        await own.close();
      }
    });
  });

  describe('GET /payments/export', () => {
    it('streams the filtered payments as spreadsheet-ready CSV', async () => {
      const own = await createCustomer(t, auth, { name: '=HYPERLINK("http://evil")' });
      await createPayment(t, auth, own.id, {
        amount: 1500.5,
        reference: 'EXP0000001',
        paidAt: '2026-12-03T21:30:00Z',
        note: '+1 call me',
      });
      await createPayment(t, auth, own.id, {
        amount: 20,
        reference: 'EXP0000002',
        paidAt: '2026-12-01T10:00:00Z',
      });
      const response = await t.http
        .get('/payments/export')
        .query({ customerId: own.id })
        .set(auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="malipo-payments-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const text = (response.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        reference: 'EXP0000001',
        amount: '1500.50',
        paid_at_utc: '2026-12-03T21:30:00.000Z',
        paid_at_nairobi: '2026-12-04 00:30:00',
        status: 'allocated',
        customer_id: own.id,
        customer_name: `'=HYPERLINK("http://evil")`,
        customer_account_number: own.accountNumber,
        note: "'+1 call me",
      });
      expect(rows[1].amount).toBe('20.00');
    });

    it('refuses bad filters', async () => {
      expect(
        (await t.http.get('/payments/export').query({ status: 'lost' }).set(auth).expect(400)).body
          .code,
      ).toBe('VALIDATION_FAILED');
    });
  });
});
