/** What a multipart part's `Content-Disposition` says. */
export interface FormDisposition {
  readonly name: string;
  readonly filename?: string;
}

/**
 * Reads `form-data; name="file"; filename="report.pdf"`, accepting RFC 5987 `filename*=UTF-8''…`
 * and undoing the WHATWG escapes (`%22`, `%0A`, `%0D`) that fetch's `FormData` encoder applies.
 * The header is expected decoded as UTF-8, since browsers and Node send raw UTF-8 filenames.
 */
export const parseFormDisposition = (header: string): FormDisposition => {
  const params = new Map<string, string>();
  // `key=value` or `key="quoted; value"` pairs after the first `;`.
  // WHATWG's encoder escapes `"` as %22 and leaves backslashes raw, so a quoted value ends at the
  // next quote and a backslash is a character (Node's own Response.formData() reads it so).
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g;
  for (const match of header.matchAll(pattern)) {
    const key = (match[1] ?? '').toLowerCase();
    const quoted = match[2];
    params.set(key, quoted === undefined ? (match[3] ?? '').trim() : unquote(quoted));
  }
  const extended = params.get('filename*');
  const filename = extended === undefined ? params.get('filename') : decodeExtended(extended);
  return { name: params.get('name') ?? '', ...(filename === undefined ? {} : { filename }) };
};

const unquote = (value: string): string =>
  value.replace(/%22/g, '"').replace(/%0A/gi, '\n').replace(/%0D/gi, '\r');

/** `UTF-8''%E2%82%AC.txt` → `€.txt` (the charset and language are ignored). */
const decodeExtended = (value: string): string => {
  const encoded = value.replace(/^[^']*'[^']*'/, '');
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
};

/** The boundary of a `multipart/form-data` content type, or `undefined` for anything else. */
export const multipartBoundary = (contentType: string | undefined): string | undefined => {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
};
