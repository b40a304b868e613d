// The benchmark's scenarios: for each, the HTTP request sent to the API and the same database
// operations issued directly with the MongoDB driver (the baseline). `operations` names what the
// API does per request; the bench checks it against what the API really sends (see capture.ts),
// so the baseline cannot silently drift from the API, and an N+1 query shows up as a mismatch.
import { randomBytes } from 'node:crypto';
import { Db, ObjectId, type Document, type Filter } from 'mongodb';
import { cursor as apiCursor, customerPhone } from './api-modules';

export type ScenarioName =
  | 'payments-first-page'
  | 'payments-deep-page'
  | 'payments-by-customer'
  | 'customers-search'
  | 'create-payment'
  | 'reassign-payment';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
}

export interface Scenario {
  name: ScenarioName;
  title: string;
  kind: 'list' | 'search' | 'write';
  /** The database operations the API performs per request, in order ("collection.method"). */
  operations: string[];
  /** The i-th HTTP request (each call may return a different one). */
  request: (i: number) => HttpRequest;
  /** The i-th baseline: the same database operations with the driver. */
  baseline: (i: number) => Promise<unknown>;
}

/** Data the scenarios draw from, picked from the seeded database before the run. */
export interface Fixtures {
  userId: ObjectId;
  /** Customers that have payments: filters, payment owners, reassignment targets. */
  customers: ObjectId[];
  /** A cursor about 90% of the way down the full payment list, and what it decodes to. */
  deep: { cursor: string; paidAt: Date; id: ObjectId };
  searchTerms: string[];
  /** Payments to move, with their current owners; the API and the baseline get separate ones. */
  movable: { api: Movable[]; baseline: Movable[] };
}

export interface Movable {
  id: ObjectId;
  owner: ObjectId;
}

const PAGE = 50;
const PAYMENT_SORT = { paidAt: -1, _id: -1 } as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** CustomersService.searchConditions, as the API builds it for `?search=`. */
export function searchConditions(search: string): Filter<Document>[] {
  const pattern = new RegExp(escapeRegExp(search), 'i');
  const conditions: Filter<Document>[] = [
    { name: pattern },
    { email: pattern },
    { accountNumber: search },
  ];
  const phone = customerPhone.normalizeKenyanPhone(search);
  if (phone) conditions.push({ phone });
  else if (/^\+?\d[\d\s-]{2,}$/.test(search)) {
    const digits = search.replace(/\D/g, '');
    conditions.push({
      phone: digits.startsWith('0') ? new RegExp(`^\\+254${digits.slice(1)}`) : new RegExp(digits),
    });
  }
  return conditions;
}

/** Picks the fixtures from the database with cheap queries (no sort over the whole collection). */
export async function loadFixtures(
  db: Db,
  userId: string,
  movablePerSide: number,
): Promise<Fixtures> {
  const payments = db.collection('payments');
  // Insertion order is random in paidAt, so a sample of the first rows spreads over the list.
  const sample = await payments
    .find({}, { projection: { _id: 1, paidAt: 1, customerId: 1 } })
    .limit(Math.max(2 * movablePerSide, 1000))
    .toArray();
  if (sample.length < 10) throw new Error('the database has too few payments; seed it first');
  const byAge = [...sample].sort(
    (a, b) => (a.paidAt as Date).getTime() - (b.paidAt as Date).getTime(),
  );
  const deepRow = byAge[Math.floor(byAge.length * 0.1)];
  const deep = {
    paidAt: deepRow.paidAt as Date,
    id: deepRow._id,
    cursor: apiCursor.encodeCursor({
      at: (deepRow.paidAt as Date).toISOString(),
      id: deepRow._id.toString(),
    }),
  };
  const customers = [...new Set(sample.map((p) => (p.customerId as ObjectId).toString()))]
    .slice(0, 500)
    .map((id) => new ObjectId(id));
  const people = await db
    .collection('customers')
    .find(
      { _id: { $in: customers.slice(0, 30) } },
      { projection: { name: 1, phone: 1, accountNumber: 1 } },
    )
    .toArray();
  // What staff type: part of a surname, an account number read out on the phone, a phone number.
  const searchTerms = people.flatMap((c) => {
    const terms = [
      (c.name as string).split(' ')[1].slice(0, 5).toLowerCase(),
      c.accountNumber as string,
    ];
    if (c.phone) terms.push(`0${(c.phone as string).slice(4)}`);
    return terms;
  });
  const movable = sample.map((p) => ({ id: p._id, owner: p.customerId as ObjectId }));
  const half = Math.floor(movable.length / 2);
  return {
    userId: new ObjectId(userId),
    customers,
    deep,
    searchTerms,
    movable: { api: movable.slice(0, half), baseline: movable.slice(half) },
  };
}

/** References like M-Pesa's: ten uppercase letters and digits, distinct per run and side. */
function referenceMaker(side: string): (i: number) => string {
  const tag = randomBytes(2).readUInt16BE(0).toString(36).toUpperCase().padStart(3, '0').slice(-3);
  return (i) => `B${side}${tag}${i.toString(36).toUpperCase().padStart(5, '0')}`;
}

/** Takes payments to move in turn; when all have moved once, starts again from their new owners. */
function mover(pool: Movable[], customers: ObjectId[]) {
  return (i: number) => {
    const payment = pool[i % pool.length];
    const source = payment.owner;
    let target = customers[(i * 7 + 3) % customers.length];
    if (target.equals(source)) target = customers[(i * 7 + 4) % customers.length];
    payment.owner = target;
    return { payment: payment.id, source, target };
  };
}

export function scenarios(db: Db, fixtures: Fixtures): Scenario[] {
  const payments = db.collection('payments');
  const customers = db.collection('customers');
  const customerAt = (i: number) => fixtures.customers[i % fixtures.customers.length];
  const termAt = (i: number) => fixtures.searchTerms[i % fixtures.searchTerms.length];
  const page = (filter: Filter<Document>) =>
    payments
      .find(filter)
      .sort(PAYMENT_SORT)
      .limit(PAGE + 1)
      .toArray();
  const apiReference = referenceMaker('A');
  const baselineReference = referenceMaker('D');
  const apiMove = mover(fixtures.movable.api, fixtures.customers);
  const baselineMove = mover(fixtures.movable.baseline, fixtures.customers);

  return [
    {
      name: 'payments-first-page',
      title: 'GET /payments (first page)',
      kind: 'list',
      operations: ['payments.find'],
      request: () => ({ method: 'GET', path: '/payments' }),
      baseline: () => page({}),
    },
    {
      name: 'payments-deep-page',
      title: 'GET /payments?cursor= (90% deep)',
      kind: 'list',
      operations: ['payments.find'],
      request: () => ({ method: 'GET', path: `/payments?cursor=${fixtures.deep.cursor}` }),
      baseline: () =>
        page({
          $and: [
            {
              $or: [
                { paidAt: { $lt: fixtures.deep.paidAt } },
                { paidAt: fixtures.deep.paidAt, _id: { $lt: fixtures.deep.id } },
              ],
            },
          ],
        }),
    },
    {
      name: 'payments-by-customer',
      title: 'GET /payments?customerId=',
      kind: 'list',
      operations: ['payments.find'],
      request: (i) => ({ method: 'GET', path: `/payments?customerId=${customerAt(i).toString()}` }),
      baseline: (i) => page({ $and: [{ customerId: customerAt(i) }] }),
    },
    {
      name: 'customers-search',
      title: 'GET /customers?search=',
      kind: 'search',
      operations: ['customers.find'],
      request: (i) => ({
        method: 'GET',
        path: `/customers?search=${encodeURIComponent(termAt(i))}`,
      }),
      baseline: (i) =>
        customers
          .find({ $and: [{ $or: searchConditions(termAt(i)) }] })
          .sort({ _id: -1 })
          .limit(PAGE + 1)
          .toArray(),
    },
    {
      name: 'create-payment',
      title: 'POST /payments',
      kind: 'write',
      operations: ['customers.updateOne', 'payments.insertOne'],
      request: (i) => ({
        method: 'POST',
        path: '/payments',
        body: JSON.stringify({
          amount: 500,
          customerId: customerAt(i).toString(),
          reference: apiReference(i),
          method: 'mpesa',
          payerPhone: '+254712345678',
        }),
      }),
      baseline: async (i) => {
        const customerId = customerAt(i);
        const claimed = await customers.updateOne(
          { _id: customerId },
          { $set: { hasPayments: true } },
        );
        if (claimed.matchedCount !== 1) throw new Error('customer not found');
        const _id = new ObjectId();
        const reference = baselineReference(i);
        const now = new Date();
        await payments.insertOne({
          _id,
          amountMinor: 50_000,
          currency: 'KES',
          customerId,
          reference,
          referenceKey: reference,
          method: 'mpesa',
          paidAt: now,
          payerPhone: '+254712345678',
          note: null,
          reassignments: [],
          createdAt: now,
          updatedAt: now,
          __v: 0,
        });
      },
    },
    {
      name: 'reassign-payment',
      title: 'PUT /payments/reassign',
      kind: 'write',
      operations: [
        'payments.findOne',
        'customers.findOne',
        'customers.findOne',
        'customers.updateOne',
        'payments.findOneAndUpdate',
      ],
      request: (i) => {
        const move = apiMove(i);
        return {
          method: 'PUT',
          path: '/payments/reassign',
          body: JSON.stringify({
            paymentId: move.payment.toString(),
            sourceCustomerId: move.source.toString(),
            targetCustomerId: move.target.toString(),
            reason: 'Wrong account number',
          }),
        };
      },
      baseline: async (i) => {
        const move = baselineMove(i);
        const [payment, source, target] = await Promise.all([
          payments.findOne({ _id: move.payment }, { projection: { customerId: 1 } }),
          customers.findOne({ _id: move.source }, { projection: { _id: 1 } }),
          customers.findOne({ _id: move.target }, { projection: { _id: 1 } }),
        ]);
        if (!payment || !source || !target) throw new Error('not found');
        if (!(payment.customerId as ObjectId).equals(move.source)) throw new Error('not owned');
        await customers.updateOne({ _id: move.target }, { $set: { hasPayments: true } });
        const now = new Date();
        const moved = await payments.findOneAndUpdate(
          { _id: move.payment, customerId: move.source },
          {
            $set: { customerId: move.target, updatedAt: now },
            $push: {
              reassignments: {
                fromCustomerId: move.source,
                toCustomerId: move.target,
                reason: 'Wrong account number',
                by: fixtures.userId,
                at: now,
              },
            } as Document,
          },
          { returnDocument: 'after' },
        );
        if (!moved) throw new Error('not owned');
      },
    },
  ];
}
