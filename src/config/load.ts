import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load as loadHtml } from 'cheerio';
import cron from 'node-cron';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { companyTerms } from '../core/risk/company-terms.js';
import { createScorer } from '../core/risk/score.js';
import { ConfigError } from '../errors.js';
import { type Config, type ConfigInput, configSchema, isTimeZone } from './schema.js';

/** Where the config came from, for messages and for the embedded default's sample server. */
export type ConfigOrigin = { kind: 'file'; path: string } | { kind: 'embedded' };

export interface LoadedConfig {
  config: Config;
  origin: ConfigOrigin;
}

/** Config file names looked for in the working directory when neither --config nor BULSSI_CONFIG is given. */
export const DEFAULT_CONFIG_FILES = ['bulssi.yaml', 'bulssi.yml', 'bulssi.json'] as const;

/**
 * Finds the config file: the explicit path, then BULSSI_CONFIG, then bulssi.yaml|yml|json in `cwd`.
 * Returns undefined when there is none, which means the embedded default runs.
 */
export function findConfigFile(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | undefined {
  const named = explicit ?? env.BULSSI_CONFIG;
  if (named) return resolve(cwd, named);
  for (const name of DEFAULT_CONFIG_FILES) {
    const candidate = resolve(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Reads and validates a config file; every problem is reported at once, by path. */
export function loadConfigFile(path: string, env: Readonly<Record<string, string | undefined>> = {}): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(cause);
    throw new ConfigError([`${path}: ${reason}`], path);
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (cause) {
    const detail =
      cause instanceof YAMLParseError || cause instanceof SyntaxError ? cause.message : String(cause);
    throw new ConfigError([`not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}`], path);
  }
  return validateConfig(raw ?? {}, path, env);
}

/**
 * Validates a parsed config object and applies environment overrides (BULSSI_CHANNEL, BULSSI_DB).
 * Throws ConfigError listing every problem as `path.to.key: message`.
 */
export function validateConfig(
  raw: unknown,
  origin: string,
  env: Readonly<Record<string, string | undefined>> = {},
): Config {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error), origin);
  const config = parsed.data;
  const problems = checkSemantics(config);
  if (problems.length > 0) throw new ConfigError(problems, origin);
  if (env.BULSSI_CHANNEL) config.slack.channel = env.BULSSI_CHANNEL;
  if (env.BULSSI_DB) config.store.path = env.BULSSI_DB;
  return deepFreeze(config);
}

/** Builds a config from code (embedded default, tests) with the same validation as a file. */
export function configFrom(
  input: ConfigInput,
  env: Readonly<Record<string, string | undefined>> = {},
): Config {
  return validateConfig(input, 'built-in configuration', env);
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? formatPath(issue.path) : '(top level)';
    if (issue.code === 'unrecognized_keys')
      return `${path}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${path}: ${issue.message}`;
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function checkSemantics(config: Config): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  config.sources.forEach((source, index) => {
    const first = seen.get(source.id);
    if (first !== undefined)
      problems.push(`sources[${index}].id: "${source.id}" is already used by sources[${first}]`);
    else seen.set(source.id, index);
  });
  problems.push(...checkSelectors(config));
  problems.push(...checkRiskTerms(config));
  if (!cron.validate(config.schedule.scan)) {
    problems.push(
      `schedule.scan: "${config.schedule.scan}" is not a valid cron expression (e.g. "*/10 * * * *")`,
    );
  }
  if (!isTimeZone(config.schedule.timezone)) {
    problems.push(
      `schedule.timezone: "${config.schedule.timezone}" is not an IANA time zone (e.g. "Asia/Seoul")`,
    );
  }
  return problems;
}

/** CSS selectors of HTML sources must parse now, not fail on the first scan. */
function checkSelectors(config: Config): string[] {
  const problems: string[] = [];
  const $ = loadHtml('');
  config.sources.forEach((source, index) => {
    if (source.type !== 'html') return;
    const groups = { selectors: source.selectors, follow: source.follow ?? {} };
    for (const [group, selectors] of Object.entries(groups)) {
      for (const [key, selector] of Object.entries(selectors)) {
        if (typeof selector !== 'string') continue;
        try {
          $(selector);
        } catch (error) {
          problems.push(
            `sources[${index}].${group}.${key}: "${selector}" is not a valid CSS selector (${(error as Error).message})`,
          );
        }
      }
    }
  });
  return problems;
}

/** Each company term must compile the way the scorer will run it. */
function checkRiskTerms(config: Config): string[] {
  const problems: string[] = [];
  const compiles = (terms: Config['risk']['terms']) =>
    createScorer({ extraTerms: companyTerms(terms), complaintProbability: () => 0 });
  if (config.risk.terms.length === 0) return problems;
  try {
    compiles(config.risk.terms);
    return problems;
  } catch {
    // Find which ones: compile each on its own.
  }
  config.risk.terms.forEach((term, index) => {
    try {
      compiles([term]);
    } catch (error) {
      problems.push(`risk.terms[${index}].pattern: ${(error as Error).message}`);
    }
  });
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
