import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '@malipo/embedded-db';

declare global {
  var embeddedDb: EmbeddedDb | undefined;
}

/** With MONGO_URI set the suite runs against that server; otherwise against a fresh FerretDB. */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URI) {
    process.env.TEST_MONGO_URI = process.env.MONGO_URI;
    return;
  }
  const db = await startEmbeddedDb({ dataDir: mkdtempSync(join(tmpdir(), 'malipo-test-db-')) });
  globalThis.embeddedDb = db;
  process.env.TEST_MONGO_URI = db.uri;
}
