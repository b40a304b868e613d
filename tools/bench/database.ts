// The database a seed or a benchmark runs against: the one MONGO_URI names, or an embedded
// FerretDB on SQLite files in a data directory (started here and stopped with `stop`).
import { resolve } from 'node:path';
import { startEmbeddedDb } from '@malipo/embedded-db';

export const DATABASE_NAME = 'malipo';
export const repositoryRoot = resolve(__dirname, '../..');

export interface Database {
  /** Connection string including the database name. */
  uri: string;
  /** What it is, for reports: "FerretDB 1.24 (SQLite) in data/bench" or "MONGO_URI". */
  description: string;
  /** The server process when it is embedded, for memory readings. */
  pid?: number;
  stop(): Promise<void>;
}

function withDatabaseName(uri: string, name?: string): string {
  const url = new URL(uri);
  if (name) url.pathname = `/${name}`;
  else if (url.pathname === '' || url.pathname === '/') url.pathname = `/${DATABASE_NAME}`;
  return url.toString();
}

export async function openDatabase(options: {
  mongoUri?: string;
  dataDir: string;
  /** On MONGO_URI, use this database instead of the one it names (the bench's own). */
  databaseName?: string;
}): Promise<Database> {
  if (options.mongoUri) {
    const uri = withDatabaseName(options.mongoUri, options.databaseName);
    return {
      uri,
      description: `the server at MONGO_URI, database ${new URL(uri).pathname.slice(1)}`,
      stop: () => Promise.resolve(),
    };
  }
  const dataDir = resolve(repositoryRoot, options.dataDir);
  const db = await startEmbeddedDb({ dataDir, log: (message) => console.error(message) });
  return {
    uri: `${db.uri}${DATABASE_NAME}`,
    description: `embedded FerretDB 1.24 on SQLite in ${options.dataDir}`,
    pid: db.process.pid,
    stop: () => db.stop(),
  };
}
