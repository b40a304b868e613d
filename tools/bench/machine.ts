// What the benchmark ran on, and what its processes use: read from the OS (Linux /proc), so
// the numbers are the kernel's, not estimates.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started: other work on the machine skews results. */
  loadAverage: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  };
}

/** Resident memory of a process in MiB, or null when it is gone (or not on Linux). */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Waits until the processes are (nearly) idle: after a load run the server may still be working
 * off requests the client gave up on, and that must not spill into the next measurement.
 */
export async function waitUntilIdle(pids: number[], maxMs = 60_000): Promise<number> {
  const started = Date.now();
  let before = pids.map(cpuSeconds);
  while (Date.now() - started < maxMs) {
    await sleep(300);
    const now = pids.map(cpuSeconds);
    const busy = now.some((seconds, i) => seconds - before[i] > 0.3 * 0.3);
    before = now;
    if (!busy) break;
  }
  return Date.now() - started;
}

/** Samples the resident memory of a process until stopped; keeps the peak. */
export class MemoryWatch {
  /** Peak over the whole run. */
  peakMiB = 0;
  /** Peak since the last `startWindow`. */
  windowPeakMiB = 0;
  lastMiB = 0;
  private timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  startWindow(): void {
    this.windowPeakMiB = this.lastMiB;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const rss = rssMiB(this.pid);
    if (rss === null) return;
    this.lastMiB = rss;
    this.peakMiB = Math.max(this.peakMiB, rss);
    this.windowPeakMiB = Math.max(this.windowPeakMiB, rss);
  }
}
