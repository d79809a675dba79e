import { describe, expect, it } from 'vitest';
import { createAgent, type QAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import {
  createFrameQueue,
  episodesToFrame,
  MAX_FRAMES_PER_SNAPSHOT,
} from '../../src/worker/frames';

/** The agent as it stands after `episodes` episodes (only the count matters to the queue). */
function after(agent: QAgent, episodes: number): QAgent {
  agent.episode = episodes;
  return agent;
}

describe('episodesToFrame: how far the next frame’s episode is', () => {
  it('interval 1000: 1 from 0 (episode 0 is a frame), 1000 from 1, 2 from 999, 1 from 1000', () => {
    expect([0, 1, 999, 1000].map((e) => episodesToFrame(e, 1000))).toEqual([1, 1000, 2, 1]);
  });

  it('interval 5: from 3 episodes done, episodes 3, 4 and 5 (a frame): 3', () => {
    expect(episodesToFrame(3, 5)).toBe(3);
    expect(episodesToFrame(7, 5)).toBe(4);
  });
});

describe('the frame queue', () => {
  it('takes a frame for each multiple of the interval and for the Play’s last episode, once', () => {
    const env = createEnv();
    const agent = createAgent(env, {}, 0);
    const queue = createFrameQueue(1, env);
    const lastEpisode = 8;
    const taken = [1, 1, 2, 3, 4, 5, 8].map((n) => queue.capture(after(agent, n), 2, lastEpisode));
    // Episodes 0, 0 again, 1, 2, 3, 4, 7 (the Play's last): 0, 2, 4 and 7 are frames, 0 only once.
    expect(taken).toEqual([true, false, false, true, false, true, true]);
    const seen: [Float64Array, number][] = [];
    const frames = queue.take([], (q, episode) => {
      seen.push([q, episode]);
      return episode / 100;
    });
    expect(frames.map((f) => f.episode)).toEqual([0, 2, 4, 7]);
    // The exact success is asked for the frame's own Q, after its episode (e + 1 done).
    expect(seen.map(([, e]) => e)).toEqual([1, 3, 5, 8]);
    expect(frames.map((f) => f.successProbability)).toEqual([0.01, 0.03, 0.05, 0.08]);
    expect(frames.every((f, i) => f.q === seen[i]![0])).toBe(true);
    expect(queue.take([], () => 0)).toEqual([]);
  });

  it('holds at most 256 frames for a snapshot: the first, then the newest 255', () => {
    const env = createEnv();
    const agent = createAgent(env, {}, 0);
    const queue = createFrameQueue(1, env);
    for (let n = 1; n <= 300; n++) queue.capture(after(agent, n), 1, Infinity);
    const transfer: Transferable[] = [];
    const frames = queue.take(transfer, () => 0);
    expect(MAX_FRAMES_PER_SNAPSHOT).toBe(256);
    expect(frames.map((f) => f.episode)).toEqual([
      0,
      ...Array.from({ length: 255 }, (_, i) => 45 + i),
    ]);
    // Nine buffers a frame (Q, V, A, greedy sets; five of the trajectory), nothing else.
    expect(transfer).toHaveLength(256 * 9);
    expect(transfer.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('exactly 256 frames are all kept', () => {
    const env = createEnv();
    const agent = createAgent(env, {}, 0);
    const queue = createFrameQueue(1, env);
    for (let n = 1; n <= 256; n++) queue.capture(after(agent, n), 1, Infinity);
    const episodes = queue.take([], () => 0).map((f) => f.episode);
    expect(episodes).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });
});
