/**
 * The figures the teaching text quotes about the lesson's own run, computed once from the core
 * (value iteration and the exact evaluations on Gymnasium's 4x4 slippery map at the lesson's γ):
 * the glossary, the chapters and the presets write these instead of typing numbers in. Plus the
 * formats the texts write them in.
 */
import { ACTION_NAMES, createEnv, defaultMaxSteps } from '../../../rl/env';
import { LESSON_PARAMS } from '../../../rl/params';
import { teachingFigures } from '../../../rl/teaching-figures';
import { formatPercent } from '../../../viz/format';

/** Gymnasium's 4x4 map, slippery, with its time limit: the lesson's environment. */
export const LESSON_ENV = createEnv({ map: '4x4' });

/** V*, the γ-optimal policy, the best within the time limit, … for the lesson's run. */
export const LESSON_FIGURES = teachingFigures(LESSON_ENV, LESSON_PARAMS.gamma);

/**
 * The settings the comparison panel suggests for seeing on-policy against off-policy: ε held at
 * 0.3 (no decay). Tested: with them SARSA's V(start) stays far below Q-learning's, on slippery
 * ice and on ice that never slips (tests/rl/teaching-figures.test.ts).
 */
export const ON_POLICY_DEMO = { epsilon: 0.3, epsilonDecay: 0 } as const;

/** "one time in three" for 1/3; a percentage when 1/p is not a small whole number. */
export function howOften(p: number): string {
  const n = Math.round(1 / p);
  const words = ['', 'every time', 'one time in two', 'one time in three', 'one time in four'];
  return Math.abs(n * p - 1) < 1e-9 && words[n] ? words[n] : `${formatPercent(p, 0)} of the time`;
}

/** "Q*(6, Left)" and friends. */
export function pair(s: number, a: number): string {
  return `${s}, ${ACTION_NAMES[a]}`;
}

/**
 * The lab's default time limit, in words, with the Gymnasium environments it matches:
 * FrozenLake-v1 cuts episodes at 100 steps on any map; FrozenLake8x8-v1 at 200. The lab uses the
 * first up to 16 tiles and the second above (`defaultMaxSteps`).
 */
export function timeLimitRule(): string {
  const small = defaultMaxSteps(4, 4);
  const large = defaultMaxSteps(8, 8);
  // The largest map (in tiles) that still gets the small limit.
  let tiles = 1;
  while (defaultMaxSteps(1, tiles + 1) === small) tiles++;
  return (
    `the lab’s rule: ${small} steps up to ${tiles} tiles, ${large} above; Gymnasium’s ` +
    `FrozenLake-v1 cuts at ${small} on any map, FrozenLake8x8-v1 at ${large}`
  );
}
