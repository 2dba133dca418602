import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.js';
import type { AddressPolicy } from '../../src/http/address-guard.js';
import { classifyAddress } from '../../src/http/address-ranges.js';
import { createHttpClient, type HttpConfig } from '../../src/http/client.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';

const CONFIG: HttpConfig = {
  timeoutMs: 2000,
  maxBodyBytes: 64 * 1024,
  retries: 0,
  maxRetryAfterMs: 5000,
  perHostConcurrency: 4,
  perHostIntervalMs: 0,
  respectRobots: true,
  allowPrivateNetworks: false,
};

/**
 * Every test server is on loopback, so a "public" site is played by a server on 127.0.0.2 that the policy
 * treats as public; every other address is classified as in production.
 */
const PUBLIC_STAND_IN = '127.0.0.2';
const policy = (hosts: Record<string, string> = {}): AddressPolicy => ({
  resolveAll: async (hostname) => {
    const address = hosts[hostname];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: 4 }];
  },
  classify: (address) => (address === PUBLIC_STAND_IN ? undefined : classifyAddress(address)),
});

let internal: FixtureServer;
let publicSite: Server;
let publicPort: number;
let redirectTo = '';
let robotsRedirectTo = '';
beforeEach(async () => {
  redirectTo = '';
  robotsRedirectTo = '';
  internal = await startFixtureServer({
    '/secret': respond(200, 'internal admin page', { 'content-type': 'text/plain' }),
  });
  publicSite = createServer((req, res) => {
    if (req.url === '/robots.txt' && robotsRedirectTo)
      res.writeHead(302, { location: robotsRedirectTo }).end();
    else if (req.url === '/robots.txt') res.writeHead(404).end();
    else if (req.url === '/go') res.writeHead(302, { location: redirectTo }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('public page');
  });
  await new Promise<void>((resolve) => publicSite.listen(0, PUBLIC_STAND_IN, resolve));
  publicPort = (publicSite.address() as AddressInfo).port;
});
afterEach(async () => {
  await internal.close();
  publicSite.closeAllConnections();
  await new Promise((resolve) => publicSite.close(resolve));
});

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const internalHits = () => internal.requests.filter((r) => r.path === '/secret').length;

describe('untrusted fetches', () => {
  it('reach a public host', async () => {
    const http = createHttpClient({
      config: CONFIG,
      addressPolicy: policy({ 'news.example': PUBLIC_STAND_IN }),
    });
    const page = await http.fetchText(`http://news.example:${publicPort}/page`, {
      untrusted: true,
      robots: true,
    });
    expect(page.body).toBe('public page');
  });

  it('refuse a redirect to 127.0.0.1 with ERR_BLOCKED_ADDRESS, and the internal server is never asked', async () => {
    redirectTo = `${internal.url}/secret`;
    const http = createHttpClient({
      config: CONFIG,
      addressPolicy: policy({ 'news.example': PUBLIC_STAND_IN }),
    });
    const error = await refusal(http.fetchText(`http://news.example:${publicPort}/go`, { untrusted: true }));
    expect(error.code).toBe('ERR_BLOCKED_ADDRESS');
    expect(error.message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/secret is a loopback address.*http\.allowPrivateNetworks: true/,
    );
    expect(internalHits()).toBe(0);
  });

  it('refuse a redirect to a host name that resolves to a private address', async () => {
    const port = new URL(internal.url).port;
    redirectTo = `http://intranet.example:${port}/secret`;
    const http = createHttpClient({
      config: CONFIG,
      addressPolicy: policy({ 'news.example': PUBLIC_STAND_IN, 'intranet.example': '127.0.0.1' }),
    });
    const error = await refusal(http.fetchText(`http://news.example:${publicPort}/go`, { untrusted: true }));
    expect(error.code).toBe('ERR_BLOCKED_ADDRESS');
    expect(error.message).toContain('intranet.example');
    expect(internalHits()).toBe(0);
  });

  it.each([
    ['a loopback IP', (url: string) => `${url}/secret`],
    ['an IPv4-mapped IPv6 loopback', (url: string) => `http://[::ffff:7f00:1]:${new URL(url).port}/secret`],
    ['localhost, resolved through DNS', (url: string) => `http://localhost:${new URL(url).port}/secret`],
  ])('refuse %s before any request, robots.txt included', async (_name, target) => {
    const http = createHttpClient({ config: CONFIG });
    const error = await refusal(http.fetchText(target(internal.url), { untrusted: true, robots: true }));
    expect(error.code).toBe('ERR_BLOCKED_ADDRESS');
    expect(internal.requests).toHaveLength(0);
  });

  it('fetch robots.txt through the guard too: a robots.txt redirecting to 127.0.0.1 is not followed', async () => {
    robotsRedirectTo = `${internal.url}/robots.txt`;
    const http = createHttpClient({ config: CONFIG, addressPolicy: policy() });
    const page = await http.fetchText(`http://${PUBLIC_STAND_IN}:${publicPort}/page`, {
      untrusted: true,
      robots: true,
    });
    expect(page.body).toBe('public page');
    expect(internal.requests).toHaveLength(0);
  });

  it('refuse robots.txt when its host resolves to loopback by the time it is fetched', async () => {
    // The name passes the first check as public, then answers with loopback (DNS rebinding).
    let lookups = 0;
    const rebinding: AddressPolicy = {
      resolveAll: async () => {
        lookups += 1;
        return [{ address: lookups === 1 ? PUBLIC_STAND_IN : '127.0.0.1', family: 4 }];
      },
      classify: policy().classify,
    };
    const http = createHttpClient({ config: CONFIG, addressPolicy: rebinding });
    const port = new URL(internal.url).port;
    const error = await refusal(
      http.fetchText(`http://localhost:${port}/secret`, { untrusted: true, robots: true }),
    );
    expect(error.code).toBe('ERR_BLOCKED_ADDRESS');
    expect(lookups).toBeGreaterThan(1);
    expect(internal.requests).toHaveLength(0);
  });

  it('reach private addresses when http.allowPrivateNetworks is true', async () => {
    const http = createHttpClient({ config: { ...CONFIG, allowPrivateNetworks: true } });
    const page = await http.fetchText(`${internal.url}/secret`, { untrusted: true });
    expect(page.body).toBe('internal admin page');
  });
});

describe('fetches for sources from the config file', () => {
  it('are not restricted: a configured source may live on the internal network', async () => {
    redirectTo = `${internal.url}/secret`;
    const http = createHttpClient({ config: CONFIG });
    expect((await http.fetchText(`${internal.url}/secret`)).body).toBe('internal admin page');
    expect((await http.fetchText(`http://${PUBLIC_STAND_IN}:${publicPort}/go`)).body).toBe(
      'internal admin page',
    );
  });
});
