import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, redactSecrets } from '../../src/logger.js';

function sink(isTTY = false) {
  const lines: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { stream, lines };
}

describe('logger', () => {
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefabcdef',
    NAVER_CLIENT_SECRET: 'naverSecret123',
    BULSSI_MODEL_API_KEY: 'modelKey-4242',
    BULSSI_LLM_API_KEY: 'llmKey-5353',
  };

  it('redacts secrets by key, by value and by token shape', () => {
    const { stream, lines } = sink();
    const log = createLogger({ destination: stream, env });
    log.info({ token: 'anything', headers: { 'x-naver-client-secret': 'naverSecret123' } }, 'calling naver');
    log.warn(`request failed with naverSecret123 and xoxp-9999-8888-zzzz in the message`);
    log.error({ err: new Error('auth failed for xoxb-1111-2222-abcdefabcdef') }, 'slack failed');
    log.error({ err: new Error('the draft model refused key modelKey-4242') }, 'model failed');
    log.warn('old key llmKey-5353 and model key modelKey-4242 in a message');
    const text = lines.join('');
    expect(text).not.toContain('modelKey-4242');
    expect(text).not.toContain('llmKey-5353');
    expect(text).not.toContain('naverSecret123');
    expect(text).not.toContain('xoxb-1111');
    expect(text).not.toContain('xoxp-9999');
    expect(text).not.toContain('anything');
    expect(text.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it('writes JSON lines to a pipe and readable lines to a terminal', () => {
    const pipe = sink(false);
    createLogger({ destination: pipe.stream, env: {} }).info({ runId: 'abc' }, 'scan started');
    expect(JSON.parse(pipe.lines[0] ?? '')).toMatchObject({
      level: 'info',
      runId: 'abc',
      msg: 'scan started',
    });
    const tty = sink(true);
    createLogger({ destination: tty.stream, env: {} }).info({ runId: 'abc' }, 'scan started');
    expect(tty.lines[0]).toMatch(/^\d\d:\d\d:\d\d .*INFO.* scan started .*runId=abc/);
  });

  it('leaves text without secrets alone', () => {
    expect(redactSecrets('GET https://example.kr/rss failed', env)).toBe('GET https://example.kr/rss failed');
    expect(formatLogLine('not json')).toBe('not json');
  });

  it('scrubs the draft model’s API key from error messages', () => {
    expect(redactSecrets('401 from the model with key modelKey-4242', env)).toBe(
      '401 from the model with key [REDACTED]',
    );
  });
});
