/**
 * The snapshot's `last`: the agent's last update read back (`lastStepRecord`) with the run's step
 * count, and the step's facts in its algorithm's own terms (`LearnerStepFacts`), read from the
 * agent's memory when the snapshot is sent (nothing is kept per step for it).
 */
import type { QAgent } from '../rl/agent';
import type { Algorithm } from '../rl/algorithms/registry';
import { softmaxInto, ucbAction } from '../rl/exploration';
import { lastStepRecord } from '../rl/step-record';
import { greedyAction } from '../rl/tables';
import type { LearnerStepFacts, UpdateData } from './protocol';

/**
 * Q(s′, ·) as it was before the last update: the table now, except Q(s, a) itself when s′ = s
 * (a bump into the wall), which held `qBefore`. Exact for the algorithms that update one pair.
 */
function valuesBefore(table: Float64Array, s: number, a: number, ns: number, qBefore: number) {
  const row = Array.from(table.subarray(ns * 4, ns * 4 + 4));
  if (ns === s) row[a] = qBefore;
  return row;
}

/**
 * Expected SARSA's policy at s′ under softmax or UCB, worked out again from the values its
 * bootstrap read (`nextValues`), the options and N(s′, ·): π(a | s′) for a = 0…3. Undefined for
 * another algorithm or rule, at an episode's end, or if the policy worked out this way does not
 * give the bootstrap the step used (then the inspector writes the bootstrap alone).
 */
function expectationPolicy(
  agent: QAgent,
  algorithm: Algorithm,
  nextValues: readonly number[],
): number[] | undefined {
  const { last, options } = agent;
  if (algorithm !== 'expected-sarsa' || last.terminated) return undefined;
  let pi: number[];
  if (options.exploration === 'softmax')
    pi = Array.from(softmaxInto(new Float64Array(4), nextValues, 0, options.temperature));
  else if (options.exploration === 'ucb') {
    // N(s′, ·) when the bootstrap was taken: the step counted its own pair after it.
    const visits = Array.from(agent.visits.subarray(last.nextState * 4, last.nextState * 4 + 4));
    if (last.nextState === last.state) visits[last.action]!--;
    const a = ucbAction(nextValues, visits, 0, options.ucbC);
    pi = [0, 1, 2, 3].map((b) => (b === a ? 1 : 0));
  } else return undefined;
  let value = 0;
  for (let a = 0; a < 4; a++) value += pi[a]! * nextValues[a]!;
  return value === last.bootstrap ? pi : undefined;
}

/** The last step's facts for `algorithm`. */
export function learnerStepFacts(agent: QAgent, algorithm: Algorithm): LearnerStepFacts {
  const { last, memory: m, options } = agent;
  const table = m.lastTable < 0 ? agent.q : m.tables[m.lastTable]!;
  const nextValues = valuesBefore(table, last.state, last.action, last.nextState, last.qBefore);
  const ended = last.terminated || last.truncated;
  return {
    algorithm,
    nextValues,
    epsilonNext: last.epsilonAfter,
    exploration: options.exploration,
    ...withPolicy(expectationPolicy(agent, algorithm, nextValues), options),
    nextAction: agent.bootstrapAction,
    table: m.lastTable,
    tableGreedy: greedyAction(nextValues, 0),
    trace: m.lastTrace,
    lambda: options.lambda,
    cut: m.cutTraces,
    planningSteps: options.planningSteps,
    planningUpdates: m.planningUpdates,
    // The episode's rewards stay in memory after its backward pass; T = the step's t.
    episodeRewards:
      algorithm === 'monte-carlo' && ended ? Array.from(m.episodeRewards.subarray(0, last.t)) : [],
    episodeReturn: m.lastReturn,
    returnUpdates: m.lastReturnUpdates,
  };
}

/** The behaviour rule's own number (softmax's τ, UCB's c) and Expected SARSA's policy, if any. */
function withPolicy(
  nextPolicy: number[] | undefined,
  options: QAgent['options'],
): Pick<LearnerStepFacts, 'nextPolicy' | 'temperature' | 'ucbC'> {
  const policy = nextPolicy ? { nextPolicy } : {};
  if (options.exploration === 'softmax') return { ...policy, temperature: options.temperature };
  if (options.exploration === 'ucb') return { ...policy, ucbC: options.ucbC };
  return policy;
}

/** The snapshot's `last`, or null before the run's first step. */
export function lastUpdate(agent: QAgent, algorithm: Algorithm): UpdateData | null {
  if (!agent.last.valid) return null;
  return {
    ...lastStepRecord(agent),
    totalSteps: agent.totalSteps,
    learner: learnerStepFacts(agent, algorithm),
  };
}
