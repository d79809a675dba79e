import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { stepSize } from '../../../src/rl/step-size';

describe('step sizes', () => {
  it('constant: α whatever the visits; visits: 1/N (1, 1/2, 1/4)', () => {
    expect([1, 2, 4].map((n) => stepSize('constant', 0.1, n))).toEqual([0.1, 0.1, 0.1]);
    expect([1, 2, 4].map((n) => stepSize('visits', 0.1, n))).toEqual([1, 0.5, 0.25]);
  });

  it('α = 1/N(s, a) makes Q(s, a) the plain mean of the targets it received', () => {
    const agent = createAgent(createEnv(), { epsilon: 1, epsilonDecay: 0 }, 3, {
      alphaSchedule: 'visits',
      initialQ: 0.5,
    });
    const targets = new Map<number, number[]>();
    for (let k = 0; k < 3000; k++) {
      const r = algorithmStep(agent, 'q-learning');
      const sa = r.state * 4 + r.action;
      const list = targets.get(sa) ?? [];
      list.push(r.tdTarget);
      targets.set(sa, list);
      expect(r.alpha).toBe(1 / list.length);
    }
    expect(targets.size).toBeGreaterThan(30);
    for (const [sa, list] of targets) {
      const mean = list.reduce((x, y) => x + y, 0) / list.length;
      expect(agent.q[sa]).toBeCloseTo(mean, 12);
    }
  });
});
