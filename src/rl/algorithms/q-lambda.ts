/**
 * Watkins's Q(λ) (off-policy): Q-learning's target r + γ·max_a′ Q(s′, a′) through eligibility
 * traces (`traces.ts`), which are valid only while the agent follows the greedy policy it learns
 * about: it chooses a′ ahead (as SARSA does, and takes it next) and, when a′ is not greedy at s′
 * (Q(s′, a′) < max Q(s′), read before the update), cuts every trace after this update. λ = 0 gives
 * Q-learning's updates (its draws differ: a′ is chosen one step ahead).
 */
import { chooseExploring } from '../exploration';
import { stateValue } from '../tables';
import { traceUpdate } from '../traces';
import type { AlgorithmDefinition } from './definition';

/** Q(λ)'s definition. */
export const Q_LAMBDA: AlgorithmDefinition<'q-lambda'> = {
  name: 'q-lambda',
  label: 'Q(λ)',
  policy: 'off-policy',
  extraState: 'next-action',
  bootstrapFormula: 'max_a′ Q(s′, a′); traces cut after an exploratory a′',
  bootstrap: (input) => {
    const { q, nextState: ns, nextAction, memory } = input;
    memory.cutTraces = false;
    if (input.terminated) return 0;
    chooseExploring(
      nextAction,
      q,
      input.visits,
      ns,
      input.epsilonNext,
      input.tieBreak,
      input.rng,
      input.options,
    );
    const max = stateValue(q, ns);
    // Watkins: the traces follow the greedy policy only; an exploratory a′ ends them.
    memory.cutTraces = q[ns * 4 + nextAction.action]! < max;
    return max;
  },
  learn: (step) => traceUpdate(step, step.agent.memory.cutTraces),
};
