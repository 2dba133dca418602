/** Block Kit limits, in characters (and blocks). */
export const LIMITS = {
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextText: 2000,
  messageBlocks: 50,
  viewBlocks: 100,
  modalTitle: 24,
  privateMetadata: 3000,
  inputValue: 3000,
  messageText: 4000,
} as const;

// Control characters and bidi overrides can hide or reorder text; they never belong in a message.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const BROADCAST = /@(channel|here|everyone)\b/gi;

/**
 * Makes scraped text inert in mrkdwn: `&`, `<`, `>` become entities, so it cannot form `<!channel>`,
 * `<@U…>`, `<!subteam^…>` or `<url|label>` links; bare `@channel`-style words get a zero-width space.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(UNSAFE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u200b$1');
}

/** Text for plain_text fields: control characters removed, one line. Slack does not parse mentions there. */
export function plainText(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Cuts `text` to at most `max` UTF-16 units with an ellipsis, never splitting a surrogate pair or an
 * `&amp;`-style entity.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/** Escaped and cut: the one way scraped text enters a mrkdwn field. */
export function safeText(text: string, max: number): string {
  return truncate(escapeMrkdwn(text), max);
}

// Something a reader takes for a site's address: "bank.com", "www.kbstar.com/notice", "https://x.example".
const DOMAIN_LIKE = /(?:[\p{L}\p{N}-]+\.)+[a-z]{2,}(?![\p{L}\p{N}])/giu;

/** The hosts a label seems to name that are neither the link's host nor a parent or child of it. */
function otherSitesNamed(label: string, host: string): string[] {
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const linked = bare(host);
  return [...label.matchAll(DOMAIN_LIKE)]
    .map((m) => bare(m[0]))
    .filter((named) => named !== linked && !linked.endsWith(`.${named}`) && !named.endsWith(`.${linked}`));
}

/** Text shown as a mrkdwn block quote, every line quoted: escaped and cut to `max` first. */
export function quoteText(text: string, max: number): string {
  return safeText(text, max)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * A mrkdwn link to an http(s) URL with an escaped label; other schemes (javascript:, slack:) are shown as
 * text. `|` in the URL is percent-encoded so it cannot end the URL early. A scraped label that names another
 * site (a post titled "bank.com" linking to evil.example) is followed by the real host, so a title can never
 * disguise where its link goes.
 */
export function mrkdwnLink(url: string, label: string, maxLabel = 300): string {
  const safeLabel = safeText(label, maxLabel);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return safeLabel;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return safeLabel;
  const href = escapeMrkdwn(parsed.toString().replace(/\|/g, '%7C'));
  const link = `<${href}|${safeLabel.replace(/\|/g, '¦')}>`;
  return otherSitesNamed(label, parsed.hostname).length > 0
    ? `${link} (${escapeMrkdwn(parsed.hostname)})`
    : link;
}

/** `<@U…>` for a Slack user id; anything that is not an id is shown escaped instead of mentioned. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** `<!subteam^S…>` for a user group id, escaped text otherwise. */
export function groupMention(groupId: string): string {
  return /^S[A-Z0-9]+$/.test(groupId) ? `<!subteam^${groupId}>` : escapeMrkdwn(groupId);
}

/**
 * Slack date formatting: shown in each reader's time zone, with `fallback` (escaped) for clients that
 * cannot. `iso` that is not a date is shown escaped as is.
 */
export function slackDate(iso: string, fallback?: string, format = '{date_short_pretty} {time}'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return safeText(iso, 60);
  const seconds = Math.floor(ms / 1000);
  const text = fallback ?? `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  return `<!date^${seconds}^${format}|${escapeMrkdwn(text)}>`;
}
