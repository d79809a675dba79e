/**
 * Expected SARSA (on-policy): bootstraps from the value of s′ under the ε-greedy policy that will
 * choose the next action,
 *
 *   td_target = r + γ · Σ_a π_ε′(a | s′) · Q(s′, a)
 *             = r + γ · (ε′/4 · Σ_a Q(s′, a) + (1 − ε′) · max_a Q(s′, a))
 *
 * (`expectedValue`; tied greedy actions share the max, so both tie rules give this closed form,
 * which at ε′ = 0 is max Q(s′) bit for bit), and 0 past a hole or the goal. It draws nothing
 * beyond the behaviour policy's choice, so it draws exactly what Q-learning draws. Under softmax
 * or UCB exploration the expectation is over that rule's policy (`behaviourValue`).
 */
import { behaviourValue } from '../exploration';
import type { AlgorithmDefinition } from './definition';

/** Expected SARSA's definition. */
export const EXPECTED_SARSA: AlgorithmDefinition<'expected-sarsa'> = {
  name: 'expected-sarsa',
  label: 'Expected SARSA',
  policy: 'on-policy',
  extraState: 'none',
  bootstrapFormula: 'Σ_a π(a | s′) · Q(s′, a)',
  bootstrap: ({ q, visits, nextState, terminated, epsilonNext, options }) =>
    terminated ? 0 : behaviourValue(q, visits, nextState, epsilonNext, options),
};
