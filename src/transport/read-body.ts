import { ResponseValidationError } from '../errors/request-errors.js';

/**
 * Reads a non-streamed body as text, refusing more than `maxBytes` so that a hostile or broken
 * server cannot exhaust memory. A declared length that is too large is refused before reading.
 */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  // A known, acceptable length: the runtime's own reader is the fastest path. Not for a compressed
  // body: its length is the compressed size, and fetch hands over the inflated bytes.
  if (
    Number.isFinite(declared) &&
    response.headers.has('content-length') &&
    !response.headers.has('content-encoding')
  ) {
    return response.text();
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(maxBytes: number): ResponseValidationError {
  return new ResponseValidationError(
    `The response body is larger than maxResponseBytes (${maxBytes} bytes); raise the option if this is expected.`,
  );
}
