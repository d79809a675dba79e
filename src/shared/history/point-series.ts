/**
 * A bounded series of points by episode (ε, the greedy policy's success probability), evenly
 * thinned over the episodes however long the run.
 */
import type { EpisodePoint } from './types';

/** A list of points by episode, at most `capacity` long (see `createPointSeries`). */
export interface PointSeries {
  readonly length: number;
  /**
   * True when a push of `episode` now would be overwritten by a push of `later` next: both fall
   * in one cell past the series' first point. A caller with many points in order may skip it.
   */
  supersedes(later: number, episode: number): boolean;
  /**
   * Adds a point; older episodes are refused. A point at the last point's episode replaces it
   * (with `replace` false it is dropped); a later point in the last point's cell takes its
   * place (unless that is the first point). True when the series changed.
   */
  push(episode: number, value: number, replace?: boolean): boolean;
  /** The points kept, oldest first (a new array). */
  points(): EpisodePoint[];
  /** Forgets every point and the spacing. */
  clear(): void;
}

/**
 * A list of points by episode, at most `capacity` long. Episodes fall into cells of `gap`
 * episodes (1 at first); a cell keeps only its latest point, except that the very first point of
 * the series always stays. When the list is full the gap doubles and each new cell (two old ones,
 * at most two points) keeps its latest: the list halves, evenly over the episodes, however long
 * the run.
 */
export function createPointSeries(capacity: number): PointSeries {
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
    supersedes(later, episode) {
      return episodes.length >= 2 && cell(later) === cell(episode);
    },
    push(episode, value, replace = true) {
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
    points: () => episodes.map((episode, i) => ({ episode, value: values[i]! })),
    clear() {
      episodes = [];
      values = [];
      gap = 1;
    },
  };
}
