import { describe, expect, it } from 'vitest';
import { MAPS } from '../../src/rl/maps';
import {
  checkExperiment,
  GYMNASIUM_REWARD_ICE,
  REWARD_EXPERIMENTS,
} from '../../src/rl/reward-experiments';

const BASE = { map: MAPS['4x4'], isSlippery: true, maxSteps: 100, gamma: 0.99 };
const byId = (id: string) => REWARD_EXPERIMENTS.find((e) => e.id === id)!;

describe('the reward experiments', () => {
  it('are each one change from Gymnasium’s rewards and ice', () => {
    expect(REWARD_EXPERIMENTS.map((e) => [e.id, e.successRate, e.rewardSchedule])).toEqual([
      ['step-cost', 1 / 3, [1, 0, -0.01]],
      ['holes-hurt', 1 / 3, [1, -1, 0]],
      ['sure-footed', 0.8, [1, 0, 0]],
      ['deterministic', 1, [1, 0, 0]],
    ]);
  });

  it('Gymnasium’s own rewards and ice change nothing', () => {
    const check = checkExperiment(BASE, GYMNASIUM_REWARD_ICE);
    expect(check.changed).toEqual([]);
    expect(check.experiment).toEqual(check.gymnasium);
    // The 4x4 map's γ-optimal policy reaches the goal 74 % of the time (Gymnasium's optimum).
    expect(check.gymnasium.successProbability).toBeCloseTo(0.74, 2);
  });

  it('deterministic ice: the optimal policy walks the 6-step shortest path and always arrives', () => {
    const check = checkExperiment(BASE, byId('deterministic'));
    expect(check.experiment.successProbability).toBe(1);
    expect(check.experiment.expectedStepsToGoal).toBe(6);
    // At the start Left (into the wall, never sliding into a hole) gives way to Down or Right.
    expect(check.changed.find((d) => d.state === 0)).toEqual({
      state: 0,
      before: [0],
      after: [1, 2],
    });
  });

  it('sure-footed ice: five states change their optimal action and the goal comes sooner', () => {
    const check = checkExperiment(BASE, byId('sure-footed'));
    expect(check.changed.map((d) => d.state)).toEqual([0, 2, 6, 8, 14]);
    expect(check.experiment.successProbability).toBeGreaterThan(check.gymnasium.successProbability);
    expect(check.experiment.expectedStepsToGoal).toBeLessThan(check.gymnasium.expectedStepsToGoal);
  });

  it('a cost per step: state 2 turns from Up to Left, the return counts the steps', () => {
    const check = checkExperiment(BASE, byId('step-cost'));
    expect(check.changed).toEqual([{ state: 2, before: [3], after: [0] }]);
    const { successProbability: p, expectedReturn } = check.experiment;
    expect(expectedReturn).toBeLessThan(p); // the goal's 1 minus 0.01 per frozen tile entered
  });

  it('holes hurt: on 4x4 with γ 0.99 the optimal policy already avoids them as well as it can', () => {
    const check = checkExperiment(BASE, byId('holes-hurt'));
    expect(check.changed).toEqual([]);
    expect(check.experiment.successProbability).toBe(check.gymnasium.successProbability);
    // Return = P(goal) − P(hole): every fall now costs 1.
    expect(check.experiment.expectedReturn).toBeLessThan(check.experiment.successProbability);
  });

  it('on ice that is not slippery a success rate changes nothing', () => {
    const check = checkExperiment({ ...BASE, isSlippery: false }, byId('sure-footed'));
    expect(check.changed).toEqual([]);
  });
});
