import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bulssi, createBulssi } from '../../src/main.js';
import { silentLogger } from '../helpers/slack-fixtures.js';

let bulssi: Bulssi | undefined;

afterEach(async () => {
  await bulssi?.close();
  bulssi = undefined;
});

describe('follow-ups in terminal mode', () => {
  it('prints a reminder for each unacknowledged alert once its deadline passes, and only once', async () => {
    let clock = new Date('2026-11-23T01:00:00.000Z');
    let out = '';
    const stdout = new PassThrough();
    stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    bulssi = await createBulssi({
      env: {},
      cwd: mkdtempSync(join(tmpdir(), 'bulssi-followup-')),
      logger: silentLogger,
      stdout,
      now: () => clock,
    });
    const scan = await bulssi.scan();
    expect(scan.alerts.length).toBeGreaterThan(0);
    expect((await bulssi.followup()).reminded).toBe(0);

    // Past every acknowledge deadline (low: 24 h) but before 48 h: one reminder per alert.
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    const tick = await bulssi.followup();
    expect(tick.reminded).toBe(scan.alerts.length);
    await new Promise((resolve) => setImmediate(resolve));
    const reminders = out.split('\n').filter((line) => line.startsWith('reminder: '));
    expect(reminders).toHaveLength(scan.alerts.length);
    for (const alert of scan.alerts) expect(out).toContain(alert.id);

    clock = new Date(clock.getTime() + 60_000);
    expect((await bulssi.followup()).reminded).toBe(0);
  });
});
