import { describe, expect, it } from 'vitest';
import {
  computeSeries,
  reachSeries,
  stepsSeries,
} from '../../src/components/objectives/objective-series';
import { chartLabel, FORMAT } from '../../src/components/objectives/objective-readings';
import { sparklineGeometry } from '../../src/components/objectives/sparkline-path';
import type { EpisodeBucket } from '../../src/shared/history/types';

/** A bucket of `count` episodes of mean length `meanLength`, `goals` of them at the prize. */
function bucket(
  start: number,
  count: number,
  meanLength: number,
  goals: number,
  toGoal: number,
): EpisodeBucket {
  return {
    start,
    end: start + count,
    count,
    successRate: goals / count,
    meanLength,
    meanStepsToGoal: goals > 0 ? toGoal : NaN,
    movingSuccessRate: goals / count,
  };
}

const BUCKETS = [bucket(0, 4, 5, 0, 0), bucket(4, 4, 7, 1, 9), bucket(8, 4, 10, 2, 12)];
const history = {
  buckets: () => BUCKETS,
  greedy: () => [
    { episode: 0, value: 0 },
    { episode: 8, value: NaN },
    { episode: 12, value: 0.25 },
  ],
};

describe('the objectives’ chart series', () => {
  it('objective 1: the greedy evaluations, without a NaN', () => {
    expect(reachSeries(history)).toEqual([
      { episode: 0, value: 0 },
      { episode: 12, value: 0.25 },
    ]);
  });

  it('objective 2: mean steps to the prize at each bucket’s end, buckets without a prize left out', () => {
    expect(stepsSeries(history)).toEqual([
      { episode: 8, value: 9 },
      { episode: 12, value: 12 },
    ]);
  });

  it('objective 3: updates per prize so far, (4·5 + 4·7) / 1 = 48 then (48 + 4·10) / 3 = 29.33', () => {
    const series = computeSeries(history);
    expect(series.map((p) => p.episode)).toEqual([8, 12]);
    expect(series[0]!.value).toBe(48);
    expect(series[1]!.value).toBeCloseTo(88 / 3, 12);
  });
});

describe('chartLabel', () => {
  it('names the first and latest points, or says there is none yet', () => {
    expect(chartLabel('Exact success', reachSeries(history), FORMAT.percent)).toBe(
      'Exact success by episode: 0.0% at episode 0 to 25.0% at episode 12',
    );
    expect(chartLabel('Mean steps', [], FORMAT.steps)).toBe('Mean steps by episode: nothing yet');
    expect(chartLabel('Updates', [{ episode: 1000, value: 12345 }], FORMAT.count)).toBe(
      'Updates by episode: 12,345 at episode 1,000',
    );
  });
});

describe('sparklineGeometry', () => {
  const box = { width: 100, height: 10 };

  it('maps episodes 0…last across the width and the y domain bottom to top', () => {
    const { path, referenceY } = sparklineGeometry(
      [
        { episode: 0, value: 0 },
        { episode: 50, value: 0.5 },
        { episode: 100, value: 1 },
      ],
      box,
      { yDomain: [0, 1], reference: 0.8 },
    );
    expect(path).toBe('M0,10L50,5L100,0');
    expect(referenceY).toBeCloseTo(2, 12);
  });

  it('draws all zeros on the bottom edge (a zero-width domain), and nothing without points', () => {
    expect(
      sparklineGeometry(
        [
          { episode: 0, value: 0 },
          { episode: 10, value: 0 },
        ],
        box,
      ).path,
    ).toBe('M0,10L100,10');
    expect(sparklineGeometry([], box)).toEqual({ path: '', referenceY: null });
  });

  it('draws a single point as a flat line to the right edge, and no reference for NaN', () => {
    const one = sparklineGeometry([{ episode: 0, value: 3 }], box, { reference: NaN });
    expect(one.path).toBe('M0,0L100,0');
    expect(one.referenceY).toBeNull();
  });
});
