import { InvalidRequestError } from '../errors/request-errors.js';

/** Bifrost's per-request `x-bf-*` controls, as typed request options (`{ bifrost: { … } }`). */
export interface BifrostControls {
  /** A virtual key (`sk-bf-…`) for this call, sent as `x-bf-vk`. */
  virtualKey?: string;
  /** Semantic cache: the key that scopes cache hits. */
  cacheKey?: string;
  /** Semantic cache: entry lifetime, a Go duration ("30s", "5m") or seconds. */
  cacheTtl?: string | number;
  /** Semantic cache: similarity threshold, 0–1. */
  cacheThreshold?: number;
  cacheType?: string;
  /** Semantic cache: never store this answer. */
  cacheNoStore?: boolean;
  /** Forward `extra_params` (or unknown top-level keys on the native route) to the provider. Set for you when `extra_params` is sent. */
  passthroughExtraParams?: boolean;
  /** Echo the provider request / response in `extra_fields.raw_request` / `raw_response` (if the server allows). */
  sendBackRawRequest?: boolean;
  sendBackRawResponse?: boolean;
  /** Seconds an async job's result is kept (`x-bf-async-job-result-ttl`, default 3600). */
  asyncResultTtl?: number;
  /** Headers forwarded to the provider (`x-bf-eh-<name>`). */
  providerHeaders?: Record<string, string>;
  /** Sticky session affinity. */
  sessionId?: string;
  sessionTtl?: string | number;
  /** Observability dimensions (`x-bf-dim-<key>`). */
  dimensions?: Record<string, string>;
  /** Pick a configured provider key by name (`x-bf-api-key`). */
  apiKeyName?: string;
  /** The Bearer token is a direct provider key, not a virtual key (`x-bf-direct-key: true`). */
  directKey?: boolean;
}

export interface BifrostRequestOptions {
  bifrost?: BifrostControls;
}

/** Turns the typed controls into the headers Bifrost reads. */
export function bifrostControlHeaders(controls: BifrostControls = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) headers[name] = String(value);
  };
  set('x-bf-vk', controls.virtualKey);
  set('x-bf-cache-key', controls.cacheKey);
  set('x-bf-cache-ttl', controls.cacheTtl);
  if (
    controls.cacheThreshold !== undefined &&
    !(controls.cacheThreshold >= 0 && controls.cacheThreshold <= 1)
  ) {
    throw new InvalidRequestError('bifrost.cacheThreshold must be between 0 and 1.', [
      { path: 'bifrost.cacheThreshold', message: 'must be between 0 and 1' },
    ]);
  }
  set('x-bf-cache-threshold', controls.cacheThreshold);
  set('x-bf-cache-type', controls.cacheType);
  set('x-bf-cache-no-store', controls.cacheNoStore);
  set('x-bf-passthrough-extra-params', controls.passthroughExtraParams);
  set('x-bf-send-back-raw-request', controls.sendBackRawRequest);
  set('x-bf-send-back-raw-response', controls.sendBackRawResponse);
  if (
    controls.asyncResultTtl !== undefined &&
    !(Number.isInteger(controls.asyncResultTtl) && controls.asyncResultTtl > 0)
  ) {
    throw new InvalidRequestError('bifrost.asyncResultTtl must be a whole number of seconds above 0.', [
      { path: 'bifrost.asyncResultTtl', message: 'must be a positive integer (seconds)' },
    ]);
  }
  set('x-bf-async-job-result-ttl', controls.asyncResultTtl);
  set('x-bf-session-id', controls.sessionId);
  set('x-bf-session-ttl', controls.sessionTtl);
  set('x-bf-api-key', controls.apiKeyName);
  if (controls.directKey) set('x-bf-direct-key', true);
  for (const [name, value] of Object.entries(controls.providerHeaders ?? {})) set(`x-bf-eh-${name}`, value);
  for (const [name, value] of Object.entries(controls.dimensions ?? {})) set(`x-bf-dim-${name}`, value);
  return headers;
}
