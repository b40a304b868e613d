// `npm run seed -- --customers N --payments M [--reset] [--data-dir DIR] [--batch-size B]`
// Fills a database with realistic Malipo data. Without MONGO_URI it starts the embedded
// FerretDB on `data/bench` (or --data-dir) and stops it afterwards.
import { Presets, SingleBar } from 'cli-progress';
import mongoose from 'mongoose';
import { parseArgs, positiveInteger } from './cli-args';
import { openDatabase, type Database } from './database';
import { seedDatabase, type SeedResult } from './dataset';

export const DEFAULT_DATA_DIR = 'data/bench';

export interface SeedRun extends SeedResult {
  seconds: number;
}

/** Seeds the database at `uri`, drawing a progress bar on stderr; refuses a non-empty one unless reset. */
export async function seed(
  uri: string,
  options: {
    customers: number;
    payments: number;
    reset: boolean;
    batchSize?: number;
    quiet?: boolean;
  },
): Promise<SeedRun> {
  const connection = await mongoose.createConnection(uri, { autoIndex: false }).asPromise();
  try {
    const db = connection.db!;
    if (options.reset) {
      await Promise.all(
        ['customers', 'payments', 'counters'].map((name) =>
          db.dropCollection(name).catch(() => false),
        ),
      );
    } else if ((await db.collection('payments').estimatedDocumentCount()) > 0) {
      throw new Error('The database already has payments; pass --reset to replace them.');
    }
    const bar = new SingleBar(
      {
        format:
          ' {phase} |{bar}| {percentage}% | {value}/{total} documents | {rate}/s | ETA {eta_formatted}',
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5000,
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    let written = 0;
    if (!options.quiet)
      bar.start(options.customers + options.payments, 0, { phase: 'payments', rate: 0 });
    const result = await seedDatabase(connection, {
      customers: options.customers,
      payments: options.payments,
      batchSize: options.batchSize ?? 1000,
      seed: 20261204,
      onProgress: (phase, count) => {
        written += count;
        const rate = Math.round(written / ((Date.now() - started) / 1000));
        if (!options.quiet) bar.update(written, { phase: phase.padEnd(9), rate });
      },
    });
    if (!options.quiet) bar.stop();
    return { ...result, seconds: (Date.now() - started) / 1000 };
  } finally {
    await connection.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      payments: { type: 'string' },
      'batch-size': { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  const customers = positiveInteger('customers', values.customers, 1000);
  const payments = positiveInteger('payments', values.payments, 10_000);
  const batchSize = positiveInteger('batch-size', values['batch-size'], 1000) || 1000;
  if (customers < 1) throw new Error('--customers must be at least 1');

  let database: Database | undefined;
  const stop = () => void database?.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    database = await openDatabase({
      mongoUri: process.env.MONGO_URI,
      dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
    });
    console.error(`Seeding ${database.description}: ${customers} customers, ${payments} payments`);
    const run = await seed(database.uri, { customers, payments, reset: values.reset, batchSize });
    const rate = Math.round((run.customers + run.payments) / run.seconds);
    console.log(
      `Seeded ${run.customers} customers and ${run.payments} payments (${run.reassigned} reassigned) ` +
        `in ${run.seconds.toFixed(1)} s (${rate} documents/s).`,
    );
  } finally {
    await database?.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
