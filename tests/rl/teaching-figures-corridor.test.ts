/**
 * The teaching figures on a corridor between holes, worked by hand (fast: no training, so it
 * runs in the mutation runs, which leave out `teaching-figures.test.ts` and its trainings).
 *
 *   H S H        S = 1, F = 4, G = 7; every other tile a hole.
 *   H F H        Slippery 1/3, γ = ½. Left and Right tie everywhere (the map is symmetric);
 *   H G H        value iteration takes Left, the first.
 *
 * From F, Left tries Up (to S), Left (hole 3) and Down (the goal), a third each:
 *   V(F) = ⅓·γ·V(S) + ⅓·0 + ⅓·1.   From S, Left tries Up (stays), Left (hole 0), Down (to F):
 *   V(S) = ⅓·γ·V(S) + ⅓·γ·V(F)  ⇒  V(S) = V(F)/5,  V(F) = ⅓ + V(F)/30  ⇒  V(F) = 10/29, V(S) = 2/29.
 */
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { bestSuccessWithin, evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import {
  holeSurprise,
  rewardWorth,
  shortestPath,
  tdOutcomes,
  teachingFigures,
} from '../../src/rl/teaching-figures';

const env = createEnv({ map: ['HSH', 'HFH', 'HGH'] });
const GAMMA = 0.5;
const V_F = 10 / 29;
const V_S = 2 / 29;

describe('teaching figures on the corridor', () => {
  const optimal = valueIteration(env, GAMMA);

  it('values S and F as worked by hand', () => {
    expect(optimal.v[1]).toBeCloseTo(V_S, 12);
    expect(optimal.v[4]).toBeCloseTo(V_F, 12);
    expect(optimal.policy[4]).toBe(0);
  });

  it('a reward k steps away is worth γ^(k−1); the goal is 2 steps away', () => {
    expect(rewardWorth(GAMMA, 1)).toBe(1);
    expect(rewardWorth(GAMMA, 3)).toBe(0.25);
    expect(shortestPath(env)).toBe(2);
    expect(shortestPath(createEnv({ map: ['SFG'], isSlippery: false }))).toBe(2);
  });

  it('lists the TD errors of Left at F outcome by outcome: up to S, into the hole, into the goal', () => {
    const outcomes = tdOutcomes(env, optimal, 4, 0);
    expect(outcomes.map((o) => [o.nextState, o.reward])).toEqual([
      [1, 0],
      [3, 0],
      [7, 1],
    ]);
    // The side moves' (1 − ⅓)/2 is a rounding above ⅓.
    outcomes.forEach((o) => expect(o.probability).toBeCloseTo(1 / 3, 15));
    // δ = r + γ·V(s′) − Q(F, Left): ½·2/29 − 10/29, 0 − 10/29, 1 − 10/29; they average to 0.
    const deltas = [GAMMA * V_S - V_F, -V_F, 1 - V_F];
    outcomes.forEach((o, k) => expect(o.tdError).toBeCloseTo(deltas[k]!, 12));
  });

  it('the largest hole surprise is Left at F falling into hole 3: δ = −V(F)', () => {
    const surprise = holeSurprise(env, optimal)!;
    expect(surprise).toMatchObject({ state: 4, action: 0, hole: 3 });
    expect(surprise.probability).toBeCloseTo(1 / 3, 15);
    expect(surprise.tdError).toBeCloseTo(-V_F, 12);
  });

  it('has no hole surprise where the optimal policy never risks a hole', () => {
    const dry = createEnv({ map: ['SH', 'FG'], isSlippery: false });
    expect(holeSurprise(dry, valueIteration(dry, GAMMA))).toBeNull();
  });

  it('gathers the figures: V(start), the optimal policy’s exact success, the best within the limit', () => {
    const figures = teachingFigures(env, GAMMA);
    expect(figures.startValue).toBeCloseTo(V_S, 12);
    expect(figures.optimalPolicy).toEqual(evaluateGreedy(env, figures.optimal.q));
    expect(figures.bestWithinLimit).toBe(bestSuccessWithin(env));
    expect(figures.shortestPath).toBe(2);
    expect(figures.holeSurprise).toEqual(holeSurprise(env, figures.optimal));
    expect(figures.optimal.gamma).toBe(GAMMA);
  });

  it('lists the outcomes of the pair asked for: Right at S slips down to F, into hole 2, or stays', () => {
    expect(tdOutcomes(env, optimal, 1, 2).map((o) => o.nextState)).toEqual([4, 2, 1]);
  });

  it('takes the most surprising hole, not the last one found (goal at the top, start below)', () => {
    const flipped = createEnv({ map: ['HGH', 'HFH', 'HSH'] });
    expect(holeSurprise(flipped, valueIteration(flipped, GAMMA))!.state).toBe(4);
  });

  it('ignores a hole the ice never sends the agent into (success rate 1: side moves have p = 0)', () => {
    const sure = createEnv({ map: ['HSH', 'HFH', 'HGH'], successRate: 1 });
    expect(holeSurprise(sure, valueIteration(sure, GAMMA))).toBeNull();
  });

  it('finds the 6-step shortest path of the slippery 4x4 map through its outcomes', () => {
    expect(shortestPath(createEnv({ map: '4x4' }))).toBe(6);
  });
});
