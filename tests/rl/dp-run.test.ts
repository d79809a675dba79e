import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { createDpRun, stepDp, type DpRun } from '../../src/rl/dp/dp-run';
import { runPolicyIteration } from '../../src/rl/dp/policy-iteration';
import { runValueIteration } from '../../src/rl/dp/sweep';

/** Steps until done (bounded). */
function finish(env: ReturnType<typeof createEnv>, run: DpRun): DpRun {
  for (let i = 0; i < 100_000 && run.phase !== 'done'; i++) run = stepDp(env, run);
  return run;
}

describe('a DP run one step at a time', () => {
  const env = createEnv({ map: '4x4' });

  it('starts at V_0 = 0, π_0 = Left, no sweep, nothing changed', () => {
    const run = createDpRun(env, 'value', 0.99, 1e-6);
    expect(run.phase).toBe('sweep');
    expect(run.sweeps).toBe(0);
    expect(Array.from(run.v)).toEqual(new Array(16).fill(0));
    expect(Array.from(run.policy)).toEqual(new Array(16).fill(0));
    expect(run.deltas).toEqual([]);
    expect(createDpRun(env, 'policy', 0.99, 1e-6).phase).toBe('evaluate');
  });

  it('value iteration: three steps are three sweeps; V_{k−1} is kept for the backup', () => {
    let run = createDpRun(env, 'value', 0.99, 1e-6);
    const before = run;
    for (let k = 0; k < 3; k++) run = stepDp(env, run);
    expect(run.sweeps).toBe(3);
    expect(run.deltas).toEqual(runValueIteration(env, 0.99, { tolerance: 0, maxSweeps: 3 }).deltas);
    expect(run.previous).not.toBe(run.v);
    expect(Array.from(stepDp(env, createDpRun(env, 'value', 0.99, 1e-6)).previous)).toEqual(
      Array.from(before.v),
    );
    // Only state 14 sees G after one sweep, and only states near it after three.
    expect(run.v[14]!).toBeGreaterThan(0);
    expect(run.v[0]).toBe(0);
  });

  it('value iteration ends as the full run does, on the same sweep', () => {
    const run = finish(env, createDpRun(env, 'value', 0.99, 1e-6));
    const full = runValueIteration(env, 0.99, { tolerance: 1e-6, maxSweeps: 100_000 });
    expect(run.sweeps).toBe(full.sweeps);
    expect(Array.from(run.v)).toEqual(Array.from(full.v));
    expect(Array.from(run.policy)).toEqual(Array.from(full.policy));
    expect(stepDp(env, run)).toBe(run);
  });

  it('policy iteration: evaluation sweeps, then an improvement that marks the changed states', () => {
    let run = createDpRun(env, 'policy', 0.99, 1e-6);
    // π_0 = Left never reaches G: V stays 0, the first sweep is already within the tolerance.
    run = stepDp(env, run);
    expect(run.deltas).toEqual([0]);
    expect(run.phase).toBe('improve');
    run = stepDp(env, run);
    expect(run.improvements).toBe(1);
    expect(run.changed).toEqual([14]);
    expect(run.sweeps).toBe(1);
    expect(run.phase).toBe('evaluate');
  });

  it('policy iteration ends where the full run ends', () => {
    const run = finish(env, createDpRun(env, 'policy', 0.99, 1e-6));
    const full = runPolicyIteration(env, 0.99, { tolerance: 1e-6, maxSweeps: 100_000 });
    expect(run.improvements).toBe(full.improvements);
    expect(run.sweeps).toBe(full.sweeps);
    expect(run.changed).toEqual([]);
    expect(Array.from(run.policy)).toEqual(Array.from(full.policy));
  });
});
