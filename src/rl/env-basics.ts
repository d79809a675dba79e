/**
 * What the page needs of the environment without building one: the actions' names, the reward
 * schedule's type and default, the time limits, the options and their checks, and the tile
 * geometry. `env.ts` re-exports all of it; code in the page's first download imports it from here,
 * so the environment's builder (`createEnv`) loads only with the worker and the tabs that use it.
 */
import { MAPS, isMapName, parseMap, type Tile } from './maps';

/** Longest time limit an episode may have (keeps exact evaluation fast on any map). */
export const MAX_TIME_LIMIT = 10_000;

/** Number of actions. */
export const N_ACTIONS = 4;
/** Action names in Gymnasium's order. */
export const ACTION_NAMES = ['Left', 'Down', 'Right', 'Up'] as const;
/** Arrows for the actions, same order. */
export const ACTION_ARROWS = ['←', '↓', '→', '↑'] as const;
/** An action index 0–3. */
export type Action = 0 | 1 | 2 | 3;

/** Rewards for entering a goal, a hole and a frozen tile (Gymnasium's `reward_schedule`). */
export type RewardSchedule = readonly [goal: number, hole: number, frozen: number];

/** Gymnasium's default schedule: 1 for the goal, 0 for a hole or a frozen tile. */
export const DEFAULT_REWARD_SCHEDULE: RewardSchedule = Object.freeze([1, 0, 0] as const);

/** Options of an environment; every field has Gymnasium's default. */
export interface EnvOptions {
  /** Named map or rows; default `'4x4'`. */
  map?: string | readonly string[];
  /** Slippery ice; default true. */
  isSlippery?: boolean;
  /** Probability that a slippery move goes the intended way; default 1/3. */
  successRate?: number;
  /** Rewards (goal, hole, frozen); default (1, 0, 0). */
  rewardSchedule?: RewardSchedule;
  /** Time limit; default 100 for 4x4-sized maps, 200 for 8x8 (Gymnasium's registrations), else 100 for up to 16 tiles and 200 above. */
  maxSteps?: number;
}

/** Tile at a state. */
export function tileAt(
  env: { readonly desc: readonly string[]; readonly ncol: number },
  s: number,
): Tile {
  return env.desc[Math.floor(s / env.ncol)]![s % env.ncol] as Tile;
}

/** The state one move in `direction` from `s`, staying put at the border. */
export function moveFrom(nrow: number, ncol: number, s: number, direction: number): number {
  let r = Math.floor(s / ncol);
  let c = s % ncol;
  if (direction === 0) c = Math.max(c - 1, 0);
  else if (direction === 1) r = Math.min(r + 1, nrow - 1);
  else if (direction === 2) c = Math.min(c + 1, ncol - 1);
  else r = Math.max(r - 1, 0);
  return r * ncol + c;
}

/** Gymnasium's registered time limit for a map size: 200 for maps with more than 16 tiles, else 100. */
export function defaultMaxSteps(nrow: number, ncol: number): number {
  return nrow * ncol > 16 ? 200 : 100;
}

/** Resolves a named map or validates given rows (throws `MapError`). */
export function resolveMap(map: string | readonly string[]): string[] {
  if (typeof map === 'string') {
    if (isMapName(map)) return [...MAPS[map]];
    throw new RangeError(
      `Unknown map "${map}": use 4x4, 8x8 or give rows such as SFFF,FHFH,FFFH,HFFG.`,
    );
  }
  return parseMap(map);
}

/** The options of an environment, checked and with their defaults filled in. */
export interface CheckedEnvOptions {
  desc: string[];
  isSlippery: boolean;
  successRate: number;
  rewardSchedule: RewardSchedule;
  maxSteps: number;
}

/**
 * Checks `options` and fills in the defaults: what `createEnv` builds from. Throws `MapError`
 * for a bad map and `RangeError` for bad options. A function of its own so the page can check
 * settings without building (or downloading) the environment.
 */
export function checkEnvOptions(options: EnvOptions = {}): CheckedEnvOptions {
  const desc = resolveMap(options.map ?? '4x4');
  const isSlippery = options.isSlippery ?? true;
  const successRate = options.successRate ?? 1 / 3;
  const rewardSchedule = options.rewardSchedule ?? DEFAULT_REWARD_SCHEDULE;
  if (!(successRate >= 0 && successRate <= 1))
    throw new RangeError(`Success rate must be in [0, 1], got ${successRate}.`);
  if (!rewardSchedule.every((x) => Number.isFinite(x)))
    throw new RangeError('Rewards must be finite numbers.');
  const maxSteps = options.maxSteps ?? defaultMaxSteps(desc.length, desc[0]!.length);
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > MAX_TIME_LIMIT)
    throw new RangeError(
      `The time limit must be a whole number from 1 to ${MAX_TIME_LIMIT}, got ${maxSteps}.`,
    );
  return { desc, isSlippery, successRate, rewardSchedule, maxSteps };
}
