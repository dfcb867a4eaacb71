import {
  answered,
  connectionProblem,
  type Exchange,
  fetchWire,
  type NoAnswer,
  type WireRequest,
} from './exchange.js';
import { linkedSignal } from './linked-signal.js';

/** Limits of one request. */
export interface SendLimits {
  readonly timeoutMs: number;
  /** The doctor's own signal (Ctrl-C). */
  readonly signal: AbortSignal;
}

/** Sends `request` and reads the whole body, within `timeoutMs`. */
export const send = async (request: WireRequest, limits: SendLimits): Promise<Exchange | NoAnswer> => {
  const started = Date.now();
  const { signal, dispose } = linkedSignal(limits.signal, limits.timeoutMs);
  try {
    const response = await fetchWire(request, signal);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return answered(response, bytes, new TextDecoder().decode(bytes), started);
  } catch (error) {
    if (limits.signal.aborted) throw error;
    return { ok: false, error: connectionProblem(error, limits.timeoutMs) };
  } finally {
    dispose();
  }
};
