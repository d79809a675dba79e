/**
 * The last update, read back in the lesson's words for the step inspector, the drive panel and
 * the lesson's questions. The loops keep only the update's inputs in locals while they run
 * (Q(s, a) before, the bootstrap, ε); `recordLast` rebuilds the rest once per call from the
 * trajectory the last step was written to, through the one TD rule.
 */
import type { LastUpdate, QAgent } from './agent';
import { tdRule } from './td-rule';
import {
  CODE_ACTION_MASK,
  CODE_DIRECTION_SHIFT,
  CODE_EXPLORED_BIT,
  CODE_STATE_SHIFT,
  rewardOfEntering,
} from './trajectory';

/**
 * Fills `agent.last` from the trajectory the last step was written to and the update's inputs:
 * `tdRule` computes td_target = r + γ·bootstrap, td_error and qAfter with the same operations as
 * the step itself, so every number is the one the step stored in Q.
 */
export function recordLast(
  agent: QAgent,
  ended: boolean,
  qBefore: number,
  bootstrap: number,
  epsilon: number,
  alpha: number,
  gamma: number,
): void {
  const traj = ended ? agent.previous : agent.current;
  const k = traj.length - 1;
  const code = traj.codes[k]!;
  const ns = code >>> CODE_STATE_SHIFT;
  const r = rewardOfEntering(agent.env, ns);
  const l = agent.last;
  l.valid = true;
  l.state = k > 0 ? traj.codes[k - 1]! >>> CODE_STATE_SHIFT : agent.env.start;
  l.action = code & CODE_ACTION_MASK;
  l.explored = (code & CODE_EXPLORED_BIT) !== 0;
  l.direction = (code >>> CODE_DIRECTION_SHIFT) & 3;
  l.nextState = ns;
  l.reward = r;
  tdRule(l, qBefore, r, gamma, bootstrap, alpha);
  l.epsilon = epsilon;
  l.epsilonAfter = agent.epsilon;
  l.alpha = alpha;
  l.gamma = gamma;
  l.terminated = ended && traj.terminated;
  l.truncated = ended && traj.truncated;
  l.episode = traj.episode;
  l.t = traj.length;
}

/**
 * Everything one step did, in the lesson's words: the agent's `LastUpdate` (without its `valid`
 * flag, and with its moved direction split into the intended and the actual one), plus the
 * numbers the inspector writes out.
 */
export interface StepRecord extends Omit<LastUpdate, 'valid' | 'direction'> {
  /** The action's direction. */
  intended: number;
  /** The direction actually moved. */
  actual: number;
  slipped: boolean;
  /**
   * The value the target bootstraps from, before the update: max_a′ Q(s′, a′) for Q-learning,
   * Q(s′, a′) of the next action for SARSA, Σ_a π(a | s′)·Q(s′, a) for Expected SARSA (each
   * algorithm's definition in `algorithms/` says which).
   */
  bootstrap: number;
  /** γ · bootstrap. */
  discountedBootstrap: number;
  /** α · td_error, the change made to Q(s, a). */
  change: number;
}

/** Reads the last update as a `StepRecord` (valid after at least one step). */
export function lastStepRecord(agent: QAgent): StepRecord {
  const l = agent.last;
  return {
    state: l.state,
    action: l.action,
    explored: l.explored,
    intended: l.action,
    actual: l.direction,
    slipped: l.direction !== l.action,
    nextState: l.nextState,
    reward: l.reward,
    bootstrap: l.bootstrap,
    discountedBootstrap: l.gamma * l.bootstrap,
    tdTarget: l.tdTarget,
    tdError: l.tdError,
    change: l.qAfter - l.qBefore,
    qBefore: l.qBefore,
    qAfter: l.qAfter,
    epsilon: l.epsilon,
    epsilonAfter: l.epsilonAfter,
    alpha: l.alpha,
    gamma: l.gamma,
    terminated: l.terminated,
    truncated: l.truncated,
    episode: l.episode,
    t: l.t,
  };
}
