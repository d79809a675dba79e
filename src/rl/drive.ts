/**
 * "Drive it yourself": a person picks each action, the ice decides where it goes, and the
 * Q-learning update that step would make is written out.
 *
 * The drive works on a sandbox: a copy of Q taken when it starts, its own generator and its own
 * position. It never touches the trained agent, so a run stays exactly what its run record says
 * and replays bit for bit. Each step is one `envStep` (Gymnasium's `categorical_sample` with one
 * uniform draw) and one update on the sandbox Q by the one TD rule (`tdRule`) with Q-learning's
 * bootstrap from its registry definition: the code training runs, not a second copy of the formula.
 */
import { Q_LEARNING } from './algorithms/q-learning';
import { envStep, tileAt, type IceMazeEnv } from './env';
import { createLearnerMemory } from './learner-memory';
import { learnerOptions } from './learner-options';
import { createChosenAction } from './policy';
import { createRngState, type RngState } from './rng';
import type { StepRecord } from './step-record';
import { createTdUpdate, tdRule } from './td-rule';

/** How a driven episode ended. */
export type DriveEnd = 'goal' | 'hole' | 'time-limit';

/** A driven episode and its sandbox. Mutated by `driveStep`. */
export interface Drive {
  readonly env: IceMazeEnv;
  /** The sandbox Q(s, a) = q[s * 4 + a]: a copy, updated by the driven steps only. */
  readonly q: Float64Array;
  /** The drive's own generator state (xoshiro128**). */
  readonly rng: RngState;
  /** Where the agent stands. */
  state: number;
  /** States visited in this episode, the start first: `steps + 1` of them. */
  path: number[];
  /** Steps driven in this episode. */
  steps: number;
  /** Episodes driven before this one (0-based index of this one). */
  episode: number;
  /** Sum of rewards in this episode. */
  return: number;
  /** Why the episode ended, or null while it goes on. */
  end: DriveEnd | null;
}

/**
 * One driven step, in the shape of the trainer's `StepRecord`: the person chose the action, so
 * nothing was explored and ε plays no part (those fields are left out).
 */
export type DriveStep = Omit<StepRecord, 'explored' | 'epsilon' | 'epsilonAfter'>;

/**
 * Starts a drive at the start state with a copy of `q` (`nS · 4` values) and a generator seeded
 * with `seed` (or a copy of a generator state, to continue its stream).
 */
export function createDrive(
  env: IceMazeEnv,
  q: ArrayLike<number>,
  seed: number | RngState,
  episode = 0,
): Drive {
  if (q.length !== env.nS * env.nA)
    throw new RangeError(
      `Q has ${q.length} values but this map needs ${env.nS * env.nA} (${env.nS} states × ${env.nA} actions).`,
    );
  return {
    env,
    q: Float64Array.from(q),
    rng: typeof seed === 'number' ? createRngState(seed) : Uint32Array.from(seed),
    state: env.start,
    path: [env.start],
    steps: 0,
    episode,
    return: 0,
    end: null,
  };
}

/**
 * Moves the agent with `action` (Left 0, Down 1, Right 2, Up 3) and makes the Q-learning update
 * on the sandbox Q:
 *
 *   td_target = r + γ·max_a′ Q(s′, a′),  td_error = td_target − Q(s, a),
 *   Q(s, a) ← Q(s, a) + α·td_error   (`tdRule` with `Q_LEARNING.bootstrap`)
 *
 * The episode ends in a hole or at a goal (terminated) or at the time limit (truncated), as in
 * training. Throws `RangeError` for a bad action or once the episode has ended.
 */
export function driveStep(drive: Drive, action: number, alpha: number, gamma: number): DriveStep {
  if (!Number.isInteger(action) || action < 0 || action >= drive.env.nA)
    throw new RangeError(`Action must be 0 (Left), 1 (Down), 2 (Right) or 3 (Up); got ${action}.`);
  if (drive.end !== null)
    throw new RangeError('This drive has ended: reset it to start again from S.');
  const { env, q } = drive;
  const s = drive.state;
  const outcome = envStep(env, s, action, drive.rng);
  const ns = outcome.nextState;
  const r = outcome.reward;
  const sa = s * env.nA + action;
  const terminated = outcome.terminated;
  // A person chose the action, so no policy draws a′: the tie rule and ε′ play no part.
  const bootstrap = Q_LEARNING.bootstrap({
    q,
    rng: drive.rng,
    tieBreak: 'first',
    nextState: ns,
    terminated,
    epsilonNext: 0,
    nextAction: createChosenAction(0),
    visits: new Float64Array(q.length),
    options: learnerOptions(),
    memory: createLearnerMemory(env, q),
  });
  const td = tdRule(createTdUpdate(), q[sa]!, r, gamma, bootstrap, alpha);
  q[sa] = td.qAfter;
  drive.state = ns;
  drive.steps++;
  drive.path.push(ns);
  drive.return += r;
  const truncated = !terminated && drive.steps >= env.maxSteps;
  if (terminated) drive.end = env.goal[ns] ? 'goal' : 'hole';
  else if (truncated) drive.end = 'time-limit';
  return {
    state: s,
    action,
    intended: action,
    actual: outcome.direction,
    slipped: outcome.direction !== action,
    nextState: ns,
    reward: r,
    bootstrap,
    discountedBootstrap: gamma * bootstrap,
    tdTarget: td.tdTarget,
    tdError: td.tdError,
    change: td.qAfter - td.qBefore,
    qBefore: td.qBefore,
    qAfter: td.qAfter,
    alpha,
    gamma,
    terminated,
    truncated,
    episode: drive.episode,
    t: drive.steps,
  };
}

/**
 * A new episode from the start with a fresh copy of `q` (e.g. the trained agent's latest Q); the
 * generator goes on where it was, so the next slips are new ones rather than a replay.
 */
export function restartDrive(drive: Drive, q: ArrayLike<number>): Drive {
  return createDrive(drive.env, q, drive.rng, drive.episode + 1);
}

/**
 * The probability that action a from state s ends in a hole on this step, for each action:
 * Σ p(s′ | s, a) over outcomes s′ that are holes. 0 everywhere on a hole or goal (absorbing).
 */
export function holeRisk(env: IceMazeEnv, s: number): number[] {
  const risk: number[] = [];
  for (let a = 0; a < env.nA; a++) {
    let p = 0;
    const base = (s * env.nA + a) * 3;
    for (let k = 0; k < env.outCount[s * env.nA + a]!; k++) {
      const ns = env.outNext[base + k]!;
      if (!env.terminal[s] && tileAt(env, ns) === 'H') p += env.outProb[base + k]!;
    }
    risk.push(p);
  }
  return risk;
}
