/**
 * Dyna-Q (Sutton & Barto §8.2), off-policy: Q-learning on each real step, then a model of what
 * the agent has seen — for each (s, a) taken, the outcomes observed, how often, and their reward
 * and next state — and n planning updates per real step, each a Q-learning update on a pair drawn
 * uniformly from those known and an outcome drawn in proportion to how often it was seen (a
 * sample model, which on slippery ice is what the deterministic model of the book becomes):
 *
 *   real:      Q(s, a) ← Q(s, a) + α·(r + γ·max_a′ Q(s′, a′) − Q(s, a)); model(s, a) ← (s′, r)
 *   n times:   (ŝ, â) ~ known pairs, (ŝ′, r̂) ~ model(ŝ, â); the same update on (ŝ, â, r̂, ŝ′)
 *
 * Planning updates are counted apart (`memory.planningUpdates`), not as steps or visits. Draws
 * per planning update: one integer for the pair, one uniform for the outcome.
 */
import { writeQ } from '../agent';
import { nextInt, nextUniform } from '../rng';
import { stepSize } from '../step-size';
import { stateValue } from '../tables';
import { createTdUpdate, tdRule } from '../td-rule';
import type { AlgorithmDefinition, LearnStep } from './definition';

/** One planning update's numbers (reused: Dyna-Q's planning allocates nothing). */
const planned = createTdUpdate();

/** Records the step's outcome in the model. */
function observe(step: LearnStep): void {
  const m = step.agent.memory;
  const sa = step.state * 4 + step.action;
  const known = m.modelCounts[sa * 3]! + m.modelCounts[sa * 3 + 1]! + m.modelCounts[sa * 3 + 2]!;
  if (known === 0) m.modelPairs[m.modelPairCount++] = sa;
  m.modelCounts[step.outcome]!++;
  m.modelRewards[step.outcome] = step.reward;
  m.modelNext[step.outcome] = step.nextState;
}

/** n planning updates from the model (after the real step's update, before its visit counts). */
function plan(step: LearnStep): void {
  const { agent } = step;
  const { memory: m, q, visits, options, rng } = agent;
  const sa = step.state * 4 + step.action;
  for (let j = 0; j < options.planningSteps; j++) {
    const p = m.modelPairs[nextInt(rng, m.modelPairCount)]!;
    const total = m.modelCounts[p * 3]! + m.modelCounts[p * 3 + 1]! + m.modelCounts[p * 3 + 2]!;
    // The first outcome whose cumulative count exceeds u·total.
    const u = nextUniform(rng) * total;
    let k = 0;
    let cumulative = m.modelCounts[p * 3]!;
    while (u >= cumulative && k < 2) cumulative += m.modelCounts[p * 3 + ++k]!;
    const i = p * 3 + k;
    const visitsP = visits[p]! + (p === sa ? 1 : 0);
    const alpha = stepSize(options.alphaSchedule, agent.params.alpha, visitsP);
    tdRule(planned, q[p]!, m.modelRewards[i]!, step.gamma, stateValue(q, m.modelNext[i]!), alpha);
    writeQ(agent, p >> 2, p & 3, planned.qAfter);
    m.planningUpdates++;
  }
}

/** Dyna-Q's definition. */
export const DYNA_Q: AlgorithmDefinition<'dyna-q'> = {
  name: 'dyna-q',
  label: 'Dyna-Q',
  policy: 'off-policy',
  extraState: 'none',
  bootstrapFormula: 'max_a′ Q(s′, a′), then n planning updates from the model',
  bootstrap: ({ q, nextState }) => stateValue(q, nextState),
  learn: (step) => {
    const { agent, state: s, action: a, td } = step;
    tdRule(td, agent.q[s * 4 + a]!, step.reward, step.gamma, step.bootstrap, step.alpha);
    writeQ(agent, s, a, td.qAfter);
    step.recordAlpha = step.alpha;
    observe(step);
    plan(step);
  },
};
