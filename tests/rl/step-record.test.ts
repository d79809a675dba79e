import { describe, expect, it } from 'vitest';
import { createEnv, moveFrom } from '../../src/rl/env';
import { createAgent, type QAgent, setParams } from '../../src/rl/agent';
import { lastStepRecord, type StepRecord } from '../../src/rl/step-record';
import { runSteps, step } from '../../src/rl/fast-loop';
import { stateValue } from '../../src/rl/tables';
import { RIGHT } from './agent-fixtures';

describe.each(['first', 'random'] as const)('the step record (%s ties)', (tieBreak) => {
  const env = createEnv();
  const agent = createAgent(
    env,
    { epsilon: 0.5, epsilonDecay: 0, minEpsilon: 0.5, alpha: 0.3, tieBreak },
    12,
  );
  // Train a little first so Q is not all zeros.
  runSteps(agent, 20_000);
  const records: Array<{ r: StepRecord; qBefore: Float64Array; qNow: Float64Array }> = [];
  for (let i = 0; i < 3000; i++) {
    const qBefore = agent.q.slice();
    const r = step(agent);
    records.push({ r, qBefore, qNow: agent.q.slice() });
  }

  it('slipped = intended ≠ actual, intended = action; some steps slip and some do not', () => {
    for (const { r } of records) {
      expect(r.intended).toBe(r.action);
      expect(r.slipped).toBe(r.intended !== r.actual);
    }
    expect(records.some(({ r }) => r.slipped)).toBe(true);
    expect(records.some(({ r }) => !r.slipped)).toBe(true);
  });

  it('the actual direction is a−1, a or a+1 and leads to nextState', () => {
    const bad = records.filter(
      ({ r }) =>
        ![(r.action + 3) % 4, r.action, (r.action + 1) % 4].includes(r.actual) ||
        moveFrom(env.nrow, env.ncol, r.state, r.actual) !== r.nextState,
    );
    expect(bad).toEqual([]);
  });

  it('change = qAfter − qBefore, and qAfter is what agent.q holds after the step', () => {
    const bad = records.filter(
      ({ r, qBefore, qNow }) =>
        r.change !== r.qAfter - r.qBefore ||
        r.qBefore !== qBefore[r.state * 4 + r.action] ||
        r.qAfter !== qNow[r.state * 4 + r.action],
    );
    expect(bad).toEqual([]);
    expect(records.some(({ r }) => r.change !== 0)).toBe(true);
  });

  it('bootstrap = max Q(s′, ·) before the update, tdTarget = r + γ·bootstrap, tdError = tdTarget − qBefore', () => {
    const { gamma, alpha } = agent.params;
    const bad = records.filter(
      ({ r, qBefore }) =>
        r.bootstrap !== stateValue(qBefore, r.nextState) ||
        r.discountedBootstrap !== gamma * r.bootstrap ||
        r.tdTarget !== r.reward + gamma * r.bootstrap ||
        r.tdError !== r.tdTarget - r.qBefore ||
        r.qAfter !== r.qBefore + alpha * r.tdError,
    );
    expect(bad).toEqual([]);
  });

  it('lastStepRecord reads the same record again', () => {
    const r = step(agent);
    expect(lastStepRecord(agent)).toEqual(r);
  });
});

describe('lastStepRecord after the parameters change', () => {
  /** S F G with Q(S, Right) 0.3 and Q(F, ·) max 0.5; one step with γ 0.9 and ε 0.5 → 0.25. */
  function afterOneStep(): QAgent {
    const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), {
      epsilon: 0.5,
      epsilonDecay: 0.25,
      minEpsilon: 0,
      gamma: 0.9,
    });
    agent.q[RIGHT] = 0.3;
    agent.q.set([0.1, 0, 0.5, 0.2], 4);
    // Whatever the step does from S (stay or move to F), max Q(s′) is 0.3 or 0.5, not 0.
    step(agent);
    return agent;
  }

  it('still reports γ·max Q(s′) with the γ the step used after setParams changes γ', () => {
    const agent = afterOneStep();
    const before = lastStepRecord(agent);
    setParams(agent, { gamma: 0.5 });
    const after = lastStepRecord(agent);
    // The step used γ 0.9: td_target = r + 0.9·bootstrap, so γ·bootstrap must stay 0.9·bootstrap.
    expect(after.tdTarget).toBe(before.tdTarget);
    expect(after.discountedBootstrap).toBe(0.9 * after.bootstrap);
  });

  it("still reports that step's ε after the decay when agent.epsilon is set afterwards", () => {
    const agent = afterOneStep();
    expect(lastStepRecord(agent).epsilonAfter).toBe(0.25);
    agent.epsilon = 0.9; // what the worker does when a person moves the ε slider
    expect(lastStepRecord(agent).epsilonAfter).toBe(0.25);
  });
});
