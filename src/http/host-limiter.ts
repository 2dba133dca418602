import PQueue from 'p-queue';

/** Keeps Bulssi polite per host: a few requests at a time and a minimum gap between request starts. */
export interface HostLimiter {
  /** Runs `task` once `host` has a free slot and the gap since the previous start to that host has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Starts no request to `host` before `untilMs` (ms since epoch), e.g. after a 429 with Retry-After. */
  holdUntil(host: string, untilMs: number): void;
  /** Widens the gap between starts for one host (robots.txt Crawl-delay), ms; never below the configured gap. */
  widenInterval(host: string, intervalMs: number): void;
}

export interface HostLimiterOptions {
  /** Requests in flight at once per host. */
  concurrency: number;
  /** Minimum gap between two request starts to the same host, ms. */
  intervalMs: number;
  /** ms since epoch. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  queue: PQueue;
  /** Earliest start of the next request, ms since epoch. */
  nextStartMs: number;
  intervalMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One p-queue per host for concurrency; the gap is reserved in queue order (first come, first served), so
 * a burst of N requests to one host starts over (N - 1) × intervalMs. Keys are `URL#host` (host:port).
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const hosts = new Map<string, HostState>();

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = {
        queue: new PQueue({ concurrency: options.concurrency }),
        nextStartMs: 0,
        intervalMs: options.intervalMs,
      };
      hosts.set(host, state);
    }
    return state;
  };

  return {
    run(host, task) {
      const state = stateOf(host);
      return state.queue.add(async () => {
        const current = now();
        const startAt = Math.max(current, state.nextStartMs);
        state.nextStartMs = startAt + state.intervalMs;
        if (startAt > current) await sleep(startAt - current);
        return task();
      });
    },
    holdUntil(host, untilMs) {
      const state = stateOf(host);
      state.nextStartMs = Math.max(state.nextStartMs, untilMs);
    },
    widenInterval(host, intervalMs) {
      const state = stateOf(host);
      state.intervalMs = Math.max(options.intervalMs, intervalMs);
    },
  };
}
