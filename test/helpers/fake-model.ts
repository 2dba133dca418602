import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** Writes `total` bytes of a completion-shaped body, respecting backpressure, until done or the client hangs up. */
async function sendLarge(
  res: ServerResponse,
  request: ModelRequest,
  total: number,
  declareLength: boolean,
): Promise<void> {
  const head = Buffer.from('{"choices":[{"message":{"content":"');
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': String(total) } : {}),
  });
  let sent = 0;
  request.bodyBytesSent = 0;
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  while (sent < total && !closed) {
    const chunk = (sent === 0 ? Buffer.concat([head, CHUNK]) : CHUNK).subarray(0, total - sent);
    const more = res.write(chunk);
    sent += chunk.byteLength;
    request.bodyBytesSent = sent;
    if (!more && !closed)
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
  }
  if (!closed) res.end();
  request.bodyDone = true;
}

/** One request the fake chat endpoint received. */
export interface ModelRequest {
  path: string;
  authorization: string | undefined;
  body: { model?: string; messages?: { role: string; content: string }[] };
  /** For a `large` answer: bytes of body written so far, and whether the fake has stopped writing. */
  bodyBytesSent?: number;
  bodyDone?: boolean;
}

/**
 * How the fake answers: a chat completion with this content, raw text, a status, never, or a body of
 * `large` bytes written as fast as the client reads it (with or without a content-length), until the client
 * hangs up.
 */
export type ModelAnswer =
  | { content: string }
  | { raw: string; status?: number }
  | { hang: true }
  | { large: number; declareLength?: boolean };

export interface FakeModel {
  /** Base URL as a config's drafts.model.baseUrl, e.g. http://127.0.0.1:4567/v1 */
  baseUrl: string;
  requests: ModelRequest[];
  /** Sets how every later request is answered. */
  answer(answer: ModelAnswer | ((request: ModelRequest) => ModelAnswer)): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<ModelRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest['body'];
  } catch {
    return {};
  }
}

/** An OpenAI-compatible `/v1/chat/completions` on 127.0.0.1 that answers as told. */
export async function startFakeModel(): Promise<FakeModel> {
  const requests: ModelRequest[] = [];
  let answer: ModelAnswer | ((request: ModelRequest) => ModelAnswer) = { content: '' };
  const sockets = new Set<Socket>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const request: ModelRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: await readJson(req),
    };
    requests.push(request);
    const reply = typeof answer === 'function' ? answer(request) : answer;
    if ('hang' in reply) return;
    if ('large' in reply) {
      await sendLarge(res, request, reply.large, reply.declareLength ?? false);
      return;
    }
    if ('raw' in reply) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.raw);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content } }],
      }),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answer(next) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
