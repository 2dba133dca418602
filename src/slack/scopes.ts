/**
 * The bot scopes Bulssi needs, and why. The manifests in manifests/ list exactly these; `bulssi doctor`
 * checks the installed token against them.
 */
export const BOT_SCOPES = {
  'chat:write': 'post alerts, update them, reply in their threads, private notes and escalation DMs',
  commands: 'the /crisis command',
  'channels:read': 'who may act (members of a public alert channel) and whether the bot was invited',
  'groups:read': 'the same for a private alert channel',
  'usergroups:read': 'escalating to a user group and the optional allowed user group',
  'channels:history':
    'after a crash, finding an alert already posted in a public alert channel, so it is never posted twice',
  'groups:history': 'the same for a private alert channel',
  'files:write': 'the chart image of the weekly report and /crisis report',
} as const;

export const REQUIRED_SCOPES = Object.keys(BOT_SCOPES) as (keyof typeof BOT_SCOPES)[];

/** Bot events the app subscribes to. */
export const BOT_EVENTS = ['app_home_opened'] as const;
