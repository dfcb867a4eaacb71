import { forEachPart, type LooseMessages, Refusals } from './define-dialect.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `true` when a string looks like the UUID of an uploaded Caesar file. */
export const isFileId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The API version chatwire sends by default; `compute_units` became `reasoning_loops` in it. */
export const CAESAR_API_VERSION = '2025-11-27';

const INT_RANGES: Record<string, [number, number]> = { source_timeout: [3, 180] };
const BOOLEANS = ['reasoning_mode', 'allow_early_exit', 'exclude_social', 'auto'];
const STRINGS = ['system_prompt', 'model'];

/** Refuses what Caesar would ignore or fail on, before anything is sent (see shared/vendors/caesar.md). */
export function checkCaesarParams(params: Record<string, unknown>, apiVersion = CAESAR_API_VERSION): void {
  const refusals = new Refusals('caesar');
  if (typeof params.n === 'number' && params.n > 1)
    refusals.add('n', 'must be 1: Caesar always answers one choice');
  // `tools`, `response_format` and the sampling knobs are documented as accepted and ignored, so
  // they pass (API.md); parse() and runTools(), which need them to work, refuse by capability.
  const messages = (params.messages ?? []) as LooseMessages;
  if (!messages.some((m) => m.role === 'user')) {
    refusals.add('messages', 'need a user message: its text becomes the research query');
  }
  if (params.metadata !== undefined)
    checkResearchSettings(params.metadata, refusals, 'metadata.', apiVersion);
  forEachPart(messages, (part, path) => {
    if (part.type !== 'file') return;
    const file = (part.file ?? {}) as Record<string, unknown>;
    if (file.file_data !== undefined || file.file_id !== undefined) {
      refusals.add(
        `${path}.file`,
        'uses OpenAI keys; Caesar reads `fileData` with an uploaded file id (use filePart())',
      );
    } else if (!isFileId(file.fileData)) {
      refusals.add(`${path}.file.fileData`, 'must be the UUID of a file uploaded with client.files.upload()');
    }
  });
  refusals.throwIfAny();
}

/**
 * Checks Caesar's research settings (compat `metadata` or the native `/research` body) with
 * `prefix` on each path, under `apiVersion`: the loop count is `reasoning_loops` from 2025-11-27
 * on and `compute_units` before (dates in ISO form compare as strings).
 */
export function checkResearchSettings(
  input: unknown,
  refusals: Refusals,
  prefix: string,
  apiVersion = CAESAR_API_VERSION,
): void {
  if (typeof input !== 'object' || input === null) {
    refusals.add(prefix.replace(/\.$/, ''), 'must be an object');
    return;
  }
  const settings = input as Record<string, unknown>;
  const [loops, other] =
    apiVersion < CAESAR_API_VERSION
      ? ['compute_units', 'reasoning_loops']
      : ['reasoning_loops', 'compute_units'];
  if (other in settings) {
    refusals.add(
      `${prefix}${other}`,
      other === 'compute_units'
        ? `was renamed \`reasoning_loops\` in API version ${CAESAR_API_VERSION}`
        : `is \`compute_units\` in API version ${apiVersion} (the client's API-Version)`,
    );
  }
  for (const [key, [min, max]] of Object.entries({ ...INT_RANGES, [loops]: [1, 10] })) {
    const value = settings[key];
    if (
      value !== undefined &&
      !(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
    ) {
      refusals.add(`${prefix}${key}`, `must be a whole number from ${min} to ${max}`);
    }
  }
  for (const key of BOOLEANS) {
    if (settings[key] !== undefined && typeof settings[key] !== 'boolean')
      refusals.add(`${prefix}${key}`, 'must be a boolean');
  }
  for (const key of STRINGS) {
    if (settings[key] !== undefined && typeof settings[key] !== 'string')
      refusals.add(`${prefix}${key}`, 'must be a string');
  }
  const domains = settings.excluded_domains;
  if (domains !== undefined && !(Array.isArray(domains) && domains.every((d) => typeof d === 'string'))) {
    refusals.add(`${prefix}excluded_domains`, 'must be an array of domain names');
  }
}
