/**
 * The deterministic corridor S F F G that the trace, Dyna and Monte Carlo tests walk by hand:
 * Right from S reaches G in three steps (rewards 0, 0, 1). Q(s, Right) = 0.1 on S, F, F (the
 * greedy action under ε = 0), every other Q 0.
 */
import { createAgent, type QAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import type { LearnerOptions } from '../../../src/rl/learner-values';
import type { QParams } from '../../../src/rl/params';
import { RIGHT } from '../agent-fixtures';

/** The corridor agent: α 0.5, γ 0.9 and ε fixed at `epsilon` unless `params` says otherwise. */
export function corridorAgent(
  options: Partial<LearnerOptions>,
  params: Partial<QParams> = {},
  seed = 0,
): QAgent {
  const env = createEnv({ map: ['SFFG'], isSlippery: false });
  const agent = createAgent(
    env,
    { alpha: 0.5, gamma: 0.9, epsilon: 0, epsilonDecay: 0, minEpsilon: 0, ...params },
    seed,
    options,
  );
  for (const s of [0, 1, 2]) agent.q[s * 4 + RIGHT] = 0.1;
  return agent;
}
