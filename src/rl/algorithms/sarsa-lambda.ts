/**
 * SARSA(λ) (on-policy): SARSA's target, r + γ·Q(s′, a′) with a′ the action it will take next
 * (drawn as SARSA draws it, so the two draw the same numbers), applied to every pair along the
 * path through eligibility traces (`traces.ts`): e(s, a) marks (s, a), δ moves every marked pair
 * by α·δ·e, and the marks decay by γλ per step. λ = 0 gives SARSA's numbers.
 */
import { traceUpdate } from '../traces';
import type { AlgorithmDefinition } from './definition';
import { SARSA } from './sarsa';

/** SARSA(λ)'s definition. */
export const SARSA_LAMBDA: AlgorithmDefinition<'sarsa-lambda'> = {
  name: 'sarsa-lambda',
  label: 'SARSA(λ)',
  policy: 'on-policy',
  extraState: 'next-action',
  bootstrapFormula: 'Q(s′, a′), a′ the next action; δ·e(s, a) for every traced pair',
  bootstrap: SARSA.bootstrap,
  learn: (step) => traceUpdate(step, false),
};
