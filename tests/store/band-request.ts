/** The band the band store's tests draw: the lesson's 4x4 settings on seeds 5, 6 and 7. */
import type { BandRequest } from '../../src/rl/band-plan';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';

/** Three seeds from 5, 400 episodes each, on the lesson's map and hyperparameters. */
export const BAND_REQUEST: BandRequest = {
  env: { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
  params: { ...LESSON_PARAMS },
  firstSeed: 5,
  count: 3,
  episodes: 400,
};
