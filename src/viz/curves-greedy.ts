/**
 * The greedy policy's exact success probability by episode, from two sources: the evaluations
 * the snapshots carry, and those the gallery's frames carry (every `frameInterval` episodes).
 *
 * At full speed the lesson's 10,000-episode run finishes within a handful of snapshots, so the
 * snapshots alone date the curve at a few episodes (0, 455, 4,444, 10,000 in one measured run);
 * the frames are evaluated at fixed episodes whatever the speed, so together the curve has a
 * point at least every frame interval across the whole run.
 */
import type { EpisodePoint } from '../shared/history/types';

/**
 * `evaluations` and `frames` (each sorted by episode) merged into one list sorted by episode,
 * one point per episode; where both have one, the evaluation's is kept (both are exact for Q).
 */
export function greedyPoints(
  evaluations: readonly EpisodePoint[],
  frames: readonly EpisodePoint[],
): EpisodePoint[] {
  const out: EpisodePoint[] = [];
  let i = 0;
  let j = 0;
  while (i < evaluations.length || j < frames.length) {
    const a = evaluations[i];
    const b = frames[j];
    if (b === undefined || (a !== undefined && a.episode <= b.episode)) {
      if (b !== undefined && a!.episode === b.episode) j++;
      out.push(a!);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}
