/**
 * The run the lab opens with: the lesson's, on Gymnasium's 4x4 map. The store starts it and a link
 * without parameters describes it, so both read it from here.
 */
import { defaultMaxSteps } from '../rl/env-basics';
import { MAPS, type MapName } from '../rl/maps';
import { LESSON_EPISODES, LESSON_FRAME_INTERVAL, LESSON_PARAMS } from '../rl/params';
import type { RunSettings, Speed } from '../worker/protocol';

/**
 * Steps per second the lab opens at: slow enough to watch the agent move. (The worker itself runs
 * at full speed until the page sets a speed; the page sets this one as soon as the worker starts.)
 */
export const LAB_START_SPEED: Speed = 20;

/** The lesson's run on one of Gymnasium's maps: its time limit, α, γ, ε schedule and budgets. */
export function lessonSettings(map: MapName = '4x4', seed = 0): RunSettings {
  const rows = [...MAPS[map]];
  return {
    map: rows,
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: defaultMaxSteps(rows.length, rows[0]!.length),
    seed,
    episodes: LESSON_EPISODES,
    frameInterval: LESSON_FRAME_INTERVAL,
    params: { ...LESSON_PARAMS },
  };
}
