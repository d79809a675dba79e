/**
 * Run settings for the worker tests that were added with the mutation runs: the lesson's 4x4
 * slippery map and hyperparameters, with a test's own changes on top.
 */
import { LESSON_PARAMS } from '../../src/rl/params';
import type { RunSettings } from '../../src/worker/protocol';

/** Gymnasium's 4x4 map, as rows. */
export const MAP_4X4: readonly string[] = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

/** The lesson's run on the 4x4 map (seed 42, 200 episodes a Play), with `overrides` applied. */
export function lessonSettings(overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    map: [...MAP_4X4],
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: 100,
    seed: 42,
    episodes: 200,
    frameInterval: 1000,
    params: { ...LESSON_PARAMS },
    ...overrides,
  };
}
