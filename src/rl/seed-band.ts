/**
 * A seed band: the spread of one setting's learning curves over many seeds, checkpoint by
 * checkpoint: the median and the interquartile range (and the extremes) of each series.
 *
 * The quantiles are `rl/statistics`' (numpy's default, linear between order statistics), the
 * same the sweep's summaries use, so the band's median of the exact success at a checkpoint is
 * the sweep's median for the same seeds with that many episodes, bit for bit.
 */
import type { SeedCurve } from './seed-curve';
import { quantile } from './statistics';

/** The series a band draws, in the order the panel shows them. */
export const BAND_SERIES = ['successRate', 'exactSuccess', 'episodeLength'] as const;

/** One series of a seed curve. */
export type BandSeries = (typeof BAND_SERIES)[number];

/** How a series is named on the page. */
export const BAND_SERIES_LABEL: Readonly<Record<BandSeries, string>> = {
  successRate: 'Success rate',
  exactSuccess: 'Exact success',
  episodeLength: 'Episode length',
};

/** The spread of one series at one checkpoint, over the seeds. */
export interface BandPoint {
  /** Episodes finished at the checkpoint. */
  episode: number;
  median: number;
  /** First and third quartiles: the band drawn is [q1, q3]. */
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** A band: per series, one point per checkpoint, over `seeds`. */
export interface SeedBand {
  seeds: number[];
  series: Record<BandSeries, BandPoint[]>;
}

/** Seeds first, first + 1, …: the lab's seed and the N − 1 after it. */
export function bandSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * The band of `curves` (all over the same checkpoints): for each series and checkpoint, the
 * median, quartiles and extremes of the seeds' values. Empty series when there is no curve.
 */
export function seedBand(curves: readonly SeedCurve[]): SeedBand {
  const episodes = curves[0]?.episodes ?? [];
  const pointsOf = (key: BandSeries): BandPoint[] =>
    episodes.map((episode, b) => {
      const xs = curves.map((c) => c[key][b]!).sort((x, y) => x - y);
      return {
        episode,
        median: quantile(xs, 0.5),
        q1: quantile(xs, 0.25),
        q3: quantile(xs, 0.75),
        min: xs[0]!,
        max: xs[xs.length - 1]!,
      };
    });
  return {
    seeds: curves.map((c) => c.seed),
    series: {
      successRate: pointsOf('successRate'),
      exactSuccess: pointsOf('exactSuccess'),
      episodeLength: pointsOf('episodeLength'),
    },
  };
}
