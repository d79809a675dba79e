/** --reward-schedule and --success-rate reach every script's environment through scripts/cli.ts. */
import { describe, expect, it } from 'vitest';
import { trainRequest } from '../../scripts/train-flags';
import { sweepRequest, type SweepRequest } from '../../scripts/sweep-cli';
import { sweepEnv } from '../../src/rl/sweep';
import { parseSweepCommand } from '../../src/worker/sweep-handler';

describe('--reward-schedule and --success-rate', () => {
  it('train builds its environment with them', () => {
    const { env } = trainRequest(['--success-rate', '0.8', '--reward-schedule', '1,-1,-0.01']);
    expect(env.successRate).toBe(0.8);
    expect(env.rewardSchedule).toEqual([1, -1, -0.01]);
    expect(env.P[14]![2]![1]).toEqual([0.8, 15, 1, true]);
    expect(env.P[0]![1]![1]).toEqual([0.8, 4, -0.01, false]);
  });

  it('default to Gymnasium’s 1/3 and (1, 0, 0)', () => {
    const { env } = trainRequest([]);
    expect(env.successRate).toBe(1 / 3);
    expect(env.rewardSchedule).toEqual([1, 0, 0]);
  });

  it('the sweep trains every agent on that environment, and its workers keep the schedule', () => {
    const request = sweepRequest([
      '--reward-schedule=1,-1,-0.01',
      '--success-rate=0.5',
      '--seeds=0',
    ]) as SweepRequest;
    const spec = request.plan.spec.env;
    expect(spec.rewardSchedule).toEqual([1, -1, -0.01]);
    const sent = parseSweepCommand({
      type: 'run-job',
      sweepId: 1,
      env: spec,
      job: request.plan.jobs[0],
    });
    if (typeof sent === 'string') throw new Error(sent);
    const env = sweepEnv(sent.env);
    expect(env.rewardSchedule).toEqual([1, -1, -0.01]);
    expect(env.successRate).toBe(0.5);
  });

  it('the sweep refuses a bad schedule, naming the flag', () => {
    expect(() => sweepRequest(['--reward-schedule', '1,0,500'])).toThrow(
      /^--reward-schedule "1,0,500": Reward for a frozen tile must be from -100 to 100/,
    );
  });
});
