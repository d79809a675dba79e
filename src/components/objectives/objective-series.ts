/**
 * The series the objectives' small charts draw, read from the run's history (pure: no DOM, no
 * store). Each is a list of points by episode count, oldest first, with no NaN in it.
 */
import type { RunHistory } from '../../shared/history/types';

/** A point of a small chart: an episode count and a value. */
export interface SeriesPoint {
  episode: number;
  value: number;
}

/** Objective 1: the greedy policy's exact success probability at each of its evaluations. */
export function reachSeries(history: Pick<RunHistory, 'greedy'>): SeriesPoint[] {
  return history
    .greedy()
    .filter((p) => Number.isFinite(p.value))
    .map((p) => ({ episode: p.episode, value: p.value }));
}

/**
 * Objective 2: the mean steps of the episodes that reached the prize, per episode bucket, at the
 * bucket's end (buckets where no episode reached it have no mean and are left out).
 */
export function stepsSeries(history: Pick<RunHistory, 'buckets'>): SeriesPoint[] {
  return history
    .buckets()
    .filter((b) => Number.isFinite(b.meanStepsToGoal))
    .map((b) => ({ episode: b.end, value: b.meanStepsToGoal }));
}

/**
 * Objective 3: updates spent per prize reached so far, at each bucket's end. One update per step,
 * so a bucket of `count` episodes cost count · meanLength updates and earned count · successRate
 * prizes:
 *
 *   updatesPerGoal(k) = Σ_{j ≤ k} count_j · meanLength_j  /  Σ_{j ≤ k} count_j · successRate_j
 *
 * (exact: both sums are integers). Left out until the first prize.
 */
export function computeSeries(history: Pick<RunHistory, 'buckets'>): SeriesPoint[] {
  let updates = 0;
  let goals = 0;
  const out: SeriesPoint[] = [];
  for (const b of history.buckets()) {
    if (b.count === 0) continue;
    updates += Math.round(b.count * b.meanLength);
    goals += Math.round(b.count * b.successRate);
    if (goals > 0) out.push({ episode: b.end, value: updates / goals });
  }
  return out;
}
