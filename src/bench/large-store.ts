import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import KeyvSqlite from '@keyv/sqlite';
import { createStore } from '../store/keyv-store.js';
import type { LargeStoreReading } from './large-store-read.js';
import { percentile, timeCrisisStatus } from './status-latency.js';

/** Runs a compiled bench script beside this one in a child process and resolves to the first message it sends. */
function runChild<T>(script: string, args: readonly string[]): Promise<T> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), args);
  return new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} stopped with exit code ${code}`)));
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const int = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * A store that has followed `total` threads over a year, `open` of them still open, in SQLite: how long it
 * takes to open, to stream every thread (and the memory that takes), to list the open ones and to answer
 * `/crisis status`; last, the first opening of the same file without its indexes, as after an upgrade.
 * Threads are written through the Store, so its indexes are kept as in production; writing and reading
 * each run in a process of their own, so neither the writing nor the other benches weigh on the memory figure.
 */
export async function benchLargeStore(total = 100_000, open = 300, runs = 20): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bulssi-bench-large-'));
  const path = join(dir, 'large.sqlite');
  const fillMs = await runChild<number>('./large-store-fill.js', [
    path,
    String(total),
    String(open),
    String(Date.now()),
  ]);
  const read = await runChild<LargeStoreReading>('./large-store-read.js', [path]);

  const store = await createStore({ path });
  const times = await timeCrisisStatus(store, runs);
  await store.close();

  const raw = new KeyvSqlite({ uri: `sqlite://${path}` });
  const indexes = (await raw.query(
    `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'keyv_threads_%'`,
  )) as { name: string }[];
  for (const { name } of indexes) await raw.query(`DROP INDEX ${name}`);
  await raw.disconnect();
  const upgradeStart = performance.now();
  await (await createStore({ path })).close();
  const upgradeMs = performance.now() - upgradeStart;
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `large store: ${int(total)} threads (${int(read.open.count)} open) written in ${(fillMs / 1000).toFixed(1)} s; ` +
      `opened in ${ms(read.openMs)}; all ${int(read.all.count)} streamed in ${(read.all.ms / 1000).toFixed(2)} s, ` +
      `peak RSS ${mb(read.all.peakRss)} (${mb(read.all.rssBefore)} before)`,
  );
  console.log(
    `large store: ${int(read.open.count)} open threads listed in ${ms(read.open.ms)} (${ms(read.open.againMs)} again), ` +
      `${int(read.pending.count)} pending alerts in ${ms(read.pending.ms)}, counts by state in ${ms(read.countsMs)}; ` +
      `first open without its indexes (building them) ${(upgradeMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `/crisis status: ${int(total)} threads in SQLite (${int(read.open.count)} open), reply after p50 ${percentile(times, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(0)} ms over ${runs} commands (target < 300 ms)`,
  );
}
