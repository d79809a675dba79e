import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { stepsToFloor } from '../../src/rl/epsilon-floor';
import { createAgent } from '../../src/rl/agent';
import { runSteps } from '../../src/rl/fast-loop';
import { LESSON_PARAMS } from '../../src/rl/params';
import { TUNED_PRESETS } from '../../src/rl/tuned-presets';

/** Training runs of many seeds: room for a loaded machine (Vitest's default is 5 s). */
const HEAVY_TEST_MS = 60_000;

/** The learner's schedule, one subtraction at a time (as `runSteps` writes it); null past `cap`. */
function bruteSteps(epsilon: number, decay: number, floor: number, cap = 2_000_000) {
  let e = epsilon;
  let k = 0;
  while (e > floor) {
    const next = e - decay > floor ? e - decay : floor;
    if (next === e) return Infinity;
    e = next;
    if (++k > cap) return null;
  }
  return k;
}

describe('stepsToFloor: when ε reaches its floor, counted as the learner subtracts', () => {
  it('worked cases: 1 → 0.75 → 0.5 → 0.25 → 0.01 is four steps; none from the floor; never at decay 0', () => {
    expect(stepsToFloor({ epsilon: 1, epsilonDecay: 0.25, minEpsilon: 0.01 })).toBe(4);
    expect(stepsToFloor({ epsilon: 0.01, epsilonDecay: 0.25, minEpsilon: 0.01 })).toBe(0);
    expect(stepsToFloor({ epsilon: 1, epsilonDecay: 0, minEpsilon: 0.01 })).toBe(Infinity);
  });

  it('the lesson’s schedule takes 9,901 steps, not ⌈0.99 / 0.0001⌉ = 9,900: the learner’s ε is still above 0.01 after 9,900', () => {
    const agent = createAgent(createEnv(), LESSON_PARAMS, 0);
    runSteps(agent, 9_900);
    expect(agent.epsilon).toBeGreaterThan(LESSON_PARAMS.minEpsilon);
    runSteps(agent, 1);
    expect(agent.epsilon).toBe(LESSON_PARAMS.minEpsilon);
    expect(stepsToFloor(LESSON_PARAMS)).toBe(9_901);
    expect(Math.ceil((1 - 0.01) / 0.0001)).toBe(9_900);
  });

  it(
    'equals the learner’s own count on the tuned presets (millions of steps on 8x8)',
    () => {
      for (const p of TUNED_PRESETS) {
        const agent = createAgent(createEnv({ map: p.map }), p.params, 0);
        const k = stepsToFloor(p.params);
        runSteps(agent, k - 1);
        expect(agent.epsilon).toBeGreaterThan(p.params.minEpsilon);
        runSteps(agent, 1);
        expect(agent.epsilon).toBe(p.params.minEpsilon);
      }
    },
    HEAVY_TEST_MS,
  );

  it('a decay below half the spacing of the doubles near ε never moves it: Infinity', () => {
    // Below 1 the doubles are 2⁻⁵³ apart: 1 − 10⁻¹⁷ rounds back to 1, step after step.
    expect(1 - 1e-17).toBe(1);
    expect(stepsToFloor({ epsilon: 1, epsilonDecay: 1e-17, minEpsilon: 0 })).toBe(Infinity);
  });

  it('counts a trillion steps at once, and ties of the rounding (decay = (j + ½) ulps) exactly', () => {
    const start = performance.now();
    const k = stepsToFloor({ epsilon: 1, epsilonDecay: 1e-12, minEpsilon: 0 });
    // Stepping would take minutes; skipping ahead takes well under a millisecond on an idle machine.
    expect(performance.now() - start).toBeLessThan(1000);
    // Within rounding of 10¹² subtractions of 10⁻¹² from 1.
    expect(Math.abs(k / 1e12 - 1)).toBeLessThan(1e-4);
    for (const j of [0, 1, 2, 7]) {
      const decay = (j + 0.5) * 2 ** -40;
      const epsilon = 1 - 3 * 2 ** -30;
      const floor = epsilon - 2 ** -24;
      expect(stepsToFloor({ epsilon, epsilonDecay: decay, minEpsilon: floor })).toBe(
        bruteSteps(epsilon, decay, floor),
      );
    }
  });

  it(
    'equals one subtraction at a time for any ε, decay and floor (property)',
    () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 1e-6, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (epsilon, decay, f) => {
            const floor = f * epsilon;
            const brute = bruteSteps(epsilon, decay, floor);
            if (brute === null) return;
            expect(stepsToFloor({ epsilon, epsilonDecay: decay, minEpsilon: floor })).toBe(brute);
          },
        ),
        { numRuns: 2_000, seed: 24 },
      );
    },
    HEAVY_TEST_MS,
  );
});

describe('stepsToFloor, a decay that is not positive', () => {
  it('answers Infinity at once for a negative decay (outside PARAM_LIMITS), which would raise ε for ever', () => {
    expect(stepsToFloor({ epsilon: 1, epsilonDecay: -0.25, minEpsilon: 0 })).toBe(Infinity);
  });
});
