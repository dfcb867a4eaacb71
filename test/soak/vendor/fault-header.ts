import { faultNamed } from '../faults/catalogue.js';
import type { FaultKind } from '../faults/kinds.js';

/** Request headers that carry a call's fault to the vendor (the client adds the attempt number). */
export const FAULT_HEADER = 'x-soak-fault';
export const ATTEMPT_HEADER = 'x-soak-attempt';
export const CALL_HEADER = 'x-soak-call';

export interface FaultSpec {
  readonly kind: FaultKind;
  readonly times: number;
  readonly param: number;
}

export function encodeFault(spec: FaultSpec): string {
  return `${spec.kind.name} ${spec.times} ${spec.param}`;
}

export function decodeFault(value: string | undefined): FaultSpec | undefined {
  if (value === undefined) return undefined;
  const [name = '', times = '1', param = '0'] = value.split(' ');
  return { kind: faultNamed(name), times: Number(times), param: Number(param) };
}

/** Whether the fault answers this request: its first request (POST) or a poll (GET), on this attempt. */
export function faultHits(spec: FaultSpec, method: string, attempt: number): boolean {
  const { kind } = spec;
  if (!kind.serve) return false;
  if ((kind.on === 'request') !== (method === 'POST')) return false;
  return kind.mode === 'retryable' ? attempt <= spec.times : true;
}
