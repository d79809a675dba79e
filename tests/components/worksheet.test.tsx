// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Worksheet } from '../../src/components/worksheet/Worksheet';
import { createWorksheetStore } from '../../src/store/worksheet-store';

afterEach(cleanup);

const attempt = {
  puzzle: 2,
  title: 'Learn it in time',
  settings: { gamma: 0.9 },
  solved: true,
  result: 'Solved: 0.74',
};

describe('the worksheet panel', () => {
  it('"Start a new worksheet" asks first; No keeps it, Yes empties it; focus follows', async () => {
    const user = userEvent.setup();
    const store = createWorksheetStore();
    act(() => store.getState().recordAttempt(attempt));
    render(<Worksheet worksheet={store} />);
    expect(screen.getByText(/kept in this browser across reloads/i)).toBeTruthy();
    const panel = () => screen.getByRole('region');
    expect(panel().textContent).toContain('Learn it in time');

    await user.click(screen.getByRole('button', { name: 'Start a new worksheet' }));
    expect(screen.getByRole('group', { name: 'Start a new worksheet?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'No, keep it' }));
    await user.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(store.getState().attempts).toEqual([attempt]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Start a new worksheet' }),
    );

    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Yes, empty it' }));
    expect(store.getState().attempts).toEqual([]);
    expect(panel().textContent).toContain('No puzzle tried yet.');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Start a new worksheet' }),
    );
  });

  it("the teacher's key has no start-over button and no storage line", () => {
    render(<Worksheet kind="key" worksheet={createWorksheetStore()} />);
    expect(screen.queryByRole('button', { name: 'Start a new worksheet' })).toBeNull();
    expect(screen.queryByText(/kept in this browser/i)).toBeNull();
  });
});
