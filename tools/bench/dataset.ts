// Generates a realistic Malipo dataset and writes it with bulk inserts: customers with Kenyan
// names, phones and emails, and their payments (mostly M-Pesa, with receipt-like references),
// a share of them reassigned from a wrongly typed account with the history entries the API
// writes. Documents go through the API's own Mongoose schemas (defaults, casting, validation),
// so they have exactly the shape the API writes.
import { Connection, Model, Types } from 'mongoose';
import { accountNumber, customerSchema, paymentSchema, paymentsService } from './api-modules';
import { GIVEN_NAMES, SURNAMES } from './kenyan-names';

type Customer = import('../../apps/api/src/customers/customer.schema').Customer;
type Counter = import('../../apps/api/src/customers/customer.schema').Counter;
type Payment = import('../../apps/api/src/payments/payment.schema').Payment;
type PaymentMethod = import('../../apps/api/src/payments/payment.schema').PaymentMethod;
type Reassignment = import('../../apps/api/src/payments/payment.schema').Reassignment;

/** The counter document the API's CustomersService takes account numbers from. */
const ACCOUNT_SEQUENCE = 'customers.accountNumber';
const DAY_MS = 86_400_000;
/** Customers joined over the last three years; payments run from joining until now. */
const HISTORY_MS = 3 * 365 * DAY_MS;
export const REASSIGNED_SHARE = 0.03;

export interface SeedOptions {
  customers: number;
  payments: number;
  batchSize: number;
  /** Deterministic data for a given seed. */
  seed: number;
  /** Called after each batch with the number of documents written in it. */
  onProgress?: (phase: 'payments' | 'customers', written: number) => void;
}

export interface SeedResult {
  customers: number;
  payments: number;
  reassigned: number;
  firstAccountSequence: number;
}

/** mulberry32: a small, fast, seedable generator; Math.random cannot be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function models(connection: Connection) {
  return {
    customers: connection.model<Customer>('Customer', customerSchema.CustomerSchema),
    counters: connection.model<Counter>('Counter', customerSchema.CounterSchema),
    payments: connection.model<Payment>('Payment', paymentSchema.PaymentSchema),
  };
}

// Safaricom (07xx, 011x) and Airtel (010x, 073x, 075x) prefixes.
const PHONE_PREFIXES = ['70', '71', '72', '74', '79', '11', '10', '73', '75', '76'];

/** A distinct E.164 number for every index below 100 million: prefix, then a scrambled serial. */
export function kenyanPhone(index: number): string {
  const prefix = PHONE_PREFIXES[index % PHONE_PREFIXES.length];
  const serial = (Math.floor(index / PHONE_PREFIXES.length) * 7_654_321 + 1_234_567) % 10_000_000;
  return `+254${prefix}${String(serial).padStart(7, '0')}`;
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE_SPACE = 36n ** 8n;

/**
 * An M-Pesa-like receipt code, distinct for every index: a letter for the year and one for the
 * month (as Safaricom's codes run, e.g. "TL…" for December 2025), then eight scrambled characters.
 */
export function mpesaReference(index: number, paidAt: Date, salt: number): string {
  const year = ALPHANUMERIC[10 + ((paidAt.getUTCFullYear() - 2006) % 26)];
  const month = ALPHANUMERIC[10 + paidAt.getUTCMonth()];
  // Multiplying by a number prime to 36 is a bijection of the code space.
  let n = (BigInt(index) * 2_654_435_761n + BigInt(salt)) % CODE_SPACE;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = ALPHANUMERIC[Number(n % 36n)] + body;
    n /= 36n;
  }
  return year + month + body;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Instalments as people pay them: mostly round shillings, a few with cents. */
function amountMinor(random: () => number): number {
  const r = random();
  if (r < 0.6) return pick(random, [50, 100, 150, 200, 250, 300, 500]) * 100;
  if (r < 0.9) return (100 + Math.floor(random() * 2900)) * 100;
  return 5000 + Math.floor(random() * 300_000);
}

function method(random: () => number): PaymentMethod {
  const r = random();
  if (r < 0.86) return 'mpesa';
  if (r < 0.92) return 'cash';
  if (r < 0.96) return 'bank';
  if (r < 0.98) return 'card';
  return 'other';
}

/** Reserves `count` account sequences from the API's counter, so later API creations follow on. */
async function reserveAccountSequences(counters: Model<Counter>, count: number): Promise<number> {
  const counter = await counters
    .findOneAndUpdate(
      { _id: ACCOUNT_SEQUENCE },
      { $inc: { seq: count } },
      { upsert: true, new: true },
    )
    .lean();
  return accountNumber.FIRST_ACCOUNT_SEQUENCE + counter.seq - count;
}

export async function seedDatabase(
  connection: Connection,
  options: SeedOptions,
): Promise<SeedResult> {
  const { customers, counters, payments } = models(connection);
  // The API's indexes (unique keys, keyset paging) exist before the data, as in production.
  await Promise.all([customers.createIndexes(), payments.createIndexes()]);

  const random = generator(options.seed);
  const now = Date.now();
  const staff = Array.from({ length: 5 }, () => new Types.ObjectId());
  const firstSequence = await reserveAccountSequences(counters, options.customers);
  // Each run uses other phones, emails and references, so a seed can add to a seeded database.
  const salt = firstSequence - accountNumber.FIRST_ACCOUNT_SEQUENCE;

  // Customers first in memory (ids, joining dates), so payments can point at them; they are
  // written after the payments, knowing which ones have payments (the API's hasPayments flag).
  const joinedAt = new Float64Array(options.customers);
  const customerIds: Types.ObjectId[] = new Array<Types.ObjectId>(options.customers);
  for (let i = 0; i < options.customers; i++) {
    joinedAt[i] = now - HISTORY_MS + (HISTORY_MS * i) / options.customers;
    customerIds[i] = new Types.ObjectId(Math.floor(joinedAt[i] / 1000));
  }
  const hasPayments = new Uint8Array(options.customers);
  // A few customers pay far more often than others, as in life.
  const payer = () => Math.floor(options.customers * random() ** 1.3);

  // The API's own document function when it has one (it inserts with the driver, as here);
  // otherwise its Mongoose model, which applies the schema's defaults and casts.
  const { paymentDocument } = paymentsService;
  const newPayment = (incoming: Partial<Payment>): Payment =>
    paymentDocument
      ? paymentDocument(incoming as Parameters<typeof paymentDocument>[0])
      : new payments(incoming).toObject();
  const insertPayments = async (batch: Payment[]) => {
    if (paymentDocument) await payments.collection.insertMany(batch, { ordered: false });
    else await payments.insertMany(batch, { ordered: false });
  };

  let reassigned = 0;
  for (let start = 0; start < options.payments; start += options.batchSize) {
    const batch: Payment[] = [];
    const end = Math.min(options.payments, start + options.batchSize);
    for (let index = start; index < end; index++) {
      const owner = payer();
      hasPayments[owner] = 1;
      const paidAtMs = joinedAt[owner] + random() * (now - joinedAt[owner]);
      const paidAt = new Date(paidAtMs);
      // Recorded by the payment callback or by staff a little after the money arrived.
      const createdAt = new Date(Math.min(now, paidAtMs + random() * 600_000));
      const paymentMethod = method(random);
      const reference =
        paymentMethod === 'mpesa' ? mpesaReference(index, paidAt, salt * 7919 + 1) : null;
      const reassignments: Reassignment[] = [];
      const customerId = customerIds[owner];
      let updatedAt = createdAt;
      if (options.customers >= 3 && random() < REASSIGNED_SHARE) {
        // Credited first to an account one typo away, then moved by staff; now and then via a
        // second wrong customer first.
        let from = (owner + 1 + Math.floor(random() * 50)) % options.customers;
        if (from === owner) from = (owner + 1) % options.customers;
        const via = random() < 0.1 ? payer() : owner;
        const steps = via === owner || via === from ? [owner] : [via, owner];
        for (const to of steps) {
          hasPayments[from] = 1;
          updatedAt = new Date(Math.min(now, updatedAt.getTime() + random() * 3 * DAY_MS));
          reassignments.push({
            fromCustomerId: customerIds[from],
            toCustomerId: customerIds[to],
            reason: pick(random, ['Wrong account number', 'Customer called in', null]),
            by: pick(random, staff),
            at: updatedAt,
          });
          from = to;
        }
        reassigned++;
      }
      const incoming = {
        amountMinor: amountMinor(random),
        customerId,
        reference,
        method: paymentMethod,
        paidAt,
        payerPhone: paymentMethod === 'mpesa' ? kenyanPhone(salt + owner) : null,
        note: random() < 0.02 ? 'Paid at the shop' : null,
      };
      batch.push({ ...newPayment(incoming), reassignments, createdAt, updatedAt });
    }
    await insertPayments(batch);
    options.onProgress?.('payments', batch.length);
  }

  for (let start = 0; start < options.customers; start += options.batchSize) {
    const batch: Partial<Customer & { _id: Types.ObjectId }>[] = [];
    const end = Math.min(options.customers, start + options.batchSize);
    for (let i = start; i < end; i++) {
      const _id = customerIds[i];
      const given = pick(random, GIVEN_NAMES);
      const surname = pick(random, SURNAMES);
      const r = random();
      // Everyone has a phone or an email; most have a phone, about half an email too.
      const phone = r < 0.95 ? kenyanPhone(salt + i) : null;
      const email =
        r >= 0.95 || random() < 0.5
          ? `${given}.${surname}${salt + i}@${pick(random, ['gmail.com', 'yahoo.com', 'outlook.com'])}`.toLowerCase()
          : null;
      const createdAt = new Date(joinedAt[i]);
      batch.push({
        _id,
        name: `${given} ${surname}`,
        email,
        emailKey: email ?? customerSchema.absentKey(_id),
        phone,
        phoneKey: phone ?? customerSchema.absentKey(_id),
        accountNumber: accountNumber.accountNumberFor(firstSequence + i),
        hasPayments: hasPayments[i] === 1,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await customers.insertMany(batch, { ordered: false });
    options.onProgress?.('customers', batch.length);
  }

  return {
    customers: options.customers,
    payments: options.payments,
    reassigned,
    firstAccountSequence: firstSequence,
  };
}
