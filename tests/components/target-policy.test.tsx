// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TargetPolicy } from '../../src/components/dock/target/TargetPolicy';
import { PANEL_INTERVAL_MS } from '../../src/components/hosts/frame-throttle';
import { lessonSettings } from '../../src/shared/lesson-run';
import { renderWithLab } from './lab-fixture';

// Fake timers: the panel's numbers re-render at most every PANEL_INTERVAL_MS (clicks are fired
// directly: userEvent's own delays would wait on the faked clock).
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** 2x2 ice that does not slip: S F / F G, so every greedy path is easy to work out by hand. */
const SETTINGS = { ...lessonSettings(), map: ['SF', 'FG'], isSlippery: false, maxSteps: 100 };

const later = () => act(() => vi.advanceTimersByTime(PANEL_INTERVAL_MS * 2));

describe('TargetPolicy', () => {
  it('names both policies and has nothing to report before a greedy episode', () => {
    renderWithLab(<TargetPolicy />, { settings: SETTINGS });
    const panel = screen.getByRole('region', { name: 'Behaviour vs target policy' });
    expect(within(panel).getByRole('status').textContent).toBe('No greedy episode yet.');
    expect(within(panel).getByRole('button', { name: 'Run greedy episode' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('at Q = 0 the greedy action is Left into the wall: 0 of 1 reach the goal, out of time after 100 steps', () => {
    const { store } = renderWithLab(<TargetPolicy />, { settings: SETTINGS });
    fireEvent.click(screen.getByRole('button', { name: 'Run greedy episode' }));
    later();
    expect(screen.getByRole('status').textContent).toBe(
      'Greedy episodes: 1, reached the goal 0 (0%). The last one ran out of time after 100 steps.',
    );
    // Greedy episodes do not train: no step of the run was taken.
    expect(store.getState().totalSteps).toBe(0);
  });

  it('after training, 100 more greedy episodes all reach G in 2 steps: 100 of 101 (99%)', () => {
    const { store, worker } = renderWithLab(<TargetPolicy />, {
      settings: { ...SETTINGS, episodes: 300 },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run greedy episode' }));
    act(() => {
      store.getState().setSpeed('max');
      store.getState().play();
      worker.endpoint.runAll();
      store.getState().snapshotDrawn();
    });
    const steps = store.getState().totalSteps;
    fireEvent.click(screen.getByRole('button', { name: 'Run 100 greedy episodes' }));
    later();
    // 1 + 100 episodes, the first (before training) out of time, the 100 after it at G:
    // 100/101 = 0.990 shows as 99%; S → F → G is 2 steps.
    expect(screen.getByRole('status').textContent).toBe(
      'Greedy episodes: 101, reached the goal 100 (99%). The last one reached the goal after 2 steps.',
    );
    expect(store.getState().totalSteps).toBe(steps);
  });
});
