/**
 * Warming the fast loop up for each run (`rl/fast-loop`'s `warmUp`, on a scratch agent of the
 * run's environment), so that a Play trains compiled code from its first slice.
 *
 * Why every run, not once per worker: V8 compiles the loop on the premise that the objects it
 * reads keep the field types they had so far. A new run builds a new environment, and the first
 * environment of another shape (the 8x8 map after the lesson's 4x4, other rewards) widens those
 * types, which discards the compiled loop. Warmed up once, a fresh worker's 8x8 preset then ran
 * its first Play partly in V8's lower tiers while the loop was compiled again beside it, on the
 * core the page draws with (`--js-flags=--trace-opt --trace-deopt`). Warming each new run costs
 * a few ms while the loop is still compiled, and recompiles it before Play when it is not.
 */
import type { IceMazeEnv } from '../rl/env';
import { warmUp } from '../rl/fast-loop';
import type { TrainerEndpoint } from './protocol';

/** How long after a run is ready the worker warms up, in ms: the page draws first. */
export const WARM_UP_DELAY_MS = 250;

/**
 * A function to call whenever a run is ready: when `enabled`, it schedules one warm-up on that
 * run's environment `WARM_UP_DELAY_MS` later (replacing one still pending for an earlier run),
 * skipped if `busy()` then (a run training or a replay under way: the loop is compiled again by
 * the time it matters).
 */
export function warmUpEachRun<Handle>(
  endpoint: Pick<TrainerEndpoint<Handle>, 'schedule' | 'cancel'>,
  busy: () => boolean,
  enabled: boolean,
): (env: IceMazeEnv) => void {
  let pending: Handle | null = null;
  return (env) => {
    if (!enabled) return;
    if (pending !== null) endpoint.cancel(pending);
    pending = endpoint.schedule(() => {
      pending = null;
      if (!busy()) warmUp(env);
    }, WARM_UP_DELAY_MS);
  };
}
