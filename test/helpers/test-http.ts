import { httpSchema } from '../../src/config/schema.js';
import { createHttpClient } from '../../src/http/client.js';
import type { FetchOptions, HttpClient } from '../../src/http/types.js';

export interface RecordingHttp extends HttpClient {
  /** Every call in order, with its options, for assertions. */
  calls: { url: string; options: FetchOptions | undefined }[];
}

/**
 * The real HTTP client (charset sniffing, conditional GET, robots.txt, retries) with settings for loopback
 * tests: no pacing, short timeouts, quick retries. Records each call so tests can assert on the options.
 */
export function createTestHttp(overrides: Partial<ReturnType<typeof httpSchema.parse>> = {}): RecordingHttp {
  const config = httpSchema.parse({ perHostIntervalMs: 0, timeoutMs: 3_000, retries: 1, ...overrides });
  const client = createHttpClient({ config, retryBaseMs: 5, retryMaxMs: 20 });
  const calls: RecordingHttp['calls'] = [];
  return {
    calls,
    fetchText(url, options) {
      calls.push({ url, options });
      return client.fetchText(url, options);
    },
  };
}
