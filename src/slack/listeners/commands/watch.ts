import { addWatchTerm, removeWatchTerm, type WatchChange } from '../../../core/watch-overrides.js';
import type { SlackDeps } from '../../deps.js';
import { safeText } from '../../mrkdwn.js';

async function watchList(deps: SlackDeps): Promise<string> {
  const s = deps.strings;
  const overrides = await deps.store.getWatchOverrides();
  const lines = [`*${s.command.watchTitle}*`];
  for (const brand of deps.config.watch.brands) {
    const aliases = [...brand.aliases, ...brand.misspellings].map((a) =>
      overrides.removed.includes(a) ? `~${safeText(a, 80)}~` : safeText(a, 80),
    );
    const aliasText = aliases.length > 0 ? ` · ${s.command.watchAliases}: ${aliases.join(', ')}` : '';
    lines.push(`• *${s.command.watchBrand}:* ${safeText(brand.name, 80)}${aliasText}`);
  }
  if (overrides.added.length > 0) {
    lines.push(
      `• *${s.command.watchAddedInSlack}:* ${overrides.added.map((t) => safeText(t, 80)).join(', ')}`,
    );
  }
  if (overrides.removed.length > 0) {
    lines.push(
      `• *${s.command.watchRemovedInSlack}:* ${overrides.removed.map((t) => safeText(t, 80)).join(', ')}`,
    );
  }
  if (deps.config.watch.exclude.length > 0) {
    lines.push(
      `• *${s.command.watchExclude}:* ${deps.config.watch.exclude.map((e) => safeText(e, 80)).join(', ')}`,
    );
  }
  return lines.join('\n');
}

/**
 * `/crisis watch list|add|remove <term>`: the reply text. Changes are stored and apply from the next scan;
 * `mayAct` is asked only for changes.
 */
export async function handleWatch(deps: SlackDeps, args: readonly string[], user: string): Promise<string> {
  const s = deps.strings;
  const [verb = 'list', ...words] = args;
  const term = words.join(' ');
  if (verb === 'list') return watchList(deps);
  if (verb !== 'add' && verb !== 'remove') return s.command.watchUsage;
  if (!(await deps.mayAct(user))) return s.refuse.notAllowed;
  // Two changes made at once are both kept: each applies to the stored terms as they are when it is written.
  let change = undefined as WatchChange | undefined;
  await deps.store.updateWatchOverrides((overrides) => {
    change =
      verb === 'add'
        ? addWatchTerm(deps.config.watch, overrides, term)
        : removeWatchTerm(deps.config.watch, overrides, term);
    return change.ok
      ? { added: [...change.overrides.added], removed: [...change.overrides.removed] }
      : undefined;
  });
  if (!change) return s.refuse.failed;
  if (!change.ok) return s.command.watchRefused[change.reason];
  deps.logger.info({ user, verb, term }, 'watch terms changed from Slack');
  const shown = safeText(term.trim(), 80);
  return verb === 'add' ? s.command.watchAdded(shown) : s.command.watchRemoved(shown);
}
