/** What Bifrost reports about a call in its `x-bifrost-*` response headers (newer builds; all optional). */
export interface BifrostResponseInfo {
  provider?: string;
  originalModel?: string;
  resolvedModel?: string;
  requestType?: string;
  /** 1-based index of the fallback that answered; absent when the primary did. */
  fallbackIndex?: number;
  costUsd?: number;
  upstreamLatencyMs?: number;
  traceId?: string;
}

/**
 * Reads Bifrost's response headers, e.g. from `create(...).withResponse()`:
 * @example
 * const { data, response } = await client.chat.completions.create(params).withResponse();
 * readBifrostHeaders(response.headers).fallbackIndex; // 1 when the first fallback answered
 */
export function readBifrostHeaders(headers: Headers): BifrostResponseInfo {
  const info: BifrostResponseInfo = {};
  // A blank header is absent: `Number('')` would report a 0 the server never sent.
  const text = (name: string) => headers.get(name)?.trim() || undefined;
  const number = (name: string) => {
    const value = text(name);
    const parsed = value === undefined ? Number.NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const assign = <K extends keyof BifrostResponseInfo>(key: K, value: BifrostResponseInfo[K] | undefined) => {
    if (value !== undefined) info[key] = value;
  };
  assign('provider', text('x-bifrost-provider'));
  assign('originalModel', text('x-bifrost-original-model'));
  assign('resolvedModel', text('x-bifrost-resolved-model'));
  assign('requestType', text('x-bifrost-request-type'));
  assign('fallbackIndex', number('x-bifrost-fallback-index'));
  assign('costUsd', number('x-bifrost-cost-usd'));
  assign('upstreamLatencyMs', number('x-bifrost-upstream-latency-ms'));
  assign('traceId', text('x-bifrost-trace-id'));
  return info;
}
