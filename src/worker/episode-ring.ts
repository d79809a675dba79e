/**
 * The finished episodes of a run, between the agent's own log and the page's snapshots.
 *
 * After every `runSteps` call the new entries of the agent's episode log are copied into this
 * ring of `capacity` episodes (every call passes `maxEpisodes` ≤ `EPISODE_LOG_CAPACITY`, so none
 * is overwritten unread); episode e sits at e mod capacity. A snapshot carries the episodes since
 * the previous snapshot; only a page that lagged more than `capacity` episodes behind sees
 * `dropped > 0`. The running statistics average over the last `STATS_WINDOW_EPISODES` of it.
 */
import { EPISODE_LOG_CAPACITY, type QAgent } from '../rl/agent';
import type { EpisodeBatch, RunStats } from './protocol';

/** Finished episodes kept for the next snapshot's batch (a power of two). */
export const PENDING_EPISODES_CAPACITY = 1 << 16;
/** Finished episodes the running statistics average over. */
export const STATS_WINDOW_EPISODES = 100;

/** The run's statistics that come from its episodes (all of `RunStats` but the speed). */
export type EpisodeStats = Omit<RunStats, 'stepsPerSecond'>;

/** One run's ring of finished episodes. */
export interface EpisodeRing {
  /** Copies the episodes `agent` finished since the last call from its log. */
  drain(agent: QAgent): void;
  /**
   * The finished episodes not sent yet (the newest `capacity` of them), in fresh arrays whose
   * buffers are pushed onto `transfer`; they count as sent.
   */
  batch(transfer: Transferable[]): EpisodeBatch;
  /** Goals in all, and the success rate and lengths over the last `STATS_WINDOW_EPISODES`. */
  stats(): EpisodeStats;
}

/** An empty ring of `capacity` episodes (a power of two). */
export function createEpisodeRing(capacity = PENDING_EPISODES_CAPACITY): EpisodeRing {
  const mask = capacity - 1;
  const returns = new Float64Array(capacity);
  const lengths = new Int32Array(capacity);
  const goals = new Uint8Array(capacity);
  /** Episodes drained from the log, the first not sent yet, and the goals among all. */
  let end = 0;
  let sentUpTo = 0;
  let successes = 0;

  return {
    drain(agent) {
      const to = agent.episode;
      if (to - end > EPISODE_LOG_CAPACITY)
        throw new Error(`Internal: ${to - end} episodes ended between two reads of the log.`);
      const log = agent.log;
      for (let e = end; e < to; e++) {
        const from = e & (EPISODE_LOG_CAPACITY - 1);
        const j = e & mask;
        returns[j] = log.returns[from]!;
        lengths[j] = log.lengths[from]!;
        goals[j] = log.reachedGoal[from]!;
        successes += log.reachedGoal[from]!;
      }
      end = to;
    },

    batch(transfer) {
      const first = Math.max(sentUpTo, end - capacity);
      const n = end - first;
      const batch: EpisodeBatch = {
        first,
        returns: new Float64Array(n),
        lengths: new Int32Array(n),
        reachedGoal: new Uint8Array(n),
        dropped: first - sentUpTo,
      };
      for (let i = 0; i < n; i++) {
        const j = (first + i) & mask;
        batch.returns[i] = returns[j]!;
        batch.lengths[i] = lengths[j]!;
        batch.reachedGoal[i] = goals[j]!;
      }
      sentUpTo = end;
      transfer.push(batch.returns.buffer, batch.lengths.buffer, batch.reachedGoal.buffer);
      return batch;
    },

    stats() {
      const n = Math.min(STATS_WINDOW_EPISODES, end);
      let windowGoals = 0;
      let lengthSum = 0;
      let goalLengthSum = 0;
      for (let e = end - n; e < end; e++) {
        const j = e & mask;
        lengthSum += lengths[j]!;
        if (goals[j]) {
          windowGoals++;
          goalLengthSum += lengths[j]!;
        }
      }
      return {
        successes,
        recentSuccessRate: n > 0 ? windowGoals / n : NaN,
        recentMeanLength: n > 0 ? lengthSum / n : NaN,
        recentMeanStepsToGoal: windowGoals > 0 ? goalLengthSum / windowGoals : NaN,
        window: n,
      };
    },
  };
}
