import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../metrics/metrics.js';
import type { ReadinessReport } from './readiness.js';

export interface OpsDeps {
  metrics: Pick<Metrics, 'render'>;
  readiness: () => Promise<ReadinessReport>;
}

export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The operator endpoints, by path. Each answers GET and HEAD. */
export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;
export type OpsPath = (typeof OPS_PATHS)[number];

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Handlers for `/healthz` (liveness: the process answers), `/readyz` (store readable and, in Slack mode,
 * Slack reachable; 503 with the failing checks otherwise) and `/metrics` (Prometheus text format).
 */
export function createOpsHandlers(deps: OpsDeps): Record<OpsPath, OpsHandler> {
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    if (res.headersSent) res.end();
    else
      send(
        req,
        res,
        500,
        'text/plain; charset=utf-8',
        `${error instanceof Error ? error.message : 'error'}\n`,
      );
  };
  return {
    '/healthz': (req, res) => send(req, res, 200, 'text/plain; charset=utf-8', 'ok\n'),
    '/readyz': (req, res) => {
      deps.readiness().then(
        (report) =>
          send(
            req,
            res,
            report.ready ? 200 : 503,
            'application/json; charset=utf-8',
            `${JSON.stringify(report)}\n`,
          ),
        (error: unknown) => fail(req, res, error),
      );
    },
    '/metrics': (req, res) => {
      deps.metrics.render().then(
        ({ contentType, body }) => send(req, res, 200, contentType, body),
        (error: unknown) => fail(req, res, error),
      );
    },
  };
}
