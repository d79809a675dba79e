/**
 * What a worker tells the page about a run's environment when the run starts: its shape
 * (`EnvInfo`) and the optimum the learner is measured against. Shared by the training and
 * comparison workers.
 */
import type { IceMazeEnv } from '../rl/env';
import { evaluatePolicy, valueIteration } from '../rl/evaluation';
import { policyMatrix } from '../rl/tables';
import type { EnvInfo, OptimumInfo } from './protocol';

/** The environment as the page needs it (a fresh copy of the map rows). */
export function envInfo(env: IceMazeEnv): EnvInfo {
  return {
    desc: [...env.desc],
    nrow: env.nrow,
    ncol: env.ncol,
    nS: env.nS,
    start: env.start,
    maxSteps: env.maxSteps,
    isSlippery: env.isSlippery,
    successRate: env.successRate,
    rewardSchedule: [...env.rewardSchedule] as const,
  };
}

/** Value iteration for γ, the exact success of its policy within the limit, and the ceiling. */
export function optimumFor(env: IceMazeEnv, gamma: number, bestWithinLimit: number): OptimumInfo {
  const vi = valueIteration(env, gamma);
  const success = evaluatePolicy(env, policyMatrix(vi.policy, env.nA), env.maxSteps);
  return {
    gamma,
    q: vi.q,
    v: vi.v,
    policy: vi.policy,
    successProbability: success.successProbability,
    bestWithinLimit,
  };
}

/** The optimum's buffers, to transfer with the event that carries it (fresh arrays, never live). */
export function optimumTransfer(o: OptimumInfo): Transferable[] {
  return [o.q.buffer, o.v.buffer, o.policy.buffer];
}
