import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { train } from '../../src/rl/training';
import {
  guessError,
  guessLabel,
  holeRisk,
  optimalSuccessAt,
  PREDICTIONS,
  predictionRun,
  referenceOutcome,
  rightAnswer,
  shortestPath,
  type Prediction,
  type RunOutcome,
} from '../../src/components/lesson/predictions';
import { fmt } from '../../src/components/lesson/questions';

const env = createEnv({ map: '4x4' });

/** What the lesson's worker leaves after the checkpoint's run (seed 0, 10,000 episodes). */
const outcomeOf = (p: Prediction): RunOutcome => referenceOutcome(p);

describe('prediction checkpoints', () => {
  it('state 4: Left is right after the lesson’s run, Down is not, with the one-step hole risks', () => {
    const p = PREDICTIONS['state-4'];
    const o = outcomeOf(p);
    const right = p.reveal('0', o);
    expect(right.correct).toBe(true);
    expect(right.text).toMatch(/^Right: you said Left; after 10,000 episodes/);
    expect(right.text).toContain(`Left ${fmt(o.q[16]!)}`);
    // From state 4 Right aims at the hole at state 5; Left never reaches a hole.
    expect(holeRisk(env, 4, 0)).toBe(0);
    expect(holeRisk(env, 4, 2)).toBeCloseTo(1 / 3, 12);
    expect(right.text).toContain('Right 0.333');
    const wrong = p.reveal('1', o);
    expect(wrong.correct).toBe(false);
    expect(wrong.text).toMatch(/^Not this time: you said Down/);
  });

  it('ε = 0: the agent does not learn (exact success 0), so “stuck” is right', () => {
    const p = PREDICTIONS['epsilon-zero'];
    const o = outcomeOf(p);
    expect(o.successProbability).toBe(0);
    const moved = Array.from(o.q).filter((x) => x !== 0).length;
    const right = p.reveal('stuck', o);
    expect(right.correct).toBe(true);
    expect(right.text).toContain(`Only ${moved} of its 64 Q-values ever left 0`);
    expect(right.text).toContain(`against ${fmt(o.optimalSuccess)} for the γ-optimal policy`);
    expect(p.reveal('learns', o).correct).toBe(false);
  });

  it('γ = 0.5: a guess within 0.05 of the exact success is right, with γ^k for the shortest path', () => {
    const p = PREDICTIONS['gamma-half'];
    const o = outcomeOf(p);
    expect(shortestPath(env)).toBe(6);
    const near = (o.successProbability + 0.04).toFixed(3);
    const right = p.reveal(near, o);
    expect(right.correct).toBe(true);
    expect(right.text).toContain(fmt(o.successProbability));
    expect(right.text).toContain(`best policy for γ = 0.5 reaches only ${fmt(o.optimalSuccess)}`);
    expect(right.text).toContain(`against ${fmt(optimalSuccessAt(env, 0.99))} for the lesson’s`);
    expect(right.text).toContain(`0.5^6 = ${fmt(0.5 ** 6)}`);
    expect(p.reveal('0.5', o).correct).toBe(false);
  });

  it('a guess is committed only when it reads: a choice made, a number from 0 to 1', () => {
    expect(guessError(PREDICTIONS['state-4'], '')).toBe('Choose an answer first.');
    expect(guessError(PREDICTIONS['state-4'], '3')).toBeNull();
    expect(guessLabel(PREDICTIONS['state-4'], '3')).toBe('↑ Up');
    expect(guessError(PREDICTIONS['gamma-half'], '0.2')).toBeNull();
    expect(guessError(PREDICTIONS['gamma-half'], '1.5')).toMatch(/^Your guess must be from 0 to 1/);
    expect(guessError(PREDICTIONS['gamma-half'], 'half')).toMatch(/^Your guess must be/);
  });

  it('each checkpoint’s run is the lesson’s with its own hyperparameters', () => {
    expect(predictionRun(PREDICTIONS['epsilon-zero']).params).toMatchObject({
      epsilon: 0,
      minEpsilon: 0,
    });
    expect(predictionRun(PREDICTIONS['gamma-half']).params.gamma).toBe(0.5);
    expect(predictionRun(PREDICTIONS['state-4']).params.gamma).toBe(0.99);
  });
});

describe('the lesson’s checkpoints', () => {
  it('three chapters end with a prediction, one for each checkpoint', async () => {
    const { CHAPTERS } = await import('../../src/components/lesson/chapters');
    expect(CHAPTERS.flatMap((c) => (c.prediction ? [c.prediction] : [])).sort()).toEqual(
      Object.keys(PREDICTIONS).sort(),
    );
  });
});

describe('the reference outcome (the teacher’s key)', () => {
  it('is the worker’s: the same Q as training the same seeded run, and the same exact success', () => {
    const p = PREDICTIONS['state-4'];
    const o = referenceOutcome(p);
    const q = train(env, {}, 0, 10_000).q;
    expect(Array.from(o.q)).toEqual(Array.from(q));
    expect(o.successProbability).toBe(evaluateGreedy(env, q).successProbability);
  });

  it('names the right answer of each checkpoint', () => {
    expect(rightAnswer(PREDICTIONS['state-4'], referenceOutcome(PREDICTIONS['state-4']))).toEqual({
      value: '0',
      label: '← Left',
    });
    const eps = PREDICTIONS['epsilon-zero'];
    expect(rightAnswer(eps, referenceOutcome(eps)).value).toBe('stuck');
    const gamma = PREDICTIONS['gamma-half'];
    const o = referenceOutcome(gamma);
    expect(rightAnswer(gamma, o).value).toBe(fmt(o.successProbability, 3));
  });
});
