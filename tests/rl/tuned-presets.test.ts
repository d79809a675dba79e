import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { bestSuccessWithin, evaluateGreedy } from '../../src/rl/evaluation';
import { createAgent } from '../../src/rl/agent';
import { runEpisodes } from '../../src/rl/fast-loop';
import { TUNED_PRESETS } from '../../src/rl/tuned-presets';

describe('tuned presets', () => {
  it('the 4x4 preset passes Gymnasium’s 0.70 in the median over seeds 0–9', () => {
    const p = TUNED_PRESETS.find((x) => x.id === 'tuned-4x4')!;
    const env = createEnv({ map: p.map });
    const success = Array.from({ length: 10 }, (_, seed) => {
      const agent = createAgent(env, p.params, seed);
      runEpisodes(agent, p.episodes);
      return evaluateGreedy(env, agent.q).successProbability;
    }).sort((a, b) => a - b);
    expect((success[4]! + success[5]!) / 2).toBeGreaterThanOrEqual(p.threshold);
    // And never above what any policy can do within the time limit.
    expect(success[9]!).toBeLessThanOrEqual(bestSuccessWithin(env) + 1e-12);
  });

  it('the 8x8 preset reaches 0.85 on a seed (the full median is checked by npm run presets)', () => {
    const p = TUNED_PRESETS.find((x) => x.id === 'tuned-8x8')!;
    const env = createEnv({ map: p.map });
    const agent = createAgent(env, p.params, 0);
    runEpisodes(agent, p.episodes);
    expect(evaluateGreedy(env, agent.q).successProbability).toBeGreaterThanOrEqual(0.85);
  });
});
