/**
 * ε at every episode's end, not only at snapshots (which at full speed come hundreds of episodes
 * apart, while ε decays within the first few hundred). It falls by `epsilonDecay` per step down
 * to `minEpsilon`, and the episode lengths give the step at which each episode ended:
 *
 *   end(e_last) = totalSteps − t,   end(e − 1) = end(e) − length(e)
 *   ε(s) = max(minEpsilon, ε₀ − epsilonDecay · (s − s₀))   from the previous snapshot (s₀, ε₀)
 *
 * When that schedule does not reach the snapshot's ε (ε or the decay was changed in between),
 * ε is interpolated linearly in steps between the two snapshots instead.
 */
import type { PointSeries } from './point-series';
import type { HistorySnapshot } from './types';

/** Where the ε schedule is continued from: the previous snapshot's step count and ε. */
export interface EpsilonAnchor {
  steps: number;
  epsilon: number;
}

/**
 * Pushes ε at the end of each new episode of the snapshot's batch (from batch index `from` on)
 * into `series`, continued from `prev`. True when the series changed.
 */
export function pushEpsilonAtEpisodeEnds(
  series: PointSeries,
  snapshot: HistorySnapshot,
  from: number,
  prev: EpsilonAnchor | null,
): boolean {
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
    if (i + 1 < n && series.supersedes(at + 1, at)) continue;
    changed = series.push(at, epsilonAt(s)) || changed;
  }
  return changed;
}
