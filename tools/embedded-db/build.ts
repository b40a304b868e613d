// `npm run build -w @malipo/embedded-db`: builds the FerretDB binary into the cache ahead of time.
import { ensureBuilt } from './index';

ensureBuilt().then(
  (binary) => console.log(`FerretDB is ready: ${binary}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
