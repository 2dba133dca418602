import {
  addCustomSource,
  type ConfiguredSource,
  parseSourceUrl,
  removeCustomSource,
} from '../../../core/custom-sources.js';
import { checkSourceAddress } from '../../../sources/custom-source.js';
import type { SlackDeps } from '../../deps.js';
import { safeText } from '../../mrkdwn.js';

const configuredSources = (deps: SlackDeps): ConfiguredSource[] =>
  deps.config.sources.map((s) => ({ id: s.id, url: 'url' in s ? s.url : undefined }));

/**
 * `/crisis source add <feed url> [name]` and `/crisis source remove <id|url>`: the reply text. Only people who
 * may act change sources. A feed is refused before it is stored when its host is, or resolves to, a private,
 * loopback or link-local address (unless `http.allowPrivateNetworks`), or when it cannot be read as a feed
 * (a 404, a web page, broken XML); the scan fetches it as untrusted.
 */
export async function handleSource(deps: SlackDeps, args: readonly string[], user: string): Promise<string> {
  const s = deps.strings;
  const [verb = '', target, ...nameWords] = args;
  if ((verb !== 'add' && verb !== 'remove') || !target) return s.source.usage;
  if (!(await deps.mayAct(user))) return s.refuse.notAllowed;

  if (verb === 'remove') {
    let result = undefined as ReturnType<typeof removeCustomSource> | undefined;
    await deps.store.updateCustomSources((current) => {
      result = removeCustomSource(current, configuredSources(deps), target);
      return result.ok ? result.sources : undefined;
    });
    if (!result) return s.refuse.failed;
    if (!result.ok) return s.source.refused[result.reason];
    deps.logger.info({ user, source: result.removed.id }, 'source removed from Slack');
    return s.source.removed(result.removed.id, safeText(result.removed.url, 200));
  }

  const parsed = parseSourceUrl(target);
  if (!parsed.ok) return s.source.refused[parsed.reason];
  const check = await checkSourceAddress(parsed.url, {
    allowPrivateNetworks: deps.config.http.allowPrivateNetworks,
    policy: deps.addressPolicy,
  });
  const shown = safeText(parsed.url.href, 200);
  if (!check.ok) {
    deps.logger.warn({ user, url: parsed.url.origin, reason: check.reason }, 'source from Slack refused');
    return check.reason === 'blocked'
      ? s.source.blocked(shown, s.source.addressKind[check.kind], check.address)
      : s.source.refused.unresolved;
  }
  const request = {
    url: parsed.url.href,
    name: nameWords.join(' '),
    by: user,
    now: deps.now().toISOString(),
  };
  const early = addCustomSource(await deps.store.getCustomSources(), configuredSources(deps), request);
  if (!early.ok) return s.source.refused[early.reason];
  let items: number | undefined;
  if (deps.probeFeed) {
    const probe = await deps.probeFeed(parsed.url.href);
    if (!probe.ok) {
      deps.logger.warn(
        { user, url: parsed.url.origin, err: probe.error },
        'source from Slack refused: not a readable feed',
      );
      return s.source.unreadable(shown, safeText(probe.error, 500));
    }
    items = probe.items;
  }
  // Checked again on the stored list as it is now: the feed was being fetched, and someone may have added or
  // removed one meanwhile; two adds at once are both kept.
  let result = undefined as ReturnType<typeof addCustomSource> | undefined;
  await deps.store.updateCustomSources((current) => {
    result = addCustomSource(current, configuredSources(deps), request);
    return result.ok ? result.sources : undefined;
  });
  if (!result) return s.refuse.failed;
  if (!result.ok) return s.source.refused[result.reason];
  deps.logger.info({ user, source: result.source.id, url: parsed.url.origin }, 'source added from Slack');
  return s.source.added(result.source.id, shown, items);
}
