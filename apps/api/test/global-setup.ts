import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '@malipo/embedded-db';

declare global {
  var embeddedDb: EmbeddedDb | undefined;
}

/** With MONGO_URI set the suite runs against that server; otherwise against a fresh FerretDB. */
export default async function globalSetup(): Promise<void> {
  // Some tests run the built API as a process of its own (logs, shutdown): build it once here,
  // not in each of them at once.
  execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '..'), stdio: 'ignore' });
  if (process.env.MONGO_URI) {
    process.env.TEST_MONGO_URI = process.env.MONGO_URI;
    return;
  }
  const db = await startEmbeddedDb({ dataDir: mkdtempSync(join(tmpdir(), 'malipo-test-db-')) });
  globalThis.embeddedDb = db;
  process.env.TEST_MONGO_URI = db.uri;
}
