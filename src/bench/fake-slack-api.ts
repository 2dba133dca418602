import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ALERT_EVENT } from '../slack/alert-messages.js';

export interface FakeSlackApiOptions {
  /** Who conversations.members lists for every channel (who may act). */
  members?: readonly string[];
  /**
   * Called for every Web API call with the method and its 1-based count for that method; a number answers
   * HTTP 429 with that many seconds of Retry-After instead of serving the call.
   */
  rateLimit?: (method: string, call: number) => number | undefined;
}

/** A top-level alert as the fake accepted it: the thread id from its metadata and the ts it was given. */
export interface AcceptedAlert {
  threadId: string;
  ts: string;
}

export interface FakeSlackApi {
  /** Web API base for `slackApiUrl`, e.g. http://127.0.0.1:4567/api/ */
  apiUrl: string;
  /** Base for response_url values; POSTs under /response/ are answered ok and counted. */
  url: string;
  /** Calls received per method (429-answered ones included), and `response_url` for response URLs. */
  calls: Map<string, number>;
  /** Calls answered 429. */
  rateLimited: number;
  /** Alerts posted to a channel (chat.postMessage with Bulssi's alert metadata, not in a thread), in order. */
  alerts: AcceptedAlert[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(type: string, text: string): Record<string, unknown> {
  if (type.startsWith('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = key === 'metadata' || key === 'view' ? JSON.parse(value) : value;
  }
  return args;
}

function alertThreadId(args: Record<string, unknown>): string | undefined {
  const metadata = args.metadata as
    | { event_type?: unknown; event_payload?: { thread_id?: unknown } }
    | undefined;
  const id = metadata?.event_payload?.thread_id;
  return metadata?.event_type === ALERT_EVENT && typeof id === 'string' && !args.thread_ts ? id : undefined;
}

/**
 * A minimal Slack Web API on 127.0.0.1 for benchmarks: answers the methods Bulssi calls like Slack does
 * (ts, channel, members, channel history with alert metadata), counts calls, and answers 429 with
 * Retry-After when `rateLimit` says so. A 429-answered call has no effect, as on Slack.
 */
export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const members = [...(options.members ?? [])];
  const calls = new Map<string, number>();
  const alerts: AcceptedAlert[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;
  const state = { rateLimited: 0 };

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'chat.postMessage': {
        seq += 1;
        const ts = `1700000000.${String(seq).padStart(6, '0')}`;
        const threadId = alertThreadId(args);
        if (threadId) alerts.push({ threadId, ts });
        return { channel: args.channel, ts, message: { text: args.text } };
      }
      case 'chat.update':
        return { channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { message_ts: '1700000000.999999' };
      case 'conversations.members':
        return { members, response_metadata: { next_cursor: '' } };
      case 'conversations.history': {
        // Newest first, 200 a page, as Slack pages a channel's history.
        const offset = Number(args.cursor ?? 0) || 0;
        const limit = Number(args.limit ?? 200) || 200;
        const newest = [...alerts].reverse().slice(offset, offset + limit);
        const more = offset + limit < alerts.length;
        return {
          messages: newest.map((a) => ({
            type: 'message',
            ts: a.ts,
            metadata: { event_type: ALERT_EVENT, event_payload: { thread_id: a.threadId } },
          })),
          has_more: more,
          response_metadata: { next_cursor: more ? String(offset + limit) : '' },
        };
      }
      case 'chat.getPermalink':
        return { permalink: `https://bench.slack.com/archives/${String(args.channel)}/p1` };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { view: { id: `V${++seq}` } };
      default:
        return {};
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const method = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '');
      const count = (calls.get(method) ?? 0) + 1;
      calls.set(method, count);
      const retryAfter = options.rateLimit?.(method, count);
      if (retryAfter !== undefined) {
        state.rateLimited += 1;
        res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' });
        res.end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      const body =
        method === 'response_url' ? {} : answer(method, parseArgs(String(req.headers['content-type']), text));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...body }));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${url}/api/`,
    url,
    calls,
    get rateLimited() {
      return state.rateLimited;
    },
    alerts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
