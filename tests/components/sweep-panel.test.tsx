// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SweepPanel } from '../../src/components/dock/sweep/SweepPanel';
import {
  DEFAULT_SWEEP_FORM,
  settingsForSweepCell,
  sweepSpecFromForm,
} from '../../src/components/dock/sweep/sweep-form';
import { LIVE_TEXT_INTERVAL_MS } from '../../src/components/hosts/useThrottledLab';
import { LESSON_PARAMS } from '../../src/rl/params';
import { expandSweep, sweepSize } from '../../src/rl/sweep';
import { lessonSettings } from '../../src/store/lab-store';
import { createFakeSweepPool } from '../store/in-process-sweep-worker';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('sweep form', () => {
  it('the default form is α × γ, 4 × 4 values, seeds 0–3: 64 agents on the lab’s run', () => {
    const parsed = sweepSpecFromForm(DEFAULT_SWEEP_FORM, lessonSettings('8x8', 5));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(sweepSize(parsed.spec)).toBe(64);
    expect(parsed.spec.values.epsilonDecay).toEqual([LESSON_PARAMS.epsilonDecay]);
    expect(parsed.spec.values.episodes).toEqual([10_000]);
    expect(parsed.spec.env.maxSteps).toBe(200);
  });

  it('says what is wrong with every field', () => {
    const parsed = sweepSpecFromForm(
      {
        x: 'gamma',
        y: 'gamma',
        xValues: '0.9, 1.5',
        yValues: '0.9',
        seeds: '3-1',
        episodes: '100 200',
      },
      lessonSettings(),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'Choose two different settings for the two axes.',
        'Episodes per agent: give one number.',
        'Discount γ must be from 0 to 1; got "1.5".',
        'Seeds: the range "3-1" runs backwards.',
      ],
    });
    expect(sweepSpecFromForm({ ...DEFAULT_SWEEP_FORM, episodes: '0' }, lessonSettings())).toEqual({
      ok: false,
      errors: ['Episodes must be a whole number from 1 to 100000000; got "0".'],
    });
  });

  it('episodes per agent: the typed number, unless episodes are on an axis', () => {
    const typed = sweepSpecFromForm({ ...DEFAULT_SWEEP_FORM, episodes: '2500' }, lessonSettings());
    expect(typed.ok && typed.spec.values.episodes).toEqual([2500]);
    const axis = sweepSpecFromForm(
      { ...DEFAULT_SWEEP_FORM, y: 'episodes', yValues: '100, 200', episodes: 'ignored' },
      lessonSettings(),
    );
    expect(axis.ok && axis.spec.values.episodes).toEqual([100, 200]);
  });

  it('a chosen setting loads with the sweep’s map and settings and the lab’s seed', () => {
    const parsed = sweepSpecFromForm(
      { ...DEFAULT_SWEEP_FORM, y: 'episodes', yValues: '500, 2000' },
      lessonSettings('4x4', 1),
    );
    if (!parsed.ok) throw new Error();
    const plan = expandSweep(parsed.spec);
    // Setting 5: α 0.2 (index 2), episodes 2000 (index 1).
    expect(settingsForSweepCell(plan, 5, lessonSettings('8x8', 7))).toEqual({
      ...lessonSettings('4x4', 7),
      episodes: 2000,
      params: { ...LESSON_PARAMS, alpha: 0.2 },
    });
  });
});

describe('SweepPanel', () => {
  const setup = (poolSize = 2) => {
    const pool = createFakeSweepPool();
    const lab = renderWithLab(<SweepPanel createWorker={pool.create} poolSize={poolSize} />);
    return { pool, ...lab };
  };
  const panel = () => screen.getByRole('region', { name: 'Sweep' });

  it('has labelled controls, a progress bar and no workers before a sweep', () => {
    const { pool } = setup();
    const p = within(panel());
    expect(p.getByRole('combobox', { name: 'Across' })).toHaveProperty('value', 'alpha');
    expect(p.getByRole('combobox', { name: 'Down' })).toHaveProperty('value', 'gamma');
    expect(p.getByRole('textbox', { name: 'Values across' })).toHaveProperty(
      'value',
      DEFAULT_SWEEP_FORM.xValues,
    );
    expect(p.getByRole('textbox', { name: 'Seeds' })).toHaveProperty('value', '0-3');
    expect(p.getByRole('textbox', { name: 'Episodes per agent' })).toHaveProperty('value', '10000');
    expect(p.getByRole('progressbar', { name: 'Sweep progress' })).toBeTruthy();
    expect(p.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    expect(pool.workers).toHaveLength(0);
  });

  it('runs a sweep on the pool, shows progress, the heatmap and the table; Load starts it in the lab', async () => {
    const { pool, store } = setup(2);
    const user = userEvent.setup();
    const p = within(panel());
    const across = p.getByRole('textbox', { name: 'Values across' });
    await user.clear(across);
    await user.type(across, '0.1, 0.5');
    const down = p.getByRole('textbox', { name: 'Values down' });
    await user.clear(down);
    await user.type(down, '0.9 0.99');
    const seeds = p.getByRole('textbox', { name: 'Seeds' });
    await user.clear(seeds);
    await user.type(seeds, '0-1');
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    expect(pool.workers).toHaveLength(2);
    expect(p.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', false);
    act(() => {
      pool.workers[0]!.deliver(1);
    });
    // The text redraws at most every LIVE_TEXT_INTERVAL_MS.
    const wait = { timeout: 20 * LIVE_TEXT_INTERVAL_MS };
    expect(await p.findByText(/^1 of 8 agents on 2 workers/, {}, wait)).toBeTruthy();
    expect(p.getByRole('progressbar').getAttribute('value')).toBe('1');
    act(() => pool.runAll());
    expect(await p.findByText(/^8 of 8 agents, done in/, {}, wait)).toBeTruthy();
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
    const heatmapCells = await p.findAllByRole(
      'button',
      { name: /: median success .* Load this setting/ },
      wait,
    );
    expect(heatmapCells).toHaveLength(4);
    const table = p.getByRole('table', { name: /Exact success of the greedy policy/ });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(within(table).getByRole('rowheader', { name: 'α 0.5, γ 0.99' })).toBeTruthy();
    const runId = store.getState().runId;
    await user.click(p.getByRole('button', { name: 'Load α 0.5, γ 0.99 into the lab' }));
    expect(store.getState().runId).toBeGreaterThan(runId);
    expect(store.getState().settings.params).toMatchObject({ alpha: 0.5, gamma: 0.99 });
    expect(p.getByText(/^Loaded α 0.5, γ 0.99 into the lab, seed 0/)).toBeTruthy();
  });

  it('bad input is refused with a message and starts nothing', async () => {
    const { pool } = setup();
    const user = userEvent.setup();
    const p = within(panel());
    await user.clear(p.getByRole('textbox', { name: 'Values across' }));
    await user.type(p.getByRole('textbox', { name: 'Values across' }), '0.1, 0');
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    expect(p.getByRole('alert').textContent).toBe(
      'Learning rate α must be above 0 and at most 1; got "0".',
    );
    expect(pool.workers).toHaveLength(0);
  });

  it('Cancel stops the workers at once; choosing an axis offers values for it', async () => {
    const { pool } = setup(1);
    const user = userEvent.setup();
    const p = within(panel());
    await user.selectOptions(p.getByRole('combobox', { name: 'Down' }), 'tieBreak');
    expect(p.getByRole('textbox', { name: 'Values down' })).toHaveProperty(
      'value',
      'first, random',
    );
    await user.selectOptions(p.getByRole('combobox', { name: 'Across' }), 'episodes');
    const episodes = p.getByRole('textbox', { name: 'Episodes per agent' });
    expect(episodes).toHaveProperty('disabled', true);
    expect(episodes).toHaveProperty('value', 'on an axis');
    await user.selectOptions(p.getByRole('combobox', { name: 'Across' }), 'alpha');
    expect(episodes).toHaveProperty('disabled', false);
    await user.click(p.getByRole('button', { name: 'Run sweep' }));
    expect(pool.workers[0]!.sent[0]!.job.episodes).toBe(10_000);
    await user.click(p.getByRole('button', { name: 'Cancel' }));
    expect(pool.workers[0]!.terminated).toBe(true);
    expect(await p.findByText(/^0 of 32 agents, cancelled\./)).toBeTruthy();
  });

  it('shows no legend bar or empty figure before a sweep (the legend’s unset gradient was a black bar)', () => {
    setup();
    const host = panel().querySelector('.sweep-heatmap-host')!;
    expect(host.querySelector<HTMLElement>('.sweep-heatmap')!.hidden).toBe(true);
  });
});
