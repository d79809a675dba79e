// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyLinkButton } from '../../src/components/shell/UrlSync';
import {
  startUrlSync,
  URL_SYNC_DELAY_MS,
  type UrlSyncTarget,
} from '../../src/components/shell/url-sync';
import { generateRandomMap } from '../../src/rl/maps';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** A window whose history only records what was written. */
function fakeWindow(href: string): UrlSyncTarget & { writes: string[] } {
  const writes: string[] = [];
  const target = {
    writes,
    location: { href },
    history: {
      state: null,
      replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
        writes.push(String(url));
        target.location.href = String(url);
      },
    },
  };
  return target;
}

describe('startUrlSync', () => {
  it('writes the lab into the address once changes settle, one write for a burst', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<></>);
    const win = fakeWindow('http://lab.test/ice/?foo=1#top');
    const stop = startUrlSync(store, win);
    act(() => {
      store.getState().setParams({ alpha: 0.2 });
      store.getState().setParams({ alpha: 0.3 });
      store.getState().setView('q');
    });
    vi.advanceTimersByTime(URL_SYNC_DELAY_MS - 1);
    expect(win.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    // Unknown parameters are dropped; the path and the hash stay.
    expect(win.writes).toEqual(['http://lab.test/ice/?alpha=0.3&view=q#top']);
    stop();
  });

  it('writes nothing when the address already says it, and nothing after stop', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<></>);
    const win = fakeWindow('http://lab.test/?view=q');
    const stop = startUrlSync(store, win);
    act(() => store.getState().setView('q'));
    vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
    expect(win.writes).toEqual([]);
    act(() => store.getState().setView('a'));
    stop();
    vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
    expect(win.writes).toEqual([]);
  });

  it('a page that may not rewrite its address keeps working', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<></>);
    const win = fakeWindow('file:///lab/index.html');
    win.history.replaceState = () => {
      throw new DOMException('refused', 'SecurityError');
    };
    startUrlSync(store, win);
    act(() => store.getState().setView('q'));
    expect(() => vi.advanceTimersByTime(URL_SYNC_DELAY_MS)).not.toThrow();
    expect(store.getState().view).toBe('q');
  });

  it('snapshots alone write nothing', () => {
    vi.useFakeTimers();
    const { store } = renderWithLab(<></>);
    const win = fakeWindow('http://lab.test/');
    startUrlSync(store, win);
    for (let i = 0; i < 10; i++)
      act(() => {
        store.getState().step();
        store.getState().snapshotDrawn();
      });
    vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
    expect(win.writes).toEqual([]);
  });

  it('a new run on another map writes the map; a random link stays short while its rows stay', () => {
    vi.useFakeTimers();
    const rows = generateRandomMap(5, 0.9, 3);
    const { store } = renderWithLab(<></>, {
      settings: { ...lessonSettings(), map: rows, maxSteps: 200 },
      mapName: 'custom',
    });
    const win = fakeWindow('http://lab.test/?map=random:5:0.9:3');
    startUrlSync(store, win);
    act(() => store.getState().setParams({ gamma: 0.5 }));
    vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
    expect(win.writes.at(-1)).toBe('http://lab.test/?map=random:5:0.9:3&gamma=0.5');
    act(() => store.getState().applySettings(lessonSettings('8x8'), '8x8'));
    vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
    expect(win.writes.at(-1)).toBe('http://lab.test/?map=8x8');
  });
});

describe('CopyLinkButton', () => {
  it('copies the lab’s link and says "Link copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const user = userEvent.setup();
    // userEvent installs its own clipboard; put ours over it.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    window.history.replaceState(null, '', '/?seed=2');
    const { store } = renderWithLab(<CopyLinkButton />);
    act(() => store.getState().setView('a'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    // Computed from the store, so the view changed a moment ago is in it.
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/?view=a`);
    expect(screen.getByRole('status').textContent).toBe('Link copied');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('without a clipboard, shows the link selected in a read-only field', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    renderWithLab(<CopyLinkButton />, { settings: lessonSettings('8x8'), mapName: '8x8' });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = screen.getByRole('textbox', { name: 'Link to this lab' }) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe(`${window.location.origin}/?map=8x8`);
    expect(document.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(screen.getByRole('status').textContent).toMatch(/copy it with Ctrl\+C/);
  });

  it('when the clipboard refuses, falls back the same way', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.reject(new Error('NotAllowedError')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithLab(<CopyLinkButton />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Link to this lab' })).toBeTruthy();
  });
});
