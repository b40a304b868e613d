// Builds the web app only when its production build is missing or older than its sources, so
// `npm start` and the browser tests rebuild after a change and start at once otherwise.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const webDir = resolve(__dirname, '..');
const repositoryRoot = resolve(webDir, '../..');
const buildMarker = join(webDir, '.next', 'BUILD_ID');

/** What a production build is made from; a change to any of them makes the build stale. */
const SOURCES = [
  join(webDir, 'src'),
  join(webDir, 'public'),
  join(webDir, 'next.config.ts'),
  join(webDir, 'tsconfig.json'),
  join(webDir, 'package.json'),
  join(repositoryRoot, 'packages', 'api-client', 'src'),
  join(repositoryRoot, 'package-lock.json'),
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stats.mtimeMs,
  );
}

/** True when `marker` (a file every build writes) is missing or older than any of `sources`. */
export function isStale(marker: string, sources: readonly string[]): boolean {
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  return sources.some((source) => newestChange(source) > builtAt);
}

export function webBuildIsStale(): boolean {
  return isStale(buildMarker, SOURCES);
}

/** The Next.js command line, run with this Node.js so no shell or PATH lookup is involved. */
export function nextCommand(args: string[]): [string, string[]] {
  return [process.execPath, [require.resolve('next/dist/bin/next'), ...args]];
}

export const webEnvironment = { NEXT_TELEMETRY_DISABLED: '1' };

/**
 * Runs `next build` if the build is stale. `onSpawn` gets the build's process, so a launcher
 * can stop it on Ctrl-C.
 */
export async function ensureWebBuild(
  log: (message: string) => void,
  onSpawn: (child: ChildProcess) => void = () => undefined,
): Promise<void> {
  if (!webBuildIsStale()) return;
  log('Building the web app (only when its sources changed; about half a minute)…');
  const [command, args] = nextCommand(['build']);
  const child = spawn(command, args, {
    cwd: webDir,
    env: { ...process.env, ...webEnvironment },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  onSpawn(child);
  await new Promise<void>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
