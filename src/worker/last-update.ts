/**
 * The snapshot's `last`: the agent's last update read back (`lastStepRecord`) with the run's step
 * count, and the step's facts in its algorithm's own terms (`LearnerStepFacts`), read from the
 * agent's memory when the snapshot is sent (nothing is kept per step for it).
 */
import type { QAgent } from '../rl/agent';
import type { Algorithm } from '../rl/algorithms/registry';
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

/** The snapshot's `last`, or null before the run's first step. */
export function lastUpdate(agent: QAgent, algorithm: Algorithm): UpdateData | null {
  if (!agent.last.valid) return null;
  return {
    ...lastStepRecord(agent),
    totalSteps: agent.totalSteps,
    learner: learnerStepFacts(agent, algorithm),
  };
}
