/**
 * Warming the fast loop up once per worker (`rl/fast-loop`'s `warmUp`): a fresh worker's first
 * Play otherwise trains its first few hundred thousand steps in code V8 has not compiled yet
 * (the 8x8 preset's first 100,000 episodes took 283–463 ms cold in a fresh Chromium worker,
 * 237–266 ms warmed up).
 */
import type { IceMazeEnv } from '../rl/env';
import { warmUp } from '../rl/fast-loop';
import type { TrainerEndpoint } from './protocol';

/** How long after the first run is ready the worker warms up, in ms: the page draws first. */
export const WARM_UP_DELAY_MS = 250;

/**
 * A function to call whenever a run is ready: the first call (when `enabled`) schedules one
 * warm-up on that run's environment `WARM_UP_DELAY_MS` later, skipped if `busy()` then (a run
 * training or a replay under way: the loop is warm by the time it matters); later calls do nothing.
 */
export function warmUpOnce<Handle>(
  endpoint: Pick<TrainerEndpoint<Handle>, 'schedule'>,
  busy: () => boolean,
  enabled: boolean,
): (env: IceMazeEnv) => void {
  let scheduled = !enabled;
  return (env) => {
    if (scheduled) return;
    scheduled = true;
    endpoint.schedule(() => {
      if (!busy()) warmUp(env);
    }, WARM_UP_DELAY_MS);
  };
}
