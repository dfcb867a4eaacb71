// What the mock vendor and the scenario agree on. Imported on both sides of the wire: the host
// answers by model name, the runtime under test checks what came back.

/** The model of each scenario request picks the mock's reply. */
export const models = {
  json: 'smoke-json',
  stream: 'smoke-stream',
  abort: 'smoke-slow',
  rateLimited: 'smoke-rate-limited',
  /** Slow drip for the workerd relay, so incremental delivery is measurable. */
  drip: 'smoke-drip',
} as const;

export const apiKey = 'sk-runtime-smoke';

/** Content deltas of the streamed chat, one chunk each. */
export const streamPieces = ['Hello', ' from', ' the', ' loopback', ' vendor', '.'] as const;

/** Gap between streamed chunks. Long enough that reads spread over time, short enough to be quick. */
export const streamIntervalMs = 40;

export const dripPieces = ['one', ' two', ' three', ' four', ' five', ' six'] as const;
export const dripIntervalMs = 150;

/** The slow stream the abort step cuts: far longer than the step allows itself. */
export const abortChunks = 50;
export const abortIntervalMs = 100;

export const rateLimitMessage = 'Rate limit reached for smoke tests.';

/** Base URLs of the mock vendors, by dialect. */
export interface VendorURLs {
  readonly openai: string;
  readonly caesar: string;
}

/** The Caesar upload step: a Unicode filename and bytes the vendor must receive intact. */
export const upload = {
  filename: 'résumé – Q3 📄.txt',
  text: 'Q3 revenue rose 12 %. Ünïcödé survives: 日本語.',
  contentType: 'text/plain',
} as const;

/** The path upload step (Node, Bun, Deno): a file written next to the entry, several reads long. */
export const pathUpload = { file: 'path-upload.bin', size: 200_001 } as const;

/** The path upload's bytes: a pattern that no dropped, repeated or reordered read can reproduce. */
export const pathUploadBytes = (): Uint8Array => {
  const bytes = new Uint8Array(pathUpload.size);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 12)) & 0xff;
  return bytes;
};

/** Printed by server-side runtimes before the JSON result, so logs around it do not matter. */
export const resultMarker = 'CHATWIRE_SCENARIO_RESULT ';
