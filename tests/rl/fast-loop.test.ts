import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';

/** Q-tables equal bit for bit. */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe('the fast loop’s working copy', () => {
  it('takes Q, N and δ written by hand between calls, as the readable loop does', () => {
    const env = createEnv();
    const fast = createAgent(env, {}, 5);
    const readable = createAgent(env, {}, 5);
    runSteps(fast, 500);
    runAlgorithmSteps(readable, 'q-learning', 500);
    for (const agent of [fast, readable]) {
      agent.q.fill(0.25);
      agent.q[4 * 4 + 2] = 0.9; // a new greedy action at state 4, and a new V(4)
      agent.visits[0] = 100;
      agent.tdErrors[1] = -0.5;
    }
    runSteps(fast, 5000);
    runAlgorithmSteps(readable, 'q-learning', 5000);
    expect(sameBits(fast.q, readable.q)).toBe(true);
    expect(Array.from(fast.visits)).toEqual(Array.from(readable.visits));
    expect(sameBits(fast.tdErrors, readable.tdErrors)).toBe(true);
    expect(fast.last).toEqual(readable.last);
  });

  it('hands its counts back at the end of every call, whatever its size', () => {
    const agent = createAgent(createEnv({ map: '8x8' }), {}, 2);
    for (const steps of [1, 7, 3000, 1]) {
      runSteps(agent, steps);
      expect(agent.visits.reduce((a, b) => a + b, 0)).toBe(agent.totalSteps);
      expect(agent.tdErrors[agent.last.state * 4 + agent.last.action]).toBe(agent.last.tdError);
    }
  });
});
