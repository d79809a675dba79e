// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIVE_TEXT_INTERVAL_MS } from '../../src/components/dock/glossary/Glossary';
import { ObjectivesPanel } from '../../src/components/objectives/ObjectivesPanel';
import { IDLE_SPEED, objectiveReadings } from '../../src/components/objectives/objective-readings';
import type { LabStore } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';
import { sparklineCode } from '../../src/components/objectives/Sparkline';

// The page loads the charts' code right after its first draw; these tests read the charts.
beforeAll(() => sparklineCode.load());

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Whole episodes, each followed by the snapshot the page would ask for after drawing. */
function episodes(store: LabStore, n: number) {
  for (let i = 0; i < n; i++)
    act(() => {
      store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
}

const fact = (name: string) => document.querySelector(`[data-fact="${name}"]`)!.textContent!;

describe('ObjectivesPanel', () => {
  it('names the three objectives of the lesson as a list', () => {
    renderWithLab(<ObjectivesPanel />);
    const section = screen.getByRole('region', { name: 'Objectives' });
    expect(within(section).getByRole('heading', { level: 2, name: 'Objectives' })).toBeTruthy();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('h3')!.textContent)).toEqual([
      '1. Reach the prize',
      '2. In the fewest steps',
      '3. With as little compute as possible',
    ]);
    expect(
      within(section).getByRole('listitem', { name: '2. In the fewest steps' }).textContent,
    ).toContain('Mean steps to the prize');
    // Before any episode: no rate yet, but the optimum is known from the start.
    expect(fact('recent-success')).toBe('—');
    expect(fact('updates')).toBe('0');
    expect(fact('best-within-limit')).toMatch(/^\d+\.\d%$/);
  });

  it('shows the update count and the reach rate after a run', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<ObjectivesPanel />);
    episodes(store, 300);
    act(() => vi.advanceTimersByTime(LIVE_TEXT_INTERVAL_MS));
    const s = store.getState();
    const stats = s.snapshot!.stats;
    expect(stats.window).toBe(100);
    expect(fact('updates')).toBe(s.totalSteps.toLocaleString('en-US'));
    expect(fact('episodes')).toBe('300');
    const goals = Math.round(stats.recentSuccessRate * 100);
    expect(fact('recent-success')).toBe(
      `${(stats.recentSuccessRate * 100).toFixed(1)}% (${goals} of 100)`,
    );
    expect(fact('greedy-success')).toContain(
      `${(s.snapshot!.evaluation.successProbability * 100).toFixed(1)}%`,
    );
    expect(fact('optimum-success')).toBe(`${(s.optimum!.successProbability * 100).toFixed(1)}%`);
    expect(fact('expected-length')).toContain(s.snapshot!.evaluation.expectedLength.toFixed(1));
    if (stats.successes > 0)
      expect(fact('updates-per-goal')).toBe(
        Math.round(s.totalSteps / stats.successes).toLocaleString('en-US'),
      );
  });

  it('re-renders a few times a second at most', () => {
    vi.useFakeTimers();
    let renders = 0;
    const { store } = renderWithLab(
      <Profiler id="objectives" onRender={() => renders++}>
        <ObjectivesPanel />
      </Profiler>,
    );
    const before = renders;
    // 100 snapshots within 1 s of the page's clock: at most 1 + 1000 / 250 renders.
    for (let i = 0; i < 100; i++) {
      episodes(store, 1);
      act(() => vi.advanceTimersByTime(10));
    }
    expect(renders - before).toBeLessThanOrEqual(1 + 1000 / LIVE_TEXT_INTERVAL_MS);
    expect(renders - before).toBeGreaterThan(0);
  });
});

/**
 * A finished 10,000-episode run as the store holds it once the worker evaluated the greedy
 * policy at the end: exact success 0.41304 → "41.3%", expected steps to the prize 40.06 → "40.1",
 * 345,678 updates over 4,120 prizes → 83.9 → "84" updates per prize.
 */
function finishedRun(store: LabStore, running = false, stepsPerSecond = 0) {
  episodes(store, 3);
  const snapshot = store.getState().snapshot!;
  act(() =>
    store.setState({
      episode: 10_000,
      totalSteps: 345_678,
      running,
      finished: !running,
      snapshot: {
        ...snapshot,
        episode: 10_000,
        totalSteps: 345_678,
        evaluation: {
          successProbability: 0.41304,
          expectedLength: 31.26,
          expectedStepsToGoal: 40.06,
          episode: 10_000,
        },
        stats: { ...snapshot.stats, successes: 4_120, stepsPerSecond },
      },
    }),
  );
  act(() => vi.advanceTimersByTime(LIVE_TEXT_INTERVAL_MS));
}

describe('the objective cards', () => {
  it('give each objective its headline number apart from its words, with the run’s own episode', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<ObjectivesPanel />);
    finishedRun(store);
    const reach = screen.getByRole('listitem', { name: '1. Reach the prize' });
    // The number is its own element and the caption follows after a space: no "Greedy41.3".
    expect(fact('greedy-success')).toBe('41.3%');
    expect(reach.querySelector('.objective-headline')!.textContent).toBe(
      '41.3% greedy policy’s exact chance, at episode 10,000',
    );
    expect(reach.textContent).not.toContain('1,597');
    const steps = screen.getByRole('listitem', { name: '2. In the fewest steps' });
    expect(within(steps).getByText('40.1')).toBeTruthy();
    expect(fact('expected-length')).toBe('31.3');
    expect(fact('updates')).toBe('345,678');
    expect(fact('updates-per-goal')).toBe('84');
  });

  it('say the worker is idle once the run has ended, not "0 steps/s", and give its rate while it trains', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<ObjectivesPanel />);
    finishedRun(store, false, 0);
    expect(fact('speed')).toBe(IDLE_SPEED);
    expect(fact('speed')).not.toContain('0 steps/s');
    finishedRun(store, true, 1_234_567.4);
    expect(fact('speed')).toBe('1,234,567 steps/s');
  });

  it('draw a small chart per objective, each named with its first and latest points', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<ObjectivesPanel />);
    episodes(store, 400);
    act(() => vi.advanceTimersByTime(LIVE_TEXT_INTERVAL_MS));
    const charts = within(screen.getByRole('region', { name: 'Objectives' })).getAllByRole('img');
    expect(charts).toHaveLength(3);
    const greedy = store.getState().history.greedy();
    const last = greedy[greedy.length - 1]!;
    expect(charts[0]!.getAttribute('aria-label')).toContain(
      `to ${(last.value * 100).toFixed(1)}% at episode ${last.episode.toLocaleString('en-US')}`,
    );
    expect(charts[0]!.getAttribute('aria-label')).toContain(
      `the dashed line is the optimum, ${(store.getState().optimum!.successProbability * 100).toFixed(1)}%`,
    );
    expect(charts[1]!.getAttribute('aria-label')).toMatch(/^Mean steps to the prize by episode: /);
    expect(charts[2]!.getAttribute('aria-label')).toMatch(
      /^Updates per prize reached by episode: /,
    );
    for (const chart of charts)
      expect(chart.querySelector('path')?.getAttribute('d')).toMatch(/^M/);
  });
});

describe('the objective cards against the worker', () => {
  it('date the greedy policy’s exact success to the episode on screen after Step episode', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<ObjectivesPanel />);
    // 250 episodes: past the worker's every-200-episodes evaluation while running, so only an
    // evaluation made on Step episode itself is dated 250.
    episodes(store, 250);
    act(() => vi.advanceTimersByTime(LIVE_TEXT_INTERVAL_MS));
    const reach = screen.getByRole('listitem', { name: '1. Reach the prize' });
    expect(reach.querySelector('.objective-caption')!.textContent).toBe(
      'greedy policy’s exact chance, at episode 250',
    );
    expect(fact('speed')).toBe(IDLE_SPEED);
  });
});

describe('objectiveReadings', () => {
  it('writes dashes, not NaN, before the first episode', () => {
    const r = objectiveReadings({
      snapshot: null,
      optimum: null,
      env: null,
      totalSteps: 0,
      episode: 0,
    });
    expect(Object.values(r).join(' ')).not.toMatch(/NaN|undefined/);
    expect(r.recentSuccessRate).toBe('—');
    expect(r.totalSteps).toBe('0');
  });
});
