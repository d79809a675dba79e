/**
 * SARSA (on-policy): bootstraps from the action it will actually take next,
 * td_target = r + γ · Q(s′, a′) with a′ ~ ε′-greedy(Q, s′) (or the agent's exploration rule), drawn from Q before this update as
 * Sutton & Barto write it, and a′ becomes the next step's action (`extraState` 'next-action').
 * Past a hole or the goal the continuation is 0 and no a′ is drawn.
 *
 * Draws: at the start of an episode the loop chooses a from s with ε; per step, the environment,
 * then, if s′ is not terminal, a′ from s′ with ε′. When the time limit ends the episode a′ only
 * serves the target and the next episode chooses afresh, so a time-limit cut costs SARSA one extra
 * choice against Q-learning's draws; on episodes that end in a hole or the goal it draws exactly
 * what Q-learning draws, in the same order.
 */
import { chooseExploring } from '../exploration';
import type { AlgorithmDefinition } from './definition';

/** SARSA's definition. */
export const SARSA: AlgorithmDefinition<'sarsa'> = {
  name: 'sarsa',
  label: 'SARSA',
  policy: 'on-policy',
  extraState: 'next-action',
  bootstrapFormula: 'Q(s′, a′), a′ the next action',
  bootstrap: (input) => {
    const { q, rng, tieBreak, nextState, terminated, epsilonNext, nextAction } = input;
    if (terminated) return 0;
    chooseExploring(
      nextAction,
      q,
      input.visits,
      nextState,
      epsilonNext,
      tieBreak,
      rng,
      input.options,
    );
    return q[nextState * 4 + nextAction.action]!;
  },
};
