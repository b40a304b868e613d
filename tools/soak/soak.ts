// `npm run soak [-- --seconds 60 --workers 32 --customers 12 --kill-every 12 --no-kills]`
//
// Runs the built API and the embedded database on loopback ports, then many workers at once
// create payments, reassign them between a small shared set of customers, receive unmatched
// M-Pesa payments and allocate them, while a chaos loop SIGKILLs the API or the database and
// starts them again. At the end both are SIGKILLed once more and restarted, and the invariants
// are checked against what the API acknowledged:
//
//   1. every payment acknowledged with 201 (or 200 for an M-Pesa confirmation) exists, once;
//   2. every reassignment or allocation acknowledged with 200 is in its payment's history, once,
//      at the position its response showed; nothing else is in any history except requests
//      whose answer was lost (connection cut by a kill), each at most once;
//   3. each payment belongs to the target of its last history entry (or its first customer);
//   4. the sum of all stored amounts equals the sum acknowledged (plus lost answers that landed);
//   5. /health said 503 while the database was down and 200 again without restarting the API;
//   6. no response was a 500.
// Exits 1 when any invariant fails. Everything stays on 127.0.0.1; the data lives in a temporary
// folder that is removed at the end.
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@malipo/embedded-db';
import { MongoClient, ObjectId } from 'mongodb';
import { ApiProcess, DbProcess, sleep, status, waitFor } from './processes';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    workers: { type: 'string', default: '32' },
    customers: { type: 'string', default: '12' },
    'kill-every': { type: 'string', default: '12' },
    'no-kills': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // Self-test of the checker: damage the stored data behind the API's back before checking,
    // and pass only if every kind of damage is reported.
    tamper: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const WORKERS = Number(args.workers);
const CUSTOMERS = Number(args.customers);
const KILL_EVERY_MS = Number(args['kill-every']) * 1000;

// ---- what the API acknowledged ------------------------------------------------------------

interface Move {
  paymentId: string;
  from: string | null;
  to: string;
  /** Position of the entry in the history, from the 200 response. */
  index?: number;
}

const acked = {
  /** reference → cents, for 201s and 200 M-Pesa confirmations */
  payments: new Map<string, number>(),
  moves: [] as Move[],
};
/** Requests whose answer was lost (connection cut, 5xx): they may or may not have landed. */
const lost = {
  payments: new Map<string, number>(),
  moves: [] as Move[],
};
const owners = new Map<string, string>(); // paymentId → believed owner
/** Who a payment was created for: its customer, or null for an unmatched M-Pesa payment. */
const createdFor = new Map<string, string | null>(); // by reference
const paymentIds: string[] = [];
const counts = {
  requests: 0,
  byStatus: new Map<number, number>(),
  apiKills: 0,
  dbKills: 0,
  bothKills: 0,
  healthDownSeen: 0,
  healthRecoveredMs: [] as number[],
};
const failures: string[] = [];

// ---- HTTP --------------------------------------------------------------------------------

let api: ApiProcess;
let token = '';
const callbackToken = randomBytes(24).toString('base64url');

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  counts.requests++;
  let answer: Answer;
  try {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    answer = { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  } catch {
    answer = { status: 0, body: {} };
  }
  counts.byStatus.set(answer.status, (counts.byStatus.get(answer.status) ?? 0) + 1);
  // While something is down, do not spin.
  if (answer.status === 0 || answer.status === 503) await sleep(200);
  if (answer.status === 500)
    failures.push(`500 from ${method} ${path}: ${JSON.stringify(answer.body)}`);
  return answer;
}

/** The answer may have been lost after the write: a cut connection or a server error. */
const uncertain = (answer: Answer) => answer.status === 0 || answer.status >= 500;

// ---- the workload ------------------------------------------------------------------------

const customers: string[] = [];
const pick = <T>(items: T[]): T => items[randomInt(items.length)];
const cents = () => randomInt(1, 5_000_000); // up to KES 50,000.00
const toAmount = (c: number) => c / 100;
const reference = () => `SK${randomBytes(6).toString('hex').toUpperCase()}`;

async function createPayment(): Promise<void> {
  const ref = reference();
  const c = cents();
  const customerId = pick(customers);
  createdFor.set(ref, customerId);
  const answer = await call('POST', '/payments', {
    amount: toAmount(c),
    customerId,
    reference: ref,
    method: 'cash',
  });
  if (answer.status === 201) {
    acked.payments.set(ref, c);
    const id = answer.body.id as string;
    owners.set(id, customerId);
    paymentIds.push(id);
  } else if (uncertain(answer)) lost.payments.set(ref, c);
  else if (answer.status !== 503)
    failures.push(`POST /payments: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function receiveUnmatched(): Promise<void> {
  const ref = reference();
  const c = cents();
  createdFor.set(ref, null);
  const answer = await call('POST', `/integrations/mpesa/c2b/${callbackToken}/confirmation`, {
    TransactionType: 'Pay Bill',
    TransID: ref,
    TransTime: '20261204101530',
    TransAmount: toAmount(c).toFixed(2),
    BusinessShortCode: '600638',
    BillRefNumber: `NOMATCH${randomInt(1000)}`,
    MSISDN: '254712345678',
    FirstName: 'SOAK',
  });
  if (answer.status === 200 && answer.body.ResultCode === 0) acked.payments.set(ref, c);
  else if (uncertain(answer)) lost.payments.set(ref, c);
  else failures.push(`M-Pesa confirmation: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function reassign(): Promise<void> {
  if (paymentIds.length === 0) return;
  // A small hot set of recent payments, so that workers collide on the same ones.
  const paymentId = pick(paymentIds.slice(-20));
  const believed = owners.get(paymentId);
  const source = believed && randomInt(10) < 8 ? believed : pick(customers);
  const target = pick(customers.filter((c) => c !== source));
  const answer = await call('PUT', '/payments/reassign', {
    paymentId,
    sourceCustomerId: source,
    targetCustomerId: target,
    reason: 'soak',
  });
  if (answer.status === 200) {
    const history = answer.body.reassignments as unknown[];
    acked.moves.push({ paymentId, from: source, to: target, index: history.length - 1 });
    owners.set(paymentId, target);
    if (answer.body.customerId !== target)
      failures.push(`reassign 200 with owner ${String(answer.body.customerId)}`);
  } else if (uncertain(answer)) lost.moves.push({ paymentId, from: source, to: target });
  else if (answer.status !== 409 && answer.status !== 503) {
    failures.push(`PUT /payments/reassign: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

let allocationRoute = true;
async function allocate(): Promise<void> {
  const list = await call('GET', '/payments?status=unallocated&limit=10');
  if (list.status !== 200) return;
  const items = list.body.items as { id: string }[];
  if (items.length === 0) return;
  const paymentId = pick(items).id;
  const target = pick(customers);
  const answer = await call('POST', `/payments/${paymentId}/allocate`, {
    customerId: target,
    reason: 'soak',
  });
  if (answer.status === 404 && answer.body.code === 'NOT_FOUND') {
    allocationRoute = false; // the route does not exist in this build
    return;
  }
  if (answer.status === 200) {
    const history = answer.body.reassignments as unknown[];
    acked.moves.push({ paymentId, from: null, to: target, index: history.length - 1 });
    owners.set(paymentId, target);
    paymentIds.push(paymentId);
  } else if (uncertain(answer)) lost.moves.push({ paymentId, from: null, to: target });
  else if (answer.status !== 409 && answer.status !== 503) {
    failures.push(`POST /payments/:id/allocate: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

async function worker(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const roll = randomInt(100);
    if (roll < 35) await createPayment();
    else if (roll < 75) await reassign();
    else if (roll < 88) await receiveUnmatched();
    else if (allocationRoute) await allocate();
  }
}

// ---- chaos -------------------------------------------------------------------------------

async function chaos(db: DbProcess, deadline: number): Promise<void> {
  let round = 0;
  while (Date.now() + KILL_EVERY_MS < deadline) {
    await sleep(KILL_EVERY_MS);
    const kind = (['api', 'db', 'both'] as const)[round++ % 3];
    if (kind === 'api' || kind === 'both') await api.signal('SIGKILL');
    if (kind === 'db' || kind === 'both') await db.kill();
    if (kind === 'db') {
      // The API stays up: /health must say 503 while the database is down ...
      await waitFor(
        '/health is 503 while the database is down',
        async () => (await status(`${api.url}/health`)) === 503,
        20_000,
      );
      counts.healthDownSeen++;
      await sleep(1000);
      await db.start();
      // ... and 200 again by itself, without restarting the API.
      counts.healthRecoveredMs.push(
        await waitFor(
          '/health recovers after the database returns',
          async () => (await status(`${api.url}/health`)) === 200,
          30_000,
        ),
      );
      counts.dbKills++;
    } else {
      await sleep(500);
      if (kind === 'both') await db.start();
      await api.start();
      if (kind === 'api') counts.apiKills++;
      else counts.bothKills++;
    }
  }
}

// ---- checking ----------------------------------------------------------------------------

interface StoredPayment {
  id: string;
  amount: number;
  customerId: string | null;
  reference: string | null;
  reassignments: { fromCustomerId: string | null; toCustomerId: string }[];
}

async function allPayments(): Promise<StoredPayment[]> {
  const items: StoredPayment[] = [];
  let cursor: string | null = null;
  do {
    const answer = await call(
      'GET',
      `/payments?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (answer.status !== 200) throw new Error(`GET /payments: ${answer.status}`);
    items.push(...(answer.body.items as StoredPayment[]));
    cursor = answer.body.nextCursor as string | null;
  } while (cursor);
  return items;
}

function check(stored: StoredPayment[]): void {
  const fail = (message: string) => failures.push(message);
  const byReference = new Map<string, StoredPayment[]>();
  for (const p of stored) {
    if (!p.reference) continue;
    byReference.set(p.reference, [...(byReference.get(p.reference) ?? []), p]);
  }
  // 1. every acknowledged payment exists, once
  let missing = 0;
  for (const ref of acked.payments.keys()) {
    const found = byReference.get(ref) ?? [];
    if (found.length !== 1) {
      missing++;
      fail(`acknowledged payment ${ref} found ${found.length} times`);
    }
  }
  // 4. amounts: stored = acknowledged + lost answers that landed; nothing else exists
  const centsOf = (amount: number) => Math.round(amount * 100);
  let storedCents = 0;
  let landedLostCents = 0;
  for (const p of stored) {
    storedCents += centsOf(p.amount);
    const ref = p.reference ?? '';
    if (acked.payments.has(ref)) {
      if (acked.payments.get(ref) !== centsOf(p.amount))
        fail(`payment ${ref} has amount ${p.amount}`);
    } else if (lost.payments.has(ref)) {
      landedLostCents += centsOf(p.amount);
      if ((byReference.get(ref) ?? []).length !== 1)
        fail(`lost payment ${ref} stored more than once`);
    } else fail(`payment ${p.id} (${ref}) was never requested`);
  }
  const ackedCents = [...acked.payments.values()].reduce((a, b) => a + b, 0);
  if (storedCents !== ackedCents + landedLostCents) {
    fail(
      `sum stored ${storedCents} ≠ acknowledged ${ackedCents} + landed lost ${landedLostCents} (cents)`,
    );
  }
  // 2 and 3. histories
  const byId = new Map(stored.map((p) => [p.id, p]));
  const claimed = new Map<string, Set<number>>();
  for (const move of acked.moves) {
    const p = byId.get(move.paymentId);
    const entry = p?.reassignments[move.index!];
    if (!entry || entry.fromCustomerId !== move.from || entry.toCustomerId !== move.to) {
      fail(`acknowledged move of ${move.paymentId} (#${move.index}) is not in its history`);
      continue;
    }
    const set = claimed.get(move.paymentId) ?? new Set<number>();
    if (set.has(move.index!))
      fail(`two acknowledged moves claim entry #${move.index} of ${move.paymentId}`);
    set.add(move.index!);
    claimed.set(move.paymentId, set);
  }
  for (const p of stored) {
    const set = claimed.get(p.id) ?? new Set<number>();
    const unclaimed = p.reassignments.filter((_, i) => !set.has(i));
    const candidates = lost.moves.filter((m) => m.paymentId === p.id);
    for (const entry of unclaimed) {
      const at = candidates.findIndex(
        (m) => m.from === entry.fromCustomerId && m.to === entry.toCustomerId,
      );
      if (at === -1)
        fail(`history of ${p.id} has an entry nobody asked for: ${JSON.stringify(entry)}`);
      else candidates.splice(at, 1);
    }
    // The history chains, and the owner is the target of its last entry.
    const ref = p.reference ?? '';
    if (!createdFor.has(ref)) continue; // reported above as never requested
    let owner = createdFor.get(ref)!;
    for (const entry of p.reassignments) {
      if (entry.fromCustomerId !== owner)
        fail(`history of ${p.id} does not chain at ${JSON.stringify(entry)}`);
      owner = entry.toCustomerId;
    }
    if (p.customerId !== owner)
      fail(`payment ${p.id} belongs to ${p.customerId}, its history ends at ${owner}`);
  }
  console.log(`  acknowledged payments missing or duplicated: ${missing}`);
}

// ---- self-test of the checker -----------------------------------------------------------

const TAMPERINGS = [
  { what: 'an acknowledged payment deleted', detectedBy: /acknowledged payment \w+ found 0 times/ },
  { what: 'a history entry duplicated', detectedBy: /does not chain|entry nobody asked for/ },
  {
    what: 'an owner changed without a history entry',
    detectedBy: /belongs to .* its history ends at/,
  },
  { what: 'an amount changed', detectedBy: /has amount|sum stored/ },
  { what: 'an acknowledged move removed from a history', detectedBy: /is not in its history/ },
];

async function tamper(uri: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const payments = client.db().collection<{
      customerId: ObjectId | null;
      amountMinor: number;
      reassignments: Record<string, unknown>[];
    }>('payments');
    const moved = acked.moves.filter((m) => m.from !== null).map((m) => new ObjectId(m.paymentId));
    const [a, b, c, d, e] = await payments
      .find({ _id: { $in: moved } })
      .limit(5)
      .toArray();
    if (!e) throw new Error('too few moved payments to tamper with');
    await payments.deleteOne({ _id: a._id });
    await payments.updateOne({ _id: b._id }, { $push: { reassignments: b.reassignments[0] } });
    const other = customers.find((id) => id !== String(c.customerId))!;
    await payments.updateOne({ _id: c._id }, { $set: { customerId: new ObjectId(other) } });
    await payments.updateOne({ _id: d._id }, { $inc: { amountMinor: 1 } });
    await payments.updateOne({ _id: e._id }, { $set: { reassignments: [] } });
  } finally {
    await client.close();
  }
}

// ---- main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'malipo-soak-'));
  const logFile = join(dataDir, 'api.log');
  const db = await DbProcess.start(join(dataDir, 'db'));
  api = new ApiProcess({
    port: await freePort(),
    mongoUri: `${db.uri}malipo_soak`,
    logFile,
    env: {
      JWT_SECRET: randomBytes(48).toString('base64url'),
      MPESA_CALLBACK_TOKEN: callbackToken,
      AUTH_RATE_LIMIT_MAX: '1000',
    },
  });
  const started = Date.now();
  try {
    await api.start();
    console.log(
      `Soak: ${WORKERS} workers, ${CUSTOMERS} shared customers, ${SECONDS} s, ` +
        (args['no-kills'] ? 'no kills' : `a SIGKILL every ${KILL_EVERY_MS / 1000} s`) +
        `; API ${api.url}, data in ${dataDir}`,
    );
    const email = `soak-${randomBytes(4).toString('hex')}@malipo.test`;
    const password = randomBytes(12).toString('base64url');
    if ((await call('POST', '/auth/signup', { email, password })).status !== 201)
      throw new Error('signup failed');
    const login = await call('POST', '/auth/login', { email, password });
    token = login.body.accessToken as string;
    for (let i = 0; i < CUSTOMERS; i++) {
      const answer = await call('POST', '/customers', {
        name: `Soak Customer ${i}`,
        email: `soak${i}-${randomBytes(3).toString('hex')}@example.com`,
      });
      if (answer.status !== 201) throw new Error(`customer: ${answer.status}`);
      customers.push(answer.body.id as string);
    }
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all([
      ...Array.from({ length: WORKERS }, () => worker(deadline)),
      args['no-kills'] ? Promise.resolve() : chaos(db, deadline),
    ]);
    const ops = counts.requests;

    // The final blow: both processes die at once, then come back on the same data.
    await api.signal('SIGKILL');
    await db.kill();
    if (!args['no-kills']) counts.bothKills++;
    await db.start();
    await api.start();
    if (args.tamper) await tamper(`${db.uri}malipo_soak`);
    const stored = await allPayments();
    console.log(`Checking ${stored.length} stored payments against what was acknowledged...`);
    check(stored);

    const statuses = [...counts.byStatus.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s || 'cut'}: ${n}`);
    const summary = {
      seconds: Math.round((Date.now() - started) / 1000),
      workers: WORKERS,
      requests: ops,
      statuses: Object.fromEntries(counts.byStatus),
      paymentsAcknowledged: acked.payments.size,
      movesAcknowledged: acked.moves.length,
      allocationsAcknowledged: acked.moves.filter((m) => m.from === null).length,
      answersLost: lost.payments.size + lost.moves.length,
      kills: { api: counts.apiKills, db: counts.dbKills, both: counts.bothKills },
      healthRecoveredMs: counts.healthRecoveredMs,
      fiveHundreds: counts.byStatus.get(500) ?? 0,
      invariantFailures: failures.length,
    };
    console.log(`  requests: ${ops} (${statuses.join(', ')})`);
    console.log(
      `  acknowledged: ${summary.paymentsAcknowledged} payments, ${summary.movesAcknowledged} moves (${summary.allocationsAcknowledged} allocations); answers lost to kills: ${summary.answersLost}`,
    );
    console.log(
      `  kills survived: API ${counts.apiKills}, database ${counts.dbKills}, both ${counts.bothKills}; /health recovered after ${counts.healthRecoveredMs.join(', ') || '-'} ms`,
    );
    console.log(`SOAK ${JSON.stringify(summary)}`);
    if (args.tamper) {
      const caught = TAMPERINGS.filter((t) => failures.some((f) => t.detectedBy.test(f)));
      console.log(
        `Tampering self-test: ${caught.length} of ${TAMPERINGS.length} kinds of damage detected.`,
      );
      for (const t of TAMPERINGS)
        console.log(`  ${caught.includes(t) ? 'caught' : 'MISSED'}: ${t.what}`);
      process.exitCode = caught.length === TAMPERINGS.length ? 0 : 1;
    } else if (failures.length > 0) {
      console.error(
        `\n${failures.length} invariant failures:\n- ${failures.slice(0, 30).join('\n- ')}`,
      );
      process.exitCode = 1;
    } else {
      console.log('All invariants hold.');
    }
  } catch (error) {
    console.error(error);
    try {
      console.error(readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
    } catch {
      // no log
    }
    process.exitCode = 1;
  } finally {
    await api.signal('SIGTERM');
    await db.stop();
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
