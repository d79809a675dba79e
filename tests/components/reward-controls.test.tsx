// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RewardControls } from '../../src/components/board/RewardControls';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('RewardControls', () => {
  it('shows Gymnasium’s rewards and success rate, each field named', () => {
    renderWithLab(<RewardControls />);
    const form = screen.getByRole('form', { name: 'Rewards and ice, live' });
    const value = (name: string) =>
      (within(form).getByRole('textbox', { name }) as HTMLInputElement).value;
    expect(value('Reward for the goal')).toBe('1');
    expect(value('Reward for a hole')).toBe('0');
    expect(value('Reward for a frozen tile')).toBe('0');
    expect(value('Success rate of a move')).toBe('1/3');
  });

  it('Set makes a step cost act from the next step, recorded, Q kept', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<RewardControls />);
    store.getState().step();
    const frozen = screen.getByRole('textbox', { name: 'Reward for a frozen tile' });
    await user.clear(frozen);
    await user.type(frozen, '-0.01');
    await user.click(screen.getByRole('button', { name: 'Set rewards and ice' }));
    expect(store.getState().settings.rewardSchedule).toEqual([1, 0, -0.01]);
    expect(store.getState().record!.changes.at(-1)).toEqual({
      atStep: 1,
      params: {},
      env: { rewardSchedule: [1, 0, -0.01], successRate: 1 / 3 },
    });
    expect(screen.getByRole('status').textContent).toBe(
      'From the next step: rewards 1, 0, -0.01, success rate 1/3; Q is kept.',
    );
  });

  it('a bad value is named beside its field and changes nothing', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<RewardControls />);
    const hole = screen.getByRole('textbox', { name: 'Reward for a hole' });
    await user.clear(hole);
    await user.type(hole, '-1000');
    const rate = screen.getByRole('textbox', { name: 'Success rate of a move' });
    await user.clear(rate);
    await user.type(rate, '2');
    await user.keyboard('{Enter}');
    expect(hole.getAttribute('aria-invalid')).toBe('true');
    expect(hole.getAttribute('aria-describedby')).toContain('error');
    expect(screen.getByText('Reward for a hole must be from -100 to 100; got -1000.')).toBeTruthy();
    expect(screen.getByText('Success rate of a move must be from 0 to 1; got 2.')).toBeTruthy();
    expect(store.getState().settings.rewardSchedule).toBeUndefined();
    expect(store.getState().record!.changes).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Nothing changed: fix the values marked.');
  });
});
