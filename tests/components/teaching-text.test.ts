import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, TERMS } from '../../src/components/dock/glossary/glossary-terms';
import {
  LESSON_ENV,
  LESSON_FIGURES,
  timeLimitRule,
} from '../../src/components/dock/glossary/lesson-figures';
import { formatPercent, formatSigned, formatThousands } from '../../src/viz/format';
import { PRESETS } from '../../src/components/dock/io/presets';
import { CHAPTERS } from '../../src/components/lesson/chapters';
import { ACTION_NAMES, defaultMaxSteps } from '../../src/rl/env';
import { stepsToFloor } from '../../src/rl/epsilon-floor';
import { valueIteration } from '../../src/rl/evaluation';
import { LESSON_EPISODES, LESSON_FRAME_INTERVAL, LESSON_PARAMS } from '../../src/rl/params';
import { rewardWorth, teachingFigures } from '../../src/rl/teaching-figures';
import { TUNED_PRESETS } from '../../src/rl/tuned-presets';

const FIG = LESSON_FIGURES;

/** Every sentence of teaching text kept as data: glossary, chapters, presets, tuned presets. */
function teachingTexts(): Array<{ where: string; text: string }> {
  return [
    ...GLOSSARY.flatMap((t) => [
      { where: `glossary ${t.id}`, text: t.definition },
      { where: `glossary ${t.id} formula`, text: t.formula ?? '' },
    ]),
    ...CHAPTERS.flatMap((c) => [
      { where: `chapter ${c.id}`, text: c.text },
      { where: `chapter ${c.id} task`, text: c.task },
    ]),
    ...PRESETS.flatMap((p) => [
      { where: `preset ${p.id}`, text: p.summary },
      { where: `preset ${p.id} watch`, text: p.watch },
    ]),
    ...TUNED_PRESETS.map((p) => ({ where: `tuned preset ${p.id}`, text: p.why })),
    { where: 'time-limit rule', text: timeLimitRule() },
  ];
}

/**
 * The numbers a text may state, each written from the core as the texts write it: the lesson's
 * constants, its environment, the figures of value iteration and the exact evaluations, the
 * presets' worth of the prize, the tuned presets' step counts (their "about N episodes" are
 * tested against training runs in tests/rl/tuned-preset-words.test.ts).
 */
function coreNumbers(): Set<string> {
  const L = LESSON_PARAMS;
  const eight = TUNED_PRESETS.find((p) => p.map === '8x8')!;
  const short = teachingFigures(LESSON_ENV, 0.5);
  const k = FIG.shortestPath;
  const h = FIG.holeSurprise!;
  const fromCore = [
    // Action indices (Left 0 … Up 3), the formula's exponents and k − 1.
    ...ACTION_NAMES.map((_, a) => String(a)),
    ...[L.alpha, L.gamma, L.epsilon, L.epsilonDecay, L.minEpsilon].map(String),
    formatThousands(LESSON_EPISODES),
    formatThousands(LESSON_FRAME_INTERVAL),
    String(LESSON_ENV.nS - 1),
    String(LESSON_ENV.maxSteps),
    ...LESSON_ENV.rewardSchedule.map(String),
    String(defaultMaxSteps(8, 8)),
    String(LESSON_ENV.nS), // the largest map (16 tiles) with the small time limit
    formatSigned(FIG.startValue, 3),
    formatSigned(FIG.bestWithinLimit, 3),
    formatPercent(FIG.optimalPolicy.successProbability, 0),
    formatPercent(FIG.optimalPolicy.successProbability, 1),
    formatPercent(FIG.bestWithinLimit, 1),
    String(Math.round(FIG.optimalPolicy.expectedLength)),
    String(k),
    String(k - 1),
    String(h.state),
    String(h.hole),
    formatSigned(h.tdError, 3),
    formatSigned(-h.tdError, 3),
    '0.5',
    formatSigned(rewardWorth(0.5, k), 3),
    formatSigned(rewardWorth(L.gamma, k), 3),
    formatPercent(short.optimalPolicy.successProbability, 0),
    '0.9',
    formatPercent(0.9, 0),
    formatThousands(stepsToFloor(L)),
    formatThousands(stepsToFloor(eight.params)),
    String(eight.params.epsilonDecay),
    String(eight.params.gamma),
    rewardWorth(eight.params.gamma, defaultMaxSteps(8, 8)).toFixed(2),
    rewardWorth(L.gamma, defaultMaxSteps(8, 8)).toFixed(2),
    // Tested against training runs (tests/rl/tuned-preset-words.test.ts).
    '850',
    '88,000',
  ];
  return new Set(fromCore);
}

/** Numbers as written in prose: 9,901, 0.0001, 2e-7, 74.0%, with the names that contain digits removed. */
function numbersIn(text: string): string[] {
  const plain = text
    .replace(/\b\d+x\d+\b/g, '') // map names: 4x4, 8x8
    .replace(/FrozenLake(8x8)?-v1/g, '')
    .replace(/(?<!\de)[−-](?=\d)/g, ''); // a sign belongs to the sentence, the number to the core
  return plain.match(/\d[\d,]*(\.\d+)?(e-?\d+)?%?/g)?.map((n) => n.replace(/,$/, '')) ?? [];
}

describe('no teaching text states a number the core does not give', () => {
  it('every number in the glossary, chapters, presets and tuned presets is one of the core’s figures', () => {
    const allowed = coreNumbers();
    const strays = teachingTexts().flatMap(({ where, text }) =>
      numbersIn(text)
        .filter((n) => !allowed.has(n))
        .map((n) => `${where}: ${n}`),
    );
    expect(strays).toEqual([]);
  });

  it('the scan finds numbers (it would catch a typed-in one)', () => {
    expect(numbersIn('worth 0.5^6 ≈ 0.016 now, 9,900 steps, 2e-7, 74.0%')).toEqual([
      '0.5',
      '6',
      '0.016',
      '9,900',
      '2e-7',
      '74.0%',
    ]);
    expect(coreNumbers().has('0.016')).toBe(false);
    expect(coreNumbers().has('9,900')).toBe(false);
  });
});

describe('the corrected claims, as the texts write them', () => {
  it('TD error: the example is Q* of value iteration, and only the average goes to 0', () => {
    const { q } = valueIteration(LESSON_ENV, LESSON_PARAMS.gamma);
    const text = TERMS['td-error'].definition;
    expect(text).toContain(`δ = −Q*(6, Left) = ${formatSigned(-q[6 * 4 + 0]!, 3)}`);
    expect(text).toContain('−0.358');
    expect(text).toContain('only its average over the ice’s outcomes goes to 0');
    expect(text).not.toMatch(/shrinks toward 0 as Q settles/);
  });

  it('|δ| layer: the ice’s randomness as much as learning, not “where the agent is still learning”', () => {
    const text = TERMS['td-size'].definition;
    expect(text).toContain('the ice’s randomness as much as learning');
    expect(text).toContain('0.358');
    expect(text).not.toMatch(/near 0 where they have settled/);
  });

  it('TD target: just r only at a hole or the goal; it bootstraps at the time limit', () => {
    const text = TERMS['td-target'].definition;
    expect(text).toMatch(/into a hole or onto the prize .* just r/);
    expect(text).toMatch(/time limit .* still adds γ·max Q\(s′\)/);
  });

  it('V: the equality holds for the optimal values; V*(start) 0.542 is not the 0.744 chance', () => {
    const v = TERMS.v;
    expect(v.formula).toContain('V*(s) = maxₐ Q*(s,a) = E[Gₜ | Sₜ = s] under the optimal policy');
    expect(v.definition).toContain(`V*(start) = ${formatSigned(FIG.startValue, 3)}`);
    expect(v.definition).toContain(`probability ${formatSigned(FIG.bestWithinLimit, 3)}`);
    expect(formatSigned(FIG.startValue, 3)).toBe('0.542');
    expect(formatSigned(FIG.bestWithinLimit, 3)).toBe('0.744');
    expect(v.definition).not.toMatch(/chances/);
  });

  it('Q: the expected return of a, then acting optimally (glossary and chapter)', () => {
    expect(TERMS.q.definition).toMatch(
      /^The expected return of taking action a in state s and acting optimally afterwards/,
    );
    const chapter = CHAPTERS.find((c) => c.id === 'q-table')!.text;
    expect(chapter).toContain('expected');
    expect(chapter).toContain('acting optimally afterwards');
    expect(`${TERMS.q.definition} ${chapter}`).not.toMatch(/acting greedily/);
  });

  it('advantage: 0 for every tied greedy action; PPO’s against the average can be positive', () => {
    for (const text of [
      TERMS.advantage.definition,
      CHAPTERS.find((c) => c.id === 'advantage')!.text,
    ]) {
      expect(text).toMatch(
        /0 for every greedy action \((for )?all four while they tie, as at the start\)/,
      );
      expect(text).toMatch(/average value.* positive/);
    }
  });

  it('γ: a reward on the k-th step counts γ^(k−1), and the γ-optimal policy does not take the short path', () => {
    const text = TERMS.gamma.definition;
    expect(text).toContain('γ^(k−1)');
    expect(text).toContain(
      `episodes last ${Math.round(FIG.optimalPolicy.expectedLength)} steps on average, though the shortest path is ${FIG.shortestPath}`,
    );
    expect(text).toContain('last 45 steps on average, though the shortest path is 6');
  });

  it('the last chapter names the γ-optimal policy (74.0%) and the best within the limit (74.4%)', () => {
    const text = CHAPTERS.find((c) => c.id === 'evaluation')!.text;
    expect(text).toContain('γ-optimal policy');
    expect(text).toContain('74.0%');
    expect(text).toContain('74.4%');
    expect(text).not.toMatch(/the optimum/);
  });

  it('the time limit: the lab’s rule, with the Gymnasium environment each limit matches', () => {
    expect(timeLimitRule()).toBe(
      'the lab’s rule: 100 steps up to 16 tiles, 200 above; Gymnasium’s FrozenLake-v1 cuts at 100 on any map, FrozenLake8x8-v1 at 200',
    );
    expect(defaultMaxSteps(4, 4)).toBe(100);
    expect(defaultMaxSteps(1, 17)).toBe(200);
  });
});

describe('the README quotes the core', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(
    /\s+/g,
    ' ',
  );

  it('the ε floor: the learner’s 9,901 steps, nowhere 9,900 as the count', () => {
    expect(readme).toContain(
      `after ${formatThousands(stepsToFloor(LESSON_PARAMS))} of the learner's own subtractions`,
    );
    expect(readme).not.toMatch(/floor[^.]*\b9,900 steps/);
  });

  it('V*(start), the γ-optimal success and the best within the limit', () => {
    expect(readme).toContain(`V*(start) = ${formatSigned(FIG.startValue, 3)}`);
    expect(readme).toContain(`reaches ${FIG.optimalPolicy.successProbability.toFixed(4)}`);
    expect(readme).toContain(`within 100 steps is ${FIG.bestWithinLimit.toFixed(4)}`);
  });

  it('the Short-sighted preset’s 0.5⁵ and the deterministic 0.99⁵', () => {
    expect(readme).toContain(`0.5⁵ ≈ ${formatSigned(rewardWorth(0.5, FIG.shortestPath), 3)}`);
    expect(readme).toContain(`0.99⁵ = ${formatSigned(rewardWorth(0.99, FIG.shortestPath), 3)}`);
  });

  it('no longer says the |δ| layer is near 0 where Q has settled, nor that the gap falls as learning converges', () => {
    expect(readme).not.toMatch(/near 0 where they have settled/);
    expect(readme).not.toMatch(/max gap falls as learning converges/);
    expect(readme).not.toMatch(/Gymnasium's \(100 up to 16 tiles/);
  });
});
