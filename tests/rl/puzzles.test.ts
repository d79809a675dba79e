import { describe, expect, it } from 'vitest';
import { PUZZLE_COUNT } from '../../src/rl/puzzle-count';
import {
  checkDownAtFour,
  checkRiskyPath,
  checkSuccessWithin,
  puzzleAt,
  PUZZLES,
  readPuzzleSettings,
} from '../../src/rl/puzzles';

describe('puzzles', () => {
  it('are numbered 1…PUZZLE_COUNT, as the link names them', () => {
    expect(PUZZLES.map((p) => p.number)).toEqual(
      Array.from({ length: PUZZLE_COUNT }, (_, i) => i + 1),
    );
    expect(puzzleAt(0)).toBeUndefined();
    expect(puzzleAt(PUZZLE_COUNT + 1)).toBeUndefined();
  });

  it('each known solution passes its own check, and the opening inputs do not', () => {
    for (const p of PUZZLES) {
      expect(p.check(p.solution).solved, p.title).toBe(true);
      const opening = Object.fromEntries(p.inputs.map((i) => [i.field, i.initial]));
      expect(p.check(opening).solved, p.title).toBe(false);
      expect(p.hints().length).toBeGreaterThan(0);
    }
  });

  it('state 4 points Down with γ 0.5, seed 1; Left with the lesson’s settings', () => {
    const pass = checkDownAtFour({ alpha: 0.1, gamma: 0.5, seed: 1 });
    expect(pass.solved).toBe(true);
    expect(pass.text).toMatch(/greedy action is Down, as asked/);
    const fail = checkDownAtFour({ alpha: 0.1, gamma: 0.99, seed: 0 });
    expect(fail.solved).toBe(false);
    expect(fail.text).toMatch(/greedy action is Left, not Down/);
  });

  it('success within 2,000 episodes: the lesson’s decay passes (0.7298), decay 0.001 fails (0)', () => {
    const pass = checkSuccessWithin({ epsilonDecay: 0.0001, episodes: 2000, seed: 0 });
    expect(pass.solved).toBe(true);
    expect(pass.text).toContain('0.7298');
    const fail = checkSuccessWithin({ epsilonDecay: 0.001, episodes: 2000, seed: 0 });
    expect(fail.solved).toBe(false);
    expect(fail.text).toContain('0.0000');
  });

  it('risky path: a cost per step on the ice passes; the lesson’s and a reward for waiting fail', () => {
    const pass = checkRiskyPath({ goalReward: 1, holeReward: 0, frozenReward: -0.05 });
    expect(pass.solved).toBe(true);
    expect(pass.text).toMatch(/goes Down from the start/);
    expect(checkRiskyPath({ goalReward: 1, holeReward: 0, frozenReward: 0 }).solved).toBe(false);
    const waiting = checkRiskyPath({ goalReward: 1, holeReward: -1, frozenReward: 0 });
    expect(waiting.solved).toBe(false);
  });

  it('reads typed values with the shared parser and names each refusal', () => {
    const p = puzzleAt(1)!;
    expect(readPuzzleSettings(p, { alpha: '0.5', gamma: '0.9', seed: '3' })).toEqual({
      ok: true,
      settings: { alpha: 0.5, gamma: 0.9, seed: 3 },
    });
    const bad = readPuzzleSettings(p, { alpha: '0', gamma: 'x', seed: '1.5' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toHaveLength(3);
      expect(bad.errors[0]).toMatch(/^Learning rate α must be above 0/);
      expect(bad.errors[2]).toMatch(/^Seed must be a whole number/);
    }
  });
});
