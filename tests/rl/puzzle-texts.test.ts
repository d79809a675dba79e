/**
 * What the puzzles say, word for word, with their numbers computed as the checks compute them:
 * the risky path's verdicts, each puzzle's hints, and the checks' sentences.
 */
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { stepsToFloor } from '../../src/rl/epsilon-floor';
import { evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import { LESSON_EPISODES, LESSON_PARAMS } from '../../src/rl/params';
import {
  checkDownAtFour,
  checkRiskyPath,
  checkSuccessWithin,
  optimalUnder,
  puzzleAt,
  scheduleOf,
  SUCCESS_EPISODES,
  SUCCESS_GOAL,
} from '../../src/rl/puzzles';
import { train } from '../../src/rl/training';

/** "Left 0.0123, Down 0.0456, …" for state 4 of `q`: a pattern, so the test does not rebuild it. */
const ROW_4 = /Left -?\d\.\d{4}, Down -?\d\.\d{4}, Right -?\d\.\d{4}, Up -?\d\.\d{4}/.source;

describe('scheduleOf', () => {
  it('fills each reward the attempt leaves out with Gymnasium’s', () => {
    expect(scheduleOf({})).toEqual([1, 0, 0]);
    expect(scheduleOf({ goalReward: 2, holeReward: -1, frozenReward: -0.01 })).toEqual([
      2, -1, -0.01,
    ]);
  });
});

describe('checkRiskyPath, in words', () => {
  const lesson = optimalUnder([1, 0, 0]).evaluation;
  /** The sentence's end: the attempt's length and risk, the lesson's, and the verdict. */
  const ending = (schedule: readonly [number, number, number], verdict: string): string => {
    const mine = optimalUnder(schedule).evaluation;
    const lengths = [mine.expectedLength, lesson.expectedLength].map((x) => x.toFixed(2));
    const risks = [mine.holeProbability, lesson.holeProbability].map((x) => x.toFixed(4));
    return `last ${lengths[0]} steps on average and end in a hole with probability ${risks[0]} (lesson’s rewards: ${lengths[1]} steps, ${risks[1]}): ${verdict}`;
  };

  it('a cost per step on the ice: shorter and riskier', () => {
    const { solved, text } = checkRiskyPath({ frozenReward: -0.05 });
    expect(solved).toBe(true);
    expect(text).toMatch(
      /^With rewards goal 1, hole 0, ice -0\.05 and γ = 0\.99, the optimal policy \(value iteration\) goes (Left|Down|Right|Up) from the start; its episodes /,
    );
    expect(text).toContain(ending([1, 0, -0.05], 'shorter and riskier: the short, risky path.'));
  });

  it('a price on holes alone: not shorter', () => {
    const { solved, text } = checkRiskyPath({ holeReward: -1 });
    expect(solved).toBe(false);
    expect(text).toMatch(/^With rewards goal 1, hole -1, ice 0 and γ = 0\.99, /);
    expect(text).toContain(ending([1, -1, 0], 'not shorter than under the lesson’s rewards.'));
  });
});

describe('the puzzles’ hints', () => {
  it('puzzle 1 quotes Q*(4,·) at the lesson’s γ and at 0.5', () => {
    const env = createEnv({ map: '4x4' });
    const [first, second] = puzzleAt(1)!.hints();
    expect(first).toMatch(
      new RegExp(
        `^The optimal action at state 4 is Left for any γ: Q\\*\\(4,·\\) at γ = 0\\.99 is ${ROW_4}\\. ` +
          'Down can win only where the agent’s estimates are off\\.$',
      ),
    );
    // The row is state 4's (entries 16–19), Left first.
    expect(first).toContain(`is Left ${valueIteration(env, 0.99).q[16]!.toFixed(4)}, Down `);
    expect(second).toMatch(
      new RegExp(`^A small γ makes the four values nearly equal \\(at γ = 0\\.5: ${ROW_4}\\), so `),
    );
    expect(second).toContain(`0.5: Left ${valueIteration(env, 0.5).q[16]!.toFixed(4)}, `);
    expect(second).toMatch(
      /the noise of training, set by the seed, decides the greedy action\. Try γ = 0\.5 with a few seeds\.$/,
    );
  });

  it('puzzle 2 quotes the steps ε takes to its floor at 0.001 and at the lesson’s decay', () => {
    const floor = (decay: number) =>
      stepsToFloor({ epsilon: 1, epsilonDecay: decay, minEpsilon: LESSON_PARAMS.minEpsilon });
    expect(puzzleAt(2)!.hints()).toEqual([
      `ε falls by the decay after every step: at 0.001 it reaches its floor after ${floor(0.001).toLocaleString('en-US')} steps, a few hundred episodes, before Q has seen the far side of the maze.`,
      `The lesson’s decay, ${LESSON_PARAMS.epsilonDecay}, explores for ${floor(LESSON_PARAMS.epsilonDecay).toLocaleString('en-US')} steps. Keep γ close to 1: the goal is many steps away.`,
    ]);
  });

  it('puzzle 3 quotes the lesson’s optimal policy’s length and risk', () => {
    const lesson = optimalUnder([1, 0, 0]).evaluation;
    expect(puzzleAt(3)!.hints()).toEqual([
      `Under the lesson’s rewards waiting costs nothing, so the optimal policy hugs the walls: ${lesson.expectedLength.toFixed(2)} steps on average, a hole with probability ${lesson.holeProbability.toFixed(4)}.`,
      'Make every step on the ice cost something (a negative reward for the ice): then a long safe walk costs more than the risk of a hole.',
    ]);
  });
});

describe('the trained puzzles’ sentences', () => {
  it('puzzle 1 names the episodes, Q(4,·) and the greedy action', () => {
    const { text } = checkDownAtFour({ alpha: 0.1, gamma: 0.5, seed: 1 });
    const q = train(createEnv({ map: '4x4' }), { alpha: 0.1, gamma: 0.5 }, 1).q;
    expect(text).toMatch(
      new RegExp(
        `^After ${LESSON_EPISODES.toLocaleString('en-US')} episodes Q\\(4,·\\) is ${ROW_4}: ` +
          'the greedy action is Down, as asked\\.$',
      ),
    );
    expect(text).toContain(`is Left ${q[16]!.toFixed(4)}, Down ${q[17]!.toFixed(4)}, `);
  });

  it('puzzle 2 with nothing set trains SUCCESS_EPISODES episodes of the lesson’s settings', () => {
    const env = createEnv({ map: '4x4' });
    const p = evaluateGreedy(env, train(env, {}, 0, SUCCESS_EPISODES).q).successProbability;
    expect(p).toBeGreaterThanOrEqual(SUCCESS_GOAL);
    expect(checkSuccessWithin({})).toEqual({
      solved: true,
      text: `After ${SUCCESS_EPISODES.toLocaleString('en-US')} episodes the greedy policy reaches the goal within 100 steps with probability ${p.toFixed(4)} (exact), at least ${SUCCESS_GOAL.toFixed(2)}.`,
    });
  });

  it('puzzle 2 below the bar says so', () => {
    expect(checkSuccessWithin({ epsilonDecay: 0.001, seed: 0 }).text).toMatch(
      /with probability 0\.0000 \(exact\), below 0\.70\.$/,
    );
  });
});
