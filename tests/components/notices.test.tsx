// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import userEvent from '@testing-library/user-event';
import { noticeListCode, Notices } from '../../src/components/shell/Notices';
import { NOTICE_SHORT_CHARS, shortNotice } from '../../src/components/shell/notice-text';
import { MAX_NOTICE_CHARS } from '../../src/store/lab/notices-slice';
import { renderWithLab } from './lab-fixture';

// The list's code loads with the first notice; here, before the tests.
beforeAll(() => noticeListCode.load());

afterEach(cleanup);

describe('Notices', () => {
  it('is a list of list items, each holding its alert or status (axe: a list holds only items)', () => {
    const { store } = renderWithLab(<Notices />);
    act(() => {
      store.getState().notify('error', 'The link was refused.');
      store.getState().notify('info', 'Saved.');
    });
    const list = screen.getByRole('list', { name: 'Messages' });
    const items = [...list.children];
    expect(items.map((li) => [li.tagName, li.getAttribute('role')])).toEqual([
      ['LI', null],
      ['LI', null],
    ]);
    expect(screen.getByRole('alert').textContent).toContain('The link was refused.');
    expect(screen.getByRole('status').textContent).toContain('Saved.');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('a long notice', () => {
  const junk = `The link's hide= names ${Array.from({ length: 5000 }, (_, i) => `x${i}`).join(', ')}.`;

  it('shows a short form with a "Full text" button that expands it to the whole, still bounded, text', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<Notices />);
    act(() => store.getState().notify('error', junk));
    const alert = screen.getByRole('alert');
    const button = screen.getByRole('button', { name: 'Full text' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const short = alert.querySelector('.notice-text')!.textContent!;
    expect(short.length).toBeLessThanOrEqual(NOTICE_SHORT_CHARS);
    expect(short.endsWith('…')).toBe(true);
    expect(junk.startsWith(short.slice(0, -1))).toBe(true);

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const full = alert.querySelector('.notice-text')!.textContent!;
    expect(full).toBe(store.getState().notices[0]!.text);
    expect(full.length).toBeGreaterThan(short.length);
    expect(full.length).toBeLessThanOrEqual(MAX_NOTICE_CHARS);
    expect(document.getElementById(button.getAttribute('aria-controls')!)).toBe(
      alert.querySelector('.notice-text'),
    );

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(alert.querySelector('.notice-text')!.textContent).toBe(short);
  });

  it('a short notice is shown whole, with no expand button', () => {
    const { store } = renderWithLab(<Notices />);
    act(() => store.getState().notify('info', 'Saved.'));
    expect(screen.getByRole('status').textContent).toContain('Saved.');
    expect(screen.queryByRole('button', { name: 'Full text' })).toBeNull();
  });
});

describe('shortNotice', () => {
  it('is null up to the limit, and past it cuts at a word near the limit with an ellipsis', () => {
    expect(shortNotice('a'.repeat(NOTICE_SHORT_CHARS))).toBeNull();
    const words = 'word '.repeat(100);
    const short = shortNotice(words)!;
    expect(short.length).toBeLessThanOrEqual(NOTICE_SHORT_CHARS);
    expect(short).toMatch(/word…$/);
    // No space near the cut: cut mid-word, still within the limit.
    expect(shortNotice('x'.repeat(500))).toBe(`${'x'.repeat(NOTICE_SHORT_CHARS - 1)}…`);
  });
});

describe('a replay under way', () => {
  it('shows "Replaying, N %" with a progress bar and a Cancel button that asks the worker to drop it', async () => {
    const user = userEvent.setup();
    const { store, worker } = renderWithLab(<Notices />);
    act(() => store.setState({ replaying: { steps: 4_210_000, totalSteps: 10_000_000 } }));
    expect(screen.getByRole('status').textContent).toBe('Replaying, 42 %');
    expect(screen.getByRole('progressbar', { name: 'Replay of the imported run' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.sent.at(-1)).toEqual({ type: 'cancel-replay' });
    act(() => store.setState({ replaying: null }));
    expect(screen.queryByRole('list', { name: 'Messages' })).toBeNull();
  });
});
