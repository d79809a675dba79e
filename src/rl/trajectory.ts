/**
 * An episode's moves, packed one int per step so the hot loop makes one store per step:
 *
 *   code = nextState << 5 | explored << 4 | direction << 2 | action
 *
 * The state a step started from is the previous step's next state (the start for step 0), and
 * its reward is the reward of entering its next state, so neither is stored.
 */
import type { IceMazeEnv } from './env';

/** An episode's moves in one preallocated buffer (`decodeTrajectory` unpacks it). */
export interface Trajectory {
  /** Packed steps, `length` of them (capacity: the time limit). */
  codes: Int32Array;
  /** Number of steps so far. */
  length: number;
  /** Sum of rewards (the undiscounted return). */
  return: number;
  /** Ended in a hole or the goal. */
  terminated: boolean;
  /** Cut by the time limit. */
  truncated: boolean;
  /** The episode (0-based) it belongs to. */
  episode: number;
}

/** Mask of the action bits of a packed step code. */
export const CODE_ACTION_MASK = 3;
/** Shift of the two bits of the direction actually moved. */
export const CODE_DIRECTION_SHIFT = 2;
/** The bit set when the action was exploratory. */
export const CODE_EXPLORED_BIT = 16;
/** Shift of the next state. */
export const CODE_STATE_SHIFT = 5;

/** A trajectory unpacked into plain arrays. */
export interface DecodedTrajectory {
  /** `length + 1` states, the first the start. */
  states: Int32Array;
  /** The action (intended direction) of each step. */
  actions: Int8Array;
  /** The direction actually moved. */
  directions: Int8Array;
  /** 1 where the action was exploratory. */
  explored: Uint8Array;
  /** Reward of each step (the reward for entering its next state). */
  rewards: Float64Array;
  /** Number of steps. */
  length: number;
  /** Sum of rewards. */
  return: number;
  /** Ended in a hole or the goal. */
  terminated: boolean;
  /** Cut by the time limit. */
  truncated: boolean;
  /** The episode (0-based) it belongs to. */
  episode: number;
}

/** An empty trajectory with room for `maxSteps` steps. */
export function createTrajectory(maxSteps: number, episode: number): Trajectory {
  return {
    codes: new Int32Array(maxSteps),
    length: 0,
    return: 0,
    terminated: false,
    truncated: false,
    episode,
  };
}

/** The packed code of one step. */
export function encodeStep(
  nextState: number,
  explored: boolean,
  direction: number,
  action: number,
): number {
  return (
    (nextState << CODE_STATE_SHIFT) |
    (explored ? CODE_EXPLORED_BIT : 0) |
    (direction << CODE_DIRECTION_SHIFT) |
    action
  );
}

/** FrozenLake's reward depends only on the tile entered: goal, hole or frozen. */
export function rewardOfEntering(env: IceMazeEnv, s: number): number {
  const [goal, hole, frozen] = env.rewardSchedule;
  return env.goal[s] ? goal : env.terminal[s] ? hole : frozen;
}

/** Unpacks a trajectory of `env` (copies; the live buffer is untouched). */
export function decodeTrajectory(env: IceMazeEnv, traj: Trajectory): DecodedTrajectory {
  const n = traj.length;
  const states = new Int32Array(n + 1);
  const actions = new Int8Array(n);
  const directions = new Int8Array(n);
  const explored = new Uint8Array(n);
  const rewards = new Float64Array(n);
  states[0] = env.start;
  for (let k = 0; k < n; k++) {
    const code = traj.codes[k]!;
    const ns = code >>> CODE_STATE_SHIFT;
    states[k + 1] = ns;
    actions[k] = code & CODE_ACTION_MASK;
    directions[k] = (code >>> CODE_DIRECTION_SHIFT) & 3;
    explored[k] = code & CODE_EXPLORED_BIT ? 1 : 0;
    rewards[k] = rewardOfEntering(env, ns);
  }
  return {
    states,
    actions,
    directions,
    explored,
    rewards,
    length: n,
    return: traj.return,
    terminated: traj.terminated,
    truncated: traj.truncated,
    episode: traj.episode,
  };
}
