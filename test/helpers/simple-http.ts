import iconv from 'iconv-lite';
import { FetchError } from '../../src/errors.js';
import type { FetchOptions, FetchResponse, HttpClient } from '../../src/http/types.js';

export interface SimpleHttp extends HttpClient {
  /** Every call in order, with its options, for assertions. */
  calls: { url: string; options: FetchOptions | undefined }[];
}

/** Charset declared in a <meta> or XML declaration near the start of a body read as Latin-1. */
function sniffDeclared(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return (
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1]
  );
}

function codecFor(label: string): string {
  const name = label.toLowerCase();
  return ['euc-kr', 'ks_c_5601-1987', 'cp949', 'uhc', 'windows-949'].includes(name) ? 'cp949' : name;
}

/**
 * A minimal HttpClient over global fetch for source tests: forced encoding → Content-Type charset → <meta> →
 * UTF-8; conditional GET by remembered ETag; non-2xx throws FetchError ERR_HTTP_STATUS. No retries, limits
 * or robots.txt: those belong to the real client and its own tests.
 */
export function createSimpleHttp(): SimpleHttp {
  const etags = new Map<string, string>();
  const calls: SimpleHttp['calls'] = [];
  return {
    calls,
    async fetchText(url, options) {
      calls.push({ url, options });
      const target = new URL(url);
      for (const [name, value] of Object.entries(options?.searchParams ?? {}))
        target.searchParams.set(name, String(value));
      const headers: Record<string, string> = { ...options?.headers };
      const key = target.toString();
      const etag = etags.get(key);
      if (options?.conditional && etag) headers['if-none-match'] = etag;

      const response = await fetch(target, { headers });
      const contentType = response.headers.get('content-type') ?? undefined;
      const base = {
        url: response.url || key,
        status: response.status,
        contentType,
        headers: Object.fromEntries(response.headers),
      };
      if (response.status === 304)
        return { ...base, notModified: true, body: '', charset: 'utf-8' } satisfies FetchResponse;
      if (!response.ok) {
        throw new FetchError('ERR_HTTP_STATUS', `GET ${key} answered HTTP ${response.status}`, key, {
          status: response.status,
        });
      }
      const newEtag = response.headers.get('etag');
      if (options?.conditional && newEtag) etags.set(key, newEtag);
      const bytes = Buffer.from(await response.arrayBuffer());
      const charset = (
        options?.encoding ??
        /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
        sniffDeclared(bytes) ??
        'utf-8'
      ).toLowerCase();
      return { ...base, notModified: false, body: iconv.decode(bytes, codecFor(charset)), charset };
    },
  };
}
