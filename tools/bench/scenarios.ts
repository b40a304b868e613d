// The benchmark's scenarios: for each, the HTTP request sent to the API and the same database
// operations issued directly with the MongoDB driver (the baseline). `operations` names what the
// API does per request; the bench checks it against what the API really sends (see capture.ts),
// so the baseline cannot silently drift from the API, and an N+1 query shows up as a mismatch.
import { randomBytes } from 'node:crypto';
import { Db, ObjectId, type Document } from 'mongodb';
import { cursor as apiCursor, paymentsService } from './api-modules';

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

interface ScenarioBase {
  name: ScenarioName;
  title: string;
  /** The i-th HTTP request (each call may return a different one). */
  request: (i: number) => HttpRequest;
}

/**
 * A read: its baseline replays the very queries the API sent for the same request (captured,
 * see capture.ts), so it cannot drift from the API. Requests repeat after `variants`.
 */
export interface ReadScenario extends ScenarioBase {
  kind: 'list' | 'search';
  variants: number;
}

/** A write: its baseline is written out here, and checked against the API's operations. */
export interface WriteScenario extends ScenarioBase {
  kind: 'write';
  /** The database operations the API performs per request ("collection.method"). */
  operations: string[];
  /** The i-th baseline: the same database operations with the driver. */
  baseline: (i: number) => Promise<unknown>;
}

export type Scenario = ReadScenario | WriteScenario;

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

interface NewPayment {
  amountMinor: number;
  customerId: ObjectId;
  reference: string;
  method: 'mpesa';
  paidAt: Date;
  payerPhone: string;
  note: null;
}

/** The document the API inserts for a new payment: its own function when it has one. */
function newPayment(incoming: NewPayment): Document {
  if (paymentsService.paymentDocument) return paymentsService.paymentDocument(incoming);
  const now = new Date();
  const _id = new ObjectId();
  return {
    _id,
    currency: 'KES',
    ...incoming,
    referenceKey: incoming.reference.toUpperCase(),
    reassignments: [],
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

/** Picks the fixtures from the database with cheap queries (no sort over the whole collection). */
export async function loadFixtures(
  db: Db,
  userId: string,
  movablePerSide: number,
  /** Move the most recently stored payments (the end of the table) instead of the first. */
  moveRecent = false,
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
  // The first rows are the cheapest for FerretDB to find (it scans in insertion order and stops
  // at the match); the recently stored ones, which staff are likelier to move, are the dearest.
  const rows = moveRecent
    ? await payments
        .find({}, { projection: { _id: 1, customerId: 1 } })
        .skip(Math.max(0, (await payments.estimatedDocumentCount()) - 2 * movablePerSide))
        .toArray()
    : sample;
  const movable = rows.map((p) => ({ id: p._id, owner: p.customerId as ObjectId }));
  // Interleaved: FerretDB finds a document by _id by scanning in insertion order (see
  // docs/performance.md), so both sides must get payments from the same parts of the table.
  return {
    userId: new ObjectId(userId),
    customers,
    deep,
    searchTerms,
    movable: {
      api: movable.filter((_, i) => i % 2 === 0),
      baseline: movable.filter((_, i) => i % 2 === 1),
    },
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
  const users = db.collection('users');
  // The API's guard looks the user up on every request (a deleted user's token stops working).
  const authenticate = async () => {
    if (!(await users.findOne({ _id: fixtures.userId }, { projection: { _id: 1 } }))) {
      throw new Error('user not found');
    }
  };
  const apiReference = referenceMaker('A');
  const baselineReference = referenceMaker('D');
  const apiMove = mover(fixtures.movable.api, fixtures.customers);
  const baselineMove = mover(fixtures.movable.baseline, fixtures.customers);

  return [
    {
      name: 'payments-first-page',
      title: 'GET /payments (first page)',
      kind: 'list',
      variants: 1,
      request: () => ({ method: 'GET', path: '/payments' }),
    },
    {
      name: 'payments-deep-page',
      title: 'GET /payments?cursor= (90% deep)',
      kind: 'list',
      variants: 1,
      request: () => ({ method: 'GET', path: `/payments?cursor=${fixtures.deep.cursor}` }),
    },
    {
      name: 'payments-by-customer',
      title: 'GET /payments?customerId=',
      kind: 'list',
      variants: fixtures.customers.length,
      request: (i) => ({ method: 'GET', path: `/payments?customerId=${customerAt(i).toString()}` }),
    },
    {
      name: 'customers-search',
      title: 'GET /customers?search=',
      kind: 'search',
      variants: fixtures.searchTerms.length,
      request: (i) => ({
        method: 'GET',
        path: `/customers?search=${encodeURIComponent(termAt(i))}`,
      }),
    },
    {
      name: 'create-payment',
      title: 'POST /payments',
      kind: 'write',
      operations: ['users.findOne', 'customers.updateOne', 'payments.insertOne'],
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
        await authenticate();
        const customerId = customerAt(i);
        const claimed = await customers.updateOne(
          { _id: customerId },
          { $set: { hasPayments: true } },
        );
        if (claimed.matchedCount !== 1) throw new Error('customer not found');
        await payments.insertOne(
          newPayment({
            amountMinor: 50_000,
            customerId,
            reference: baselineReference(i),
            method: 'mpesa',
            paidAt: new Date(),
            payerPhone: '+254712345678',
            note: null,
          }),
        );
      },
    },
    {
      name: 'reassign-payment',
      title: 'PUT /payments/reassign',
      kind: 'write',
      operations: [
        'users.findOne',
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
        await authenticate();
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
