/**
 * Double Q-learning (van Hasselt 2010; Sutton & Barto §6.7), off-policy. Two tables Q₁, Q₂; on
 * each step a fair coin picks the one to update, and it bootstraps from the other's value of its
 * own greedy action:
 *
 *   heads: Q₁(s, a) ← Q₁(s, a) + α·(r + γ·Q₂(s′, argmax_a′ Q₁(s′, a′)) − Q₁(s, a))
 *   tails: the same with Q₁ and Q₂ swapped.
 *
 * Choosing the action with one table and valuing it with the other removes the maximisation bias
 * of max_a′ Q(s′, a′) (the max of noisy estimates overestimates the max of their means, which
 * slippery ice makes noisy). The agent's Q, which the behaviour and the greedy policy read, is
 * (Q₁ + Q₂)/2: the same greedy actions as Q₁ + Q₂, on the scale of Q*. Draws: one uniform for the
 * coin after the environment's, so its stream differs from Q-learning's from the first step.
 */
import { writeQ } from '../agent';
import { nextUniform } from '../rng';
import { greedyAction } from '../tables';
import { tdRule } from '../td-rule';
import type { AlgorithmDefinition } from './definition';

/** Double Q-learning's definition. */
export const DOUBLE_Q_LEARNING: AlgorithmDefinition<'double-q-learning'> = {
  name: 'double-q-learning',
  label: 'Double Q-learning',
  policy: 'off-policy',
  extraState: 'none',
  bootstrapFormula: 'Q₂(s′, argmax_a′ Q₁(s′, a′)), tables swapped on a coin',
  bootstrap: ({ rng, nextState, memory }) => {
    const k = nextUniform(rng) < 0.5 ? 0 : 1;
    memory.lastTable = k;
    const own = memory.tables[k]!;
    const other = memory.tables[1 - k]!;
    return other[nextState * 4 + greedyAction(own, nextState)]!;
  },
  learn: (step) => {
    const { agent, state: s, action: a, td } = step;
    const { tables, lastTable } = agent.memory;
    const own = tables[lastTable]!;
    const sa = s * 4 + a;
    // The record shows the updated table's numbers; Q(s, a) becomes the two tables' mean.
    tdRule(td, own[sa]!, step.reward, step.gamma, step.bootstrap, step.alpha);
    own[sa] = td.qAfter;
    step.recordAlpha = step.alpha;
    writeQ(agent, s, a, (tables[0][sa]! + tables[1][sa]!) / 2);
  },
};
