import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../src/slack/ids.js';
import { BOT_EVENTS, REQUIRED_SCOPES } from '../../src/slack/scopes.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url?: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const load = (name: string) =>
  parse(readFileSync(new URL(`../../manifests/${name}`, import.meta.url), 'utf8')) as Manifest;

describe.each([
  ['bulssi-http.yaml', false],
  ['bulssi-socket.yaml', true],
])('manifest %s', (name, socket) => {
  const manifest = load(name);

  it('declares the bot user, /crisis with a usage hint, interactivity and the App Home tab', () => {
    expect(manifest.features.bot_user.display_name).toBe('Bulssi');
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe(COMMAND);
    expect(command?.usage_hint).toMatch(/status.*scan.*sources.*resolve.*help/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
  });

  it('asks for exactly the scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...REQUIRED_SCOPES].sort());
  });

  it(socket ? 'uses Socket Mode with no request URLs' : 'points every request URL at /slack/events', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(socket);
    const urls = [
      manifest.features.slash_commands[0]?.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    if (socket) expect(urls.every((u) => u === undefined)).toBe(true);
    else expect(urls.every((u) => u?.endsWith('/slack/events'))).toBe(true);
  });
});
