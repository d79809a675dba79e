// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { EpisodeScrubber, describeStep } from '../../src/components/dock/seeds/EpisodeScrubber';
import { SeedBandPanel } from '../../src/components/dock/seeds/SeedBandPanel';
import { LIVE_TEXT_INTERVAL_MS } from '../../src/components/hosts/useThrottledLab';
import { replayRun } from '../../src/rl/replay';
import { lastStepRecord } from '../../src/rl/step-record';
import { lessonSettings } from '../../src/store/lab-store';
import { createFakeSweepPool } from '../store/in-process-sweep-worker';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);
const wait = { timeout: 20 * LIVE_TEXT_INTERVAL_MS };

describe('SeedBandPanel', () => {
  const panel = () => within(screen.getByRole('region', { name: 'Seed band' }));

  it('draws a band of the lab’s settings on N seeds: chart, table, and seeds= in the link', async () => {
    window.history.replaceState(null, '', '/?seeds=3');
    const pool = createFakeSweepPool();
    renderWithLab(<SeedBandPanel createWorker={pool.create} poolSize={2} />, {
      settings: lessonSettings('4x4', 2),
    });
    const user = userEvent.setup();
    const p = panel();
    expect(p.getByRole('textbox', { name: 'Seeds in the band' })).toHaveProperty('value', '3');
    const episodes = p.getByRole('textbox', { name: 'Episodes per seed' });
    await user.clear(episodes);
    await user.type(episodes, '300');
    await user.click(p.getByRole('button', { name: 'Draw band' }));
    expect(pool.workers.map((w) => w.queue[0]!.job.seed)).toEqual([2, 3]);
    act(() => pool.runAll());
    expect(await p.findByText('3 of 3 seeds, done.', {}, wait)).toBeTruthy();
    const table = await p.findByRole(
      'table',
      { name: /over 3 seeds, and the lab's run \(seed 2\)/ },
      wait,
    );
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(
      await p.findAllByRole(
        'img',
        { name: /over episodes: the median and interquartile band of 3 seeds/ },
        wait,
      ),
    ).toHaveLength(3);
    expect(new URLSearchParams(window.location.search).get('seeds')).toBe('3');
  });

  it('a band of the lab’s algorithm: each job carries it and its options, and the table says so', async () => {
    const pool = createFakeSweepPool();
    renderWithLab(<SeedBandPanel createWorker={pool.create} poolSize={2} />, {
      settings: {
        ...lessonSettings('4x4', 2),
        algorithm: 'sarsa-lambda',
        learner: { lambda: 0.6, traces: 'accumulating' },
      },
    });
    const user = userEvent.setup();
    const p = panel();
    const episodes = p.getByRole('textbox', { name: 'Episodes per seed' });
    await user.clear(episodes);
    await user.type(episodes, '300');
    await user.click(p.getByRole('button', { name: 'Draw band' }));
    expect(pool.workers[0]!.queue[0]!.learner).toEqual({
      algorithm: 'sarsa-lambda',
      options: { lambda: 0.6, traces: 'accumulating' },
    });
    act(() => pool.runAll());
    await p.findByRole('table', { name: /; every seed learns with sarsa-lambda$/ }, wait);
  });

  it('bad input: a clear message, and nothing starts', async () => {
    const pool = createFakeSweepPool();
    renderWithLab(<SeedBandPanel createWorker={pool.create} />);
    const user = userEvent.setup();
    const p = panel();
    const seeds = p.getByRole('textbox', { name: 'Seeds in the band' });
    await user.clear(seeds);
    await user.type(seeds, '65');
    await user.click(p.getByRole('button', { name: 'Draw band' }));
    expect(p.getByRole('alert').textContent).toBe(
      'Seeds in a band must be a whole number from 2 to 64; got 65.',
    );
    expect(pool.workers).toHaveLength(0);
    expect(p.getByRole('status').textContent).toBe('No band yet.');
  });
});

describe('EpisodeScrubber', () => {
  it('replays an episode step by step: each step’s TD error is the Node replay’s of the record', async () => {
    const { store } = renderWithLab(<EpisodeScrubber />);
    act(() => {
      for (let i = 0; i < 12; i++) store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    expect(store.getState().episode).toBe(12);
    const user = userEvent.setup();
    const region = within(screen.getByRole('region', { name: 'Episode scrubber' }));
    await user.type(region.getByRole('textbox', { name: 'Episode' }), '10');
    await user.click(region.getByRole('button', { name: 'Replay episode' }));
    const group = region.getByRole('group', { name: /^Episode 10, step 1 of (\d+)/ });
    const n = Number(/of (\d+)/.exec(group.getAttribute('aria-label')!)![1]);
    const { record, totalSteps } = store.getState();
    // The step count at the start of episode 10: where the replay's first step begins.
    let first = 0;
    while (replayRun({ ...record!, totalSteps: first }).episode < 10) first++;
    group.focus();
    for (let k = 0; k < n; k++) {
      const expected = lastStepRecord(replayRun({ ...record!, totalSteps: first + k + 1 }));
      expect(region.getByTestId('scrubber-step').textContent).toBe(
        `Episode 10, step ${k + 1} of ${n}: ${describeStep(expected)}`,
      );
      await user.keyboard('{ArrowRight}');
    }
    expect(first + n).toBeLessThanOrEqual(totalSteps);
    await user.keyboard('{Home}');
    expect(group.getAttribute('aria-label')).toMatch(/^Episode 10, step 1 of/);
    await user.keyboard('{End}');
    expect(group.getAttribute('aria-label')).toMatch(new RegExp(`step ${n} of ${n}`));
  });

  it('replays the episode of a frame picked from the gallery’s list', async () => {
    const { store } = renderWithLab(<EpisodeScrubber />);
    act(() => {
      for (let i = 0; i < 3; i++) store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    const frames = store.getState().frames.map((f) => f.episode);
    expect(frames.length).toBeGreaterThan(0);
    const user = userEvent.setup();
    const region = within(screen.getByRole('region', { name: 'Episode scrubber' }));
    const pick = region.getByRole('combobox', { name: 'or a frame’s' });
    await user.selectOptions(pick, `Frame at episode ${frames[0]}`);
    expect(
      region.getByRole('group', { name: new RegExp(`^Episode ${frames[0]}, step 1 of`) }),
    ).toBeTruthy();
    expect(region.getByRole('textbox', { name: 'Episode' })).toHaveProperty(
      'value',
      String(frames[0]),
    );
  });

  it('names an ending by the entered tile, whatever the reward schedule pays', () => {
    const desc = ['SH', 'FG'];
    const base = { state: 0, action: 2, actual: 2, explored: false, slipped: false, t: 1 } as const;
    const hole = {
      ...base,
      nextState: 1,
      reward: 1,
      terminated: true,
      truncated: false,
      tdError: 0,
    };
    const goal = {
      ...base,
      nextState: 3,
      reward: -1,
      terminated: true,
      truncated: false,
      tdError: 0,
    };
    expect(describeStep(hole as never, desc)).toContain('to state 1, fell in a hole');
    expect(describeStep(goal as never, desc)).toContain('to state 3, reached the goal');
  });

  it('an episode the run has not reached is refused with a message', async () => {
    const { store } = renderWithLab(<EpisodeScrubber />);
    act(() => {
      store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    const user = userEvent.setup();
    const region = within(screen.getByRole('region', { name: 'Episode scrubber' }));
    await user.type(region.getByRole('textbox', { name: 'Episode' }), '5');
    await user.click(region.getByRole('button', { name: 'Replay episode' }));
    expect(region.getByRole('alert').textContent).toBe(
      'Episode must be a whole number from 0 to 1; got 5.',
    );
  });
});
