import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type PollPlan, pollStates } from '../../src/resources/poll.js';
import { activeTimers } from '../streaming/helpers.js';

/** A job that answers `pending` `polls - 1` times, then `done`; records when each poll came. */
function job(polls: number, defaults = { intervalMs: 20, maxIntervalMs: 80, timeoutMs: 60_000 }) {
  const at: number[] = [];
  const plan: PollPlan<string> = {
    fetch: async () => {
      at.push(performance.now());
      return { data: at.length >= polls ? 'done' : 'pending' };
    },
    key: (state) => state,
    isDone: (state) => state === 'done',
    defaults,
    label: 'the test job',
  };
  return { plan, at };
}

const drainStates = async <T>(states: AsyncGenerator<T>) => {
  const seen: T[] = [];
  for await (const state of states) seen.push(state);
  return seen;
};

describe('pollStates', () => {
  it('backs off by half each poll, up to maxIntervalMs', async () => {
    const { plan, at } = job(7);
    expect(await drainStates(pollStates(plan))).toEqual(['pending', 'done']);
    const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
    // 20, 30, 45, 67.5, then 80 (capped): each at least that long, the capped ones near it.
    for (const [i, least] of [20, 30, 45, 67.5, 80, 80].entries()) {
      expect(gaps[i], `gap ${i}`).toBeGreaterThanOrEqual(least - 2);
    }
    // Without the cap the last gaps would be 101 and 152 ms or more.
    expect(Math.min(gaps[4] as number, gaps[5] as number)).toBeLessThan(101);
  });

  it('a first interval above maxIntervalMs is capped to it', async () => {
    const { plan, at } = job(2);
    await drainStates(pollStates(plan, { intervalMs: 5_000, maxIntervalMs: 10 }));
    expect((at[1] as number) - (at[0] as number)).toBeLessThan(1_000);
  });

  it('leaves no timer and no listener behind, however the wait ends', async () => {
    const controller = new AbortController();
    const before = activeTimers();
    // Ends with the job.
    await drainStates(pollStates(job(2).plan, { signal: controller.signal, timeoutMs: 600_000 }));
    // Ends because the loop stopped early.
    for await (const _ of pollStates(job(5).plan, { signal: controller.signal, timeoutMs: 600_000 })) break;
    // Ends with an error from a poll.
    const failing: PollPlan<string> = { ...job(5).plan, fetch: () => Promise.reject(new Error('down')) };
    await expect(drainStates(pollStates(failing, { signal: controller.signal }))).rejects.toThrow('down');
    expect(activeTimers()).toBe(before);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
