// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FramesGallery } from '../../src/components/dock/frames/FramesGallery';
import type { LabStore } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const thumbs = () => within(screen.getByRole('list', { name: 'Gallery' })).queryAllByRole('button');

/** One episode through the real trainer: the frame of episode 0 arrives with its snapshot. */
function firstFrame(store: LabStore) {
  act(() => {
    store.getState().stepEpisode();
    store.getState().snapshotDrawn();
  });
}

/** Appends a copy of the last frame as episode `episode`, as a snapshot mid-run would. */
function addFrame(store: LabStore, episode: number) {
  const frames = store.getState().frames;
  act(() => store.setState({ frames: [...frames, { ...frames[frames.length - 1]!, episode }] }));
}

describe('FramesGallery', () => {
  it('builds its large frame on the untrained table before any frame arrives', () => {
    renderWithLab(<FramesGallery />);
    wait(20);
    const big = document.querySelector('.frame-big')!;
    expect(big.querySelectorAll('[data-state]')).toHaveLength(16);
    expect(big.closest('[hidden]')).not.toBeNull();
  });

  it('takes new frames every second, and every 3 s while training runs at full speed', () => {
    const { store } = renderWithLab(<FramesGallery />);
    firstFrame(store);
    wait(1100);
    expect(thumbs()).toHaveLength(1);

    // At a narrated speed: new frames within a second.
    act(() => store.setState({ running: true, speed: 20 }));
    addFrame(store, 1000);
    wait(1100);
    expect(thumbs()).toHaveLength(2);
    addFrame(store, 1500);
    wait(1100);
    expect(thumbs()).toHaveLength(3);

    // At full speed: the next only 3 s after the last one taken.
    act(() => store.setState({ speed: 'max' }));
    wait(3100);
    addFrame(store, 2000);
    expect(thumbs()).toHaveLength(4);
    addFrame(store, 3000);
    wait(1100);
    expect(thumbs()).toHaveLength(4);
    wait(1100);
    expect(thumbs()).toHaveLength(4);
    wait(1000);
    expect(thumbs()).toHaveLength(5);

    // The run stops: the latest frames at once.
    addFrame(store, 4000);
    act(() => store.setState({ running: false }));
    expect(thumbs()).toHaveLength(6);
  });

  it('captions the large frame with one sentence: episode, ε and the greedy success', () => {
    const { store } = renderWithLab(<FramesGallery />);
    firstFrame(store);
    wait(1100);
    const frame = store.getState().frames[0]!;
    const caption = document.querySelector('.frame-caption')!;
    // One paragraph, no element inside that could break it into a column of words.
    expect(caption.tagName).toBe('P');
    expect(caption.children).toHaveLength(0);
    expect(caption.textContent!.replace(/\s+/g, ' ')).toBe(
      `Episode 0 · ε ${frame.epsilon.toFixed(3)} · greedy policy reaches the goal with probability ` +
        frame.successProbability.toFixed(3),
    );
  });
});
