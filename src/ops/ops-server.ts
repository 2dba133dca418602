import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { OpsHandler, OpsPath } from './ops-routes.js';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP server for /healthz, /readyz and /metrics, for the modes without an HTTP endpoint of their
 * own (terminal and Socket Mode). Anything else is 404; methods other than GET and HEAD are 405.
 */
export async function startOpsServer(options: {
  handlers: Record<OpsPath, OpsHandler>;
  port: number;
  /** Interface to bind; all interfaces by default, like the Slack HTTP endpoint. */
  host?: string | undefined;
}): Promise<OpsServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = (options.handlers as Record<string, OpsHandler | undefined>)[path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
      return;
    }
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
