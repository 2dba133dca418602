import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A Socket Mode endpoint on 127.0.0.1: says hello, pushes envelopes, records the acks the app sends back. */
export interface FakeSocketMode {
  /** ws:// URL to hand out from apps.connections.open. */
  url: string;
  /** Messages received from the app (acks), parsed. */
  received: Record<string, unknown>[];
  /** Resolves when an app is connected and was sent hello. */
  connected: Promise<void>;
  /** Sends one envelope (slash_commands, interactive, events_api) to the connected app. */
  send(envelope: Record<string, unknown>): void;
  /** Resolves with the app's ack for an envelope id. */
  ackFor(envelopeId: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

/** Splits complete client frames off `buffer` (client frames are always masked). */
function readFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = (buffer[offset] ?? 0) & 0x0f;
    let length = (buffer[offset + 1] ?? 0) & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    if (buffer.length < cursor + 4 + length) break;
    const mask = buffer.subarray(cursor, cursor + 4);
    const payload = Buffer.from(buffer.subarray(cursor + 4, cursor + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode, payload });
    offset = cursor + 4 + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

/** A minimal WebSocket server (RFC 6455 text, ping/pong, close) speaking Slack's Socket Mode envelopes. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const received: Record<string, unknown>[] = [];
  const waiters = new Map<string, (ack: Record<string, unknown>) => void>();
  const sockets = new Set<Socket>();
  let current: Socket | undefined;
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    onConnected = resolve;
  });

  const server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}${WS_GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    current = socket;
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x9) socket.write(frame(0xa, payload));
        else if (opcode === 0x8) socket.end(frame(0x8, payload));
        else if (opcode === 0x1) {
          const message = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
          received.push(message);
          const id = String(message.envelope_id ?? '');
          waiters.get(id)?.(message);
          waiters.delete(id);
        }
      }
    });
    const hello = {
      type: 'hello',
      num_connections: 1,
      debug_info: { host: 'fake' },
      connection_info: { app_id: 'A1' },
    };
    socket.write(frame(0x1, Buffer.from(JSON.stringify(hello))));
    onConnected();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    received,
    connected,
    send(envelope) {
      if (!current) throw new Error('no Socket Mode client connected');
      current.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
    },
    ackFor(envelopeId) {
      const done = received.find((m) => m.envelope_id === envelopeId);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.set(envelopeId, resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
