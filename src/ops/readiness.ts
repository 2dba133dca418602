import { redactSecrets } from '../logger.js';

export interface ReadinessCheckResult {
  name: 'store' | 'slack';
  ok: boolean;
  /** What failed, secrets redacted. */
  error?: string;
  /** The Slack answer came from the cache rather than a new call. */
  cached?: boolean;
}

export interface ReadinessReport {
  ready: boolean;
  checks: ReadinessCheckResult[];
}

export interface ReadinessDeps {
  /** A cheap read from the store; it throws when the store cannot be read. */
  readStore: () => Promise<unknown>;
  /** Slack mode: auth.test (throws when Slack is unreachable or refuses the token); absent in terminal mode. */
  pingSlack?: (() => Promise<unknown>) | undefined;
  /** How long a good Slack answer is reused, ms. Default 30 s: probes every few seconds cost no API calls. */
  slackOkTtlMs?: number;
  /** How long a failed Slack answer is reused, ms. Default 5 s. */
  slackFailTtlMs?: number;
  /** Each check gives up after this long, ms. Default 3 s. */
  timeoutMs?: number;
  /** ms since epoch. */
  now?: () => number;
  env?: Readonly<Record<string, string | undefined>>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `/readyz`: ready when the store can be read and, in Slack mode, Slack answers auth.test. The Slack answer
 * is cached (and concurrent probes share one call), so a load balancer probing often costs no rate limit.
 */
export function createReadinessCheck(deps: ReadinessDeps): () => Promise<ReadinessReport> {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const okTtl = deps.slackOkTtlMs ?? 30_000;
  const failTtl = deps.slackFailTtlMs ?? 5_000;
  const describe = (error: unknown) =>
    redactSecrets(error instanceof Error ? error.message : String(error), deps.env);
  let slackCache: { result: ReadinessCheckResult; until: number } | undefined;
  let slackInFlight: Promise<ReadinessCheckResult> | undefined;

  const checkStore = async (): Promise<ReadinessCheckResult> => {
    try {
      await withTimeout(deps.readStore(), timeoutMs, 'the store');
      return { name: 'store', ok: true };
    } catch (error) {
      return { name: 'store', ok: false, error: describe(error) };
    }
  };

  const checkSlack = async (ping: () => Promise<unknown>): Promise<ReadinessCheckResult> => {
    if (slackCache && slackCache.until > now()) return { ...slackCache.result, cached: true };
    slackInFlight ??= (async () => {
      let result: ReadinessCheckResult;
      try {
        await withTimeout(ping(), timeoutMs, 'Slack (auth.test)');
        result = { name: 'slack', ok: true };
      } catch (error) {
        result = { name: 'slack', ok: false, error: describe(error) };
      }
      slackCache = { result, until: now() + (result.ok ? okTtl : failTtl) };
      return result;
    })().finally(() => {
      slackInFlight = undefined;
    });
    return slackInFlight;
  };

  return async () => {
    const pending = [checkStore()];
    if (deps.pingSlack) pending.push(checkSlack(deps.pingSlack));
    const checks = await Promise.all(pending);
    return { ready: checks.every((c) => c.ok), checks };
  };
}
