/** What a command gets instead of reaching for process globals, so tests and the CLI share one path. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `bulssi --help`. */
  summary: string;
  /** Full help for `bulssi <command> --help`. */
  help: string;
  /** Resolves to the exit code. */
  run(argv: string[], io: CommandIo): Promise<number>;
}
