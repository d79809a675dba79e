/**
 * The curves' x axis and display bins: the axis end in 1–2–5 steps, buckets merged into bins of at
 * least `MIN_BIN_EPISODES` episodes, and a bin's name and the bin nearest an episode count.
 */
import { bucketMeans } from '../shared/history/episode-buckets';
import type { EpisodeBucket as CurveBucket } from '../shared/history/types';
import { count } from './curves-format';
import { MIN_BIN_EPISODES, type View } from './learning-curves-types';

/**
 * The right end of the x axis: the smallest of 10, 20, 50, 100, 200, 500 … that holds `episodes`,
 * but not past `target` while the run is short of it.
 */
export function episodeAxisMax(episodes: number, target = Infinity): number {
  const n = Math.max(episodes, 10);
  const p = 10 ** Math.floor(Math.log10(n));
  const nice = [1, 2, 5, 10].map((m) => m * p).find((v) => v >= n)!;
  return episodes <= target ? Math.min(nice, Math.max(target, 10)) : nice;
}

/**
 * Buckets merged into bins of at least `minEpisodes` episodes, both aligned to multiples of their
 * width. Exact: a bin's counts are sums, goals = round(rate · count) are integers again.
 */
export function displayBins(
  buckets: readonly CurveBucket[],
  bucketWidth: number,
  minEpisodes = MIN_BIN_EPISODES,
): { bins: readonly CurveBucket[]; width: number } {
  let width = Math.max(1, bucketWidth);
  while (width < minEpisodes) width *= 2;
  if (width === bucketWidth) return { bins: buckets, width };
  const bins: CurveBucket[] = [];
  let k = -1;
  let n = 0;
  let goals = 0;
  let lengthSum = 0;
  let goalLengthSum = 0;
  let moving = NaN;
  let end = 0;
  const flush = () => {
    if (k < 0) return;
    bins.push(
      bucketMeans({
        start: k * width,
        end,
        count: n,
        goals,
        lengthSum,
        goalLengthSum,
        movingSuccessRate: moving,
      }),
    );
  };
  for (const b of buckets) {
    const bk = Math.floor(b.start / width);
    if (bk !== k) {
      flush();
      k = bk;
      n = goals = lengthSum = goalLengthSum = 0;
      moving = NaN;
    }
    end = b.end;
    if (b.count > 0) {
      const g = Math.round(b.successRate * b.count);
      n += b.count;
      goals += g;
      lengthSum += b.meanLength * b.count;
      if (g > 0) goalLengthSum += b.meanStepsToGoal * g;
      moving = b.movingSuccessRate;
    }
  }
  flush();
  return { bins, width };
}

/** "Episode 3,201" for one episode, "Episodes 3,201–3,232" for a bin (1-based, as people count). */
export function binName(b: CurveBucket): string {
  return b.end - b.start <= 1
    ? `Episode ${count(b.end)}`
    : `Episodes ${count(b.start + 1)}–${count(b.end)}`;
}

/** The bin whose end is nearest episode count e. */
export function binNear(v: View, e: number): CurveBucket | null {
  const n = v.bins.length;
  if (n === 0) return null;
  const k = Math.min(n - 1, Math.max(0, Math.round(e / v.binWidth) - 1));
  return v.bins[k]!;
}
