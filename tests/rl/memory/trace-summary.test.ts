import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { traceSummary } from '../../../src/rl/trace-summary';

describe('traceSummary', () => {
  it('adds the traces, counts the active pairs and finds the largest: [0, 0.5, 0, 1, 0.25]', () => {
    expect(traceSummary([0, 0.5, 0, 1, 0.25])).toEqual({
      total: 1.75,
      active: 3,
      largestPair: 3,
      largest: 1,
    });
  });

  it('takes the lowest pair on a tie', () => {
    expect(traceSummary([0, 0.5, 0.5]).largestPair).toBe(1);
  });

  it('is empty when every trace is 0 (the start, or after an episode ends)', () => {
    expect(traceSummary(new Float64Array(64))).toEqual({
      total: 0,
      active: 0,
      largestPair: -1,
      largest: 0,
    });
  });

  it('after one SARSA(λ) step off the start: the pair just taken holds e = γλ = 0.99·0.9 = 0.891', () => {
    const env = createEnv({ map: ['SFFF', 'FFFF', 'FFFF', 'FFFG'], isSlippery: false });
    const agent = createAgent(env, {}, 1, { lambda: 0.9, traces: 'replacing' });
    const r = algorithmStep(agent, 'sarsa-lambda');
    const summary = traceSummary(agent.memory.traces);
    expect(summary.largestPair).toBe(r.state * 4 + r.action);
    expect(summary.largest).toBeCloseTo(0.891, 15);
    expect(summary.active).toBe(1);
  });
});
