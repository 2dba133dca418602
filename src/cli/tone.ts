import { CHANNELS, channelSchema } from '../core/draft/channel.js';
import { checkTone } from '../core/draft/tone-check.js';
import type { Lang } from '../core/post.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { readStdin } from './read-stdin.js';

/** Longest reply checked, bytes: far beyond any channel's limit, small enough to answer at once. */
const MAX_REPLY_BYTES = 100 * 1024;

export const toneCommand: Command = {
  name: 'tone',
  summary: 'Check a reply on stdin for wording that would inflame, before it is posted',
  help: `Usage: bulssi tone [--lang ko|en] [--channel ${CHANNELS.join('|')}] < reply.txt

Reads one reply on stdin and prints one JSON object:
  {"ok": boolean, "findings": [{"start": n, "end": n, "text": "…", "why": "…", "suggestion": "…", "rule": "…"}]}
"start" and "end" are UTF-16 offsets into the reply (JavaScript String.slice); a finding about something
missing (no apology, no concrete action) has start = end. A leading byte-order mark is dropped and not
counted in offsets. "why" and "suggestion" are in the reply's language.

Flags blame and lectures (규정상, 약관에 따라, 오해, "per our policy", "as stated", "misunderstanding"),
conditional apologies ("if you were offended", "mistakes were made"), legal threats, requests for
personal data in public, script phrases, denial, a missing apology or concrete action, and with
--channel a reply longer than the channel takes (X counts Hangul double, 280 in all).

Options:
  --lang ko|en      language of the reply (default: guessed from its script)
  --channel NAME    where it will be posted: ${CHANNELS.join(', ')}
  -h, --help        show this help

Exit status: 0 when the reply is clean, 1 when there are findings, 2 on bad input (empty, not
UTF-8, over 100 KB, a bad option, or an argument: the reply comes on stdin), when stdout holds
{"ok": false, "error": "…", "findings": []}.`,
  async run(argv, io) {
    // Every outcome, a bad option included, prints one JSON object: callers parse stdout whatever the exit.
    const refuse = (message: string) => {
      io.stdout.write(`${JSON.stringify({ ok: false, error: message, findings: [] })}\n`);
      io.stderr.write(`bulssi tone: ${message}\n`);
      return 2;
    };
    let values: { lang?: string | undefined; channel?: string | undefined };
    let positionals: string[];
    try {
      ({ values, positionals } = parseCommandArgs(
        argv,
        { lang: { type: 'string' }, channel: { type: 'string' } },
        { allowPositionals: true },
      ));
    } catch (error) {
      return refuse((error as Error).message);
    }
    if (positionals.length > 0)
      return refuse(
        'unexpected argument: the reply is read from standard input, e.g. echo "…" | bulssi tone',
      );
    if (values.lang !== undefined && values.lang !== 'ko' && values.lang !== 'en')
      return refuse('--lang must be ko or en');
    const channel = values.channel === undefined ? undefined : channelSchema.safeParse(values.channel);
    if (channel && !channel.success) return refuse(`--channel must be one of ${CHANNELS.join(', ')}`);
    let reply: string;
    try {
      reply = await readStdin(io.stdin, MAX_REPLY_BYTES);
    } catch (error) {
      return refuse((error as Error).message);
    }
    if (reply.trim() === '') return refuse('the reply on stdin is empty');
    const findings = checkTone(reply, { lang: values.lang as Lang | undefined, channel: channel?.data });
    io.stdout.write(`${JSON.stringify({ ok: findings.length === 0, findings })}\n`);
    return findings.length === 0 ? 0 : 1;
  },
};
