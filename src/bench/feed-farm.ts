import { Worker } from 'node:worker_threads';
import { configFrom } from '../config/load.js';
import type { Config, ConfigInput } from '../config/schema.js';

/** `feeds` RSS feeds of `items` items each, served from a worker thread on 127.0.0.1. */
export interface FeedFarm {
  /** Base URL; feed n is at `${base}/feed/${n}.xml`. */
  base: string;
  close(): void;
}

export async function startFeedFarm(feeds: number, items: number): Promise<FeedFarm> {
  const worker = new Worker(new URL('./feed-farm-worker.js', import.meta.url), {
    workerData: { feeds, items },
  });
  const base = await new Promise<string>((resolve) => worker.once('message', resolve));
  return { base, close: () => worker.postMessage('close') };
}

/** A config watching 한빛푸드 on every feed of the farm, storing in `storePath`; `extra` adds keys. */
export function feedFarmConfig(
  farm: FeedFarm,
  feeds: number,
  storePath: string,
  extra: Partial<ConfigInput> = {},
): Config {
  return configFrom({
    watch: { brands: [{ name: '한빛푸드', aliases: ['Hanbit Foods'] }] },
    sources: Array.from({ length: feeds }, (_, n) => ({
      id: `feed-${n}`,
      type: 'feed' as const,
      url: `${farm.base}/feed/${n}.xml`,
    })),
    // Every feed is on one loopback host: lift the politeness limits meant for real sites.
    http: { perHostConcurrency: 16, perHostIntervalMs: 0 },
    store: { path: storePath },
    ...extra,
  });
}
