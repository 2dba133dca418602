import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/** App Home: rendered fresh each time someone opens the Home tab, then kept current while they are recent. */
export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await deps.home.publish(event.user);
  });
}
