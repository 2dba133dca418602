import { z } from 'zod';
import { configFrom, findConfigFile, loadConfigFile } from '../config/load.js';
import { CATEGORIES, categorySchema, type Config } from '../config/schema.js';
import { CHANNELS, channelOfUrl, channelSchema } from '../core/draft/channel.js';
import { defaultVoice } from '../core/draft/voice.js';
import { companyTerms } from '../core/risk/company-terms.js';
import { createScorer, scorePost } from '../core/risk/score.js';
import { type ComposedDraft, composeDraft } from '../drafting/compose-draft.js';
import { personaliserOf } from '../drafting/model-personaliser.js';
import { subjectOfThread } from '../drafting/thread-subject.js';
import { voiceOf } from '../drafting/voice-of-config.js';
import { BotError } from '../errors.js';
import { sampleConfig } from '../sample/sample-config.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command, CommandIo } from './command.js';
import { openExistingStore } from './open-store.js';
import { scoreInputSchema } from './score.js';
import { readStdin } from './read-stdin.js';

/** One post, as `bulssi score` takes it, plus what the drafter can use. */
const draftInputSchema = scoreInputSchema.extend({
  id: z.string().optional(),
  category: categorySchema.optional(),
  channel: channelSchema.optional(),
  author: z.string().optional(),
  url: z.string().optional(),
});

const MAX_POST_BYTES = 1024 * 1024;

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

export const draftCommand: Command = {
  name: 'draft',
  summary: 'Draft a public apology for a post given as JSON on stdin, with its tone check',
  help: `Usage: bulssi draft [--config FILE] < post.json

Reads one post as a JSON object on stdin, the fields of \`bulssi score\` plus optional ones:
  {"text": string, "title"?: string, "lang"?: "ko"|"en", "id"?, "source"?, "metrics"?,
   "category"?: ${CATEGORIES.join('|')},
   "channel"?: ${CHANNELS.join('|')}, "author"?: string, "url"?: string}
and prints one JSON object:
  {"lang": "ko"|"en", "category": "…", "draft": "…", "findings": [...], "channel": "…", "source": "template"|"model"}
Without "category" the post is scored to find it; without "channel" it comes from "url" (blog otherwise).
The voice (company name, team, signature, private contact, 합쇼체/해요체) comes from the config's
"company" section (else the first watched brand); without a config file the reply is signed by
"고객지원팀" / "Customer Support" in 합쇼체.
When the config sets drafts.model, an OpenAI-compatible endpoint (key in BULSSI_MODEL_API_KEY) may
personalise the draft; its text is used only if it passes the tone check, else the template is printed.
Nothing is posted anywhere.

With --thread ID the post is a tracked thread from the store instead of stdin (as in \`bulssi threads\`),
for teams working from the terminal.

Options:
  --thread ID       draft for this stored thread instead of reading stdin
  --channel NAME    with --thread: where the reply goes (default: from the post's URL)
  --config FILE     config file (default: BULSSI_CONFIG, then ./bulssi.yaml)
  -h, --help        show this help

Exit status: 0 with a draft, 1 when --thread names no stored thread, 2 on bad input (not JSON,
a missing "text" or a blank one without a title, unknown category or channel, or an argument: the post
comes on stdin).`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { config: { type: 'string', short: 'c' }, thread: { type: 'string' }, channel: { type: 'string' } },
      { allowPositionals: true },
    );
    if (positionals.length > 0)
      throw new UsageError(
        'unexpected argument: the post is read as JSON from standard input, e.g. bulssi draft < post.json',
      );
    if (values.thread !== undefined)
      return draftForStoredThread(values.thread, values.channel, values.config, io);
    if (values.channel !== undefined)
      throw new UsageError('--channel goes with --thread; give "channel" in the JSON');
    const file = findConfigFile(values.config, io.env, io.cwd);
    const config: Config | undefined = file ? loadConfigFile(file, io.env) : undefined;
    let post: z.infer<typeof draftInputSchema>;
    try {
      const raw = await readStdin(io.stdin, MAX_POST_BYTES);
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        throw new BotError('ERR_BAD_INPUT', `not valid JSON: ${(error as Error).message}`);
      }
      const parsed = draftInputSchema.safeParse(json);
      if (!parsed.success) throw new BotError('ERR_BAD_INPUT', describe(parsed.error));
      post = parsed.data;
      if (post.text.trim() === '' && (post.title ?? '').trim() === '')
        throw new BotError('ERR_BAD_INPUT', 'text: the post is empty (no text and no title)');
    } catch (error) {
      io.stderr.write(`bulssi draft: ${(error as Error).message}\n`);
      return 2;
    }
    let category = post.category;
    if (!category) {
      const scorer =
        config && config.risk.terms.length > 0
          ? createScorer({ extraTerms: companyTerms(config.risk.terms) })
          : scorePost;
      const input: Parameters<typeof scorePost>[0] = { text: post.text, metrics: post.metrics ?? {} };
      if (post.title !== undefined) input.title = post.title;
      if (post.lang !== undefined) input.lang = post.lang;
      category = scorer(input).category;
    }
    const voice = config ? voiceOf(config) : defaultVoice();
    const drafted = await composeDraft(
      {
        title: post.title ?? '',
        text: post.text,
        author: post.author,
        lang: post.lang,
        category,
        channel: post.channel ?? (post.url ? channelOfUrl(post.url) : 'blog'),
      },
      { voice, now: new Date(), timeZone: config?.schedule.timezone ?? 'Asia/Seoul' },
      config ? personaliserOf(config.drafts, io.env) : undefined,
    );
    printDraft(drafted, io);
    return 0;
  },
};

function printDraft(drafted: ComposedDraft, io: CommandIo): void {
  const out: Record<string, unknown> = {
    lang: drafted.lang,
    category: drafted.category,
    draft: drafted.text,
    findings: drafted.findings,
    channel: drafted.channel,
    source: drafted.source,
  };
  if (drafted.modelNote) out.modelNote = drafted.modelNote;
  io.stdout.write(`${JSON.stringify(out)}\n`);
}

async function draftForStoredThread(
  id: string,
  channelFlag: string | undefined,
  configFlag: string | undefined,
  io: CommandIo,
): Promise<number> {
  const channel = channelFlag === undefined ? undefined : channelSchema.safeParse(channelFlag);
  if (channel && !channel.success) throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')}`);
  const opened = await openExistingStore(configFlag, io);
  if (!opened) return 1;
  try {
    const thread = await opened.store.getThread(id);
    if (!thread) {
      io.stderr.write(`bulssi draft: no stored thread "${id}" (see \`bulssi threads\`)\n`);
      return 1;
    }
    const config = opened.config;
    const drafted = await composeDraft(
      subjectOfThread(thread, channel?.data),
      {
        // Without a config file the store is the bundled sample's, and so is the voice.
        voice: voiceOf(config ?? configFrom(sampleConfig('http://127.0.0.1:9'))),
        now: new Date(),
        timeZone: config?.schedule.timezone ?? 'Asia/Seoul',
      },
      config ? personaliserOf(config.drafts, io.env) : undefined,
    );
    printDraft(drafted, io);
    return 0;
  } finally {
    await opened.store.close();
  }
}
