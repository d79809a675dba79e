// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { PANEL_INTERVAL_MS } from '../../src/components/hosts/frame-throttle';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  A_TABLE_CAPTION,
  Q_TABLE_CAPTION,
  QTables,
} from '../../src/components/dock/tables/QTables';
import type { LabStore } from '../../src/store/lab-store';
import { formatQ } from '../../src/viz/q-table';
import { renderWithLab } from './lab-fixture';

// Fake timers drive requestAnimationFrame; the trainer runs on its own fake clock.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Lets the next animation frame run. */
const nextFrame = () => act(() => vi.advanceTimersByTime(20));

/** One whole episode, then the snapshot the page would ask for after drawing. */
function episode(store: LabStore) {
  act(() => {
    store.getState().stepEpisode();
    store.getState().snapshotDrawn();
  });
}

/** Runs episodes until one reaches the goal (a Q-value is then no longer 0). */
function trainUntilFirstGoal(store: LabStore, limit = 5000) {
  for (let i = 0; i < limit; i++) {
    episode(store);
    if ((store.getState().snapshot?.stats.successes ?? 0) > 0) return;
  }
  throw new Error(`no goal in ${limit} episodes`);
}

const cellText = (table: HTMLElement, s: number, a: number) =>
  table.querySelector(`tr[data-state="${s}"] td[data-action="${a}"] .qtable-value`)?.textContent;

describe('QTables', () => {
  it('shows the Q-table and the advantage table of the 4x4 map, all actions tied at first', () => {
    renderWithLab(<QTables />);
    nextFrame();
    const section = screen.getByRole('region', { name: 'Q and A tables' });
    const q = within(section).getByRole('table', { name: Q_TABLE_CAPTION });
    const a = within(section).getByRole('table', { name: A_TABLE_CAPTION });
    for (const table of [q, a]) {
      expect(within(table).getAllByRole('row')).toHaveLength(17);
      expect(table.querySelectorAll('td.qtable-tied')).toHaveLength(11 * 4);
    }
    // The agent stands on the start.
    expect(q.querySelector('tr[aria-current="true"]')?.getAttribute('data-state')).toBe('0');
  });

  it('snapshots change the cells but never re-render the component', () => {
    let renders = 0;
    const { store } = renderWithLab(
      <Profiler id="qtables" onRender={() => renders++}>
        <QTables />
      </Profiler>,
    );
    nextFrame();
    const rendersAfterMount = renders;
    expect(rendersAfterMount).toBeGreaterThan(0);
    const q = screen.getByRole('table', { name: Q_TABLE_CAPTION });
    const rows = Array.from(q.querySelectorAll('tbody tr'));
    expect(q.querySelectorAll('td.qtable-greedy:not(.qtable-tied)')).toHaveLength(0);

    trainUntilFirstGoal(store);
    for (let i = 0; i < 20; i++) {
      episode(store);
      nextFrame();
    }

    const snapshot = store.getState().snapshot!;
    const last = snapshot.last!;
    expect(cellText(q, last.state, last.action)).toBe(
      formatQ(snapshot.q[last.state * 4 + last.action]),
    );
    // Some Q-value has left 0, so some state now has a single greedy action.
    expect(
      Array.from(q.querySelectorAll('.qtable-value')).some((c) => c.textContent !== '0.000'),
    ).toBe(true);
    expect(q.querySelectorAll('td.qtable-greedy:not(.qtable-tied)').length).toBeGreaterThan(0);
    expect(Array.from(q.querySelectorAll('tbody tr')).every((r, i) => r === rows[i])).toBe(true);
    expect(renders).toBe(rendersAfterMount);
  });

  it('draws once per panel interval at most, the latest snapshot', () => {
    const { store } = renderWithLab(<QTables />);
    nextFrame();
    trainUntilFirstGoal(store);
    nextFrame();
    const raf = vi.spyOn(globalThis, 'requestAnimationFrame');
    for (let i = 0; i < 10; i++) episode(store);
    // Ten snapshots within one interval: one draw, when the interval is over.
    act(() => vi.advanceTimersByTime(PANEL_INTERVAL_MS + 20));
    expect(raf).toHaveBeenCalledTimes(1);
    nextFrame();
    const snapshot = store.getState().snapshot!;
    const q = screen.getByRole('table', { name: Q_TABLE_CAPTION });
    for (let s = 0; s < 16; s++)
      for (let a = 0; a < 4; a++) expect(cellText(q, s, a)).toBe(formatQ(snapshot.q[s * 4 + a]));
  });

  it('does not ask the worker for snapshots (GridView paces them)', () => {
    const { store, worker } = renderWithLab(<QTables />);
    nextFrame();
    act(() => store.getState().step());
    const before = worker.sent.filter((c) => c.type === 'request-snapshot').length;
    nextFrame();
    nextFrame();
    expect(worker.sent.filter((c) => c.type === 'request-snapshot')).toHaveLength(before);
  });

  it("StrictMode's double mount leaves exactly one pair of tables", () => {
    renderWithLab(
      <StrictMode>
        <QTables />
      </StrictMode>,
    );
    nextFrame();
    expect(document.querySelectorAll('table')).toHaveLength(2);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(32);
  });

  it('unmounting removes both tables and cancels a pending frame', () => {
    const { store, view } = renderWithLab(<QTables />);
    episode(store);
    view.unmount();
    expect(document.querySelector('table')).toBeNull();
    expect(() => nextFrame()).not.toThrow();
  });
});

describe('QTables show every row', () => {
  it('puts both tables straight in the section, with no inner scroll box that would clip the last states', () => {
    renderWithLab(<QTables />);
    nextFrame();
    const section = screen.getByRole('region', { name: 'Q and A tables' });
    // Before: each table sat in its own focusable scroll region (max-height 28rem), which cut
    // states 14 and 15 off the 4x4 map's tables.
    expect(within(section).queryAllByRole('region')).toHaveLength(0);
    expect(section.querySelectorAll('[tabindex]')).toHaveLength(0);
    for (const table of within(section).getAllByRole('table'))
      expect(table.parentElement?.classList.contains('qtables-pair')).toBe(true);
  });
});
