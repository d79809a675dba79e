import { describe, expect, it } from 'vitest';
import { createDrive, driveStep, holeRisk, restartDrive } from '../../src/rl/drive';
import { createEnv } from '../../src/rl/env';
import { valueIteration } from '../../src/rl/evaluation';
import { createAgent } from '../../src/rl/agent';
import { lastStepRecord } from '../../src/rl/step-record';
import { runSteps } from '../../src/rl/fast-loop';
import { createRngState, nextUniform } from '../../src/rl/rng';

/**
 * 2x2 slippery map: 0 S, 1 F / 2 F, 3 G. Q holds exact binary fractions so every number of the
 * update is exact: Q(0, Right) = 0.5, Q(2, ·) = [0.25, 0.75, 0.5, 0].
 */
const env2 = createEnv({ map: ['SF', 'FG'] });
const q2 = () => {
  const q = new Float64Array(16);
  q[0 * 4 + 2] = 0.5;
  q.set([0.25, 0.75, 0.5, 0], 2 * 4);
  return q;
};

describe('driveStep', () => {
  it('seed 0 draws u = 0.3010, 0.2991, 0.4688: two slips, then the intended move', () => {
    // Slippery Right tries Down, Right, Up with cumulative probabilities 1/3, 2/3, 1.
    const rng = createRngState(0);
    const us = [nextUniform(rng), nextUniform(rng), nextUniform(rng)];
    expect(us.map((u) => u.toFixed(4))).toEqual(['0.3010', '0.2991', '0.4688']);
  });

  it('equals the hand-computed Q-learning update, step by step, with α = γ = 0.5', () => {
    const drive = createDrive(env2, q2(), 0);
    // Step 1: Right from 0, u = 0.3010 < 1/3 → slips Down to state 2, r = 0.
    // target = 0 + 0.5·max Q(2,·) = 0.5·0.75 = 0.375; error = 0.375 − 0.5 = −0.125;
    // Q(0, Right) ← 0.5 + 0.5·(−0.125) = 0.4375.
    expect(driveStep(drive, 2, 0.5, 0.5)).toEqual({
      state: 0,
      action: 2,
      intended: 2,
      actual: 1,
      slipped: true,
      nextState: 2,
      reward: 0,
      bootstrap: 0.75,
      discountedBootstrap: 0.375,
      tdTarget: 0.375,
      tdError: -0.125,
      change: -0.0625,
      qBefore: 0.5,
      qAfter: 0.4375,
      alpha: 0.5,
      gamma: 0.5,
      terminated: false,
      truncated: false,
      episode: 0,
      t: 1,
    });
    expect(drive.q[2]).toBe(0.4375);
    // Step 2: Right from 2, u = 0.2991 → slips Down into the border: stays at 2.
    // target = 0.5·0.75 = 0.375; error = 0.375 − 0.5 = −0.125; Q(2, Right) ← 0.4375.
    const second = driveStep(drive, 2, 0.5, 0.5);
    expect([second.actual, second.nextState, second.tdError, second.qAfter]).toEqual([
      1, 2, -0.125, 0.4375,
    ]);
    // max Q(2,·) is still 0.75 (Down), so the next target is unchanged.
    // Step 3: Right from 2, u = 0.4688 → the intended move, into G: r = 1, Q(G,·) = 0.
    // target = 1 + 0.5·0 = 1; error = 1 − 0.4375 = 0.5625; Q(2, Right) ← 0.4375 + 0.28125.
    const third = driveStep(drive, 2, 0.5, 0.5);
    expect(third).toMatchObject({
      slipped: false,
      nextState: 3,
      reward: 1,
      tdTarget: 1,
      tdError: 0.5625,
      change: 0.28125,
      qAfter: 0.71875,
      terminated: true,
      t: 3,
    });
    expect(drive.end).toBe('goal');
    expect(drive.path).toEqual([0, 2, 2, 3]);
    expect(drive.steps).toBe(3);
    expect(drive.return).toBe(1);
  });

  it('td_error is exactly td_target − Q before, and Q after is Q before + α·td_error', () => {
    const env = createEnv({ map: '4x4' });
    const q = Float64Array.from({ length: 64 }, (_, i) => ((i * 37) % 11) / 16);
    const drive = createDrive(env, q, 5);
    for (const a of [2, 1, 1, 2, 1, 2]) {
      if (drive.end) break;
      const r = driveStep(drive, a, 0.1, 0.99);
      expect(r.tdError).toBe(r.tdTarget - r.qBefore);
      expect(r.qAfter).toBe(r.qBefore + 0.1 * r.tdError);
    }
  });

  it('matches the trainer’s own step when it takes the same action with the same draws', () => {
    // ε = 0 and ties to the first action: the trainer goes Left (0) from a zero Q, drawing one
    // uniform for the ε test and one for the ice. The drive draws only the ice's, so skip one.
    const env = createEnv({ map: '4x4' });
    const agent = createAgent(env, { epsilon: 0, minEpsilon: 0, epsilonDecay: 0 }, 3);
    const rng = createRngState(3);
    nextUniform(rng);
    const drive = createDrive(env, agent.q, rng);
    runSteps(agent, 1);
    const trained = lastStepRecord(agent);
    const driven = driveStep(drive, 0, 0.1, 0.99);
    for (const k of ['nextState', 'actual', 'reward', 'tdTarget', 'tdError', 'qAfter'] as const)
      expect(driven[k]).toBe(trained[k]);
    expect([...drive.q]).toEqual([...agent.q]);
  });

  it('never changes the Q it was given (a sandbox copy)', () => {
    const q = q2();
    const drive = createDrive(env2, q, 0);
    driveStep(drive, 2, 0.5, 0.5);
    expect(q[2]).toBe(0.5);
    expect(drive.q[2]).toBe(0.4375);
  });

  it('ends in a hole with reward 0, and refuses further steps until restarted', () => {
    // Not slippery: Right from S on SH/FG falls into the hole.
    const env = createEnv({ map: ['SH', 'FG'], isSlippery: false });
    const drive = createDrive(env, new Float64Array(16), 0);
    const r = driveStep(drive, 2, 0.1, 0.99);
    expect([r.nextState, r.reward, r.terminated, r.slipped]).toEqual([1, 0, true, false]);
    expect(drive.end).toBe('hole');
    expect(() => driveStep(drive, 1, 0.1, 0.99)).toThrow('reset it');
    const again = restartDrive(drive, new Float64Array(16));
    expect([again.state, again.steps, again.episode, again.end]).toEqual([0, 0, 1, null]);
    expect(again.path).toEqual([0]);
  });

  it('is truncated at the time limit', () => {
    const env = createEnv({ map: ['SF', 'FG'], isSlippery: false, maxSteps: 2 });
    const drive = createDrive(env, new Float64Array(16), 0);
    driveStep(drive, 0, 0.1, 0.99);
    const r = driveStep(drive, 3, 0.1, 0.99);
    expect([r.terminated, r.truncated, drive.end]).toEqual([false, true, 'time-limit']);
  });

  it('refuses a bad action and a Q of the wrong size', () => {
    const drive = createDrive(env2, q2(), 0);
    expect(() => driveStep(drive, 4, 0.1, 0.99)).toThrow('got 4');
    expect(() => createDrive(env2, new Float64Array(8), 0)).toThrow('needs 16');
  });
});

describe('holeRisk', () => {
  const env = createEnv({ map: '4x4' });

  it('at state 4 on 4x4 Left never slides into the hole at 5; the other actions risk 1/3', () => {
    // Left tries Up (0), Left (stays at 4), Down (8); Down, Right and Up each have a side move
    // or the intended move into 5.
    const risk = holeRisk(env, 4);
    expect(risk[0]).toBe(0);
    for (const a of [1, 2, 3]) expect(risk[a]).toBeCloseTo(1 / 3, 15);
  });

  it('the optimal policy at state 4 is that safe Left, away from the goal', () => {
    expect(valueIteration(env, 0.99).policy[4]).toBe(0);
  });

  it('at state 6, between two holes, Left and Right each risk 1/3, Down and Up 2/3', () => {
    const risk = holeRisk(env, 6);
    expect(risk.map((p) => Math.round(p * 3))).toEqual([1, 2, 1, 2]);
  });

  it('is 0 on a hole and on the goal (absorbing)', () => {
    expect(holeRisk(env, 5)).toEqual([0, 0, 0, 0]);
    expect(holeRisk(env, 15)).toEqual([0, 0, 0, 0]);
  });
});

describe('driveStep, every kind of bad action', () => {
  it('refuses a negative action and a fraction, as well as one past Up', () => {
    const drive = createDrive(env2, q2(), 0);
    expect(() => driveStep(drive, -1, 0.1, 0.99)).toThrow(
      'Action must be 0 (Left), 1 (Down), 2 (Right) or 3 (Up); got -1.',
    );
    expect(() => driveStep(drive, 1.5, 0.1, 0.99)).toThrow('got 1.5.');
    expect(drive.state).toBe(env2.start);
  });
});
