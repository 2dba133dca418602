import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One Web API call as the fake received it; JSON-valued form fields (blocks, view, ...) are parsed. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** The JSON body the fake answered with (200 replies only). */
  result?: Record<string, unknown>;
}

/** A canned reply for a method: status 200 with a body (ok: true is added unless given), 429 or 500. */
export type SlackReply =
  | { status?: 200; body?: Record<string, unknown> }
  | { status: 429; retryAfter: number }
  | { status: 500 };

export interface FakeSlack {
  /** Web API base for WebClient `slackApiUrl`, e.g. http://127.0.0.1:4567/api/ */
  apiUrl: string;
  /** Base for response_url values the fake records as `response_url` calls. */
  url: string;
  calls: SlackCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): SlackCall[];
  /** Queue replies for a method; each call takes one, then the default answer applies again. */
  reply(method: string, ...replies: SlackReply[]): void;
  /** Answer every call of a method with `reply` (after queued ones) until called again without one. */
  always(method: string, reply?: SlackReply): void;
  /** Members of a channel for conversations.members; users of a group for usergroups.users.list. */
  members: Map<string, string[]>;
  usergroups: Map<string, string[]>;
  /** Scopes reported by auth.test in x-oauth-scopes. */
  scopes: string[];
  /**
   * Told about each call once its reply was handed to the socket (200, 429 or 500 alike), so a test can act
   * in the window between Slack's answer and what the caller does with it, e.g. kill the caller.
   */
  onReplied: ((call: SlackCall) => void) | undefined;
  /** Resolves once `count` calls of `method` were recorded. */
  waitFor(method: string, count?: number): Promise<SlackCall[]>;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function parseArgs(type: string, text: string): Record<string, unknown> {
  if (type.startsWith('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

/**
 * A fake Slack Web API on 127.0.0.1: records every call and answers like Slack (ok, ts, channel),
 * or with a queued 429 (Retry-After) or 500. Also accepts POSTs to /response/* (slash command response_url).
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const queued = new Map<string, SlackReply[]>();
  const fixed = new Map<string, SlackReply>();
  const waiters: { method: string; count: number; resolve: (calls: SlackCall[]) => void }[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;
  let baseUrl = '';
  /** ts given to each chat.postMessage call, by its index in `calls`. */
  const postedTs = new Map<number, string>();
  const fake: Omit<FakeSlack, 'apiUrl' | 'url' | 'close'> = {
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    reply: (method, ...replies) => queued.set(method, [...(queued.get(method) ?? []), ...replies]),
    always: (method, reply) => {
      if (reply) fixed.set(method, reply);
      else fixed.delete(method);
    },
    members: new Map(),
    usergroups: new Map(),
    onReplied: undefined,
    scopes: [
      'chat:write',
      'commands',
      'channels:read',
      'groups:read',
      'usergroups:read',
      'channels:history',
      'groups:history',
      'files:write',
      'im:write',
    ],
    waitFor: (method, count = 1) =>
      new Promise((resolve) => {
        const done = fake.callsTo(method);
        if (done.length >= count) resolve(done);
        else waiters.push({ method, count, resolve });
      }),
  };

  const answer = (call: SlackCall): Record<string, unknown> => {
    const args = call.args;
    switch (call.method) {
      case 'auth.test':
        return {
          url: 'https://bulssi-test.slack.com/',
          team: 'Test',
          user: 'bulssi',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage':
        seq += 1;
        postedTs.set(calls.indexOf(call), `1700000000.${String(seq).padStart(6, '0')}`);
        return {
          channel: args.channel,
          ts: `1700000000.${String(seq).padStart(6, '0')}`,
          message: { text: args.text },
        };
      case 'conversations.history': {
        // The channel's top-level messages as posted through this fake, newest first, with their metadata.
        const messages = calls
          .map((c, index) => ({ c, ts: postedTs.get(index) }))
          .filter(
            ({ c, ts }) =>
              c.method === 'chat.postMessage' && ts && c.args.channel === args.channel && !c.args.thread_ts,
          )
          .map(({ c, ts }) => ({ type: 'message', ts, text: c.args.text, metadata: c.args.metadata }))
          .reverse();
        return { messages, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'chat.update':
        return { channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { message_ts: '1700000000.999999' };
      case 'chat.getPermalink':
        return {
          channel: args.channel,
          permalink: `https://bulssi-test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'conversations.members':
        return {
          members: fake.members.get(String(args.channel)) ?? [],
          response_metadata: { next_cursor: '' },
        };
      case 'conversations.info':
        return {
          channel: {
            id: args.channel,
            name: 'crisis',
            is_member: (fake.members.get(String(args.channel)) ?? []).includes('UBOT'),
          },
        };
      case 'usergroups.users.list':
        return { users: fake.usergroups.get(String(args.usergroup)) ?? [] };
      case 'files.getUploadURLExternal':
        seq += 1;
        return { upload_url: `${baseUrl}/upload/F${seq}`, file_id: `F${seq}` };
      case 'files.completeUploadExternal':
        return { files: [{ id: 'F1', title: 'chart' }] };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { view: { id: 'V1', ...(args.view as object) } };
      default:
        return {};
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const text = raw.toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const type = String(req.headers['content-type'] ?? '');
      const auth = req.headers.authorization;
      let call: SlackCall;
      if (path.startsWith('/upload/')) {
        // The file bytes of files.uploadV2 (sent to the upload_url given by files.getUploadURLExternal).
        call = {
          method: 'file_upload',
          args: { path, bytes: raw.length, png: raw.includes(PNG_SIGNATURE) },
          token: undefined,
        };
      } else if (path.startsWith('/response/')) {
        call = {
          method: 'response_url',
          args: { ...parseArgs('application/json', text), path },
          token: undefined,
        };
      } else {
        const method = path.replace(/^\/api\//, '');
        const args = parseArgs(type, text);
        const token =
          auth?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
        call = { method, args, token };
      }
      calls.push(call);
      for (const waiter of [...waiters]) {
        const done = fake.callsTo(waiter.method);
        if (waiter.method === call.method && done.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(done);
        }
      }
      const next = queued.get(call.method)?.shift() ?? fixed.get(call.method);
      const replied = () => fake.onReplied?.(call);
      if (next?.status === 429) {
        res.writeHead(429, { 'retry-after': String(next.retryAfter), 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }), replied);
        return;
      }
      if (next?.status === 500) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error', replied);
        return;
      }
      const body = next?.body ? { ok: true, ...next.body } : { ok: true, ...answer(call) };
      call.result = body;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (call.method === 'auth.test') headers['x-oauth-scopes'] = fake.scopes.join(',');
      res.writeHead(200, headers).end(JSON.stringify(body), replied);
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
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  baseUrl = url;
  // The same object the handlers read, so a test can change `scopes`, `members` and `usergroups` later.
  return Object.assign(fake, {
    apiUrl: `${url}/api/`,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}
