import { ChatwireError } from '../../index.js';
import { type CheckResult, check } from './check-result.js';
import type { DoctorContext } from './doctor-context.js';
import { type CheckGroup, GROUPS, type RunState } from './groups.js';

export type { CheckGroup };

/** The group names, in the order they run. */
export const GROUP_NAMES = Object.keys(GROUPS) as CheckGroup[];

/** Runs every group not skipped, one request at a time (vendors limit bursts), and returns the rows. */
export const runDoctor = async (
  context: DoctorContext,
  skip: ReadonlySet<CheckGroup>,
  progress: (group: CheckGroup) => void = () => undefined,
): Promise<CheckResult[]> => {
  const rows: CheckResult[] = [];
  const state: RunState = { answered: [], reachable: true };
  for (const group of GROUP_NAMES) {
    if (skip.has(group)) {
      rows.push(check(group, 'skip', '—', 'skipped (--skip)'));
      continue;
    }
    // CORS needs no valid key, so only an unreachable endpoint stops it.
    if (state.blocked !== undefined && (group !== 'cors' || !state.reachable)) {
      rows.push(check(group, 'skip', '—', state.blocked));
      continue;
    }
    progress(group);
    try {
      rows.push(...(await GROUPS[group](context, state)));
    } catch (error) {
      // The dialect refused to build a request (Bifrost's async API wants provider/model, say).
      if (context.limits.signal.aborted || !ChatwireError.is(error)) throw error;
      rows.push(check(group, 'skip', '—', `not sent: ${error.message}`));
    }
  }
  return rows;
};
