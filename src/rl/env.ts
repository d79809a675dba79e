/**
 * The Ice Maze: Gymnasium's FrozenLake-v1 dynamics, entry for entry.
 *
 * Actions: Left 0, Down 1, Right 2, Up 3. State = row · ncol + col.
 * Slippery: action a tries directions (a−1) mod 4, a, (a+1) mod 4, in that order, with
 * probabilities (1−s)/2, s, (1−s)/2 (s = success rate, 1/3 by default); a move into the border
 * stays put; every outcome is its own entry, so a list may name one next state twice.
 * G and H are absorbing: one entry (1.0, s, 0, terminated).
 */
import { MAPS, isMapName, parseMap, type Tile } from './maps';
import { nextUniform, type RngState } from './rng';

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

/** One outcome of P[s][a]: [probability, next state, reward, terminated], Gymnasium's tuple. */
export type Transition = [
  probability: number,
  nextState: number,
  reward: number,
  terminated: boolean,
];

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

/**
 * A compiled environment: the map, Gymnasium's `P`, and the same table flattened into typed
 * arrays for the hot loop. Outcome k of (s, a) is at index `(s * 4 + a) * 3 + k`.
 */
export interface IceMazeEnv {
  /** The map rows. */
  readonly desc: readonly string[];
  readonly nrow: number;
  readonly ncol: number;
  /** Number of states, nrow · ncol. */
  readonly nS: number;
  /** Number of actions, 4. */
  readonly nA: number;
  /** The start state. */
  readonly start: number;
  readonly isSlippery: boolean;
  readonly successRate: number;
  readonly rewardSchedule: RewardSchedule;
  /** Episodes are truncated after this many steps. */
  readonly maxSteps: number;
  /** Gymnasium's transition table P[s][a] = list of [p, s′, r, terminated]. */
  readonly P: Transition[][][];
  /** 1 for H and G states (absorbing, episode ends on entering them). */
  readonly terminal: Uint8Array;
  /** 1 for G states. */
  readonly goal: Uint8Array;
  /** Outcomes per (s, a): 1 or 3. */
  readonly outCount: Uint8Array;
  /** Cumulative probability up to and including outcome k (Gymnasium samples the first k with cum > u). */
  readonly outCum: Float64Array;
  readonly outProb: Float64Array;
  readonly outNext: Int32Array;
  readonly outReward: Float64Array;
  readonly outTerminated: Uint8Array;
  /** The direction actually moved for outcome k (the intended action when k is the middle one). */
  readonly outDirection: Int8Array;
}

/** Tile at a state. */
export function tileAt(env: Pick<IceMazeEnv, 'desc' | 'ncol'>, s: number): Tile {
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

/** Builds the environment. Throws `MapError` for a bad map and `RangeError` for bad options. */
export function createEnv(options: EnvOptions = {}): IceMazeEnv {
  const desc = resolveMap(options.map ?? '4x4');
  const isSlippery = options.isSlippery ?? true;
  const successRate = options.successRate ?? 1 / 3;
  const rewardSchedule = options.rewardSchedule ?? DEFAULT_REWARD_SCHEDULE;
  if (!(successRate >= 0 && successRate <= 1))
    throw new RangeError(`Success rate must be in [0, 1], got ${successRate}.`);
  if (!rewardSchedule.every((x) => Number.isFinite(x)))
    throw new RangeError('Rewards must be finite numbers.');
  const nrow = desc.length;
  const ncol = desc[0]!.length;
  const maxSteps = options.maxSteps ?? defaultMaxSteps(nrow, ncol);
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > MAX_TIME_LIMIT)
    throw new RangeError(
      `The time limit must be a whole number from 1 to ${MAX_TIME_LIMIT}, got ${maxSteps}.`,
    );
  const nS = nrow * ncol;
  const nA = N_ACTIONS;
  const tiles = desc.join('');
  const terminal = new Uint8Array(nS);
  const goal = new Uint8Array(nS);
  let start = 0;
  for (let s = 0; s < nS; s++) {
    const t = tiles[s];
    if (t === 'G' || t === 'H') terminal[s] = 1;
    if (t === 'G') goal[s] = 1;
    if (t === 'S') start = s;
  }
  const size = nS * nA * 3;
  const outCount = new Uint8Array(nS * nA);
  const outCum = new Float64Array(size);
  const outProb = new Float64Array(size);
  const outNext = new Int32Array(size);
  const outReward = new Float64Array(size);
  const outTerminated = new Uint8Array(size);
  const outDirection = new Int8Array(size);
  const P: Transition[][][] = [];
  const side = (1 - successRate) / 2;
  for (let s = 0; s < nS; s++) {
    const row: Transition[][] = [];
    for (let a = 0; a < nA; a++) {
      const li: Transition[] = [];
      const dirs: number[] = [];
      if (terminal[s]) {
        li.push([1.0, s, 0, true]);
        dirs.push(a);
      } else {
        const tries = isSlippery ? [(a + 3) % 4, a, (a + 1) % 4] : [a];
        for (const b of tries) {
          const p = isSlippery ? (b === a ? successRate : side) : 1.0;
          const ns = moveFrom(nrow, ncol, s, b);
          const letter = tiles[ns];
          const reward =
            letter === 'G'
              ? rewardSchedule[0]
              : letter === 'H'
                ? rewardSchedule[1]
                : rewardSchedule[2];
          li.push([p, ns, reward, letter === 'G' || letter === 'H']);
          dirs.push(b);
        }
      }
      const base = (s * nA + a) * 3;
      outCount[s * nA + a] = li.length;
      let cum = 0;
      for (let k = 0; k < li.length; k++) {
        const [p, ns, r, term] = li[k]!;
        // numpy.cumsum adds left to right, as here.
        cum += p;
        outCum[base + k] = cum;
        outProb[base + k] = p;
        outNext[base + k] = ns;
        outReward[base + k] = r;
        outTerminated[base + k] = term ? 1 : 0;
        outDirection[base + k] = dirs[k]!;
      }
      // Unused outcome slots can never be chosen.
      for (let k = li.length; k < 3; k++) outCum[base + k] = Infinity;
      row.push(li);
    }
    P.push(row);
  }
  return {
    desc,
    nrow,
    ncol,
    nS,
    nA,
    start,
    isSlippery,
    successRate,
    rewardSchedule,
    maxSteps,
    P,
    terminal,
    goal,
    outCount,
    outCum,
    outProb,
    outNext,
    outReward,
    outTerminated,
    outDirection,
  };
}

/**
 * Gymnasium's `categorical_sample`: the first outcome whose cumulative probability exceeds the
 * uniform draw `u` (`np.argmax(cumsum > u)`, so 0 if none does).
 */
export function sampleOutcome(env: IceMazeEnv, s: number, a: number, u: number): number {
  const base = (s * env.nA + a) * 3;
  const n = env.outCount[s * env.nA + a]!;
  for (let k = 0; k < n; k++) if (env.outCum[base + k]! > u) return k;
  return 0;
}

/** What one environment step returned. */
export interface EnvStep {
  nextState: number;
  reward: number;
  terminated: boolean;
  /** Direction actually moved (differs from the action when the ice slipped). */
  direction: number;
  /** Probability of this outcome. */
  probability: number;
}

/** One environment step from `s` with action `a`, drawing one uniform from `rng` as Gymnasium does. */
export function envStep(env: IceMazeEnv, s: number, a: number, rng: RngState): EnvStep {
  const k = sampleOutcome(env, s, a, nextUniform(rng));
  const i = (s * env.nA + a) * 3 + k;
  return {
    nextState: env.outNext[i]!,
    reward: env.outReward[i]!,
    terminated: env.outTerminated[i] === 1,
    direction: env.outDirection[i]!,
    probability: env.outProb[i]!,
  };
}
