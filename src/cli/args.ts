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

/**
 * util.parseArgs with strict checking, `--help` on every command, and errors as UsageError. Words that are
 * not options are refused (`bulssi report month` is not `--since month`), unless the command takes them
 * (`allowPositionals`) and says itself what is wrong with them.
 */
export function parseCommandArgs<T extends Options>(
  argv: string[],
  options: T,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    });
  } catch (error) {
    const message = (error as Error).message;
    const word = /Unexpected argument '([^']*)'/.exec(message)?.[1];
    throw new UsageError(
      word === undefined
        ? message
        : `unexpected argument '${word}': this command takes only options (see --help)`,
    );
  }
}
