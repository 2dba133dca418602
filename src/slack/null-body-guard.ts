import type { IncomingMessage, RequestListener } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../logger.js';

/** Bolt's own body limit for HTTP requests, bytes. */
const BODY_LIMIT = 4 * 1024 * 1024;

async function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** True when Bolt would parse this body (a form's `payload` field, or the JSON itself) to `null`. */
export function isNullBody(text: string, contentType: string | undefined): boolean {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const payload = new URLSearchParams(text).getAll('payload');
      return payload.length === 1 && JSON.parse(payload[0] ?? '') === null;
    }
    return JSON.parse(text) === null;
  } catch {
    return false;
  }
}

/**
 * Bolt's HTTP receiver reads `body.ssl_check` outside its error handling, so a signed request whose body
 * is JSON `null` (e.g. `payload=null`) would reject unhandled and end the process. POSTs to `endpoint` are
 * read first (Bolt reuses the buffered body); such a body gets 400 and a log line instead.
 */
export function guardNullBodies(receiver: HTTPReceiver, logger: Logger, endpoint = '/slack/events'): void {
  const inner: RequestListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== endpoint) {
      inner(req, res);
      return;
    }
    readAtMost(req, BODY_LIMIT)
      .then((raw) => {
        if (!raw) {
          logger.warn({ limit: BODY_LIMIT }, 'Slack request refused: body larger than Bolt accepts');
          res.writeHead(413).end();
          return;
        }
        if (isNullBody(raw.toString('utf8'), req.headers['content-type'])) {
          logger.warn('Slack request refused: its body is null');
          res.writeHead(400).end();
          return;
        }
        Object.assign(req, { rawBody: raw });
        inner(req, res);
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'Slack request refused: its body could not be read');
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  };
}
