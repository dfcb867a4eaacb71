import { InvalidRequestError } from '../errors/request-errors.js';

export type HeaderLayer = Readonly<Record<string, string | null | undefined>> | undefined;

// RFC 9110 token characters for names. Values are bytes: tab, visible ASCII and 0x80–0xFF. A CR
// or LF would smuggle a second header; any other control character, or one above U+00FF ("My app
// — prod", a pasted "…"), makes fetch throw a TypeError that would look like a connection failure
// and be retried.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Merges header layers, later ones winning, names compared case-insensitively; `null` removes a
 * header set by an earlier layer. A malformed name or value is refused before anything is sent,
 * and the message names the header but never echoes its value (it may be a secret).
 */
export function mergeHeaders(...layers: HeaderLayer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const name in layer) {
      const value = layer[name];
      const key = name.toLowerCase();
      if (value === null) {
        delete out[key];
        continue;
      }
      if (value === undefined) continue;
      if (!NAME.test(name))
        throw new InvalidRequestError(`Header name ${JSON.stringify(name)} is not a valid token.`);
      if (BAD_VALUE.test(value)) {
        throw new InvalidRequestError(
          `Header "${name}" contains a line break, a control character or a character beyond Latin-1 and was not sent.`,
          [
            {
              path: `headers.${name}`,
              message: 'must not contain control characters or characters above U+00FF',
            },
          ],
        );
      }
      out[key] = value;
    }
  }
  return out;
}
