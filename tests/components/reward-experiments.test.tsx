// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RewardExperiments } from '../../src/components/experiments/RewardExperiments';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('RewardExperiments', () => {
  it('one click sets sure-footed ice live and shows which states’ optimal actions change', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<RewardExperiments />);
    store.getState().step();
    await user.click(screen.getByRole('button', { name: 'Sure-footed ice' }));
    expect(store.getState().settings.successRate).toBe(0.8);
    expect(store.getState().record!.changes.at(-1)!.env).toEqual({
      successRate: 0.8,
      rewardSchedule: [1, 0, 0],
    });
    const note = screen.getByRole('status', { name: 'Experiment check' });
    expect(note.textContent).toContain('80 % of the time');
    expect(note.textContent).toContain('The optimal action changes in 5 states:');
    expect(
      within(note)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'state 0: ← → ↓',
      'state 2: ↑ → ↓',
      'state 6: ←→ → ↓',
      'state 8: ↑ → →',
      'state 14: ↓ → →',
    ]);
    expect(
      screen.getByRole('button', { name: 'Sure-footed ice' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('says so when the optimal policy does not change, and goes back to Gymnasium’s', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<RewardExperiments />);
    await user.click(screen.getByRole('button', { name: 'Holes hurt' }));
    expect(store.getState().settings.rewardSchedule).toEqual([1, -1, 0]);
    expect(screen.getByRole('status', { name: 'Experiment check' }).textContent).toContain(
      'The optimal policy is the same as with Gymnasium’s rewards and ice.',
    );
    await user.click(screen.getByRole('button', { name: 'Back to Gymnasium’s rewards and ice' }));
    expect(store.getState().settings.rewardSchedule).toEqual([1, 0, 0]);
    expect(store.getState().settings.successRate).toBe(1 / 3);
    expect(screen.getByRole('status', { name: 'Experiment check' }).textContent).toBe('');
  });
});
