import type { ErrorReply } from '../reply.js';
import { bifrostErrorReply } from './bifrost-errors.js';
import type { BifrostSettings } from './bifrost-settings.js';
import type { BifrostRouting } from './bifrost-shapes.js';

/** A model as Bifrost routes it. */
export interface BifrostTarget {
  readonly provider: string;
  readonly model: string;
}

/** The model that answers, and its 1-based fallback index (0 for the primary). */
export interface BifrostServed {
  readonly routing: BifrostRouting;
  readonly fallbackIndex: number;
  /** Set when every candidate failed: the primary's upstream error, which the request gets instead. */
  readonly failure?: ErrorReply;
}

/** Splits on the first `/`; on `/openai` a bare model means provider `openai`. */
const parseModel = (model: string, native: boolean): BifrostTarget | undefined => {
  const slash = model.indexOf('/');
  if (slash > 0) return { provider: model.slice(0, slash), model: model.slice(slash + 1) };
  return native ? undefined : { provider: 'openai', model };
};

/**
 * Picks who answers: the primary `model`, else the `fallbacks` in order (entries without a
 * provider are dropped silently, as Bifrost does). Models in `failModels` (or the primary with
 * `failPrimary`) fail; when all fail, `failure` holds the primary's upstream error. A request
 * Bifrost refuses (no model, bare model on `/v1`) gets its 400 as the result.
 */
export const routeModel = (
  body: Record<string, unknown>,
  native: boolean,
  settings: BifrostSettings,
): BifrostServed | ErrorReply => {
  const { generation } = settings;
  const model = body.model;
  if (typeof model !== 'string' || model === '') {
    return bifrostErrorReply(generation, { status: 400, message: 'model is required' });
  }
  const primary = parseModel(model, native);
  if (!primary) {
    const message =
      generation === 2025
        ? 'model should be in provider/model format'
        : `provider is required in model field (format: provider/model) — no providers found for model "${model}" in model catalog to auto-resolve`;
    return bifrostErrorReply(generation, { status: 400, message });
  }
  const fallbacks = (Array.isArray(body.fallbacks) ? body.fallbacks : [])
    .filter((entry): entry is string => typeof entry === 'string' && entry.indexOf('/') > 0)
    .map((entry) => parseModel(entry, true) as BifrostTarget);
  const candidates = [primary, ...fallbacks];
  const fails = (target: BifrostTarget, index: number) =>
    (index === 0 && settings.failPrimary) ||
    settings.failModels.includes(target.provider) ||
    settings.failModels.includes(`${target.provider}/${target.model}`);
  const fallbackIndex = candidates.findIndex((target, index) => !fails(target, index));
  const served = candidates[fallbackIndex];
  if (!served) return { routing: primary, fallbackIndex: 0, failure: upstreamFailure(primary, settings) };
  return { routing: { ...served, ...(fallbackIndex > 0 ? { primary } : {}) }, fallbackIndex };
};

/** The error a failing upstream provider causes, passed through with its status. */
const upstreamFailure = (target: BifrostTarget, settings: BifrostSettings): ErrorReply =>
  bifrostErrorReply(settings.generation, {
    status: settings.upstreamStatus,
    message: settings.upstreamMessage ?? `mock upstream failure for ${target.provider}/${target.model}`,
    errorType: 'server_error',
    isBifrostError: false,
    extraFields:
      settings.generation === 2025
        ? { provider: target.provider, model_requested: target.model }
        : { routing_info: { provider: target.provider, model: target.model }, provider: target.provider },
  });
