/**
 * Episode outcomes folded into a fixed number of buckets, with a moving success rate.
 *
 * Bucket k covers the episodes [k·w, (k+1)·w), w a power of two (1 at first). When an episode
 * falls beyond the last of `maxBuckets` buckets, neighbouring pairs merge and w doubles:
 *
 *   count(k) ← count(2k) + count(2k+1),   goals(k) ← goals(2k) + goals(2k+1),   … for every sum
 *
 * Sums and counts are integers (lengths and 0/1 goals), so merging is exact: the overall success
 * rate and mean length never drift however often the buckets merged.
 */
import type { EpisodeBucket } from './types';

/** A bucket's episode range and sums: integer counts and summed lengths. */
export interface BucketSums {
  start: number;
  end: number;
  count: number;
  goals: number;
  lengthSum: number;
  goalLengthSum: number;
  /** The moving success rate after the bucket's last recorded episode. */
  movingSuccessRate: number;
}

/**
 * A bucket's sums turned into means: successRate = goals / count, meanLength = lengthSum / count,
 * meanStepsToGoal = goalLengthSum / goals, each NaN when its divisor is 0.
 */
export function bucketMeans(b: BucketSums): EpisodeBucket {
  const { start, end, count, goals } = b;
  return {
    start,
    end,
    count,
    successRate: count > 0 ? goals / count : NaN,
    meanLength: count > 0 ? b.lengthSum / count : NaN,
    meanStepsToGoal: goals > 0 ? b.goalLengthSum / goals : NaN,
    movingSuccessRate: count > 0 ? b.movingSuccessRate : NaN,
  };
}

/** Buckets of recorded episodes and the moving window over the latest outcomes. */
export interface EpisodeBuckets {
  /** Episodes per bucket (a power of two). */
  readonly width: number;
  /** Episodes recorded, those that reached the goal, and their summed length. */
  readonly recorded: number;
  readonly successes: number;
  readonly totalLength: number;
  /** Outcomes in the moving window (min(window, recorded)) and how many reached the goal. */
  readonly movingCount: number;
  readonly movingGoals: number;
  /** Records episode `e`'s length and outcome (episodes come in increasing order). */
  record(e: number, length: number, goal: boolean): void;
  /** Widens the buckets until episode `e` has one (for episodes that were dropped, not recorded). */
  reach(e: number): void;
  /** The buckets holding episodes 0 … `episodes` − 1, sums turned into means (a new array). */
  list(episodes: number): EpisodeBucket[];
  /** Forgets everything: width 1, empty window. */
  clear(): void;
}

/** Creates `maxBuckets` empty buckets (an even number) and a moving window of `window` episodes. */
export function createEpisodeBuckets(maxBuckets: number, window: number): EpisodeBuckets {
  // Bucket sums (integers held in doubles: exact up to 2^53).
  const count = new Float64Array(maxBuckets);
  const goals = new Float64Array(maxBuckets);
  const lengthSum = new Float64Array(maxBuckets);
  const goalLengthSum = new Float64Array(maxBuckets);
  /** Moving success rate after the bucket's last recorded episode. */
  const movingAt = new Float64Array(maxBuckets);
  const sums = [count, goals, lengthSum, goalLengthSum, movingAt];

  // The moving window: the last `window` recorded outcomes in a ring.
  const ring = new Uint8Array(window);
  let ringHead = 0;
  let ringCount = 0;
  let ringGoals = 0;

  let width = 1;
  let recorded = 0;
  let successes = 0;
  let totalLength = 0;

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
    for (const arr of sums) arr.fill(0, half);
    width *= 2;
  }

  /** The bucket of episode e, merging first when e lies beyond the last bucket. */
  function bucketOf(e: number): number {
    while (Math.floor(e / width) >= maxBuckets) mergePairs();
    return Math.floor(e / width);
  }

  return {
    get width() {
      return width;
    },
    get recorded() {
      return recorded;
    },
    get successes() {
      return successes;
    },
    get totalLength() {
      return totalLength;
    },
    get movingCount() {
      return ringCount;
    },
    get movingGoals() {
      return ringGoals;
    },
    record(e, length, goal) {
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
      if (ringCount === window) ringGoals -= ring[ringHead]!;
      else ringCount++;
      ring[ringHead] = goal ? 1 : 0;
      ringGoals += ring[ringHead]!;
      ringHead = (ringHead + 1) % window;
      movingAt[k] = ringGoals / ringCount;
    },
    reach(e) {
      bucketOf(e);
    },
    list(episodes) {
      const used = episodes === 0 ? 0 : Math.floor((episodes - 1) / width) + 1;
      const out: EpisodeBucket[] = [];
      for (let k = 0; k < used; k++) {
        const start = k * width;
        out.push(
          bucketMeans({
            start,
            end: Math.min(start + width, episodes),
            count: count[k]!,
            goals: goals[k]!,
            lengthSum: lengthSum[k]!,
            goalLengthSum: goalLengthSum[k]!,
            movingSuccessRate: movingAt[k]!,
          }),
        );
      }
      return out;
    },
    clear() {
      for (const arr of sums) arr.fill(0);
      ring.fill(0);
      ringHead = ringCount = ringGoals = 0;
      width = 1;
      recorded = successes = totalLength = 0;
    },
  };
}
