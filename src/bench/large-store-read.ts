import type { Thread } from '../core/thread-schema.js';
import { createStore } from '../store/keyv-store.js';

/**
 * Reads the large store at `path` (argument 2) in a fresh process, so the memory figures are those of
 * reading alone: opening, streaming every thread (RSS sampled every 20 ms), listing the open threads and
 * pending alerts, counting by state. Sends a `LargeStoreReading` to the parent.
 */

/** What reading the large store took: milliseconds, thread counts and RSS in bytes. */
export interface LargeStoreReading {
  openMs: number;
  all: { count: number; ms: number; rssBefore: number; peakRss: number };
  open: { count: number; ms: number; againMs: number };
  pending: { count: number; ms: number };
  countsMs: number;
}

async function count(threads: AsyncIterable<Thread>): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  let n = 0;
  for await (const _ of threads) n += 1;
  return { count: n, ms: performance.now() - start };
}

const path = process.argv[2] ?? '';
const openStart = performance.now();
const store = await createStore({ path });
const openMs = performance.now() - openStart;

const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const all = await count(store.threads());
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const open = await count(store.openThreads());
const openAgain = await count(store.openThreads());
const pending = await count(store.pendingAlertThreads());
const countsStart = performance.now();
await store.countThreadsByState();
const countsMs = performance.now() - countsStart;
await store.close();

const reading: LargeStoreReading = {
  openMs,
  all: { ...all, rssBefore, peakRss },
  open: { ...open, againMs: openAgain.ms },
  pending,
  countsMs,
};
process.send?.(reading);
