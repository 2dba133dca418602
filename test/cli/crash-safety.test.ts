import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../src/core/thread-schema.js';
import { createStore } from '../../src/store/keyv-store.js';
import { boardWorkspace, startBoardFeed } from '../helpers/crash-board.js';
import type { FixtureServer } from '../helpers/fixture-server.js';
import { runCli, spawnCli } from '../helpers/run-cli.js';

/**
 * Kills the real `bulssi scan --once` with SIGKILL at many points (after the k-th alert is printed, or
 * after a delay), runs it again until a scan completes, and checks what a crash may and may not do.
 */

const RISKY = 24;
const CALM = 8;

let server: FixtureServer;
beforeAll(async () => {
  server = await startBoardFeed(RISKY, CALM);
});
afterAll(() => server.close());

function workspace(): string {
  return boardWorkspace(`${server.url}/feed.xml`, 'bulssi-crash-');
}

/** Thread ids of the alert blocks in console output, in print order. */
const printedThreads = (stdout: string) =>
  [...stdout.matchAll(/^ {2}thread\s+(\S+) \(/gm)].map((m) => m[1] ?? '');

/** Kill once `afterAlerts` alerts were printed, `thenMs` later (0: at once); or `afterMs` after the start. */
type Kill = { afterAlerts: number; thenMs?: number } | { afterMs: number };

/** One run killed with SIGKILL at `kill`; resolves to what it printed before dying. */
function runAndKill(cwd: string, kill: Kill): Promise<{ stdout: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(['scan', '--once'], { cwd });
    let stdout = '';
    let killed = false;
    const killNow = () => {
      if (killed || child.exitCode !== null) return;
      killed = child.kill('SIGKILL');
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if ('afterAlerts' in kill && printedThreads(stdout).length >= kill.afterAlerts) {
        if (kill.thenMs) setTimeout(killNow, kill.thenMs);
        else killNow();
      }
    });
    const timer = 'afterMs' in kill ? setTimeout(killNow, kill.afterMs) : undefined;
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout, killed });
    });
    child.stdin?.end();
  });
}

async function trial(kills: Kill[]) {
  const cwd = workspace();
  const runs: { stdout: string; killed: boolean }[] = [];
  for (const kill of kills) runs.push(await runAndKill(cwd, kill));
  const last = await runCli(['scan', '--once'], { cwd });
  // Read back as the bot does: every record validated, an invalid one reported (and quarantined).
  const invalid: string[] = [];
  const store = await createStore({
    path: join(cwd, 'data', 'bulssi.sqlite'),
    onInvalid: (error) => invalid.push(error.message),
  });
  const threads: Thread[] = [];
  try {
    for await (const thread of store.threads()) threads.push(thread);
  } finally {
    await store.close();
  }
  return { runs, last, threads, invalid };
}

const PLANS: Kill[][] = [
  [{ afterAlerts: 1 }],
  [{ afterAlerts: 2 }],
  [{ afterAlerts: 5 }],
  [{ afterAlerts: 11 }],
  [{ afterAlerts: 17 }],
  [{ afterAlerts: 23 }],
  [{ afterAlerts: RISKY }],
  [{ afterAlerts: 1, thenMs: 3 }],
  [{ afterAlerts: 8, thenMs: 7 }],
  [{ afterAlerts: RISKY, thenMs: 15 }],
  [{ afterAlerts: 3 }, { afterAlerts: 4, thenMs: 2 }],
  [{ afterMs: 400 }, { afterAlerts: 1 }, { afterAlerts: 2, thenMs: 5 }],
];

describe('kill -9 during a scan', () => {
  it('loses no thread and no alert, and repeats at most the one alert being printed when killed', async () => {
    const results = [];
    // A few at a time: quicker, and the load only spreads the kill points further.
    for (let i = 0; i < PLANS.length; i += 3) {
      results.push(...(await Promise.all(PLANS.slice(i, i + 3).map((plan) => trial(plan)))));
    }

    let killedRuns = 0;
    let repeated = 0;
    for (const [index, { runs, last, threads, invalid }] of results.entries()) {
      const plan = JSON.stringify(PLANS[index]);
      expect(last.code, `${plan}: ${last.stderr}`).toBe(0);
      expect(invalid, plan).toEqual([]);
      expect(last.stderr, plan).not.toMatch(/quarantine|not valid/i);

      // Every post is tracked once, and every risky one ends with its alert recorded as sent.
      expect(threads, plan).toHaveLength(RISKY + CALM);
      const riskyThreads = threads.filter((t) => t.title.includes('벌레'));
      expect(riskyThreads, plan).toHaveLength(RISKY);
      for (const t of riskyThreads) expect(t.alert?.status, `${plan} ${t.title}`).toBe('sent');
      for (const t of threads.filter((t) => !t.title.includes('벌레'))) expect(t.alert, plan).toBeUndefined();

      // Console alerts across all runs: each risky thread at least once; a thread is printed again only
      // when a run died after printing it and before recording it as sent, so at most once per kill,
      // and only the last alert that run printed.
      const outputs = [...runs.map((r) => r.stdout), last.stdout];
      const counts = new Map<string, number>();
      for (const id of outputs.flatMap(printedThreads)) counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const t of riskyThreads)
        expect(counts.get(t.id) ?? 0, `${plan} ${t.title}`).toBeGreaterThanOrEqual(1);
      expect(
        [...counts.keys()].every((id) => riskyThreads.some((t) => t.id === id)),
        plan,
      ).toBe(true);
      const lastPrintedByKilled = new Set(
        runs.filter((r) => r.killed).map((r) => printedThreads(r.stdout).at(-1)),
      );
      for (const [id, count] of counts) {
        if (count > 1) {
          expect(count, plan).toBe(2);
          expect(lastPrintedByKilled.has(id), `${plan}: ${id} printed twice`).toBe(true);
          repeated += 1;
        }
      }
      killedRuns += runs.filter((r) => r.killed).length;
      expect(repeated).toBeLessThanOrEqual(killedRuns);
    }
    // The plans must actually have killed runs mid-scan, or the test proves nothing.
    expect(killedRuns).toBeGreaterThanOrEqual(PLANS.length);
  }, 60_000);
});
