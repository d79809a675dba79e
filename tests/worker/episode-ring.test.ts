import { describe, expect, it } from 'vitest';
import { createAgent, EPISODE_LOG_CAPACITY, type QAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { createEpisodeRing, STATS_WINDOW_EPISODES } from '../../src/worker/episode-ring';

/** An agent whose log says episodes 0…n−1 lasted 10 + e steps, returned e/10, and every third reached G. */
function agentWithEpisodes(n: number): QAgent {
  const agent = createAgent(createEnv(), {}, 0);
  for (let e = 0; e < n; e++) {
    const slot = e & (EPISODE_LOG_CAPACITY - 1);
    agent.log.lengths[slot] = 10 + e;
    agent.log.returns[slot] = e / 10;
    agent.log.reachedGoal[slot] = e % 3 === 0 ? 1 : 0;
  }
  agent.episode = n;
  return agent;
}

describe('the episode ring’s batches', () => {
  it('a batch holds the episodes since the last one, in order, then counts them as sent', () => {
    const ring = createEpisodeRing(8);
    ring.drain(agentWithEpisodes(3));
    const transfer: Transferable[] = [];
    const batch = ring.batch(transfer);
    expect(batch.first).toBe(0);
    expect(batch.dropped).toBe(0);
    expect(Array.from(batch.lengths)).toEqual([10, 11, 12]);
    expect(Array.from(batch.returns)).toEqual([0, 0.1, 0.2]);
    expect(Array.from(batch.reachedGoal)).toEqual([1, 0, 0]);
    expect(transfer).toEqual([
      batch.returns.buffer,
      batch.lengths.buffer,
      batch.reachedGoal.buffer,
    ]);
    const empty = ring.batch([]);
    expect([empty.first, empty.lengths.length, empty.dropped]).toEqual([3, 0, 0]);
  });

  it('a page that lagged more than the ring holds gets the newest episodes and the count dropped', () => {
    const ring = createEpisodeRing(4);
    ring.drain(agentWithEpisodes(6));
    const batch = ring.batch([]);
    // Ring of 4, 6 episodes unsent: episodes 2–5 are kept, 0 and 1 were overwritten.
    expect(batch.first).toBe(2);
    expect(batch.dropped).toBe(2);
    expect(Array.from(batch.lengths)).toEqual([12, 13, 14, 15]);
    expect(Array.from(batch.reachedGoal)).toEqual([0, 1, 0, 0]);
  });

  it('drains only the episodes that ended since the last drain', () => {
    const ring = createEpisodeRing(8);
    const agent = agentWithEpisodes(2);
    ring.drain(agent);
    expect(ring.batch([]).first).toBe(0);
    agent.episode = 4;
    agent.log.lengths.set([50, 51, 52, 53]); // episodes 0 and 1 rewritten: not read again
    ring.drain(agent);
    const batch = ring.batch([]);
    expect([batch.first, ...batch.lengths]).toEqual([2, 52, 53]);
    expect(ring.stats().successes).toBe(1); // episode 0 only: 2 and 3 did not reach G
  });

  it('refuses a gap longer than the agent’s log (episodes it could not read)', () => {
    const ring = createEpisodeRing(8);
    ring.drain(agentWithEpisodes(2));
    // 2 read, then 4,099 done: 4,097 ended since, one more than the log holds.
    expect(() => ring.drain(agentWithEpisodes(EPISODE_LOG_CAPACITY + 3))).toThrow(
      `Internal: ${EPISODE_LOG_CAPACITY + 1} episodes ended between two reads of the log.`,
    );
    ring.drain(agentWithEpisodes(EPISODE_LOG_CAPACITY + 2));
  });

  it('the statistics cover the last 100 episodes only; successes count them all', () => {
    const n = STATS_WINDOW_EPISODES + 50;
    // A ring of 128 that has wrapped: slot 150 mod 128 = 22 still holds episode 22, outside the window.
    const ring = createEpisodeRing(128);
    ring.drain(agentWithEpisodes(n));
    const stats = ring.stats();
    // Episodes 50–149: lengths 60…159 (mean 109.5); goals at e ≡ 0 (mod 3): 51, 54, …, 147 → 33.
    expect(stats.window).toBe(100);
    expect(stats.recentMeanLength).toBe(109.5);
    expect(stats.recentSuccessRate).toBe(0.33);
    expect(stats.successes).toBe(50);
    // Their lengths 61, 64, …, 157: mean (61 + 157)/2 = 109.
    expect(stats.recentMeanStepsToGoal).toBe(109);
  });

  it('before any episode: window 0 and NaN means', () => {
    const stats = createEpisodeRing(8).stats();
    expect(stats).toEqual({
      successes: 0,
      recentSuccessRate: NaN,
      recentMeanLength: NaN,
      recentMeanStepsToGoal: NaN,
      window: 0,
    });
  });
});
