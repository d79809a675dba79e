import { describe, expect, it } from 'vitest';
import { lessonSettings } from '../../src/shared/lesson-run';
import { checkRewardSchedule } from '../../src/rl/parse-values';
import { checkSettings } from '../../src/worker/run-checks';
import type { RunSettings } from '../../src/worker/protocol';

/** The lesson's run on 4x4 (a fresh copy: the tests change theirs). */
const SETTINGS: RunSettings = lessonSettings('4x4', 7);

describe('checkSettings: the reward schedule', () => {
  it('refuses a schedule out of its limits that the environment itself would build (a hole paying 1000)', () => {
    const rewards: [number, number, number] = [1, 1000, 0];
    const read = checkRewardSchedule(rewards);
    if (read.ok) throw new Error('the limit moved: pick a reward beyond it');
    expect(checkSettings({ ...SETTINGS, rewardSchedule: rewards })).toEqual({
      errors: [read.error],
      env: null,
    });
  });

  it('accepts a schedule within them and builds the environment on it', () => {
    const { errors, env } = checkSettings({ ...SETTINGS, rewardSchedule: [1, -1, -0.01] });
    expect(errors).toEqual([]);
    expect(env?.rewardSchedule).toEqual([1, -1, -0.01]);
  });
});
