import { getModelToken } from '@nestjs/mongoose';
import { FilterQuery, Model, Types, trusted } from 'mongoose';
import { Customer } from './customer.schema';
import type { Response } from 'supertest';
import {
  TestApp,
  createCustomer,
  createPayment,
  signUpAndLogIn,
  startTestApp,
  uniquePhone,
  type CustomerBody,
} from '../../test/test-app';
import { hasValidCheckDigit } from './account-number';

describe('customers', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ auth, userId } = await signUpAndLogIn(t));
  });
  afterAll(() => t.close());

  describe('POST /customers', () => {
    it('creates a customer with a normalised phone, a lower-cased email and an account number', async () => {
      const response = await t.http
        .post('/customers')
        .set(auth)
        .send({ name: '  Achieng Otieno ', email: 'Achieng@Example.COM', phone: '0712 345 678' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Achieng Otieno',
        email: 'achieng@example.com',
        phone: '+254712345678',
        accountNumber: expect.stringMatching(/^\d{6}$/),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(hasValidCheckDigit(response.body.accountNumber)).toBe(true);
    });

    it('returns null for contact details not given', async () => {
      const byPhone = await createCustomer(t, auth, { email: undefined, phone: uniquePhone() });
      expect(byPhone.email).toBeNull();
      const byEmail = await createCustomer(t, auth);
      expect(byEmail.phone).toBeNull();
    });

    it.each(['0112345670', '+254712000001', '254112000002', '+254 112 000 003'])(
      'accepts the Kenyan phone format %p and stores E.164',
      async (phone) => {
        const customer = await createCustomer(t, auth, { email: undefined, phone });
        expect(customer.phone).toMatch(/^\+254[17]\d{8}$/);
      },
    );

    it.each([
      [{ email: undefined }, 'email or phone'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ email: 'nope' }, 'email'],
      [{ phone: '0812345678' }, 'phone'],
      [{ phone: '+255712345678' }, 'phone'],
      [{ phone: 712345678 }, 'phone'],
      [{ accountNumber: '123456' }, 'accountNumber'],
      [{ isAdmin: true }, 'isAdmin'],
    ])('refuses %p with a message naming %p', async (fields, field) => {
      const response = await t.http
        .post('/customers')
        .set(auth)
        .send({ name: 'Valid Name', email: 'valid@example.com', ...fields })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect([response.body.message].flat().join(' ')).toContain(field);
    });

    it('refuses a taken email in any case, and a taken phone in any format', async () => {
      const phone = uniquePhone();
      const first = await createCustomer(t, auth, { phone });
      const email = await t.http
        .post('/customers')
        .set(auth)
        .send({ name: 'Copy', email: first.email!.toUpperCase() })
        .expect(409);
      expect(email.body.code).toBe('EMAIL_TAKEN');
      const samePhone = await t.http
        .post('/customers')
        .set(auth)
        .send({ name: 'Copy', phone: first.phone!.replace('+254', '0') })
        .expect(409);
      expect(samePhone.body.code).toBe('PHONE_TAKEN');
    });

    it('lets many customers have no email or no phone', async () => {
      for (let i = 0; i < 3; i++)
        await createCustomer(t, auth, { email: undefined, phone: uniquePhone() });
      for (let i = 0; i < 3; i++) await createCustomer(t, auth);
    });

    it('hands out distinct account numbers to concurrent creations', async () => {
      const created = await Promise.all(Array.from({ length: 25 }, () => createCustomer(t, auth)));
      const numbers = new Set(created.map((c) => c.accountNumber));
      expect(numbers.size).toBe(25);
      for (const number of numbers) expect(hasValidCheckDigit(number)).toBe(true);
    });
  });

  describe('GET /customers/:id', () => {
    it('returns the customer', async () => {
      const customer = await createCustomer(t, auth);
      const response = await t.http.get(`/customers/${customer.id}`).set(auth).expect(200);
      expect(response.body).toEqual({ ...customer, totalPaid: 0, paymentCount: 0, edits: [] });
    });

    it('is a 404 for an unknown id and a 400 for a malformed one', async () => {
      const missing = await t.http.get('/customers/65a1b2c3d4e5f60718293a4b').set(auth).expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'CUSTOMER_NOT_FOUND',
        message: 'Customer not found',
      });
      const malformed = await t.http.get('/customers/not-an-id').set(auth).expect(400);
      expect(malformed.body.code).toBe('INVALID_ID');
    });
  });

  describe('PATCH /customers/:id', () => {
    it('changes only the given fields', async () => {
      const customer = await createCustomer(t, auth, { phone: uniquePhone() });
      const response = await t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ name: 'New Name' })
        .expect(200);
      expect(response.body).toMatchObject({
        id: customer.id,
        name: 'New Name',
        email: customer.email,
        phone: customer.phone,
        accountNumber: customer.accountNumber,
      });
      expect(new Date(response.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(customer.updatedAt).getTime(),
      );
    });

    it('records who changed which field, from what to what, and nothing for no change', async () => {
      const customer = await createCustomer(t, auth, { phone: '0712000111' });
      const phone = uniquePhone();
      await t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ name: customer.name, phone })
        .expect(200);
      // The same values again, and a refused edit: neither is an edit.
      await t.http.patch(`/customers/${customer.id}`).set(auth).send({ phone }).expect(200);
      await t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ email: null, phone: null })
        .expect(400);
      await t.http.patch(`/customers/${customer.id}`).set(auth).send({ email: null }).expect(200);

      const { edits } = (await t.http.get(`/customers/${customer.id}`).set(auth).expect(200)).body;
      expect(edits).toEqual([
        {
          by: userId,
          at: expect.any(String),
          changes: [{ field: 'phone', from: '+254712000111', to: `+254${phone.slice(1)}` }],
        },
        {
          by: userId,
          at: expect.any(String),
          changes: [{ field: 'email', from: customer.email, to: null }],
        },
      ]);
    });

    it('records exact "from" values when two edits race', async () => {
      const customer = await createCustomer(t, auth, { phone: uniquePhone() });
      const names = Array.from({ length: 8 }, (_, i) => `Racing Name ${i}`);
      await Promise.all(
        names.map((name) =>
          t.http.patch(`/customers/${customer.id}`).set(auth).send({ name }).expect(200),
        ),
      );
      const { name, edits } = (await t.http.get(`/customers/${customer.id}`).set(auth).expect(200))
        .body as { name: string; edits: { changes: { from: string; to: string }[] }[] };
      // Each edit starts where the one before it ended: a chain from the first name to the last.
      expect(edits).toHaveLength(8);
      let expected = customer.name;
      for (const { changes } of edits) {
        expect(changes[0].from).toBe(expected);
        expected = changes[0].to;
      }
      expect(expected).toBe(name);
    });

    it('removes an email when a phone remains, but never both', async () => {
      const customer = await createCustomer(t, auth, { phone: uniquePhone() });
      const cleared = await t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ email: null })
        .expect(200);
      expect(cleared.body.email).toBeNull();
      const refused = await t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ phone: null })
        .expect(400);
      expect(refused.body.message).toEqual(['email or phone is required']);
    });

    it('frees a removed email for another customer', async () => {
      const first = await createCustomer(t, auth, { phone: uniquePhone() });
      await t.http.patch(`/customers/${first.id}`).set(auth).send({ email: null }).expect(200);
      await createCustomer(t, auth, { email: first.email });
    });

    it("refuses another customer's email or phone with a 409", async () => {
      const a = await createCustomer(t, auth, { phone: uniquePhone() });
      const b = await createCustomer(t, auth);
      const email = await t.http
        .patch(`/customers/${b.id}`)
        .set(auth)
        .send({ email: a.email })
        .expect(409);
      expect(email.body.code).toBe('EMAIL_TAKEN');
      const phone = await t.http
        .patch(`/customers/${b.id}`)
        .set(auth)
        .send({ phone: a.phone })
        .expect(409);
      expect(phone.body.code).toBe('PHONE_TAKEN');
    });

    it('is a 404 for an unknown customer and refuses the account number', async () => {
      await t.http
        .patch('/customers/65a1b2c3d4e5f60718293a4b')
        .set(auth)
        .send({ name: 'X' })
        .expect(404);
      const customer = await createCustomer(t, auth);
      const response = await t.http
        .patch(`/customers/${customer.id}`)
        .set(auth)
        .send({ accountNumber: '1' })
        .expect(400);
      expect(response.body.message.join(' ')).toContain('accountNumber');
    });
  });

  it('never runs an operator object that reaches a filter untrusted (sanitizeFilter)', async () => {
    const customers = t.app.get<Model<Customer>>(getModelToken(Customer.name));
    await createCustomer(t, auth);
    const untrusted = JSON.parse('{ "name": { "$ne": null } }') as FilterQuery<Customer>;
    // Wrapped in $eq, it is a value: one that is no string, so the query is refused, not widened.
    await expect(customers.countDocuments(untrusted)).rejects.toThrow(/Cast to string failed/);
    expect(await customers.countDocuments({ name: trusted({ $ne: null }) })).toBeGreaterThan(0);
  });

  describe('DELETE /customers/:id', () => {
    it('deletes a customer who never had a payment', async () => {
      const customer = await createCustomer(t, auth);
      await t.http.delete(`/customers/${customer.id}`).set(auth).expect(204);
      await t.http.get(`/customers/${customer.id}`).set(auth).expect(404);
      await t.http.delete(`/customers/${customer.id}`).set(auth).expect(404);
    });

    it('refuses a customer who has a payment', async () => {
      const customer = await createCustomer(t, auth);
      await createPayment(t, auth, customer.id);
      const response = await t.http.delete(`/customers/${customer.id}`).set(auth).expect(409);
      expect(response.body.code).toBe('CUSTOMER_HAS_PAYMENTS');
      await t.http.get(`/customers/${customer.id}`).set(auth).expect(200);
    });

    it('refuses a customer whose payments were all reassigned away', async () => {
      const wrong = await createCustomer(t, auth);
      const right = await createCustomer(t, auth);
      const payment = await createPayment(t, auth, wrong.id);
      await t.http
        .put('/payments/reassign')
        .set(auth)
        .send({ paymentId: payment.id, sourceCustomerId: wrong.id, targetCustomerId: right.id })
        .expect(200);
      const response = await t.http.delete(`/customers/${wrong.id}`).set(auth).expect(409);
      expect(response.body.code).toBe('CUSTOMER_HAS_PAYMENTS');
    });

    it('never leaves a payment without its customer when a delete races a payment', async () => {
      for (let round = 0; round < 5; round++) {
        const customer = await createCustomer(t, auth);
        const [deleted, paid] = await Promise.all([
          t.http.delete(`/customers/${customer.id}`).set(auth),
          t.http.post('/payments').set(auth).send({ amount: 10, customerId: customer.id }),
        ]);
        // Exactly one wins: either the customer is gone and no payment was stored, or the payment
        // was stored and the delete was refused.
        expect([deleted.status, paid.status].sort()).toEqual(
          deleted.status === 204 ? [204, 404] : [201, 409],
        );
        const customerLeft = await t.db
          .collection('customers')
          .countDocuments({ _id: new Types.ObjectId(customer.id) });
        const paymentsStored = await t.db
          .collection('payments')
          .countDocuments({ customerId: new Types.ObjectId(customer.id) });
        expect({ customerLeft, paymentsStored }).toEqual(
          deleted.status === 204
            ? { customerLeft: 0, paymentsStored: 0 }
            : { customerLeft: 1, paymentsStored: 1 },
        );
      }
    });
  });

  describe('GET /customers', () => {
    let mine: CustomerBody[];
    let other: TestApp;
    let otherAuth: { Authorization: string };
    beforeAll(async () => {
      other = await startTestApp();
      otherAuth = (await signUpAndLogIn(other)).auth;
      mine = [];
      for (const fields of [
        { name: 'Mary Wambui', email: 'mary@example.com', phone: '0722000001' },
        { name: 'John Kamau', email: 'jk@example.com', phone: '0722000002' },
        { name: 'Mary-Anne Njeri', email: 'annie@example.com' },
        { name: 'Peter Otieno', phone: '0111000004' },
        { name: 'Grace Akinyi', email: 'grace@example.com' },
      ]) {
        mine.push(await createCustomer(other, otherAuth, fields));
      }
    });
    afterAll(() => other.close());

    const search = async (term: string) => {
      const response = await other.http
        .get('/customers')
        .query({ search: term })
        .set(otherAuth)
        .expect(200);
      return (response.body.items as CustomerBody[]).map((c) => c.name).sort();
    };

    it('lists newest first with a null cursor on the last page', async () => {
      const response = await other.http.get('/customers').set(otherAuth).expect(200);
      expect(response.body.items.map((c: CustomerBody) => c.id)).toEqual(
        mine.map((c) => c.id).reverse(),
      );
      expect(response.body.nextCursor).toBeNull();
    });

    it('searches names case-insensitively by substring', async () => {
      expect(await search('mary')).toEqual(['Mary Wambui', 'Mary-Anne Njeri']);
      expect(await search('OTIENO')).toEqual(['Peter Otieno']);
    });

    it('searches email, phone in any format and account number', async () => {
      expect(await search('grace@')).toEqual(['Grace Akinyi']);
      expect(await search('0722000002')).toEqual(['John Kamau']);
      expect(await search('+254111000004')).toEqual(['Peter Otieno']);
      expect(await search('07220')).toEqual(['John Kamau', 'Mary Wambui']);
      expect(await search(mine[4].accountNumber)).toEqual(['Grace Akinyi']);
    });

    it('treats regular-expression characters literally', async () => {
      expect(await search('.*')).toEqual([]);
      expect(await search('Mary-Anne')).toEqual(['Mary-Anne Njeri']);
    });

    it('pages with a cursor without repeating or skipping while rows are added', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let added = 0;
      do {
        const response: Response = await other.http
          .get('/customers')
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .set(otherAuth)
          .expect(200);
        seen.push(...response.body.items.map((c: CustomerBody) => c.id));
        cursor = response.body.nextCursor;
        if (added++ < 3) await createCustomer(other, otherAuth);
      } while (cursor);
      expect(seen).toEqual(mine.map((c) => c.id).reverse());
    });

    it.each([
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ cursor: 'garbage' }, 'cursor'],
      [{ unknown: 'x' }, 'unknown'],
      [{ 'search[$ne]': 'x' }, 'search[$ne]'],
    ])('refuses the query %p', async (query, field) => {
      const response = await other.http.get('/customers').query(query).set(otherAuth).expect(400);
      expect([response.body.message].flat().join(' ')).toContain(field);
    });
  });
});
