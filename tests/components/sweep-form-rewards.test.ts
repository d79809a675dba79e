import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SWEEP_FORM,
  settingsForSweepCell,
  sweepSpecFromForm,
} from '../../src/components/dock/sweep/sweep-form';
import { sweepEnv } from '../../src/rl/sweep';
import { lessonSettings } from '../../src/shared/lesson-run';
import { parseCompareCommand } from '../../src/worker/parse-compare-command';

const COSTLY = { ...lessonSettings('4x4', 2), rewardSchedule: [1, -1, -0.01] as const };

describe('the sweep panel and the comparison take the lab’s rewards', () => {
  it('a sweep trains on the lab’s schedule, and a cell loaded back keeps it', () => {
    const parsed = sweepSpecFromForm(DEFAULT_SWEEP_FORM, COSTLY);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    expect(sweepEnv(parsed.spec.env).rewardSchedule).toEqual([1, -1, -0.01]);
    const plan = { spec: parsed.spec, settings: [{ ...COSTLY.params, episodes: 10 }], jobs: [] };
    expect(settingsForSweepCell(plan, 0, COSTLY).rewardSchedule).toEqual([1, -1, -0.01]);
  });

  it('the comparison worker’s init keeps the schedule', () => {
    const parsed = parseCompareCommand({
      type: 'init',
      settings: COSTLY,
      algorithms: ['q-learning', 'sarsa'],
    });
    expect(parsed).toMatchObject({
      ok: true,
      command: { settings: { rewardSchedule: [1, -1, -0.01] } },
    });
  });
});
