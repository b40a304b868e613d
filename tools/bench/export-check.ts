// The CSV export must stream in constant memory: download it once, count what arrives, and
// watch the API's resident memory while it does.
import { performance } from 'node:perf_hooks';
import { MemoryWatch } from './machine';

export interface ExportResult {
  status: number;
  rows: number;
  megabytes: number;
  seconds: number;
  apiRssBeforeMiB: number;
  apiRssPeakMiB: number;
}

/** Null when the API has no export route. */
export async function measureExport(
  url: string,
  token: string,
  apiPid: number,
): Promise<ExportResult | null> {
  const watch = new MemoryWatch(apiPid, 100);
  const apiRssBeforeMiB = watch.lastMiB;
  const started = performance.now();
  try {
    const response = await fetch(`${url}/payments/export`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body ?? []) {
      const data = chunk as Uint8Array;
      bytes += data.length;
      for (const byte of data) if (byte === 10) lines++;
    }
    return {
      status: response.status,
      rows: Math.max(0, lines - 1),
      megabytes: Math.round((bytes / 2 ** 20) * 10) / 10,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      apiRssBeforeMiB,
      apiRssPeakMiB: watch.peakMiB,
    };
  } finally {
    watch.stop();
  }
}
