import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAW_BUDGET_MS, pendingDraws, queueDraw } from '../../src/components/hosts/draw-queue';

let frames: FrameRequestCallback[] = [];
const nextFrame = () => {
  const run = frames;
  frames = [];
  for (const f of run) f(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
});
afterEach(() => {
  while (pendingDraws() > 0) nextFrame();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('queueDraw', () => {
  it('runs queued draws in order within one frame while they are quick', () => {
    const done: number[] = [];
    for (let i = 0; i < 5; i++) queueDraw({}, () => done.push(i));
    expect(done).toEqual([]);
    nextFrame();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(pendingDraws()).toBe(0);
  });

  it('leaves the rest for the next frame once a frame has spent its budget', () => {
    const done: number[] = [];
    // Each draw takes 3 ms of the (fake) clock: two fit in the budget, the second crosses it.
    for (let i = 0; i < 5; i++)
      queueDraw({}, () => {
        done.push(i);
        vi.advanceTimersByTime(3);
      });
    nextFrame();
    expect(done).toEqual([0, 1]);
    expect(3 * done.length).toBeGreaterThanOrEqual(DRAW_BUDGET_MS);
    nextFrame();
    expect(done).toEqual([0, 1, 2, 3]);
    nextFrame();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(frames).toHaveLength(0);
  });

  it('a key queued again keeps its place and runs its latest draw; a cancelled draw never runs', () => {
    const done: string[] = [];
    const a = {};
    const b = {};
    queueDraw(a, () => done.push('a1'));
    queueDraw(b, () => done.push('b'));
    queueDraw(a, () => done.push('a2'));
    const cancel = queueDraw({}, () => done.push('never'));
    cancel();
    nextFrame();
    expect(done).toEqual(['a2', 'b']);
  });
});
