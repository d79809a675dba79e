/**
 * The learning curves' shapes: the data the chart draws, the chart's handle, its series and
 * panels, and the colours and constants the curves and the comparison chart share.
 */
import type { CurveFactory } from 'd3-shape';
import type {
  EpisodeBucket as CurveBucket,
  EpisodePoint as CurvePoint,
} from '../shared/history/types';

/** What the curves show. */
export interface CurvesData {
  /** Episodes finished so far. */
  episodes: number;
  /** Where the run is heading (e.g. the end of the Play budget): the x axis never zooms out past it while the run is short of it. */
  episodeTarget?: number;
  /** Episodes per bucket (a power of two). */
  bucketWidth: number;
  /** Buckets, oldest first, bucket k starting at episode k · bucketWidth. */
  buckets: readonly CurveBucket[];
  /** Episodes the moving success rate averages over. */
  window: number;
  /** Exact success probability of the greedy policy, by the episode count it was computed at. */
  greedy: readonly CurvePoint[];
  /**
   * The run evaluates the greedy policy at least every this many episodes (its frame interval),
   * so greedy points this far apart are joined: the line is as fine as the run's frames.
   */
  greedyEvery?: number;
  /** ε by episode count. */
  epsilon: readonly CurvePoint[];
  /** The optimal policy's success probability within the time limit, and the best any policy reaches. */
  optimum?: { successProbability: number; bestWithinLimit?: number } | null;
}

/** A mounted chart. */
export interface LearningCurves {
  /** Redraws for new data; cheap enough for every frame. */
  update(data: CurvesData): void;
  /** Removes everything the chart added to its host. */
  destroy(): void;
}

/** Options of `createLearningCurves`. */
export interface LearningCurvesOptions {
  /** viewBox width; the chart scales to its host's width. Default 760. */
  width?: number;
}

/** Series colours: blue and orange for the two success measures (apart for red–green colour blindness). */
export const CURVE_COLORS = {
  moving: '#1c7ed6',
  bin: '#1c7ed6',
  greedy: '#e8590c',
  length: '#7048e8',
  stepsToGoal: '#2f9e44',
  epsilon: '#0c8599',
} as const;

/** The note drawn before the first episode. */
export const EMPTY_NOTE = 'Press Play to see the curves';

/** Fewest episodes a display bin holds (a power of two). */
export const MIN_BIN_EPISODES = 16;

/** Series names, as `data-series` on their paths. */
export type SeriesKey = keyof typeof CURVE_COLORS;

/** The three small multiples, top to bottom. */
export type PanelKey = 'success' | 'length' | 'epsilon';

/** A point of a drawn series (x an episode count). */
export interface Xy {
  x: number;
  y: number;
  /** A break in the line only (y is NaN); not a value. */
  gap?: true;
}

/** One update's derived data. */
export interface View {
  data: CurvesData;
  bins: readonly CurveBucket[];
  binWidth: number;
  /** Right end of the x axis, in episodes. */
  xMax: number;
}

/** One panel: its title, plot height and tick count. */
export interface PanelSpec {
  key: PanelKey;
  title: string;
  height: number;
  ticks: number;
}

/** One series: where it is drawn, how it looks and how its points are derived. */
export interface SeriesSpec {
  key: SeriesKey;
  panel: PanelKey;
  label: (v: View) => string;
  width: number;
  opacity: number;
  dash: string | null;
  curve: CurveFactory;
  /** Points of the path, x an episode count, in order; a non-finite y leaves a gap. */
  points: (v: View) => Xy[];
  /** Where the series was measured, drawn as dots (for sparse samples); none when absent. */
  dots?: (v: View) => Xy[];
  /** Samples further apart than this many episodes are not joined, nor read between. */
  maxGap?: (v: View) => number;
  format: (x: number) => string;
}
