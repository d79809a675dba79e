// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PredictionCheckpoint } from '../../src/components/lesson/PredictionCheckpoint';
import { PREDICTIONS } from '../../src/components/lesson/predictions';
import { LabProvider } from '../../src/components/shell/lab-context';
import { createWorksheetStore } from '../../src/store/worksheet-store';
import type { Lab } from './lab-fixture';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

/** Trains the worker until the run on screen has finished its budget. */
function trainToEnd({ store, worker }: Pick<Lab, 'store' | 'worker'>) {
  for (let i = 0; i < 10_000 && !store.getState().finished; i++)
    act(() => {
      worker.endpoint.advance(20);
      store.getState().snapshotDrawn();
    });
  expect(store.getState().finished).toBe(true);
}

describe('PredictionCheckpoint', () => {
  it('locks the guess, runs, and reveals it wrong with the run’s numbers; the guess stays locked', async () => {
    const worksheet = createWorksheetStore();
    const prediction = PREDICTIONS['state-4'];
    const lab = renderWithLab(<span />);
    render(
      <LabProvider store={lab.store}>
        <PredictionCheckpoint store={lab.store} prediction={prediction} worksheet={worksheet} />
      </LabProvider>,
    );
    const user = userEvent.setup();
    // Asked on request: only the heading and the button until then.
    expect(screen.queryByRole('radio')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Make a prediction' }));
    // Nothing chosen: the lock is refused with a reason, nothing is kept.
    await user.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect(screen.getByRole('status').textContent).toBe('Choose an answer first.');
    expect(worksheet.getState().predictions).toEqual([]);

    await user.click(screen.getByRole('radio', { name: '↓ Down' }));
    await user.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect(screen.getByRole('status').textContent).toBe(
      'Locked in: ↓ Down. It cannot be changed now.',
    );
    expect(screen.getByRole('radio', { name: '← Left' }).matches(':disabled')).toBe(true);
    expect(worksheet.getState().predictions[0]).toMatchObject({ value: '1', correct: null });

    await user.click(screen.getByRole('button', { name: 'Run it and reveal' }));
    expect(lab.store.getState().speed).toBe('max');
    trainToEnd(lab);
    const status = screen.getByRole('status').textContent ?? '';
    expect(status).toMatch(/^Not this time: you said Down; after 10,000 episodes/);
    expect(status).toMatch(/greedy action at state 4 \(row 2, column 1\) is Left/);
    expect(worksheet.getState().predictions[0]!.correct).toBe(false);
    // Still locked after the reveal: no radio can be chosen and there is nothing to press.
    expect((screen.getByRole('radio', { name: '↓ Down' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('radio', { name: '← Left' }).matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a number guess out of range is refused with the shared parser’s words; a right one is revealed right', async () => {
    const worksheet = createWorksheetStore();
    const prediction = PREDICTIONS['gamma-half'];
    const { store, worker } = renderWithLab(<span />);
    render(
      <LabProvider store={store}>
        <PredictionCheckpoint store={store} prediction={prediction} worksheet={worksheet} />
      </LabProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Make a prediction' }));
    const input = screen.getByRole('textbox', { name: 'Your guess' });
    await user.type(input, '1.5');
    await user.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect(screen.getByRole('status').textContent).toMatch(/^Your guess must be from 0 to 1/);
    await user.clear(input);
    await user.type(input, '0.1');
    await user.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect((input as HTMLInputElement).readOnly).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Run it and reveal' }));
    trainToEnd({ store, worker });
    expect(store.getState().settings.params.gamma).toBe(0.5);
    expect(screen.getByRole('status').textContent).toMatch(
      /^Right: you said 0\.1; with γ = 0\.5 the agent’s greedy policy reaches the goal with probability 0\.0795/,
    );
  });
});
