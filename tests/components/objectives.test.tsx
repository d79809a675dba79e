// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_TEXT_INTERVAL_MS } from '../../src/components/dock/glossary/Glossary';
import {
  objectiveReadings,
  ObjectivesPanel,
} from '../../src/components/objectives/ObjectivesPanel';
import type { LabStore } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

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
