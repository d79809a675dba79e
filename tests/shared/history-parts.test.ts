import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rl/rng';
import { createEpisodeBuckets } from '../../src/shared/history/episode-buckets';
import { createPointSeries } from '../../src/shared/history/point-series';
import { thinFrames } from '../../src/shared/thin';
import { GRID_VIEWS, isGridView } from '../../src/shared/grid-view';

describe('episode buckets', () => {
  it('merging pairs keeps every sum exact: 4 buckets of 1 become 2 of 2, then 2 of 4', () => {
    const b = createEpisodeBuckets(4, 2);
    // Episodes 0…3: lengths 3, 5, 2, 7; goals at 1 and 3.
    [3, 5, 2, 7].forEach((len, e) => b.record(e, len, e % 2 === 1));
    expect(b.width).toBe(1);
    b.record(4, 4, true);
    expect(b.width).toBe(2);
    const list = b.list(5);
    expect(list.map((x) => [x.start, x.end, x.count])).toEqual([
      [0, 2, 2],
      [2, 4, 2],
      [4, 5, 1],
    ]);
    expect(list[0]!.successRate).toBe(0.5);
    expect(list[0]!.meanLength).toBe(4);
    expect(list[1]!.meanStepsToGoal).toBe(7);
    // The moving window of 2 after episode 4: episodes 3 and 4 both reached the goal.
    expect(list[2]!.movingSuccessRate).toBe(1);
    expect([b.recorded, b.successes, b.totalLength]).toEqual([5, 3, 21]);
  });

  it('totals never drift however often the buckets merge (seeded 10,000 episodes)', () => {
    const rng = createRng(7);
    const b = createEpisodeBuckets(8, 100);
    let goals = 0;
    let length = 0;
    for (let e = 0; e < 10_000; e++) {
      const len = 1 + rng.int(100);
      const goal = rng.uniform() < 0.3;
      goals += goal ? 1 : 0;
      length += len;
      b.record(e, len, goal);
    }
    const list = b.list(10_000);
    expect(list.reduce((s, x) => s + x.count, 0)).toBe(10_000);
    expect(list.reduce((s, x) => s + Math.round(x.successRate * x.count), 0)).toBe(goals);
    expect(list.reduce((s, x) => s + x.meanLength * x.count, 0)).toBeCloseTo(length, 6);
  });

  it('an empty bucket has NaN rates (drawn as a gap), and reach widens without recording', () => {
    const b = createEpisodeBuckets(2, 1);
    b.reach(5);
    expect(b.width).toBe(4);
    const [first] = b.list(6);
    expect(first!.count).toBe(0);
    expect(first!.successRate).toBeNaN();
    expect(first!.movingSuccessRate).toBeNaN();
  });
});

describe('point series', () => {
  it('keeps at most its capacity, the first and the latest point, evenly spread', () => {
    const s = createPointSeries(4);
    for (let e = 0; e <= 100; e++) s.push(e, e / 100);
    const points = s.points();
    expect(points.length).toBeLessThanOrEqual(4);
    expect(points[0]).toEqual({ episode: 0, value: 0 });
    expect(points.at(-1)).toEqual({ episode: 100, value: 1 });
  });

  it('refuses an older episode and, without replace, keeps the value already there', () => {
    const s = createPointSeries(4);
    expect(s.push(5, 1)).toBe(true);
    expect(s.push(4, 2)).toBe(false);
    expect(s.push(5, 3, false)).toBe(false);
    expect(s.push(5, 3)).toBe(true);
    expect(s.points()).toEqual([{ episode: 5, value: 3 }]);
  });
});

describe('shared lists', () => {
  it('thinFrames keeps the first and the newest and at most max items', () => {
    const out = thinFrames(
      Array.from({ length: 100 }, (_, i) => i),
      10,
    );
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(99);
  });

  it('the grid views are said once, in the switch’s order', () => {
    expect(GRID_VIEWS).toEqual(['v', 'q', 'a', 'n', 'td']);
    expect(GRID_VIEWS.every(isGridView)).toBe(true);
    expect(isGridView('x')).toBe(false);
  });
});
