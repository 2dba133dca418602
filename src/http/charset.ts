import iconv from 'iconv-lite';
import { isJsonMediaType, parseContentType } from './content-type.js';

/** Where the charset used to decode a body came from, strongest first. */
export type CharsetSource = 'option' | 'bom' | 'header' | 'xml' | 'meta' | 'guess' | 'default';

export interface CharsetSniff {
  /** The label the body was decoded from, lowercased as declared (e.g. "euc-kr"); "utf-8" by default. */
  charset: string;
  /** The iconv-lite codec used: every Korean label (euc-kr, ks_c_5601-1987, uhc, ...) becomes "cp949". */
  codec: string;
  source: CharsetSource;
  /** Declared labels that name no charset we know; they were skipped and the next clue was used. */
  unknownLabels: string[];
}

export interface SniffOptions {
  /** The Content-Type response header, if any. */
  contentType?: string | undefined;
  /** A charset the caller forces because the site declares a wrong one. */
  override?: string | undefined;
}

/** How far into the body <meta charset> and the XML declaration are looked for first, bytes. */
export const SNIFF_BYTES = 4096;
/**
 * How far a <meta charset> is looked for when the first SNIFF_BYTES have none (long inline scripts or styles
 * before it), up to the end of <head>: browsers find such a late declaration by parsing again.
 */
export const LATE_META_BYTES = 65_536;

/**
 * Korean sites label the Windows superset of EUC-KR in many ways; cp949 decodes all of them, including
 * the 8,822 extra syllables (e.g. 똠, 뷁) that strict EUC-KR lacks.
 */
const KOREAN_LABELS = new Set([
  'euc-kr',
  'euckr',
  'cseuckr',
  'ks_c_5601-1987',
  'ks_c_5601-1989',
  'ksc5601',
  'ksc_5601',
  'csksc56011987',
  'iso-ir-149',
  'korean',
  'windows-949',
  'x-windows-949',
  'ms949',
  'cp949',
  'uhc',
  'x-uhc',
]);

/** As browsers do (WHATWG Encoding), Latin-1 and ASCII labels mean windows-1252. */
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
  'cp1252',
  'x-cp1252',
  'windows-1252',
]);

const UTF8_LABELS = new Set([
  'utf-8',
  'utf8',
  'unicode-1-1-utf-8',
  'unicode11utf8',
  'unicode20utf8',
  'x-unicode20utf8',
]);

/** The iconv-lite codec for a charset label, or undefined when the label names nothing we can decode. */
export function resolveCharset(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (!name) return undefined;
  if (UTF8_LABELS.has(name)) return 'utf-8';
  if (KOREAN_LABELS.has(name)) return 'cp949';
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (name === 'gb2312' || name === 'x-gbk') return 'gbk';
  return iconv.encodingExists(name) ? name : undefined;
}

/** A byte-order mark, which outranks every declaration (WHATWG): it cannot be there by accident. */
export function sniffBom(body: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

const XML_DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i;
const META_TAG = /<meta\b[^>]*>/gi;
const META_CHARSET = /charset\s*=\s*["']?\s*([^"'\s;>/]+)/i;

/** The `encoding` of an `<?xml ...?>` declaration at the start of `head`, lowercased. */
export function sniffXmlDeclaration(head: string): string | undefined {
  return XML_DECLARATION.exec(head)?.[1]?.toLowerCase();
}

/** The charset of the first `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` in `head`. */
export function sniffMetaCharset(head: string): string | undefined {
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag] of withoutComments.matchAll(META_TAG)) {
    const found = META_CHARSET.exec(tag)?.[1];
    if (found) return found.toLowerCase();
  }
  return undefined;
}

/**
 * Picks the charset of a response body: forced option → BOM → Content-Type charset → XML declaration →
 * <meta> → UTF-8. A label nobody knows is skipped (and reported in `unknownLabels`) rather than thrown on.
 * A <meta> claiming UTF-16 is read as UTF-8, as browsers do: a page whose <meta> we could read is not UTF-16.
 */
export function sniffCharset(body: Uint8Array, options: SniffOptions = {}): CharsetSniff {
  const unknownLabels: string[] = [];
  const pick = (label: string | undefined, source: CharsetSource): CharsetSniff | undefined => {
    if (!label) return undefined;
    const codec = resolveCharset(label);
    if (!codec) {
      unknownLabels.push(label.trim().toLowerCase());
      return undefined;
    }
    return { charset: label.trim().toLowerCase(), codec, source, unknownLabels };
  };

  const forced = pick(options.override, 'option');
  if (forced) return forced;
  const bom = sniffBom(body);
  if (bom) return { charset: bom, codec: bom, source: 'bom', unknownLabels };
  const { mediaType, charset } = parseContentType(options.contentType);
  const declared = pick(charset, 'header');
  if (declared) return declared;
  if (!isJsonMediaType(mediaType)) {
    const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, SNIFF_BYTES)).toString(
      'latin1',
    );
    const inDocument =
      pick(sniffXmlDeclaration(head), 'xml') ??
      pick(sniffMetaCharset(head), 'meta') ??
      (body.byteLength > SNIFF_BYTES ? pick(sniffMetaCharset(headOf(body)), 'meta') : undefined);
    if (inDocument) {
      return inDocument.codec.startsWith('utf-16')
        ? { ...inDocument, codec: 'utf-8', charset: 'utf-8' }
        : inDocument;
    }
  }
  return { charset: 'utf-8', codec: 'utf-8', source: 'default', unknownLabels };
}

/** The document's <head> as latin1 text: up to `</head>`, at most LATE_META_BYTES. */
function headOf(body: Uint8Array): string {
  const text = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, LATE_META_BYTES)).toString(
    'latin1',
  );
  const end = text.search(/<\/head\s*>|<body[\s>]/i);
  return end >= 0 ? text.slice(0, end) : text;
}

/** A decoded body and how its charset was chosen. */
export interface DecodedText extends CharsetSniff {
  text: string;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a raw body to a string (BOM removed) using the charset `sniffCharset` picks. A body that declares
 * nothing and is not valid UTF-8 is read as cp949 (EUC-KR), the legacy charset of Korean boards, when that
 * reads it cleanly; `source` is then "guess".
 */
export function decodeText(body: Uint8Array, options: SniffOptions = {}): DecodedText {
  const sniff = sniffCharset(body, options);
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (sniff.source === 'default' && !isUtf8(bytes)) {
    const korean = iconv.decode(bytes, 'cp949');
    if (!korean.includes('\ufffd'))
      return { ...sniff, charset: 'cp949', codec: 'cp949', source: 'guess', text: korean };
  }
  return { ...sniff, text: iconv.decode(bytes, sniff.codec) };
}
