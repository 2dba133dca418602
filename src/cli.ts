#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { UsageError } from './cli/args.js';
import type { Command, CommandIo } from './cli/command.js';
import { doctorCommand } from './cli/doctor.js';
import { draftCommand } from './cli/draft.js';
import { evalCommand } from './cli/eval.js';
import { scanCommand } from './cli/scan.js';
import { reportCommand } from './cli/report.js';
import { scoreCommand } from './cli/score.js';
import { sourcesCommand } from './cli/sources.js';
import { startCommand } from './cli/start.js';
import { threadsCommand } from './cli/threads.js';
import { toneCommand } from './cli/tone.js';
import { BotError } from './errors.js';
import { redactSecrets } from './logger.js';

const COMMANDS: readonly Command[] = [
  startCommand,
  scanCommand,
  threadsCommand,
  reportCommand,
  sourcesCommand,
  scoreCommand,
  draftCommand,
  toneCommand,
  evalCommand,
  doctorCommand,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Bulssi (불씨) catches an online reputation crisis while it is still an ember.

Usage: bulssi <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`bulssi <command> --help\` for a command's options. With no config file Bulssi
scans a bundled sample internet, so \`bulssi scan --once\` works on a fresh machine.

Environment: BULSSI_CONFIG (config file), BULSSI_DB (store file), LOG_LEVEL,
NAVER_CLIENT_ID / NAVER_CLIENT_SECRET (Naver Search API),
BULSSI_MODEL_API_KEY (draft model endpoint, when drafts.model is configured).
Slack mode: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, BULSSI_CHANNEL,
PORT, SLACK_API_URL (see \`bulssi start --help\` and \`bulssi doctor\`).`;
}

/** Runs the CLI and resolves to the exit code: 0 ok, 1 failure, 2 bad command line or bad input. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(`${topic ? topic.help : mainHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`bulssi: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`bulssi ${command.name}: ${error.message}\n\n${command.help}\n`);
      return 2;
    }
    const message = error instanceof BotError ? error.message : ((error as Error)?.stack ?? String(error));
    io.stderr.write(`bulssi ${command.name}: ${redactSecrets(message, io.env)}\n`);
    return 1;
  }
}

const io: CommandIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
    // Sockets or timers left by a library must not keep a finished command alive.
    // `start` ends on its own after a clean stop; one that timed out must not wait for the work it gave up on.
    if (process.argv[2] !== 'start' || code !== 0) setImmediate(() => process.exit(code)).unref();
  },
  (error: unknown) => {
    process.stderr.write(`bulssi: ${redactSecrets(String(error))}\n`);
    process.exitCode = 1;
  },
);
