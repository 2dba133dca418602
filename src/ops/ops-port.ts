import { ConfigError } from '../errors.js';

/** Where the small operator server listens in terminal and Socket Mode; undefined means it stays off. */
export interface OpsListen {
  port: number;
  host: string | undefined;
}

/**
 * Reads METRICS_PORT (and METRICS_HOST). Slack HTTP mode serves the operator endpoints on its own port
 * (PORT) and needs neither. Socket Mode falls back to PORT, which platforms that probe a port set; the
 * terminal does not, so two local runs never fight over a port and a PORT left in a shell opens nothing.
 */
export function opsListenFrom(
  env: Readonly<Record<string, string | undefined>>,
  mode: 'terminal' | 'socket' | 'http',
): OpsListen | undefined {
  if (mode === 'http') return undefined;
  const name = env.METRICS_PORT?.trim()
    ? 'METRICS_PORT'
    : mode === 'socket' && env.PORT?.trim()
      ? 'PORT'
      : undefined;
  if (!name) return undefined;
  const raw = env[name]?.trim() ?? '';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new ConfigError(
      [`${name}: "${raw}" is not a port number (0–65535; 0 picks a free one)`],
      'the environment',
    );
  return { port, host: env.METRICS_HOST?.trim() || undefined };
}
