// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { noticeListCode, Notices } from '../../src/components/shell/Notices';
import { renderWithLab } from './lab-fixture';

// The list's code loads with the first notice; here, before the tests.
beforeAll(() => noticeListCode.load());

afterEach(cleanup);

// What must stay true of the notices whatever their look: each one's text is shown, errors as
// alerts and the rest as statuses, and each can be dismissed on its own (the layout and the long
// notices' short form are tests/components/notices.test.tsx's).

/** The notice (alert or status) whose text contains `text`. */
function noticeWith(text: string): HTMLElement {
  const all = [...screen.queryAllByRole('alert'), ...screen.queryAllByRole('status')];
  const found = all.find((el) => el.textContent!.includes(text));
  if (!found) throw new Error(`no notice with "${text}"`);
  return found;
}

describe('Notices: every message shown, each dismissable', () => {
  it('shows nothing without a notice', () => {
    renderWithLab(<Notices />);
    expect(screen.queryByRole('list', { name: 'Messages' })).toBeNull();
  });

  it('shows each notice’s text: an error as an alert, information as a status', () => {
    const { store } = renderWithLab(<Notices />);
    act(() => {
      store.getState().notify('error', 'The link’s α = 7 was refused.');
      store.getState().notify('info', 'Saved ice-maze-4x4-seed0-episode0.csv.');
    });
    expect(noticeWith('The link’s α = 7 was refused.').getAttribute('role')).toBe('alert');
    expect(noticeWith('Saved ice-maze-4x4-seed0-episode0.csv.').getAttribute('role')).toBe(
      'status',
    );
    expect(
      within(screen.getByRole('list', { name: 'Messages' })).getAllByRole('listitem'),
    ).toHaveLength(2);
  });

  it('Dismiss removes that notice and leaves the others', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<Notices />);
    act(() => {
      store.getState().notify('error', 'First problem.');
      store.getState().notify('error', 'Second problem.');
    });
    await user.click(
      within(noticeWith('First problem.')).getByRole('button', { name: 'Dismiss message' }),
    );
    expect(store.getState().notices.map((n) => n.text)).toEqual(['Second problem.']);
    expect(screen.queryByText('First problem.')).toBeNull();
    expect(noticeWith('Second problem.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('list', { name: 'Messages' })).toBeNull();
  });

  it('a notice’s action button runs the action and dismisses the notice', async () => {
    const user = userEvent.setup();
    const run = vi.fn();
    const { store } = renderWithLab(<Notices />);
    act(() =>
      store.getState().notify('error', 'The worker stopped.', { label: 'Restart the worker', run }),
    );
    await user.click(
      within(noticeWith('The worker stopped.')).getByRole('button', {
        name: 'Restart the worker',
      }),
    );
    expect(run).toHaveBeenCalledTimes(1);
    expect(store.getState().notices).toEqual([]);
  });
});
