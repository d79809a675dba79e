/**
 * The numbers behind "why the lesson's settings fail on 8x8", read from the live run. Pure.
 *
 * - ε's floor: ε falls by `epsilonDecay` after every step, ε ← max(min ε, ε − decay), so it
 *   reaches min ε after k* steps (`stepsToFloor` in `rl/epsilon-floor.ts`, the learner's own
 *   count, the one every text quotes). The episode during which step k* was taken is found
 *   from the snapshots' episode lengths: the last finished episode ended at step totalSteps − t,
 *   and episode e − 1 ended length(e) steps before episode e did.
 * - All-zero rows: a non-terminal state whose four Q-values are all 0 has a four-way tie, and the
 *   greedy rule (numpy's argmax) sends it Left, action 0.
 */
import { MAPS } from '../../../rl/maps';
import { LESSON_PARAMS, type QParams } from '../../../rl/params';
import type { RunSettings, Snapshot } from '../../../worker/protocol';

/** True on Gymnasium's 8x8 map with the lesson's hyperparameters (the run that learns nothing). */
export function isLessonOn8x8(settings: RunSettings): boolean {
  const keys = Object.keys(LESSON_PARAMS) as Array<keyof QParams>;
  return (
    settings.map.join() === MAPS['8x8'].join() &&
    settings.isSlippery &&
    keys.every((k) => settings.params[k] === LESSON_PARAMS[k])
  );
}

/** The fields of a snapshot `floorEpisode` reads. */
export type FloorSnapshot = Pick<Snapshot, 'totalSteps' | 't' | 'episode'> & {
  episodes: Pick<Snapshot['episodes'], 'first' | 'lengths'>;
};

/**
 * The episode (0-based, as the worker numbers them) during which step `k` (1-based) was taken,
 * from one snapshot: `null` when the run has not taken k steps yet, or when that episode ended
 * before the snapshot's batch begins (the caller saw it in an earlier snapshot).
 */
export function floorEpisode(k: number, s: FloorSnapshot): number | null {
  if (s.totalSteps < k) return null;
  // The current, unfinished episode holds steps totalSteps − t + 1 … totalSteps.
  let end = s.totalSteps - s.t;
  if (end < k) return s.episode;
  const { first, lengths } = s.episodes;
  // Walk back from the last finished episode: it ended at `end`, started at end − length + 1.
  for (let i = lengths.length - 1; i >= 0; i--) {
    const start = end - lengths[i]! + 1;
    if (start <= k) return first + i;
    end = start - 1;
  }
  return null;
}

/** Non-terminal states and how many of them still have a Q row of zeros. */
export function zeroRows(
  desc: readonly string[],
  q: ArrayLike<number>,
  nA = 4,
): { zero: number; nonTerminal: number } {
  const tiles = desc.join('');
  let zero = 0;
  let nonTerminal = 0;
  for (let s = 0; s < tiles.length; s++) {
    if (tiles[s] === 'H' || tiles[s] === 'G') continue;
    nonTerminal++;
    let all = true;
    for (let a = 0; a < nA; a++) if (q[s * nA + a] !== 0) all = false;
    if (all) zero++;
  }
  return { zero, nonTerminal };
}
