// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_TEXT_INTERVAL_MS } from '../../src/components/dock/glossary/Glossary';
import { ObjectivesPanel } from '../../src/components/objectives/ObjectivesPanel';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the objectives: expected return under the schedule', () => {
  it('sits beside the exact chance of reaching the goal, from the same exact evaluation', () => {
    vi.useFakeTimers();
    const settings = { ...lessonSettings('4x4', 1), rewardSchedule: [1, -1, -0.01] as const };
    const { store } = renderWithLab(<ObjectivesPanel />, { settings });
    for (let i = 0; i < 5; i++)
      act(() => {
        store.getState().stepEpisode();
        store.getState().snapshotDrawn();
      });
    act(() => vi.advanceTimersByTime(LIVE_TEXT_INTERVAL_MS));
    const q = store.getState().snapshot!.q;
    const exact = evaluateGreedy(createEnv({ map: '4x4', rewardSchedule: [1, -1, -0.01] }), q);
    const reach = screen.getByRole('listitem', { name: '1. Reach the prize' });
    const term = within(reach).getByText('Greedy policy, exact return');
    expect(term.nextElementSibling!.textContent).toBe(exact.expectedReturn.toFixed(3));
  });
});
