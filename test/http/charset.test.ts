import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, resolveCharset, sniffCharset } from '../../src/http/charset.js';
import { isTextMediaType, parseContentType } from '../../src/http/content-type.js';

const KOREAN = '한빛푸드 이물질 논란 똠방각하 뷁';
const euckr = (text: string) => iconv.encode(text, 'cp949');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('resolveCharset', () => {
  it.each([
    ['euc-kr', 'cp949'],
    ['EUC-KR', 'cp949'],
    ['ks_c_5601-1987', 'cp949'],
    ['x-windows-949', 'cp949'],
    ['uhc', 'cp949'],
    ['cp949', 'cp949'],
    ['utf8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    ['iso-8859-1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['gb2312', 'gbk'],
    ['shift_jis', 'shift_jis'],
    ['x-no-such-charset', undefined],
    ['', undefined],
  ])('maps %j to %j', (label, codec) => {
    expect(resolveCharset(label)).toBe(codec);
  });
});

describe('sniffCharset', () => {
  const html = (head: string) =>
    utf8(`<!doctype html><html><head>${head}<title>t</title></head><body></body></html>`);

  it.each([
    {
      name: 'defaults to UTF-8',
      body: html(''),
      contentType: 'text/html',
      charset: 'utf-8',
      source: 'default',
    },
    {
      name: 'reads the header charset',
      body: html(''),
      contentType: 'text/html; charset=EUC-KR',
      charset: 'euc-kr',
      source: 'header',
    },
    {
      name: 'reads a quoted header charset',
      body: html(''),
      contentType: 'text/html; charset="ks_c_5601-1987"',
      charset: 'ks_c_5601-1987',
      source: 'header',
    },
    {
      name: 'reads <meta charset>',
      body: html('<meta charset="euc-kr">'),
      contentType: 'text/html',
      charset: 'euc-kr',
      source: 'meta',
    },
    {
      name: 'reads <meta http-equiv content>',
      body: html('<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">'),
      contentType: undefined,
      charset: 'ks_c_5601-1987',
      source: 'meta',
    },
    {
      name: 'ignores <meta> inside a comment',
      body: html('<!-- <meta charset="euc-kr"> --><meta charset="utf-8">'),
      contentType: 'text/html',
      charset: 'utf-8',
      source: 'meta',
    },
    {
      name: 'reads the XML declaration',
      body: utf8('<?xml version="1.0" encoding="EUC-KR"?><rss></rss>'),
      contentType: 'application/rss+xml',
      charset: 'euc-kr',
      source: 'xml',
    },
    {
      name: 'lets the header outrank <meta>',
      body: html('<meta charset="euc-kr">'),
      contentType: 'text/html; charset=utf-8',
      charset: 'utf-8',
      source: 'header',
    },
    {
      name: 'lets a BOM outrank the header',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), html('')]),
      contentType: 'text/html; charset=euc-kr',
      charset: 'utf-8',
      source: 'bom',
    },
    {
      name: 'detects a UTF-16LE BOM',
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>', 'utf16le')]),
      contentType: 'text/html',
      charset: 'utf-16le',
      source: 'bom',
    },
    {
      name: 'reads a <meta> claiming UTF-16 as UTF-8',
      body: html('<meta charset="utf-16">'),
      contentType: 'text/html',
      charset: 'utf-8',
      source: 'meta',
    },
    {
      name: 'never sniffs JSON for <meta>',
      body: utf8('{"description":"<meta charset=euc-kr>"}'),
      contentType: 'application/json',
      charset: 'utf-8',
      source: 'default',
    },
    {
      name: 'skips an unknown header label and falls back to <meta>',
      body: html('<meta charset="euc-kr">'),
      contentType: 'text/html; charset=x-bogus',
      charset: 'euc-kr',
      source: 'meta',
    },
    {
      name: 'handles an empty body',
      body: Buffer.alloc(0),
      contentType: undefined,
      charset: 'utf-8',
      source: 'default',
    },
  ])('$name', ({ body, contentType, charset, source }) => {
    const sniff = sniffCharset(body, { contentType });
    expect({ charset: sniff.charset, source: sniff.source }).toEqual({ charset, source });
  });

  it('lets a forced encoding outrank everything', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), html('<meta charset="utf-8">')]);
    expect(sniffCharset(body, { contentType: 'text/html; charset=utf-8', override: 'EUC-KR' })).toMatchObject(
      {
        charset: 'euc-kr',
        codec: 'cp949',
        source: 'option',
      },
    );
  });

  it('reports unknown labels and falls back to UTF-8', () => {
    const sniff = sniffCharset(html('<meta charset="x-klingon">'), {
      contentType: 'text/html; charset=x-bogus',
    });
    expect(sniff).toEqual({
      charset: 'utf-8',
      codec: 'utf-8',
      source: 'default',
      unknownLabels: ['x-bogus', 'x-klingon'],
    });
  });
});

describe('decodeText', () => {
  it('decodes EUC-KR, including cp949-only syllables, from the header', () => {
    expect(decodeText(euckr(KOREAN), { contentType: 'text/plain; charset=euc-kr' }).text).toBe(KOREAN);
  });

  it('decodes EUC-KR declared in <meta>', () => {
    const page = `<html><head><meta charset="euc-kr"></head><body>${KOREAN}</body></html>`;
    expect(decodeText(euckr(page), { contentType: 'text/html' }).text).toBe(page);
  });

  it('finds a <meta charset> that long inline scripts pushed past the first 4 KB of <head>', () => {
    const script = `<script>var ads = "${'x'.repeat(6000)}";</script>`;
    const page = `<html><head>${script}<meta charset="euc-kr"><title>${KOREAN}</title></head><body>${KOREAN}</body></html>`;
    const decoded = decodeText(euckr(page), { contentType: 'text/html' });
    expect(decoded).toMatchObject({ charset: 'euc-kr', source: 'meta' });
    expect(decoded.text).toBe(page);
    // A charset named in the body's text is not a declaration.
    const inBody = `<html><head>${script}</head><body>charset=euc-kr ${'y'.repeat(10)}</body></html>`;
    expect(decodeText(utf8(inBody), { contentType: 'text/html' }).source).toBe('default');
  });

  it('reads an undeclared page that is not UTF-8 as cp949, and keeps UTF-8 and binary as they were', () => {
    const page = `<html><body>${KOREAN} 한빛푸드 과자에서 벌레가 나왔어요</body></html>`;
    expect(decodeText(euckr(page), { contentType: 'text/html' })).toMatchObject({
      charset: 'cp949',
      source: 'guess',
      text: page,
    });
    expect(decodeText(utf8(page), { contentType: 'text/html' })).toMatchObject({
      source: 'default',
      text: page,
    });
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe, 0x80]);
    expect(decodeText(binary, { contentType: 'text/html' }).source).toBe('default');
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(KOREAN)])).text).toBe(KOREAN);
  });

  it('decodes UTF-16BE with a BOM', () => {
    const body = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(KOREAN, 'utf16le').swap16()]);
    expect(decodeText(body).text).toBe(KOREAN);
  });

  it('decodes a slice of a larger buffer without reading outside it', () => {
    const whole = Buffer.concat([utf8('garbage'), euckr(KOREAN), utf8('garbage')]);
    const slice = whole.subarray(7, whole.length - 7);
    expect(decodeText(slice, { override: 'euc-kr' }).text).toBe(KOREAN);
  });
});

describe('parseContentType', () => {
  it.each([
    [undefined, { mediaType: undefined, charset: undefined }],
    ['', { mediaType: undefined, charset: undefined }],
    ['Text/HTML', { mediaType: 'text/html', charset: undefined }],
    ['text/html; charset=EUC-KR', { mediaType: 'text/html', charset: 'euc-kr' }],
    ['text/html;charset="utf-8"; foo=bar', { mediaType: 'text/html', charset: 'utf-8' }],
    ['text/html; boundary=x; charset = cp949 ', { mediaType: 'text/html', charset: 'cp949' }],
    ['text/html; charset=', { mediaType: 'text/html', charset: undefined }],
  ])('parses %j', (header, expected) => {
    expect(parseContentType(header)).toEqual(expected);
  });
});

describe('isTextMediaType', () => {
  it.each([
    [undefined, true],
    ['text/html', true],
    ['text/plain', true],
    ['application/xml', true],
    ['application/rss+xml', true],
    ['application/atom+xml', true],
    ['application/xhtml+xml', true],
    ['application/json', true],
    ['application/feed+json', true],
    ['image/png', false],
    ['application/octet-stream', false],
    ['application/pdf', false],
    ['video/mp4', false],
  ])('%j is text: %j', (mediaType, expected) => {
    expect(isTextMediaType(mediaType)).toBe(expected);
  });
});
