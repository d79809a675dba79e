/**
 * Dynamic programming on its boundaries, on maps small enough to work by hand (γ 0.9, no slip):
 * a sweep whose change equals the tolerance does not end anything (the change must fall below
 * it), the sweep budget is a hard limit, zero sweeps return V_0, and a run says what its last
 * step was.
 *
 * On S F G: value iteration's sweeps change V by 1 (V(F) = 1), then 0.9 (V(S) = 0.9·1), then 0.
 * Policy iteration from π_0 = Left: evaluating Left changes nothing (0); the improvement turns F
 * Right; evaluating that changes V(F) by 1, then nothing; S turns Right; V(S) changes by 0.9.
 */
import { describe, expect, it } from 'vitest';
import { isDpMethod } from '../../src/rl/dp/dp-limits';
import { createDpRun, stepDp } from '../../src/rl/dp/dp-run';
import { runPolicyIteration } from '../../src/rl/dp/policy-iteration';
import { runValueIteration } from '../../src/rl/dp/sweep';
import { createEnv } from '../../src/rl/env';
import { RIGHT } from './agent-fixtures';

const SFG = createEnv({ map: ['SFG'], isSlippery: false });

describe('a change equal to the tolerance (1) does not end a sweep run', () => {
  it('value iteration: sweeps changing V by 1, then 0.9: two sweeps', () => {
    const result = runValueIteration(SFG, 0.9, { tolerance: 1, maxSweeps: 100 });
    expect(result.deltas).toEqual([1, 0.9]);
  });

  it('policy iteration: evaluation changes 0, 1, 0, 0.9; improvements change F, then S, then nothing', () => {
    const result = runPolicyIteration(SFG, 0.9, { tolerance: 1, maxSweeps: 100 });
    expect(result.deltas).toEqual([0, 1, 0, 0.9]);
    expect(result.changedPerImprovement).toEqual([[1], [0], []]);
    expect(Array.from(result.policy.slice(0, 2))).toEqual([RIGHT, RIGHT]);
  });

  it('stepDp: the same, one press at a time, and each step names itself', () => {
    let run = createDpRun(SFG, 'value', 0.9, 1);
    expect([run.changed, run.last]).toEqual([[], null]);
    run = stepDp(SFG, run);
    expect([run.phase, run.last, run.deltas]).toEqual(['sweep', 'sweep', [1]]);
    run = stepDp(SFG, run);
    expect([run.phase, run.deltas]).toEqual(['done', [1, 0.9]]);

    let pi = createDpRun(SFG, 'policy', 0.9, 1);
    pi = stepDp(SFG, pi);
    expect([pi.phase, pi.last]).toEqual(['improve', 'sweep']);
    pi = stepDp(SFG, pi);
    expect([pi.phase, pi.last, pi.changed]).toEqual(['evaluate', 'improvement', [1]]);
    pi = stepDp(SFG, pi);
    expect([pi.phase, pi.last, pi.deltas]).toEqual(['evaluate', 'sweep', [0, 1]]);
  });
});

describe('the sweep budget', () => {
  it('policy iteration stops at maxSweeps even mid-evaluation: no improvement, Q still 0', () => {
    // G F S: evaluating Left changes V(F) by 1, above any tolerance, and the one sweep is spent.
    const env = createEnv({ map: ['GFS'], isSlippery: false });
    const result = runPolicyIteration(env, 0.9, { tolerance: 1e-10, maxSweeps: 1 });
    expect([result.sweeps, result.improvements]).toEqual([1, 0]);
    expect(Array.from(result.v)).toEqual([0, 1, 0]);
    expect(Array.from(result.q)).toEqual(new Array(12).fill(0));
  });

  it('value iteration with no sweeps returns V_0 = 0, Q_0 = 0 and π = Left everywhere', () => {
    const result = runValueIteration(SFG, 0.9, { tolerance: 1e-10, maxSweeps: 0 });
    expect(result.sweeps).toBe(0);
    expect(Array.from(result.q)).toEqual(new Array(12).fill(0));
    expect(Array.from(result.policy)).toEqual([0, 0, 0]);
  });
});

describe('isDpMethod', () => {
  it('knows value and policy only', () => {
    expect(['value', 'policy'].map(isDpMethod)).toEqual([true, true]);
    expect(['values', 'Policy', ''].map(isDpMethod)).toEqual([false, false, false]);
  });
});
