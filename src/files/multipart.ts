/** The bytes around a file's content in a `multipart/form-data` body (RFC 7578). */
export interface MultipartFrame {
  readonly boundary: string;
  /** `multipart/form-data; boundary=…`, the request's `Content-Type`. */
  readonly contentType: string;
  /** The text fields, then the file part's headers, up to the first content byte. */
  readonly head: Uint8Array<ArrayBuffer>;
  /** From the CRLF after the last content byte to the closing delimiter. */
  readonly tail: Uint8Array<ArrayBuffer>;
}

export interface MultipartFile {
  /** The form field's name (`file` for Caesar). */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
}

/**
 * Frames one file and some text fields. The text fields come first so a streaming parser on the
 * server meets them before the (possibly huge) file. Values must not contain CR or LF; callers check.
 * @example
 * const frame = multipartFrame({ file: { field: 'file', filename: 'a.pdf', contentType: 'application/pdf' } });
 * const body = new Blob([frame.head, pdfBlob, frame.tail]);
 */
export function multipartFrame(options: {
  file: MultipartFile;
  fields?: Readonly<Record<string, string>>;
  boundary?: string;
}): MultipartFrame {
  const boundary = options.boundary ?? createBoundary();
  const { field, filename, contentType } = options.file;
  let head = '';
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`;
  }
  head +=
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${escapeQuoted(field)}"; filename="${escapeQuoted(filename)}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  const encoder = new TextEncoder();
  return {
    boundary,
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: encoder.encode(head),
    tail: encoder.encode(`\r\n--${boundary}--\r\n`),
  };
}

/**
 * A quoted-string value the way browsers' `FormData` writes it (WHATWG "multipart/form-data
 * encoding"): UTF-8 kept as is (RFC 7578 §4.2, no `filename*`), and `"`, CR, LF percent-encoded
 * so servers decode it exactly as they do a browser's upload.
 */
export function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** 32 random hex digits: content matching the delimiter by chance is out of the question. */
export function createBoundary(): string {
  const bytes = new Uint8Array(16);
  // Node 18 has no global `crypto` without a flag; uniqueness, not secrecy, is what matters here.
  if (typeof globalThis.crypto?.getRandomValues === 'function') globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `chatwire-${hex}`;
}
