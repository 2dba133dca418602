/** Every error Bulssi raises on purpose: a stable `code` callers can branch on, and the underlying `cause`. */
export class BotError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
  }
}

/** The configuration is invalid; `problems` lists every bad key as `path: what is wrong`. */
export class ConfigError extends BotError {
  readonly problems: string[];

  constructor(problems: string[], source: string) {
    super('ERR_CONFIG', `Invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A fetch failed: network, status, size cap, robots.txt or charset. `url` has credentials stripped. */
export class FetchError extends BotError {
  readonly url: string;
  readonly status: number | undefined;

  constructor(code: string, message: string, url: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options);
    this.name = 'FetchError';
    this.url = url;
    this.status = options?.status;
  }
}

/** A page or response could not be understood (broken HTML/XML/JSON, no items where items were expected). */
export class ParseError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_PARSE', message, options);
    this.name = 'ParseError';
  }
}

/** A stored record failed validation on read; it is skipped, never overwritten silently. */
export class StoreError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_STORE', message, options);
    this.name = 'StoreError';
  }
}

/** Removes user:password@ from URLs so they can go in messages and logs. */
export function stripUrlAuth(input: string): string {
  try {
    const url = new URL(input);
    if (!url.username && !url.password) return input;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return input;
  }
}
