import type { AnyClient } from '../../../src/cli/any-client.js';
import type { CallPlan, DialectName, UploadPlan } from '../plan/call-plan.js';
import type { CallHandle } from './call-registry.js';

/** What a call ended with, as the caller saw it. */
export interface Observation {
  readonly ok: boolean;
  readonly error?: unknown;
  /** The answer's text (a stream: every content delta the caller received, in order). */
  readonly text?: string;
  /** A stream's `finalCompletion()` text, which must agree with the deltas. */
  readonly finalText?: string | null;
  readonly upload?: { readonly id: string; readonly filename: string; readonly size: number | undefined };
}

const MODEL: Record<DialectName, string> = {
  openai: 'gpt-4o-mini',
  caesar: 'caesar-research',
  bifrost: 'openai/gpt-4o-mini',
  morpheus: 'llama-3.3-70b',
  intandem: 'openai/gpt-4o-mini',
};

/** Long enough for any transient poll failure; a job that never ends is given far less. */
export const RUN_WAIT_MS = 20_000;
const NEVER_ENDS_WAIT_MS = 300;

/** Performs the call the plan describes. Never throws: a failure is part of the observation. */
export async function runCall(plan: CallPlan, client: AnyClient, call: CallHandle): Promise<Observation> {
  const { options } = call;
  let received = '';
  try {
    const params = { model: MODEL[plan.dialect], messages: [{ role: 'user' as const, content: plan.query }] };
    switch (plan.op) {
      case 'json': {
        const completion = await client.chat.completions.create(params, options);
        return { ok: true, text: completion.choices[0]?.message.content ?? '' };
      }
      case 'stream': {
        const stream = await client.chat.completions.create({ ...params, stream: true }, options);
        for await (const chunk of stream) {
          received += chunk.choices[0]?.delta.content ?? '';
          if (plan.fault.clientBreaks && received !== '') return { ok: true, text: received };
        }
        const final = await stream.finalCompletion();
        return { ok: true, text: received, finalText: final.choices[0]?.message.content ?? null };
      }
      case 'run':
        return { ok: true, text: await runToEnd(plan, client, params, call) };
      case 'upload':
        return { ok: true, upload: await upload(client, plan.upload as UploadPlan, options) };
    }
  } catch (error) {
    return { ok: false, error, text: received };
  }
}

async function runToEnd(
  plan: CallPlan,
  client: AnyClient,
  params: { model: string; messages: { role: 'user'; content: string }[] },
  call: CallHandle,
): Promise<string> {
  const timeoutMs = plan.fault.name === 'run-never-ends' ? NEVER_ENDS_WAIT_MS : RUN_WAIT_MS;
  const wait = { intervalMs: 5, maxIntervalMs: 20, timeoutMs, signal: call.signal };
  if (plan.dialect === 'caesar') {
    const job = await client.research.create({ query: plan.query }, call.options);
    call.claimRun(job.id);
    return String((await client.research.wait(job.id, wait)).content ?? '');
  }
  const run = await client.chat.completions.create({ ...params, async: true }, call.options);
  call.claimRun(run.id);
  const completion = await client.runs.wait(run, wait);
  return completion.choices[0]?.message.content ?? '';
}

async function upload(client: AnyClient, plan: UploadPlan, options: CallHandle['options']) {
  const input =
    plan.kind === 'bytes'
      ? plan.bytes
      : plan.kind === 'blob'
        ? new Blob([plan.bytes as Uint8Array<ArrayBuffer>])
        : streamOf(plan.bytes);
  const file = await client.files.upload(input, { ...options, filename: plan.filename });
  return { id: file.id, filename: file.filename, size: file.size };
}

/** The bytes as a one-shot stream of 8 KiB pieces. */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 8192));
      offset += 8192;
    },
  });
}
