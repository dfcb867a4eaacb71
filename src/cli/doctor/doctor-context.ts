import type { Endpoint } from '../endpoint.js';
import type { Exchange } from './exchange.js';
import type { Expectations } from './expectations.js';
import type { SendLimits } from './send.js';

/** Everything the checks share. */
export interface DoctorContext {
  readonly endpoint: Endpoint;
  readonly expect: Expectations;
  readonly limits: SendLimits;
  readonly pollIntervalMs: number;
  /** Origin sent by the CORS checks. */
  readonly origin: string;
  /** Requests the rate-limit check may spend to provoke a 429 (0: none). */
  readonly rateLimitProbe: number;
  /** 429 answers met by earlier checks, for the rate-limit check. */
  readonly rateLimited: Exchange[];
}
