// @vitest-environment jsdom
/**
 * The Sweep tab with the rewards and the success rate on the axes (issue 19): named schedules as
 * checkboxes, success rates as a list, each job sent with its setting's environment, the cells
 * and rows labelled readably, the exact return in the table, and a cell loaded with its rewards.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SweepPanel } from '../../src/components/dock/sweep/SweepPanel';
import {
  defaultAxisValues,
  namedSchedules,
  sweepSpecFromForm,
  DEFAULT_SWEEP_FORM,
} from '../../src/components/dock/sweep/sweep-form';
import { LIVE_TEXT_INTERVAL_MS } from '../../src/components/hosts/useThrottledLab';
import { lessonSettings } from '../../src/store/lab-store';
import { createFakeSweepPool } from '../store/in-process-sweep-worker';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('the sweep form’s rewards and success rates', () => {
  it('offers Gymnasium’s, the experiments’ and the lab’s own schedule', () => {
    expect(namedSchedules(lessonSettings()).map((n) => n.name)).toEqual([
      'Gymnasium’s',
      'A cost per step',
      'Holes hurt',
    ]);
    const custom = { ...lessonSettings(), rewardSchedule: [2, -1, -0.05] as const };
    expect(namedSchedules(custom).at(-1)).toEqual({
      name: 'The lab’s',
      schedule: [2, -1, -0.05],
    });
    expect(defaultAxisValues('rewardSchedule', lessonSettings())).toBe('1,0,0; 1,0,-0.01; 1,-1,0');
    expect(defaultAxisValues('successRate', lessonSettings())).toBe(
      '0.3333333333333333, 0.6, 0.8, 1',
    );
    expect(defaultAxisValues('successRate', { ...lessonSettings(), successRate: 0.8 })).toBe(
      '0.6, 0.8, 1',
    );
  });

  it('puts the chosen schedules and rates on the axes, the lab’s map and settings kept', () => {
    const parsed = sweepSpecFromForm(
      {
        ...DEFAULT_SWEEP_FORM,
        x: 'successRate',
        xValues: '0.6, 1',
        y: 'rewardSchedule',
        yValues: '1,0,0; 1,-1,0',
      },
      lessonSettings('8x8', 1),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    expect(parsed.spec.values.successRate).toEqual([0.6, 1]);
    expect(parsed.spec.values.rewardSchedule).toEqual([
      [1, 0, 0],
      [1, -1, 0],
    ]);
    expect(parsed.spec.env.maxSteps).toBe(200);
    const bad = sweepSpecFromForm(
      { ...DEFAULT_SWEEP_FORM, x: 'successRate', xValues: '0.6, 1.2' },
      lessonSettings(),
    );
    expect(bad).toEqual({
      ok: false,
      errors: ['Success rate of a move must be from 0 to 1; got "1.2".'],
    });
  });
});

describe('SweepPanel over rewards and success rates', () => {
  const panel = () => within(screen.getByRole('region', { name: 'Sweep' }));
  const wait = { timeout: 20 * LIVE_TEXT_INTERVAL_MS };

  it('sweeps two schedules × two rates: jobs on their own environments, labelled rows, Load', async () => {
    const pool = createFakeSweepPool();
    const { store } = renderWithLab(<SweepPanel createWorker={pool.create} poolSize={2} />);
    const user = userEvent.setup();
    const p = panel();
    await user.selectOptions(p.getByRole('combobox', { name: 'Across' }), 'successRate');
    const rates = p.getByRole('textbox', { name: 'Values across' });
    expect(rates).toHaveProperty('value', '0.3333333333333333, 0.6, 0.8, 1');
    await user.clear(rates);
    await user.type(rates, '0.8, 1');
    await user.selectOptions(p.getByRole('combobox', { name: 'Down' }), 'rewardSchedule');
    const schedules = p.getByRole('group', { name: 'Values down' });
    const box = (name: RegExp) => within(schedules).getByRole('checkbox', { name });
    expect(box(/^Gymnasium’s \(1, 0, 0\)$/)).toHaveProperty('checked', true);
    expect(box(/^A cost per step \(1, 0, −0.01\)$/)).toHaveProperty('checked', true);
    await user.click(box(/^Holes hurt \(1, −1, 0\)$/));
    expect(box(/^Holes hurt/)).toHaveProperty('checked', false);
    await user.clear(p.getByRole('textbox', { name: 'Seeds' }));
    await user.type(p.getByRole('textbox', { name: 'Seeds' }), '0');
    await user.clear(p.getByRole('textbox', { name: 'Episodes per agent' }));
    await user.type(p.getByRole('textbox', { name: 'Episodes per agent' }), '300');
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    act(() => pool.runAll());
    expect(await p.findByText(/^4 of 4 agents, done in/, {}, wait)).toBeTruthy();
    const sent = pool.workers.flatMap((w) => w.sent).sort((a, b) => a.job.id - b.job.id);
    expect(sent.map((c) => [c.env.rewardSchedule, c.env.successRate])).toEqual([
      [[1, 0, 0], 0.8],
      [[1, 0, 0], 1],
      [[1, 0, -0.01], 0.8],
      [[1, 0, -0.01], 1],
    ]);
    const table = p.getByRole('table', { name: /and its exact return/ });
    expect(within(table).getByRole('columnheader', { name: 'Median return' })).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([
      'success 0.8, Gymnasium’s 1, 0, 0',
      'success 1, Gymnasium’s 1, 0, 0',
      'success 0.8, step cost −0.01',
      'success 1, step cost −0.01',
    ]);
    const cells = await p.findAllByRole('button', { name: /: median success .* Load this/ }, wait);
    expect(cells).toHaveLength(4);
    await user.click(
      p.getByRole('button', { name: 'Load success 0.8, step cost −0.01 into the lab' }),
    );
    expect(store.getState().settings).toMatchObject({
      successRate: 0.8,
      rewardSchedule: [1, 0, -0.01],
    });
  });

  it('no schedule ticked is refused with the reader’s sentence, and nothing starts', async () => {
    const pool = createFakeSweepPool();
    renderWithLab(<SweepPanel createWorker={pool.create} poolSize={1} />);
    const user = userEvent.setup();
    const p = panel();
    await user.selectOptions(p.getByRole('combobox', { name: 'Across' }), 'rewardSchedule');
    for (const box of within(p.getByRole('group', { name: 'Values across' })).getAllByRole(
      'checkbox',
    ))
      await user.click(box);
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    expect(p.getByRole('alert').textContent).toBe(
      'Rewards (goal, hole, frozen): give at least one schedule.',
    );
    expect(pool.workers).toHaveLength(0);
  });
});
