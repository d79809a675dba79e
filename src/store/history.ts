/**
 * The run's history for the learning curves: every finished episode the snapshots report, folded
 * into a bounded number of episode buckets, plus ε at every episode's end and the exact success
 * probability of the greedy policy at each of its evaluations. Pure: no DOM, no store, no D3.
 *
 * Buckets. Bucket k covers the episodes [k·w, (k+1)·w), w a power of two (1 at first). When an
 * episode falls beyond the last of `maxBuckets` buckets, neighbouring pairs merge and w doubles:
 *
 *   count(k) ← count(2k) + count(2k+1),   goals(k) ← goals(2k) + goals(2k+1),   … for every sum
 *
 * Sums and counts are integers (lengths and 0/1 goals), so merging is exact: the overall success
 * rate and mean length never drift however often the buckets merged.
 *
 * Point series (ε, greedy evaluations) keep at most `maxPoints` points, evenly spread over the
 * episodes: when full, the episode spacing between kept points doubles (see `pointSeries`); the
 * first and the latest point always remain.
 *
 * ε is known at every episode's end, not only at snapshots (which at full speed come hundreds of
 * episodes apart, while ε decays within the first few hundred). It falls by `epsilonDecay` per
 * step down to `minEpsilon`, and the episode lengths give the step at which each episode ended:
 *
 *   end(e_last) = totalSteps − t,   end(e − 1) = end(e) − length(e)
 *   ε(s) = max(minEpsilon, ε₀ − epsilonDecay · (s − s₀))   from the previous snapshot (s₀, ε₀)
 *
 * When that schedule does not reach the snapshot's ε (ε or the decay was changed in between),
 * ε is interpolated linearly in steps between the two snapshots instead.
 *
 * Episodes are numbered as the worker numbers them: episode e is the (e+1)-th of the run, and
 * "episode count" n means episodes 0 … n−1 have finished.
 */
import type { QParams } from '../rl/params';
import type { EpisodeBatch, GreedyEvaluation, Snapshot } from '../worker/protocol';

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

/**
 * A list of points by episode, at most `capacity` long. Episodes fall into cells of `gap`
 * episodes (1 at first); a cell keeps only its latest point, except that the very first point of
 * the series always stays. When the list is full the gap doubles and each new cell (two old ones,
 * at most two points) keeps its latest: the list halves, evenly over the episodes, however long
 * the run.
 */
function pointSeries(capacity: number) {
  let episodes: number[] = [];
  let values: number[] = [];
  let gap = 1;
  const cell = (episode: number) => Math.floor(episode / gap);

  /** Doubles the gap and keeps the first point and the latest point of every cell. */
  function thin(): void {
    gap *= 2;
    const keepE: number[] = [];
    const keepV: number[] = [];
    for (let i = 0; i < episodes.length; i++) {
      const e = episodes[i]!;
      const later = episodes[i + 1];
      if (i === 0 || later === undefined || cell(later) !== cell(e)) {
        keepE.push(e);
        keepV.push(values[i]!);
      }
    }
    episodes = keepE;
    values = keepV;
  }

  return {
    get length() {
      return episodes.length;
    },
    /**
     * True when a push of `episode` now would be overwritten by a push of `later` next: both fall
     * in one cell past the series' first point. A caller with many points in order may skip it.
     */
    supersedes(later: number, episode: number): boolean {
      return episodes.length >= 2 && cell(later) === cell(episode);
    },
    /**
     * Adds a point; older episodes are refused. A point at the last point's episode replaces it
     * (with `replace` false it is dropped); a later point in the last point's cell takes its
     * place (unless that is the first point). True when the series changed.
     */
    push(episode: number, value: number, replace = true): boolean {
      const last = episodes.length - 1;
      if (last >= 0 && episode < episodes[last]!) return false;
      if (last >= 0 && episode === episodes[last]!) {
        if (!replace || Object.is(values[last], value)) return false;
        values[last] = value;
        return true;
      }
      if (last >= 1 && cell(episode) === cell(episodes[last]!)) {
        episodes[last] = episode;
        values[last] = value;
        return true;
      }
      if (episodes.length >= capacity) thin();
      episodes.push(episode);
      values.push(value);
      return true;
    },
    points: (): EpisodePoint[] => episodes.map((episode, i) => ({ episode, value: values[i]! })),
    clear(): void {
      episodes = [];
      values = [];
      gap = 1;
    },
  };
}

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

  // Bucket sums (integers held in doubles: exact up to 2^53).
  const count = new Float64Array(maxBuckets);
  const goals = new Float64Array(maxBuckets);
  const lengthSum = new Float64Array(maxBuckets);
  const goalLengthSum = new Float64Array(maxBuckets);
  /** Moving success rate after the bucket's last recorded episode. */
  const movingAt = new Float64Array(maxBuckets);

  // The moving window: the last `windowSize` recorded outcomes in a ring.
  const ring = new Uint8Array(windowSize);
  let ringHead = 0;
  let ringCount = 0;
  let ringGoals = 0;

  const epsilonPoints = pointSeries(maxPoints);
  const greedyPoints = pointSeries(maxPoints);

  let width = 1;
  /** Episodes finished (recorded or dropped): the next episode expected. */
  let next = 0;
  let recorded = 0;
  let dropped = 0;
  let successes = 0;
  let totalLength = 0;
  let runId = -Infinity;
  let seq = -Infinity;
  /** The previous snapshot's step count and ε, where the ε schedule is continued from. */
  let anchor: { steps: number; epsilon: number } | null = null;
  let version = 0;
  let cached: { version: number; buckets: EpisodeBucket[] } | null = null;

  function clear(): void {
    count.fill(0);
    goals.fill(0);
    lengthSum.fill(0);
    goalLengthSum.fill(0);
    movingAt.fill(0);
    ring.fill(0);
    ringHead = ringCount = ringGoals = 0;
    epsilonPoints.clear();
    greedyPoints.clear();
    width = 1;
    next = recorded = dropped = successes = totalLength = 0;
    runId = seq = -Infinity;
    anchor = null;
    cached = null;
  }

  /** Merges neighbouring pairs and doubles the width: exact, because every field is a sum. */
  function mergePairs(): void {
    const half = maxBuckets / 2;
    for (let k = 0; k < half; k++) {
      const a = 2 * k;
      const b = a + 1;
      // The merged bucket's moving rate is the one after its last recorded episode.
      movingAt[k] = count[b]! > 0 ? movingAt[b]! : movingAt[a]!;
      count[k] = count[a]! + count[b]!;
      goals[k] = goals[a]! + goals[b]!;
      lengthSum[k] = lengthSum[a]! + lengthSum[b]!;
      goalLengthSum[k] = goalLengthSum[a]! + goalLengthSum[b]!;
    }
    for (const arr of [count, goals, lengthSum, goalLengthSum, movingAt]) arr.fill(0, half);
    width *= 2;
  }

  /** The bucket of episode e, merging first when e lies beyond the last bucket. */
  function bucketOf(e: number): number {
    while (Math.floor(e / width) >= maxBuckets) mergePairs();
    return Math.floor(e / width);
  }

  function record(e: number, length: number, goal: boolean): void {
    const k = bucketOf(e);
    count[k]! += 1;
    lengthSum[k]! += length;
    if (goal) {
      goals[k]! += 1;
      goalLengthSum[k]! += length;
      successes++;
    }
    recorded++;
    totalLength += length;
    // Moving window: drop the oldest outcome once full, add this one.
    if (ringCount === windowSize) ringGoals -= ring[ringHead]!;
    else ringCount++;
    ring[ringHead] = goal ? 1 : 0;
    ringGoals += ring[ringHead]!;
    ringHead = (ringHead + 1) % windowSize;
    movingAt[k] = ringGoals / ringCount;
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
    if (batch.first > next) {
      dropped += batch.first - next;
      bucketOf(batch.first - 1);
      next = batch.first;
    }
    const from = next - batch.first;
    for (let i = from; i < n; i++) {
      // The return is 1 exactly when the goal was reached (FrozenLake's only reward).
      record(batch.first + i, batch.lengths[i]!, batch.reachedGoal[i]! !== 0);
    }
    next = end;
    return from;
  }

  /** ε at the end of each new episode of the batch, continued from the previous snapshot. */
  function epsilonAtEpisodeEnds(snapshot: HistorySnapshot, from: number): boolean {
    const prev = anchor;
    const batch = snapshot.episodes;
    const n = batch.lengths.length;
    if (!prev || from >= n || snapshot.totalSteps < prev.steps) return false;
    const { epsilonDecay, minEpsilon } = snapshot.params;
    const schedule = (s: number) =>
      Math.max(minEpsilon, prev.epsilon - epsilonDecay * (s - prev.steps));
    const onSchedule = Math.abs(schedule(snapshot.totalSteps) - snapshot.epsilon) <= 1e-9;
    const span = snapshot.totalSteps - prev.steps;
    const epsilonAt = (s: number) => {
      if (span === 0) return snapshot.epsilon;
      if (onSchedule) return schedule(s);
      return prev.epsilon + ((snapshot.epsilon - prev.epsilon) * (s - prev.steps)) / span;
    };
    // Steps at the end of episode `from`: back from the end of the last finished one.
    const lengths = batch.lengths;
    let s = snapshot.totalSteps - snapshot.t;
    for (let i = from + 1; i < n; i++) s -= lengths[i]!;
    let changed = false;
    for (let i = from; i < n; s += i + 1 < n ? lengths[i + 1]! : 0, i++) {
      if (s < prev.steps) continue;
      // Episode first + i ends with episode count first + i + 1. A point the next one would
      // replace (same cell of the series) is not worked out at all: the batch can hold 65,536.
      const at = batch.first + i + 1;
      if (i + 1 < n && epsilonPoints.supersedes(at + 1, at)) continue;
      changed = epsilonPoints.push(at, epsilonAt(s)) || changed;
    }
    return changed;
  }

  const history: RunHistory = {
    get version() {
      return version;
    },
    get bucketWidth() {
      return width;
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
      changed = epsilonAtEpisodeEnds(snapshot, from) || changed;
      anchor = { steps: snapshot.totalSteps, epsilon: snapshot.epsilon };
      if (snapshot.episode > next) {
        // The snapshot says more episodes finished than its batch covered: lost to us.
        dropped += snapshot.episode - next;
        bucketOf(snapshot.episode - 1);
        next = snapshot.episode;
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
      const used = next === 0 ? 0 : Math.floor((next - 1) / width) + 1;
      const out: EpisodeBucket[] = [];
      for (let k = 0; k < used; k++) {
        const c = count[k]!;
        const g = goals[k]!;
        const start = k * width;
        out.push({
          start,
          end: Math.min(start + width, next),
          count: c,
          successRate: c > 0 ? g / c : NaN,
          meanLength: c > 0 ? lengthSum[k]! / c : NaN,
          meanStepsToGoal: g > 0 ? goalLengthSum[k]! / g : NaN,
          movingSuccessRate: c > 0 ? movingAt[k]! : NaN,
        });
      }
      cached = { version, buckets: out };
      return out;
    },

    epsilon: () => epsilonPoints.points(),
    greedy: () => greedyPoints.points(),

    totals: () => ({
      episodes: next,
      recorded,
      dropped,
      successes,
      successRate: recorded > 0 ? successes / recorded : NaN,
      meanLength: recorded > 0 ? totalLength / recorded : NaN,
      movingSuccessRate: ringCount > 0 ? ringGoals / ringCount : NaN,
      movingCount: ringCount,
    }),
  };
  return history;
}
