import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BotError } from '../errors.js';

/** Raised for a bad command line; the CLI prints the message and the command's help, exit 2. */
export class UsageError extends BotError {
  constructor(message: string) {
    super('ERR_USAGE', message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs with strict checking, `--help` on every command, and errors as UsageError. */
export function parseCommandArgs<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
