/**
 * Q-learning, the lesson's algorithm (off-policy): it behaves ε-greedily but bootstraps from the
 * greedy action, td_target = r + γ · max_a′ Q(s′, a′). Like the lesson it reads the row of s′
 * even when s′ is a hole or the goal; no update ever writes those rows, so the max is 0 there.
 * The fast loop (`fast-loop.ts`) inlines this max; it is tested bit for bit against this one.
 */
import { stateValue } from '../tables';
import { tdRule, createTdUpdate } from '../td-rule';
import type { AlgorithmDefinition } from './definition';

/** Q-learning's definition. */
export const Q_LEARNING: AlgorithmDefinition<'q-learning'> = {
  name: 'q-learning',
  label: 'Q-learning',
  policy: 'off-policy',
  extraState: 'none',
  bootstrapFormula: 'max_a′ Q(s′, a′)',
  bootstrap: ({ q, nextState }) => stateValue(q, nextState),
};

/**
 * The lesson's update_q_table on a bare table: the one TD rule with Q-learning's bootstrap,
 * Q(s, a) ← Q(s, a) + α·(r + γ·max_a′ Q(s′, a′) − Q(s, a)). Returns td_error. Allocates one
 * record: for narration and tests, not for a loop.
 */
export function updateQ(
  q: Float64Array,
  s: number,
  a: number,
  nextState: number,
  reward: number,
  alpha: number,
  gamma: number,
): number {
  const sa = s * 4 + a;
  const u = tdRule(createTdUpdate(), q[sa]!, reward, gamma, stateValue(q, nextState), alpha);
  q[sa] = u.qAfter;
  return u.tdError;
}
