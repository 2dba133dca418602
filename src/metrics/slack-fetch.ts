import type { webApi } from '@slack/bolt';
import type { Metrics } from './metrics.js';

/** The Web API method of a Slack URL (".../api/chat.postMessage" → chat.postMessage); response_url otherwise. */
export function slackMethodOf(url: string | URL): string {
  const path = new URL(String(url)).pathname;
  const method = /\/api\/([A-Za-z0-9_.]+)$/.exec(path)?.[1];
  return method ?? 'response_url';
}

/**
 * Wraps the fetch the Slack Web API client uses (WebClientOptions.fetch) so each HTTP attempt, retries and
 * 429s included, is timed into `metrics`. The answer is passed through untouched.
 */
export function instrumentSlackFetch(
  metrics: Pick<Metrics, 'observeSlackCall'>,
  fetchFn: webApi.FetchFunction = globalThis.fetch as webApi.FetchFunction,
): webApi.FetchFunction {
  return async (url, init) => {
    const method = slackMethodOf(url);
    const started = performance.now();
    try {
      const response = await fetchFn(url, init);
      metrics.observeSlackCall(method, response.status, (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      metrics.observeSlackCall(method, 'error', (performance.now() - started) / 1000);
      throw error;
    }
  };
}
