// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DrivePanel } from '../../src/components/dock/editor/DrivePanel';
import { useLabStore } from '../../src/components/shell/lab-context';
import { useShortcuts } from '../../src/components/shell/useShortcuts';
import { createDrive, driveStep } from '../../src/rl/drive';
import { createEnv } from '../../src/rl/env';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

const noop = () => {};

/** The panel with the page's global shortcuts listening, as in the app. */
function WithShortcuts() {
  useShortcuts(useLabStore(), noop, noop);
  return <DrivePanel />;
}

const panel = () => screen.getByRole('region', { name: 'Drive it yourself' });
const ice = () => within(panel()).getByRole('group', { name: 'Drive with the arrow keys' });
const counter = () => within(panel()).getByRole('status');
/** The exact number of an update row (its `data-value`), found by the row's label. */
const value = (label: RegExp) =>
  Number(within(panel()).getByRole('row', { name: label }).querySelector('td')!.dataset.value);

describe('DrivePanel', () => {
  it('arrow keys in the panel drive the agent, not the lab’s Step shortcut', async () => {
    const { store, worker } = renderWithLab(<WithShortcuts />);
    const user = userEvent.setup();
    expect(counter().textContent).toMatch(/^Steps driven 0, at state 0 \(row 1, column 1\)/);
    await user.click(ice());
    await user.keyboard('{ArrowRight}');
    expect(counter().textContent).toMatch(/^Steps driven 1,/);
    expect(within(panel()).getByText(/^Intended/).textContent).toMatch(/Intended Right, actual/);
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    expect(counter().textContent).toMatch(/^Steps driven [23],/);
    // The run was never stepped: no step command reached the worker.
    expect(worker.sent.some((c) => c.type === 'step')).toBe(false);
    expect(store.getState().totalSteps).toBe(0);
  });

  it('outside the panel → still steps the run', async () => {
    const { worker } = renderWithLab(<WithShortcuts />);
    const user = userEvent.setup();
    document.body.focus();
    await user.keyboard('{ArrowRight}');
    expect(worker.sent.some((c) => c.type === 'step')).toBe(true);
  });

  it('shows the update the core computes, on a copy of the agent’s Q seeded by the run', async () => {
    const { store } = renderWithLab(<DrivePanel />);
    const user = userEvent.setup();
    await user.click(within(panel()).getByRole('button', { name: /Down/ }));
    // The same step by the core: the lesson's 4x4, Q all zeros, generator seeded with seed 0.
    const env = createEnv({ map: '4x4' });
    const expected = driveStep(createDrive(env, new Float64Array(64), 0), 1, 0.1, 0.99);
    expect(value(/^Q\(s,a\) before/)).toBe(expected.qBefore);
    expect(value(/^TD target/)).toBe(expected.tdTarget);
    expect(value(/^TD error/)).toBe(expected.tdError);
    expect(value(/^Q\(s,a\) after/)).toBe(expected.qAfter);
    expect(within(panel()).getByText(/^Intended/).textContent).toContain(
      `actual ${['Left', 'Down', 'Right', 'Up'][expected.actual]}`,
    );
    expect(counter().textContent).toContain(`at state ${expected.nextState}`);
    // Nothing was sent to the trained agent.
    expect(store.getState().totalSteps).toBe(0);
  });

  it('TD error = TD target − Q before and Q after = Q before + α·TD error, on a trained Q', async () => {
    const { store } = renderWithLab(<DrivePanel />);
    act(() => {
      for (let i = 0; i < 40; i++) store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    const qBefore = Float64Array.from(store.getState().snapshot!.q);
    const user = userEvent.setup();
    await user.click(ice());
    await user.keyboard('{ArrowRight}');
    const before = value(/^Q\(s,a\) before/);
    expect(value(/^TD error/)).toBe(value(/^TD target/) - before);
    expect(value(/^α·TD error/)).toBe(value(/^Q\(s,a\) after/) - before);
    expect(counter().textContent).toContain(
      `Q copied from the agent at step ${store.getState().snapshot!.totalSteps.toLocaleString('en-US')}`,
    );
    // The agent's own Q is untouched (a sandbox).
    expect([...store.getState().snapshot!.q]).toEqual([...qBefore]);
  });

  it('Reset drive starts again from S at step 0; a finished episode asks for it', async () => {
    renderWithLab(<DrivePanel />, {
      settings: {
        ...lessonSettings(),
        map: ['SH', 'FG'],
        isSlippery: false,
        maxSteps: 100,
      },
      mapName: 'custom',
    });
    const user = userEvent.setup();
    const reset = within(panel()).getByRole('button', { name: 'Reset drive' });
    expect((reset as HTMLButtonElement).disabled).toBe(true);
    await user.click(ice());
    await user.keyboard('{ArrowRight}');
    expect(within(panel()).getByText(/^Intended/).textContent).toContain(
      'Fell in a hole: the episode is over.',
    );
    await user.keyboard('{ArrowDown}');
    expect(within(panel()).getByText(/press Reset drive/)).toBeTruthy();
    expect(counter().textContent).toMatch(/^Steps driven 1, at state 1/);
    await user.click(reset);
    expect(counter().textContent).toMatch(/^Steps driven 0, at state 0/);
    await user.click(ice());
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(within(panel()).getByText(/^Intended/).textContent).toContain('Reached the goal');
  });

  it('gives the hole risk of each action here, and the sentence on the wrong way', () => {
    renderWithLab(<DrivePanel />);
    // At the start of 4x4: Left and Up stay or slide along the top and left; none reaches a hole.
    expect(within(panel()).getByText(/chance the next step ends in a hole/).textContent).toContain(
      'Left 0.000, Down 0.000, Right 0.000, Up 0.000',
    );
    expect(within(panel()).getByText(/seems to go the wrong way/).textContent).toContain('state 4');
  });
});
