import { pino, type Logger } from 'pino';

export type { Logger };

/** Environment variables whose values are secrets: never logged, scrubbed from messages. */
export const SECRET_ENV_VARS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'NAVER_CLIENT_ID',
  'NAVER_CLIENT_SECRET',
  'OPENAI_API_KEY',
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
const TOKEN_PATTERN = /\b(xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|Bearer\s+[A-Za-z0-9._~+/=-]{8,})/g;

/**
 * Replaces secret values (from SECRET_ENV_VARS in `env`) and token-shaped strings in `text` with [REDACTED].
 * Used on error messages before they are logged or shown in Slack.
 */
export function redactSecrets(text: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  let out = text.replace(TOKEN_PATTERN, '[REDACTED]');
  for (const name of SECRET_ENV_VARS) {
    const value = env[name];
    if (value && value.length >= 4) out = out.split(value).join('[REDACTED]');
  }
  return out;
}

export interface LoggerOptions {
  /** pino level; LOG_LEVEL overrides. */
  level?: string;
  /** Where JSON lines go; stderr by default so stdout stays for command output. */
  destination?: NodeJS.WritableStream;
  env?: Readonly<Record<string, string | undefined>>;
}

/** JSON logs on stderr with secrets redacted by key and by value. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  return pino(
    {
      name: 'bulssi',
      level: env.LOG_LEVEL ?? options.level ?? 'info',
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
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}
