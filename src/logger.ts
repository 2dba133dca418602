import { pino, type Logger } from 'pino';
import { MODEL_KEY_ENV } from './drafting/model-personaliser.js';
import { BotError } from './errors.js';

export type { Logger };

/** Environment variables whose values are secrets: never logged, scrubbed from messages. */
export const SECRET_ENV_VARS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'NAVER_CLIENT_ID',
  'NAVER_CLIENT_SECRET',
  'OPENAI_API_KEY',
  MODEL_KEY_ENV,
  'BULSSI_LLM_API_KEY',
] as const;

const REDACT_PATHS = [
  'token',
  'secret',
  'password',
  'authorization',
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-naver-client-id"]',
  'headers["x-naver-client-secret"]',
  'headers["x-ncp-apigw-api-key-id"]',
  'headers["x-ncp-apigw-api-key"]',
  '*.headers.authorization',
  '*.headers["x-naver-client-secret"]',
  '*.headers["x-ncp-apigw-api-key"]',
];

/** Token shapes that must never reach a log even when they arrive inside free text (xoxb-, xapp-, Bearer ...). */
const TOKEN_PATTERN =
  /\b(xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|Bearer\s+[A-Za-z0-9._~+/=-]{8,})/g;

/**
 * Replaces secret values (from SECRET_ENV_VARS in `env`) and token-shaped strings in `text` with [REDACTED].
 * Used on error messages before they are logged or shown in Slack.
 */
export function redactSecrets(
  text: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  let out = text.replace(TOKEN_PATTERN, '[REDACTED]');
  for (const name of SECRET_ENV_VARS) {
    const value = env[name];
    if (value && value.length >= 4) out = out.split(value).join('[REDACTED]');
  }
  return out;
}

const LEVEL_COLORS: Record<string, string> = {
  error: '\x1b[31m',
  fatal: '\x1b[31m',
  warn: '\x1b[33m',
  info: '\x1b[36m',
};
const OMIT = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg']);

/** Turns one pino JSON line into "21:05:03 INFO message key=value" for a person watching a terminal. */
export function formatLogLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = String(record.level ?? 'info');
  const time = typeof record.time === 'number' ? new Date(record.time).toTimeString().slice(0, 8) : '';
  const fields = Object.entries(record)
    .filter(([key]) => !OMIT.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const color = LEVEL_COLORS[level] ?? '';
  return `${time} ${color}${level.toUpperCase().padEnd(5)}\x1b[0m ${String(record.msg ?? '')}${fields ? ` \x1b[2m${fields}\x1b[0m` : ''}\n`;
}

/** A destination that writes readable lines to a terminal and JSON everywhere else. */
function destinationFor(stream: NodeJS.WritableStream & { isTTY?: boolean }): pino.DestinationStream {
  if (!stream.isTTY) return stream as pino.DestinationStream;
  return { write: (line: string) => void stream.write(formatLogLine(line)) };
}

export interface LoggerOptions {
  /** pino level; LOG_LEVEL overrides. */
  level?: string;
  /** Where JSON lines go; stderr by default so stdout stays for command output. */
  destination?: NodeJS.WritableStream & { isTTY?: boolean };
  env?: Readonly<Record<string, string | undefined>>;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Logs on stderr with secrets redacted by key and by value: JSON lines, or readable lines on a terminal.
 * Throws BotError `ERR_CONFIG` naming the allowed values when LOG_LEVEL is not a level.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  const level = (env.LOG_LEVEL?.trim() || options.level || 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level))
    throw new BotError(
      'ERR_CONFIG',
      `LOG_LEVEL is "${env.LOG_LEVEL}", which is not a log level; use one of ${LOG_LEVELS.join(', ')}.`,
    );
  return pino(
    {
      name: 'bulssi',
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg, env) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: unknown) => {
          const serialized = pino.stdSerializers.err(error as Error);
          return {
            ...serialized,
            message: redactSecrets(serialized.message, env),
            stack: serialized.stack ? redactSecrets(serialized.stack, env) : undefined,
          };
        },
      },
    },
    destinationFor(options.destination ?? process.stderr),
  );
}
