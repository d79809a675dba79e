import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { modelVisits, pairModel } from '../../../src/rl/model-summary';
import { runAlgorithmSteps } from '../../../src/rl/readable-loop';
import { LEFT } from '../agent-fixtures';

const env = createEnv({ map: '4x4' });

/** An empty model of the 4x4 map (16 states · 4 actions · 3 outcomes). */
function emptyModel() {
  const n = env.nS * 4 * 3;
  return { counts: new Float64Array(n), rewards: new Float64Array(n), next: new Int32Array(n) };
}

describe('pairModel, worked on (0, Left) of the 4x4 ice', () => {
  // Left from the corner tries Up (stays at 0), Left (stays at 0), Down (to 4), 1/3 each:
  // P(0 | 0, Left) = 2/3, P(4 | 0, Left) = 1/3.
  it('groups the environment’s outcomes by next state: 0 with 2/3, 4 with 1/3', () => {
    const m = pairModel(emptyModel(), env, 0, LEFT);
    expect(m.visits).toBe(0);
    expect(m.outcomes.map((o) => [o.next, o.count, round(o.probability)])).toEqual([
      [0, 0, round(2 / 3)],
      [4, 0, round(1 / 3)],
    ]);
    // Unknown: no estimate, no reward seen, no error to speak of.
    expect(m.outcomes.every((o) => Number.isNaN(o.estimated) && Number.isNaN(o.reward))).toBe(true);
    expect(m.largestError).toBeNaN();
  });

  it('observed 2 + 1 landings at 0 and 1 at 4: P̂ = 3/4 and 1/4, largest error |3/4 − 2/3| = 1/12', () => {
    const model = emptyModel();
    const base = (0 * 4 + LEFT) * 3;
    model.counts.set([2, 1, 1], base);
    model.next.set([0, 0, 4], base);
    const m = pairModel(model, env, 0, LEFT);
    expect(m.visits).toBe(4);
    expect(m.outcomes.map((o) => [o.next, o.count, o.estimated, o.reward, o.trueReward])).toEqual([
      [0, 3, 0.75, 0, 0],
      [4, 1, 0.25, 0, 0],
    ]);
    expect(round(m.largestError)).toBe(round(1 / 12));
  });

  it('keeps a next state the environment no longer lists (the ice changed): P = 0 there', () => {
    const model = emptyModel();
    const base = (0 * 4 + LEFT) * 3;
    model.counts[base] = 1;
    model.next[base] = 1;
    model.rewards[base] = -0.5;
    const m = pairModel(model, env, 0, LEFT);
    const odd = m.outcomes.find((o) => o.next === 1)!;
    expect([odd.count, odd.estimated, odd.probability, odd.reward]).toEqual([1, 1, 0, -0.5]);
    expect(odd.trueReward).toBeNaN();
    expect(m.largestError).toBe(1);
  });
});

describe('modelVisits', () => {
  it('sums each pair’s three outcome counts: N(s, a) = Σ_k count(s, a, k)', () => {
    const visits = modelVisits([1, 2, 0, 0, 0, 0, 0, 0, 5]);
    expect([...visits]).toEqual([3, 0, 5]);
  });

  it('on a Dyna-Q agent counts every real step once, and each known pair’s P̂ and P sum to 1', () => {
    const agent = createAgent(env, {}, 5, { planningSteps: 3 });
    runAlgorithmSteps(agent, 'dyna-q', 400);
    const { modelCounts, modelRewards, modelNext, planningUpdates } = agent.memory;
    const visits = modelVisits(modelCounts);
    expect(visits.reduce((x, y) => x + y, 0)).toBe(400);
    // Planning updates are counted apart: n per real step.
    expect(planningUpdates).toBe(1200);
    const model = { counts: modelCounts, rewards: modelRewards, next: modelNext };
    for (let p = 0; p < visits.length; p++) {
      const m = pairModel(model, env, p >> 2, p & 3);
      const sum = (f: (o: (typeof m.outcomes)[number]) => number) =>
        round(m.outcomes.reduce((x, o) => x + f(o), 0));
      expect(sum((o) => o.probability)).toBe(1);
      if (visits[p]) expect(sum((o) => o.estimated)).toBe(1);
    }
  });
});

function round(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}
