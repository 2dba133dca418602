import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { FetchError, stripUrlAuth } from '../errors.js';
import { type BlockedKind, classifyAddress } from './address-ranges.js';

export const BLOCKED_ADDRESS = 'ERR_BLOCKED_ADDRESS';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The shape of dns.lookup that http.request and got's `dnsLookup` accept. */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/** Resolves every address of a host (dns.lookup with all: true by default; tests pass their own). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

/** Which addresses are refused: classifyAddress by default. */
export interface AddressPolicy {
  resolveAll?: ResolveAll | undefined;
  classify?: ((address: string) => BlockedKind | undefined) | undefined;
}

const resolveWithDns: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true } satisfies LookupAllOptions, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/** ERR_BLOCKED_ADDRESS: `target` is a URL or host name, credentials stripped. */
export function blockedAddressError(target: string, address: string, kind: BlockedKind): FetchError {
  const safe = stripUrlAuth(target);
  let host = safe;
  try {
    host = bareHost(new URL(safe));
  } catch {
    // a bare host name, as a lookup sees it
  }
  const where = host === address ? safe : `${safe} (${address})`;
  return new FetchError(
    BLOCKED_ADDRESS,
    `${where} is a ${kind} address, not the public internet; refused for a source added from outside the ` +
      'config file. Set http.allowPrivateNetworks: true in the config to allow it.',
    safe,
  );
}

/** Host name of a URL without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * The first address of a URL's host (the host itself when it is an IP) outside the public internet, with its
 * kind; undefined when every address is public. Rejects when the name cannot be resolved.
 */
export async function findNonPublicAddress(
  url: URL,
  policy: AddressPolicy = {},
): Promise<{ address: string; kind: BlockedKind } | undefined> {
  const { resolveAll = resolveWithDns, classify = classifyAddress } = policy;
  const host = bareHost(url);
  const addresses = isIP(host) ? [host] : (await resolveAll(host)).map((a) => a.address);
  for (const address of addresses) {
    const kind = classify(address);
    if (kind) return { address, kind };
  }
  return undefined;
}

/**
 * Refuses a URL whose host is, or resolves to, an address outside the public internet. Every resolved
 * address must be public: one private answer among public ones is refused too.
 */
export async function assertPublicUrl(url: URL, policy: AddressPolicy = {}): Promise<void> {
  const found = await findNonPublicAddress(url, policy);
  if (found) throw blockedAddressError(url.href, found.address, found.kind);
}

/**
 * A dns.lookup for sockets of untrusted fetches: resolves, refuses when any address is not public, and
 * otherwise answers in the shape the caller asked for. Checking at connect time covers redirects to host
 * names and a name that changes its answer between a check and the connection.
 */
export function createGuardedLookup(policy: AddressPolicy = {}): LookupFunction {
  const { resolveAll = resolveWithDns, classify = classifyAddress } = policy;
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (all) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = family ? all.filter((a) => a.family === family) : all;
        for (const { address } of all) {
          const kind = classify(address);
          if (kind) {
            callback(blockedAddressError(hostname, address, kind) as NodeJS.ErrnoException, '', 0);
            return;
          }
        }
        const first = usable[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * got `beforeRedirect` hook: a redirect to an IP literal never reaches the lookup, so it is checked here
 * (host names are checked by the guarded lookup when the socket connects).
 */
export function createRedirectGuard(
  policy: AddressPolicy = {},
): (options: { url?: URL | string | undefined }) => void {
  const { classify = classifyAddress } = policy;
  return (options) => {
    if (!options.url) return;
    const url = typeof options.url === 'string' ? new URL(options.url) : options.url;
    const host = bareHost(url);
    if (!isIP(host)) return;
    const kind = classify(host);
    if (kind) throw blockedAddressError(url.href, host, kind);
  };
}

/** The ERR_BLOCKED_ADDRESS refusal inside a got error (hooks and lookups are wrapped), if any. */
export function findBlockedAddress(error: unknown, url: string): FetchError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof FetchError && current.code === BLOCKED_ADDRESS) return current;
    if ((current as { code?: unknown }).code === BLOCKED_ADDRESS) {
      return new FetchError(BLOCKED_ADDRESS, (current as Error).message, url);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
