import { describe, expect, it } from 'vitest';
import { createEnv, defaultMaxSteps } from '../../src/rl/env';
import { stepsToFloor } from '../../src/rl/epsilon-floor';
import { createAgent } from '../../src/rl/agent';
import { runSteps } from '../../src/rl/fast-loop';
import { TUNED_PRESETS, type TunedPreset } from '../../src/rl/tuned-presets';

/** Training runs of many seeds: room for a loaded machine (Vitest's default is 5 s). */
const HEAVY_TEST_MS = 60_000;

/** The 0-based episode during which ε reached its floor, for one seed. */
function floorEpisode(p: TunedPreset, seed: number): number {
  const agent = createAgent(createEnv({ map: p.map }), p.params, seed);
  runSteps(agent, stepsToFloor(p.params));
  // A step that ended an episode has already moved the counter on to the next one.
  return agent.t === 0 ? agent.episode - 1 : agent.episode;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

/** "about 850 episodes" → 850. */
const aboutEpisodes = (why: string) =>
  Number(/about ([\d,]+) episodes/.exec(why)![1]!.replace(/,/g, ''));

describe('the tuned presets’ sentences quote the core', () => {
  const [four, eight] = [
    TUNED_PRESETS.find((p) => p.map === '4x4')!,
    TUNED_PRESETS.find((p) => p.map === '8x8')!,
  ];

  it(
    '4x4: the learner’s 9,901 steps to the floor, about 850 episodes (median of seeds 0–9, to 10)',
    () => {
      expect(four.why).toContain(
        `after ${stepsToFloor(four.params).toLocaleString('en-US')} steps`,
      );
      expect(four.why).toContain('9,901 steps');
      const m = median(Array.from({ length: 10 }, (_, seed) => floorEpisode(four, seed)));
      expect(Math.round(m / 10) * 10).toBe(aboutEpisodes(four.why));
    },
    HEAVY_TEST_MS,
  );

  it(
    '8x8: 4,950,000 steps to the floor, about 88,000 episodes (median of seeds 0–2, to 1,000)',
    () => {
      expect(eight.why).toContain('4,950,000 steps');
      const m = median([0, 1, 2].map((seed) => floorEpisode(eight, seed)));
      expect(Math.round(m / 1000) * 1000).toBe(aboutEpisodes(eight.why));
    },
    HEAVY_TEST_MS,
  );

  it('8x8: a prize on the last of the 200 steps is worth γ^199: 0.82 at γ 0.999, 0.14 at γ 0.99', () => {
    expect(defaultMaxSteps(8, 8)).toBe(200);
    expect(eight.why).toContain('worth 0.82 (at γ 0.99: 0.14)');
    expect((0.999 ** 199).toFixed(2)).toBe('0.82');
  });
});
