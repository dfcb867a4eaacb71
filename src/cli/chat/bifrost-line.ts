import type { BifrostExtraFields, BifrostResponseInfo } from '../../index.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * One line from Bifrost's `extra_fields` (either generation) and `x-bifrost-*` headers: who
 * answered, with which model, how fast, and whether a fallback or the cache did.
 */
export const bifrostLine = (extra: BifrostExtraFields | undefined, headers: BifrostResponseInfo): string => {
  const routing = (extra?.routing_info ?? {}) as Record<string, unknown>;
  const provider = text(routing.provider) ?? text(extra?.provider) ?? headers.provider;
  const model =
    text(routing.model) ??
    text(extra?.resolved_model_used) ??
    text(extra?.model_requested) ??
    headers.resolvedModel;
  const parts: string[] = [];
  if (provider) parts.push(`provider ${provider}`);
  if (model) parts.push(`model ${model}`);
  if (typeof extra?.latency === 'number') parts.push(`latency ${extra.latency} ms`);
  if (routing.is_fallback === true || headers.fallbackIndex !== undefined) {
    const primary = [text(routing.primary_provider), text(routing.primary_model)].filter(Boolean).join('/');
    parts.push(
      `fallback${headers.fallbackIndex ? ` #${headers.fallbackIndex}` : ''}${primary ? ` (primary ${primary} failed)` : ''}`,
    );
  }
  if (extra?.cache_debug?.cache_hit === true) parts.push('cache hit');
  return parts.length > 0 ? parts.join(' · ') : 'no extra_fields';
};
