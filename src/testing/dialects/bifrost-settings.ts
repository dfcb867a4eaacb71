import type { BifrostCostShape, BifrostGeneration } from './bifrost-shapes.js';

/** The async job statuses Bifrost reports. */
export type BifrostJobStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** Knobs of {@link bifrostMockDialect}. */
export interface BifrostMockOptions {
  /** Field generation of `extra_fields`, usage details and cost; 2025 also sends no `x-bifrost-*` headers. @defaultValue 2026 */
  extraFieldsGeneration?: BifrostGeneration;
  /** Spelling of `usage.cost`. @defaultValue `'nested'` (2026) or `'flat'` (2025) */
  usageCost?: BifrostCostShape;
  /** Make the primary model fail, so the first `fallbacks` entry answers. @defaultValue false */
  failPrimary?: boolean;
  /** Models (`provider/model`) or providers that always fail, primary or fallback. */
  failModels?: readonly string[];
  /** Status and message of a failing model. @defaultValue 503, "mock upstream failure for <provider/model>" */
  upstreamError?: { status?: number; message?: string };
  /** Answer 401 `virtual_key_required` to requests without an `sk-bf-` virtual key. @defaultValue false */
  requireVirtualKey?: boolean;
  /** Write `: heartbeat` comment lines between stream chunks. @defaultValue false */
  heartbeat?: boolean;
  /** Break streams after `after` content chunks with a `data: <BifrostError>` frame. */
  streamError?: { after: number; status?: number; message?: string };
  /** Statuses an async job shows at submit and each poll. @defaultValue pending, processing, completed */
  asyncSteps?: readonly BifrostJobStatus[];
  /** End async jobs in `failed` (HTTP 200 with `status_code` and `error`). @defaultValue false */
  failAsync?: boolean;
}

/** {@link BifrostMockOptions} with every default filled in. */
export interface BifrostSettings {
  readonly generation: BifrostGeneration;
  readonly costShape: BifrostCostShape;
  readonly failPrimary: boolean;
  readonly failModels: readonly string[];
  readonly upstreamStatus: number;
  readonly upstreamMessage: string | undefined;
  readonly requireVirtualKey: boolean;
  readonly heartbeat: boolean;
  readonly streamError: { after: number; status?: number; message?: string } | undefined;
  readonly asyncSteps: readonly BifrostJobStatus[];
  readonly failAsync: boolean;
}

export const bifrostSettings = (options: BifrostMockOptions): BifrostSettings => {
  const generation = options.extraFieldsGeneration ?? 2026;
  return {
    generation,
    costShape: options.usageCost ?? (generation === 2025 ? 'flat' : 'nested'),
    failPrimary: options.failPrimary ?? false,
    failModels: options.failModels ?? [],
    upstreamStatus: options.upstreamError?.status ?? 503,
    upstreamMessage: options.upstreamError?.message,
    requireVirtualKey: options.requireVirtualKey ?? false,
    heartbeat: options.heartbeat ?? false,
    streamError: options.streamError,
    asyncSteps: options.asyncSteps ?? ['pending', 'processing', 'completed'],
    failAsync: options.failAsync ?? false,
  };
};
