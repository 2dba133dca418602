import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.js';
import { createMemoryValidatorCache } from '../../src/http/memory-validator-cache.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';

let server: FixtureServer;
beforeEach(async () => {
  server = await startFixtureServer({
    '/feed': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss/>');
    },
  });
});
afterEach(() => server.close());

describe('deferred validators', () => {
  it('are remembered only when the caller writes them, so an unfinished scan refetches in full', async () => {
    const validators = createMemoryValidatorCache();
    const http = createHttpClient({
      config: {
        timeoutMs: 2000,
        maxBodyBytes: 64 * 1024,
        retries: 0,
        maxRetryAfterMs: 5000,
        perHostConcurrency: 4,
        perHostIntervalMs: 0,
        respectRobots: false,
        allowPrivateNetworks: false,
      },
      validators,
    });
    const writes: (() => Promise<void>)[] = [];
    const options = {
      conditional: true,
      deferValidators: (write: () => Promise<void>) => writes.push(write),
    };

    expect((await http.fetchText(`${server.url}/feed`, options)).status).toBe(200);
    expect(writes).toHaveLength(1);
    expect(await validators.get(`${server.url}/feed`)).toBeUndefined();
    // The process "died" before writing: the next fetch is in full, not a 304.
    expect((await http.fetchText(`${server.url}/feed`, options)).notModified).toBe(false);

    for (const write of writes) await write();
    expect(await validators.get(`${server.url}/feed`)).toEqual({ etag: '"v1"' });
    expect((await http.fetchText(`${server.url}/feed`, options)).notModified).toBe(true);
  });
});
