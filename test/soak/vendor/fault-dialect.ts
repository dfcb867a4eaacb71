import type { MockDialect, MockDialectContext, RecordedRequest, Reply } from '../../../src/testing/index.js';
import type { Timing } from '../faults/kinds.js';
import { ATTEMPT_HEADER, decodeFault, FAULT_HEADER, faultHits } from './fault-header.js';

/** One vendor's behaviours: how it normally is, and (for runs) one whose jobs fail or never end. */
export interface Variants {
  readonly normal: MockDialect;
  readonly failing?: MockDialect;
  readonly slow?: MockDialect;
}

export interface FaultDialectOptions {
  readonly apiKey: string;
  readonly timing: Timing;
}

/**
 * A mock vendor that reads each request's fault from its headers and answers with it, or with the
 * vendor's own reply. Run submits go to the variant the fault names, and polls of that run follow
 * it there (by the id in the path).
 */
export function faultDialect(variants: Variants, options: FaultDialectOptions): MockDialect {
  const runVariant = new Map<string, MockDialect>();

  const variantFor = (request: RecordedRequest, name: 'failing' | 'slow' | undefined): MockDialect => {
    if (request.method === 'POST') return (name && variants[name]) || variants.normal;
    const id = new URL(request.path, 'http://soak.invalid').pathname.split('/').at(-1) ?? '';
    return runVariant.get(id) ?? variants.normal;
  };

  const answer = async (dialect: MockDialect, request: RecordedRequest, context: MockDialectContext) =>
    (await dialect.handle(request, context)) ??
    ({ error: 404, message: `soak: no route ${request.path}` } as Reply);

  const handle = async (request: RecordedRequest, context: MockDialectContext): Promise<Reply> => {
    const spec = decodeFault(request.headers[FAULT_HEADER]);
    const attempt = Number(request.headers[ATTEMPT_HEADER] ?? '1');
    const dialect = variantFor(request, spec?.kind.variant);
    if (spec?.kind.serve && faultHits(spec, request.method, attempt)) {
      const withoutStream = { ...request, json: { ...(request.json as object), stream: false } };
      return spec.kind.serve({
        request,
        base: () => answer(dialect, request, context),
        baseJson: () => answer(dialect, withoutStream, context),
        param: spec.param,
        attempt,
        apiKey: options.apiKey,
        timing: options.timing,
      });
    }
    const reply = await answer(dialect, request, context);
    if (request.method === 'POST' && dialect !== variants.normal) rememberRun(reply, dialect);
    return reply;
  };

  const rememberRun = (reply: Reply, dialect: MockDialect): void => {
    if (!('json' in reply)) return;
    const body = reply.json as { id?: unknown; data?: { uid?: unknown; id?: unknown } } | null;
    const id = body?.id ?? body?.data?.uid ?? body?.data?.id;
    if (typeof id === 'string') runVariant.set(id, dialect);
  };

  return {
    ...variants.normal,
    handle,
    reset: () => {
      runVariant.clear();
      for (const variant of Object.values(variants)) variant?.reset?.();
    },
  };
}
