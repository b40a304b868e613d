import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.embeddedDb;
  if (!db) return;
  await db.stop();
  rmSync(db.dataDir, { recursive: true, force: true });
}
