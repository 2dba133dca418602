import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';

/** Decides who may act on alerts: members of a user group when one is configured, else of the alert channel. */
export type AccessCheck = (userId: string) => Promise<boolean>;

export interface AccessOptions {
  client: webApi.WebClient;
  channel: string;
  usergroup?: string | undefined;
  logger: Logger;
  now: () => Date;
  /** How long a membership list is reused, ms. */
  ttlMs?: number;
}

/**
 * Membership from conversations.members (paginated) or usergroups.users.list, cached for `ttlMs`.
 * When Slack cannot answer, nobody is let through and the failure is logged.
 */
export function createAccessCheck(options: AccessOptions): AccessCheck {
  const ttl = options.ttlMs ?? 60_000;
  let cached: { at: number; members: Set<string> } | undefined;

  const load = async (): Promise<Set<string>> => {
    if (options.usergroup) {
      const result = await options.client.usergroups.users.list({ usergroup: options.usergroup });
      return new Set(result.users ?? []);
    }
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await options.client.conversations.members({
        channel: options.channel,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const id of page.members ?? []) members.add(id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return members;
  };

  return async (userId) => {
    const now = options.now().getTime();
    if (!cached || now - cached.at > ttl) {
      try {
        cached = { at: now, members: await load() };
      } catch (error) {
        options.logger.error({ err: error }, 'could not read who may act; refusing until Slack answers');
        return false;
      }
    }
    return cached.members.has(userId);
  };
}
