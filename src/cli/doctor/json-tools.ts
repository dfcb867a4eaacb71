/** Small readers for untrusted JSON. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short one-line excerpt of a value or text, for the report's "got" column. */
export const excerpt = (value: unknown, max = 70): string => {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).replace(
    /\s+/g,
    ' ',
  );
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** The media type of a response, without parameters, lower-cased. */
export const mediaType = (headers: Headers): string =>
  (headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
