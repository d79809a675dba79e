/**
 * The run's history for the learning curves: every finished episode the snapshots report, folded
 * into a bounded number of episode buckets (`episode-buckets.ts`), plus ε at every episode's end
 * (`epsilon-ends.ts`) and the exact success probability of the greedy policy at each of its
 * evaluations. Pure: no DOM, no store, no D3.
 *
 * Point series (ε, greedy evaluations) keep at most `maxPoints` points, evenly spread over the
 * episodes: when full, the episode spacing between kept points doubles (`point-series.ts`); the
 * first and the latest point always remain.
 */
import { createEpisodeBuckets } from './episode-buckets';
import { pushEpsilonAtEpisodeEnds, type EpsilonAnchor } from './epsilon-ends';
import { createPointSeries } from './point-series';
import {
  DEFAULT_MAX_BUCKETS,
  DEFAULT_MAX_POINTS,
  DEFAULT_WINDOW_EPISODES,
  type EpisodeBucket,
  type HistorySnapshot,
  type RunHistory,
  type RunHistoryOptions,
} from './types';

/** Creates an empty history. */
export function createRunHistory(options: RunHistoryOptions = {}): RunHistory {
  const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
  const windowSize = options.window ?? DEFAULT_WINDOW_EPISODES;
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
  if (!(Number.isInteger(maxBuckets) && maxBuckets >= 2 && maxBuckets % 2 === 0))
    throw new RangeError(`maxBuckets must be an even integer ≥ 2, got ${maxBuckets}.`);
  if (!(Number.isInteger(windowSize) && windowSize >= 1))
    throw new RangeError(`window must be an integer ≥ 1, got ${windowSize}.`);
  if (!(Number.isInteger(maxPoints) && maxPoints >= 4 && maxPoints % 2 === 0))
    throw new RangeError(`maxPoints must be an even integer ≥ 4, got ${maxPoints}.`);

  const buckets = createEpisodeBuckets(maxBuckets, windowSize);
  const epsilonPoints = createPointSeries(maxPoints);
  const greedyPoints = createPointSeries(maxPoints);

  /** Episodes finished (recorded or dropped): the next episode expected. */
  let next = 0;
  let dropped = 0;
  let runId = -Infinity;
  let seq = -Infinity;
  /** The previous snapshot's step count and ε, where the ε schedule is continued from. */
  let anchor: EpsilonAnchor | null = null;
  let version = 0;
  let cached: { version: number; buckets: EpisodeBucket[] } | null = null;

  function clear(): void {
    buckets.clear();
    epsilonPoints.clear();
    greedyPoints.clear();
    next = dropped = 0;
    runId = seq = -Infinity;
    anchor = null;
    cached = null;
  }

  /** Counts the episodes before episode count `count` that never reached the history as dropped. */
  function dropUntil(count: number): void {
    dropped += count - next;
    buckets.reach(count - 1);
    next = count;
  }

  /**
   * Records the batch's episodes not seen yet; returns the batch index of the first new one (the
   * batch's length when none is new).
   */
  function ingestEpisodes(batch: HistorySnapshot['episodes']): number {
    const n = batch.reachedGoal.length;
    const end = batch.first + n;
    // Already recorded (a repeated or out-of-order batch): nothing new.
    if (end <= next) return n;
    // Episodes between what we have and the batch never reached us: count them as dropped.
    // (Equals `batch.dropped` when every earlier snapshot was ingested.)
    if (batch.first > next) dropUntil(batch.first);
    const from = next - batch.first;
    for (let i = from; i < n; i++) {
      // The return is 1 exactly when the goal was reached (FrozenLake's only reward).
      buckets.record(batch.first + i, batch.lengths[i]!, batch.reachedGoal[i]! !== 0);
    }
    next = end;
    return from;
  }

  return {
    get version() {
      return version;
    },
    get bucketWidth() {
      return buckets.width;
    },
    window: windowSize,

    ingest(snapshot) {
      if (snapshot.runId < runId) return;
      if (snapshot.runId > runId) {
        // A newer run (Reset, new settings) starts over, even before the store calls reset().
        if (runId !== -Infinity) clear();
        runId = snapshot.runId;
      } else if (snapshot.seq <= seq) {
        return;
      }
      seq = snapshot.seq;
      const from = ingestEpisodes(snapshot.episodes);
      let changed = from < snapshot.episodes.lengths.length;
      changed = pushEpsilonAtEpisodeEnds(epsilonPoints, snapshot, from, anchor) || changed;
      anchor = { steps: snapshot.totalSteps, epsilon: snapshot.epsilon };
      if (snapshot.episode > next) {
        // The snapshot says more episodes finished than its batch covered: lost to us.
        dropUntil(snapshot.episode);
        changed = true;
      }
      // A snapshot mid-episode only fills in when the episode ends did not give this count a
      // value (the run's start, or after a gap).
      changed = epsilonPoints.push(snapshot.episode, snapshot.epsilon, false) || changed;
      const ev = snapshot.evaluation;
      changed = greedyPoints.push(ev.episode, ev.successProbability) || changed;
      if (changed) version++;
    },

    reset() {
      clear();
      version++;
    },

    buckets() {
      if (cached?.version === version) return cached.buckets;
      cached = { version, buckets: buckets.list(next) };
      return cached.buckets;
    },

    epsilon: () => epsilonPoints.points(),
    greedy: () => greedyPoints.points(),

    totals: () => {
      const { recorded, successes, totalLength, movingCount, movingGoals } = buckets;
      return {
        episodes: next,
        recorded,
        dropped,
        successes,
        successRate: recorded > 0 ? successes / recorded : NaN,
        meanLength: recorded > 0 ? totalLength / recorded : NaN,
        movingSuccessRate: movingCount > 0 ? movingGoals / movingCount : NaN,
        movingCount,
      };
    },
  };
}
