/**
 * A `LearnStep` made by hand, for tests that feed an algorithm's `learn` a step sequence no
 * behaviour policy would choose (a pair at several times of one episode, a given outcome).
 */
import type { QAgent } from '../../../src/rl/agent';
import type { LearnStep } from '../../../src/rl/algorithms/definition';
import { createTdUpdate } from '../../../src/rl/td-rule';

/** What a hand-made step says; the rest is filled from the agent. */
export interface HandStep {
  state: number;
  action: number;
  reward: number;
  nextState: number;
  /** The outcome index k of (s, a), 0…2 (the step's `outcome` is (s·4 + a)·3 + k). */
  k?: number;
  /** The step ends the episode (and enters a hole or the goal unless `truncated`). */
  ended?: boolean;
  truncated?: boolean;
  /** α of the step's pair; the agent's α when absent. */
  alpha?: number;
}

/** The `LearnStep` of `step` for `agent`, with bootstrap 0 (set it where the algorithm reads it). */
export function learnStep(agent: QAgent, step: HandStep): LearnStep {
  const ended = step.ended ?? false;
  return {
    agent,
    state: step.state,
    action: step.action,
    reward: step.reward,
    nextState: step.nextState,
    outcome: (step.state * 4 + step.action) * 3 + (step.k ?? 0),
    terminated: ended && !(step.truncated ?? false),
    ended,
    bootstrap: 0,
    alpha: step.alpha ?? agent.params.alpha,
    gamma: agent.params.gamma,
    td: createTdUpdate(),
    recordAlpha: 0,
  };
}
