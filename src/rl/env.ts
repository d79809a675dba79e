/**
 * The Ice Maze: Gymnasium's FrozenLake-v1 dynamics, entry for entry.
 *
 * Actions: Left 0, Down 1, Right 2, Up 3. State = row · ncol + col.
 * Slippery: action a tries directions (a−1) mod 4, a, (a+1) mod 4, in that order, with
 * probabilities (1−s)/2, s, (1−s)/2 (s = success rate, 1/3 by default); a move into the border
 * stays put; every outcome is its own entry, so a list may name one next state twice.
 * G and H are absorbing: one entry (1.0, s, 0, terminated).
 */
import { nextUniform, type RngState } from './rng';
import {
  checkEnvOptions,
  moveFrom,
  N_ACTIONS,
  type EnvOptions,
  type RewardSchedule,
} from './env-basics';

export {
  ACTION_ARROWS,
  ACTION_NAMES,
  checkEnvOptions,
  defaultMaxSteps,
  DEFAULT_REWARD_SCHEDULE,
  MAX_TIME_LIMIT,
  moveFrom,
  N_ACTIONS,
  resolveMap,
  tileAt,
  type Action,
  type CheckedEnvOptions,
  type EnvOptions,
  type RewardSchedule,
} from './env-basics';

/** One outcome of P[s][a]: [probability, next state, reward, terminated], Gymnasium's tuple. */
export type Transition = [
  probability: number,
  nextState: number,
  reward: number,
  terminated: boolean,
];

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

/** Builds the environment. Throws `MapError` for a bad map and `RangeError` for bad options. */
export function createEnv(options: EnvOptions = {}): IceMazeEnv {
  const { desc, isSlippery, successRate, rewardSchedule, maxSteps } = checkEnvOptions(options);
  const nrow = desc.length;
  const ncol = desc[0]!.length;
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
