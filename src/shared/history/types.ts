/**
 * The shapes of a run's history for the learning curves: what it reads from a snapshot and what it
 * gives the charts (episode buckets, points by episode, totals). Said once: the store keeps a
 * `RunHistory`, `viz/` draws its buckets and points.
 *
 * Episodes are numbered as the worker numbers them: episode e is the (e+1)-th of the run, and
 * "episode count" n means episodes 0 … n−1 have finished.
 */
import type { QParams } from '../../rl/params';
import type { EpisodeBatch, GreedyEvaluation, Snapshot } from '../../worker/protocol';

/** The fields of a snapshot the history reads (a whole `Snapshot` will do). */
export interface HistorySnapshot extends Pick<
  Snapshot,
  'runId' | 'seq' | 'episode' | 'epsilon' | 'totalSteps' | 't'
> {
  params: Pick<QParams, 'epsilonDecay' | 'minEpsilon'>;
  episodes: Pick<EpisodeBatch, 'first' | 'lengths' | 'reachedGoal'>;
  evaluation: Pick<GreedyEvaluation, 'successProbability' | 'episode'>;
}

/** Options of `createRunHistory`. */
export interface RunHistoryOptions {
  /** Most episode buckets kept: an even number ≥ 2. Default `DEFAULT_MAX_BUCKETS`. */
  maxBuckets?: number;
  /** Episodes the moving success rate averages over. Default `DEFAULT_WINDOW_EPISODES`. */
  window?: number;
  /** Most points kept per point series (ε, greedy evaluations): ≥ 4. Default `DEFAULT_MAX_POINTS`. */
  maxPoints?: number;
}

/** Buckets kept by default: about one per pixel column of a chart. */
export const DEFAULT_MAX_BUCKETS = 512;
/** The moving success rate's window, as the worker's running statistics use. */
export const DEFAULT_WINDOW_EPISODES = 100;
/** Points kept by default per point series. */
export const DEFAULT_MAX_POINTS = 1024;

/** One bucket of episodes: sums turned into means. */
export interface EpisodeBucket {
  /** First episode of the bucket (k · width). */
  start: number;
  /** Episode count at the bucket's end: start + width, or fewer for the bucket still filling. */
  end: number;
  /** Episodes recorded in it (fewer than end − start when some were dropped). */
  count: number;
  /** Goals / count: the fraction of its episodes that reached the goal (NaN when count = 0). */
  successRate: number;
  /** Mean episode length in steps (NaN when count = 0). */
  meanLength: number;
  /** Mean length of the episodes that reached the goal (NaN when none did). */
  meanStepsToGoal: number;
  /** Success rate over the last `window` recorded episodes, taken after its last recorded episode (NaN when count = 0). */
  movingSuccessRate: number;
}

/** A sample of a quantity at an episode count. */
export interface EpisodePoint {
  episode: number;
  value: number;
}

/** Whole-run totals (exact, not downsampled). */
export interface HistoryTotals {
  /** Episodes finished: the next episode expected. Recorded + dropped. */
  episodes: number;
  /** Episodes whose outcome the history received. */
  recorded: number;
  /** Episodes that finished but never reached the history (the page lagged, or it started late). */
  dropped: number;
  /** Recorded episodes that reached the goal. */
  successes: number;
  /** Successes / recorded (NaN before the first). */
  successRate: number;
  /** Mean length of the recorded episodes (NaN before the first). */
  meanLength: number;
  /** Success rate over the last `window` recorded episodes (NaN before the first). */
  movingSuccessRate: number;
  /** Recorded episodes the moving rate averages over: min(window, recorded). */
  movingCount: number;
}

/** A bounded record of a run's episodes for the learning curves. */
export interface RunHistory {
  /** Increases with every change (ingest that added something, reset): redraw when it moved. */
  readonly version: number;
  /** Episodes per bucket (a power of two). */
  readonly bucketWidth: number;
  /** Episodes the moving success rate averages over. */
  readonly window: number;
  /**
   * Folds in a snapshot: its new episodes, ε and the greedy evaluation. A snapshot of an older
   * run or an already seen one (same or older `seq`) is ignored, episodes already recorded are
   * skipped, and a newer `runId` starts over (a reset or new settings).
   */
  ingest(snapshot: HistorySnapshot): void;
  /** Forgets everything (a new run). */
  reset(): void;
  /** The buckets in use, oldest first (a new array per version; do not mutate). */
  buckets(): readonly EpisodeBucket[];
  /**
   * ε by episode count: at the run's start and at every episode's end (from the decay schedule),
   * or the first snapshot at that count where the schedule is unknown (after a gap).
   */
  epsilon(): readonly EpisodePoint[];
  /** Exact success probability of the greedy policy, by the episode count it was computed at. */
  greedy(): readonly EpisodePoint[];
  totals(): HistoryTotals;
}
