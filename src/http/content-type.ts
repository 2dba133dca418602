/** The parts of a Content-Type header that decide whether and how a body is decoded. */
export interface ContentType {
  /** Lowercased, without parameters, e.g. "text/html"; undefined when the header is missing or empty. */
  mediaType: string | undefined;
  /** The `charset` parameter, lowercased and unquoted, e.g. "euc-kr". */
  charset: string | undefined;
}

/** Splits a Content-Type header into media type and charset; never throws on malformed input. */
export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { mediaType: undefined, charset: undefined };
  const [type = '', ...params] = header.split(';');
  const mediaType = type.trim().toLowerCase() || undefined;
  let charset: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset = param
      .slice(eq + 1)
      .trim()
      .replace(/^["']|["']$/g, '')
      .trim()
      .toLowerCase();
    if (charset) break;
    charset = undefined;
  }
  return { mediaType, charset };
}

const TEXT_APPLICATION_TYPES = new Set([
  'application/xml',
  'application/json',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
]);

/**
 * Whether a body of this media type is text the sources can parse: text/*, XML and JSON including the
 * `+xml` / `+json` families (RSS, Atom, RDF, XHTML, JSON Feed), and a missing type (many boards send none).
 * Images, PDFs and application/octet-stream are not.
 */
export function isTextMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return true;
  if (mediaType.startsWith('text/')) return true;
  if (TEXT_APPLICATION_TYPES.has(mediaType)) return true;
  return mediaType.endsWith('+xml') || mediaType.endsWith('+json');
}

/** JSON is UTF-8 unless the header says otherwise (RFC 8259), so its body is never sniffed for <meta>. */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false);
}
