import type { IncomingHttpHeaders } from 'node:http';
import type { Got, Response } from 'got';
import { FetchError, stripUrlAuth } from '../errors.js';
import { isTextMediaType, parseContentType } from './content-type.js';
import { toFetchError, tooLarge } from './fetch-errors.js';

/** One HTTP answer with its body still in bytes. */
export interface RawResponse {
  /** Final URL after redirects, credentials stripped. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** The body of a 2xx answer; empty for any other status, whose body is never read. */
  body: Buffer;
}

export interface FetchOnceOptions {
  headers: Record<string, string>;
  /** Whole request including the body, ms. */
  timeoutMs: number;
  /** Larger bodies are abandoned mid-download, bytes (decompressed). */
  maxBodyBytes: number;
  /** Refuse images, PDFs and other binary answers before reading them. */
  requireText: boolean;
  signal?: AbortSignal | undefined;
}

/**
 * A single GET through `client` (no retries): follows redirects, stops reading at `maxBodyBytes`, and turns
 * every failure into a FetchError (ERR_TIMEOUT, ERR_NETWORK, ERR_TOO_MANY_REDIRECTS, ERR_BODY_TOO_LARGE,
 * ERR_NOT_TEXT). Non-2xx statuses are returned, not thrown, so the caller can decide about retries.
 */
export async function fetchOnce(client: Got, url: URL, options: FetchOnceOptions): Promise<RawResponse> {
  const safeUrl = stripUrlAuth(url.href);
  const stream = client.stream(url, {
    headers: options.headers,
    timeout: { request: options.timeoutMs },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // Failures are read through the promises below; one arriving after we stopped listening must not crash.
  stream.on('error', () => {});
  try {
    const response = await new Promise<Response>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
    const finalUrl = stripUrlAuth(response.url || safeUrl);
    const answer = {
      url: finalUrl,
      status: response.statusCode,
      headers: response.headers,
      body: Buffer.alloc(0),
    };
    if (response.statusCode < 200 || response.statusCode > 299) return answer;

    const { mediaType } = parseContentType(response.headers['content-type']);
    if (options.requireText && !isTextMediaType(mediaType)) {
      throw new FetchError(
        'ERR_NOT_TEXT',
        `${finalUrl} answered with ${mediaType}, not a page, feed or JSON; check that the URL points at text.`,
        finalUrl,
        { status: response.statusCode },
      );
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
      throw tooLarge(finalUrl, options.maxBodyBytes, `is ${declared} bytes`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > options.maxBodyBytes)
        throw tooLarge(finalUrl, options.maxBodyBytes, `sent more than ${options.maxBodyBytes} bytes`);
      chunks.push(chunk);
    }
    return { ...answer, body: Buffer.concat(chunks, size) };
  } catch (error) {
    throw toFetchError(error, safeUrl, options.timeoutMs);
  } finally {
    stream.destroy();
  }
}
