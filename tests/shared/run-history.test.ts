import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rl/rng';
import { createRunHistory } from '../../src/shared/history/run-history';
import {
  DEFAULT_MAX_BUCKETS,
  DEFAULT_MAX_POINTS,
  type HistorySnapshot,
} from '../../src/shared/history/types';
import { createLabStore } from '../../src/store/lab-store';
import type { EpisodeBatch, Speed } from '../../src/worker/protocol';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';

/** A snapshot with a batch of finished episodes (lengths and goals as given), as the worker sends it. */
function snap(
  first: number,
  lengths: readonly number[],
  goals: readonly number[],
  extra: Partial<Omit<HistorySnapshot, 'episodes'>> & { dropped?: number } = {},
): HistorySnapshot {
  const { dropped = 0, ...rest } = extra;
  const end = first + lengths.length;
  const episodes: EpisodeBatch = {
    first,
    returns: Float64Array.from(goals),
    lengths: Int32Array.from(lengths),
    reachedGoal: Uint8Array.from(goals),
    dropped,
  };
  return {
    runId: 1,
    seq: end,
    episode: end,
    epsilon: 0.5,
    totalSteps: 0,
    t: 0,
    params: { epsilonDecay: 0, minEpsilon: 0 },
    evaluation: { successProbability: 0, episode: 0 },
    episodes,
    ...rest,
  };
}

/** Plain numbers of a bucket, rounded to 9 decimals (NaN stays NaN). */
const round = (x: number) => (Number.isNaN(x) ? NaN : Math.round(x * 1e9) / 1e9);

describe('run history: buckets', () => {
  it('merges neighbouring pairs and doubles the width, with exact sums (worked example, 4 buckets)', () => {
    const h = createRunHistory({ maxBuckets: 4, window: 2 });
    const lengths = [5, 3, 4, 6, 7, 8, 2, 2, 10];
    const goals = [1, 0, 0, 1, 1, 1, 0, 0, 1];
    // Episode by episode: the 5th episode forces width 2, the 9th width 4.
    for (let e = 0; e < lengths.length; e++) {
      h.ingest(snap(e, [lengths[e]!], [goals[e]!]));
      if (e === 3) expect(h.bucketWidth).toBe(1);
      if (e === 4) expect(h.bucketWidth).toBe(2);
    }
    expect(h.bucketWidth).toBe(4);
    const b = h.buckets().map((x) => ({
      start: x.start,
      end: x.end,
      count: x.count,
      successRate: round(x.successRate),
      meanLength: round(x.meanLength),
      meanStepsToGoal: round(x.meanStepsToGoal),
      movingSuccessRate: round(x.movingSuccessRate),
    }));
    expect(b).toEqual([
      // Episodes 0–3: goals 1,0,0,1; lengths 5,3,4,6 → 18/4; goal lengths (5+6)/2; last two 0,1.
      {
        start: 0,
        end: 4,
        count: 4,
        successRate: 0.5,
        meanLength: 4.5,
        meanStepsToGoal: 5.5,
        movingSuccessRate: 0.5,
      },
      // Episodes 4–7: goals 1,1,0,0; lengths 7,8,2,2 → 19/4; goal lengths (7+8)/2; last two 0,0.
      {
        start: 4,
        end: 8,
        count: 4,
        successRate: 0.5,
        meanLength: 4.75,
        meanStepsToGoal: 7.5,
        movingSuccessRate: 0,
      },
      // Episode 8 (still filling): goal in 10 steps; last two 0,1.
      {
        start: 8,
        end: 9,
        count: 1,
        successRate: 1,
        meanLength: 10,
        meanStepsToGoal: 10,
        movingSuccessRate: 0.5,
      },
    ]);
    const t = h.totals();
    expect(t).toMatchObject({ episodes: 9, recorded: 9, dropped: 0, successes: 5 });
    expect(t.successRate).toBe(5 / 9);
    expect(t.meanLength).toBe(47 / 9);
    expect(t.movingSuccessRate).toBe(0.5);
    expect(t.movingCount).toBe(2);
  });

  it('the same episodes give the same buckets whether they come one by one or in one batch', () => {
    const one = createRunHistory({ maxBuckets: 4 });
    const all = createRunHistory({ maxBuckets: 4 });
    const lengths = Array.from({ length: 37 }, (_, e) => 1 + (e % 7));
    const goals = lengths.map((_, e) => (e % 3 === 0 ? 1 : 0));
    lengths.forEach((l, e) => one.ingest(snap(e, [l], [goals[e]!])));
    all.ingest(snap(0, lengths, goals));
    expect(all.buckets()).toEqual(one.buckets());
    expect(all.totals()).toEqual(one.totals());
  });

  it(`keeps at most ${DEFAULT_MAX_BUCKETS} buckets over 1,000,000 episodes, with the exact overall success rate`, () => {
    const h = createRunHistory();
    const rng = createRng(7);
    const total = 1_000_000;
    const batch = 4096;
    let successes = 0;
    let lengthSum = 0;
    // The lesson's ε schedule: 1 − 0.0001 per step, down to 0.01.
    const params = { epsilonDecay: 0.0001, minEpsilon: 0.01 };
    const epsilonAfter = (steps: number) => Math.max(0.01, 1 - 0.0001 * steps);
    h.ingest(snap(0, [], [], { seq: 0, epsilon: 1, params }));
    for (let first = 0; first < total; first += batch) {
      const n = Math.min(batch, total - first);
      const lengths: number[] = [];
      const goals: number[] = [];
      for (let i = 0; i < n; i++) {
        // The success probability rises linearly from 0 to 0.74 over the run.
        const goal = rng.uniform() < (0.74 * (first + i)) / total ? 1 : 0;
        const length = 1 + rng.int(100);
        goals.push(goal);
        lengths.push(length);
        successes += goal;
        lengthSum += length;
      }
      h.ingest(
        snap(first, lengths, goals, {
          totalSteps: lengthSum,
          epsilon: epsilonAfter(lengthSum),
          params,
        }),
      );
    }
    const buckets = h.buckets();
    // 1,000,000 / 512 ≈ 1953 → width 2048, ⌈1,000,000 / 2048⌉ = 489 buckets.
    expect(h.bucketWidth).toBe(2048);
    expect(buckets.length).toBe(489);
    expect(buckets.length).toBeLessThanOrEqual(DEFAULT_MAX_BUCKETS);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(total);
    expect(buckets.reduce((s, b) => s + b.successRate * b.count, 0)).toBeCloseTo(successes, 6);
    expect(buckets.reduce((s, b) => s + b.meanLength * b.count, 0)).toBeCloseTo(lengthSum, 3);
    expect(buckets.at(-1)!.end).toBe(total);
    const t = h.totals();
    expect(t.episodes).toBe(total);
    expect(t.successes).toBe(successes);
    expect(t.successRate).toBe(successes / total);
    // The curve rises: the first bucket near 0, the last near 0.74.
    expect(buckets[0]!.successRate).toBeLessThan(0.01);
    expect(buckets.at(-1)!.successRate).toBeGreaterThan(0.68);
    // ε at every episode end went through the point series: still bounded, first and last kept.
    const eps = h.epsilon();
    expect(eps.length).toBeLessThanOrEqual(DEFAULT_MAX_POINTS);
    expect(eps[0]).toEqual({ episode: 0, value: 1 });
    expect(eps.at(-1)).toEqual({ episode: total, value: 0.01 });
    // Evenly spread: at most two cells of 1,024 episodes between neighbours (1,000,000 / 1,024
    // is under 1,024 cells), so ε's floor, reached near episode 196, shows within the first two.
    for (let i = 1; i < eps.length; i++)
      expect(eps[i]!.episode - eps[i - 1]!.episode).toBeLessThanOrEqual(2048);
    expect(eps.find((p) => p.value === 0.01)!.episode).toBeLessThan(2048);
  });

  it('reset forgets everything and bumps the version; the next run starts from episode 0', () => {
    const h = createRunHistory({ maxBuckets: 4 });
    h.ingest(snap(0, [3, 4, 5, 6, 7, 8], [1, 0, 1, 0, 1, 0]));
    expect(h.bucketWidth).toBe(2);
    const v = h.version;
    h.reset();
    expect(h.version).toBeGreaterThan(v);
    expect(h.buckets()).toEqual([]);
    expect(h.epsilon()).toEqual([]);
    expect(h.greedy()).toEqual([]);
    expect(h.bucketWidth).toBe(1);
    expect(h.totals()).toMatchObject({ episodes: 0, recorded: 0, successes: 0, dropped: 0 });
    expect(h.totals().successRate).toBeNaN();
    h.ingest(snap(0, [9], [1]));
    expect(h.totals()).toMatchObject({ episodes: 1, recorded: 1, successes: 1 });
  });

  it('counts dropped episodes, which leave gaps (NaN) but not zeros', () => {
    const h = createRunHistory({ maxBuckets: 8, window: 100 });
    h.ingest(snap(0, [2, 2], [1, 1]));
    // Episodes 2–4 never reached the page; the batch says so.
    h.ingest(snap(5, [2, 2, 2], [0, 0, 0], { dropped: 3 }));
    const t = h.totals();
    expect(t).toMatchObject({ episodes: 8, recorded: 5, dropped: 3, successes: 2 });
    expect(t.successRate).toBe(2 / 5);
    const b = h.buckets();
    expect(b.map((x) => x.count)).toEqual([1, 1, 0, 0, 0, 1, 1, 1]);
    expect(b[3]!.successRate).toBeNaN();
    expect(b[3]!.meanLength).toBeNaN();
    // A history that starts late counts what it missed as dropped too.
    const late = createRunHistory();
    late.ingest(snap(1000, [5], [1]));
    expect(late.totals()).toMatchObject({ episodes: 1001, recorded: 1, dropped: 1000 });
  });

  it('ignores repeated and out-of-order batches, and takes only the new part of an overlapping one', () => {
    const h = createRunHistory();
    const first = snap(0, [1, 2, 3, 4, 5], [0, 0, 0, 0, 1]);
    h.ingest(first);
    const v = h.version;
    h.ingest(first);
    expect(h.version).toBe(v);
    // Same batch (same `first`) under a newer seq: no episode counted twice.
    h.ingest({ ...first, seq: 99 });
    expect(h.totals()).toMatchObject({ episodes: 5, recorded: 5, successes: 1 });
    // An older batch after a newer one.
    h.ingest({ ...snap(2, [1, 1], [1, 1]), seq: 100 });
    expect(h.totals()).toMatchObject({ episodes: 5, recorded: 5, successes: 1 });
    // Overlap: episodes 3–6 arrive, 3 and 4 are known; only 5 and 6 count.
    h.ingest({ ...snap(3, [9, 9, 7, 8], [1, 1, 1, 0]), seq: 101 });
    expect(h.totals()).toMatchObject({ episodes: 7, recorded: 7, successes: 2 });
    expect(h.buckets().map((b) => b.meanLength)).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  it('a newer run starts over; a snapshot of an older run is ignored', () => {
    const h = createRunHistory();
    h.ingest(snap(0, [4, 4, 4], [1, 1, 1], { runId: 2 }));
    h.ingest(snap(0, [6], [0], { runId: 1, seq: 50 }));
    expect(h.totals()).toMatchObject({ episodes: 3, successes: 3 });
    h.ingest(snap(0, [6], [0], { runId: 3, seq: 1 }));
    expect(h.totals()).toMatchObject({ episodes: 1, recorded: 1, successes: 0 });
  });
});

describe('run history: ε and greedy evaluations', () => {
  it('a big batch keeps the same ε points as the same episodes sent one at a time', () => {
    // Big batches skip the points a later one in the same cell would replace: the series must
    // come out identical, through several thinnings (8 points kept of 3,000 episodes).
    const rng = createRng(7);
    const lengths = Array.from({ length: 3000 }, () => 1 + rng.int(60));
    const params = { epsilonDecay: 0.0001, minEpsilon: 0.01 };
    const epsAt = (steps: number) => Math.max(0.01, 1 - 0.0001 * steps);
    const start = { seq: 0, episode: 0, epsilon: 1, totalSteps: 0, params };
    const big = createRunHistory({ maxPoints: 8 });
    const small = createRunHistory({ maxPoints: 8 });
    big.ingest(snap(0, [], [], start));
    small.ingest(snap(0, [], [], start));
    let steps = 0;
    const cuts = [0, 1, 2, 700, 701, 2999, 3000];
    for (let c = 1; c < cuts.length; c++) {
      const part = lengths.slice(cuts[c - 1], cuts[c]);
      const partSteps = part.reduce((a, b) => a + b, 0);
      big.ingest(
        snap(
          cuts[c - 1]!,
          part,
          part.map(() => 0),
          {
            seq: c,
            totalSteps: steps + partSteps,
            epsilon: epsAt(steps + partSteps),
            params,
          },
        ),
      );
      steps += partSteps;
    }
    steps = 0;
    lengths.forEach((len, e) => {
      steps += len;
      small.ingest(
        snap(e, [len], [0], { seq: e + 1, totalSteps: steps, epsilon: epsAt(steps), params }),
      );
    });
    expect(big.epsilon().length).toBeGreaterThan(2);
    expect(big.epsilon()).toEqual(small.epsilon());
  });

  it('keeps one ε per episode count: at the start, then at each episode end', () => {
    const h = createRunHistory();
    h.ingest(snap(0, [], [], { seq: 1, episode: 0, epsilon: 1 }));
    h.ingest(snap(0, [], [], { seq: 2, episode: 0, epsilon: 0.99 }));
    h.ingest(snap(0, [8], [0], { seq: 3, episode: 1, epsilon: 0.95 }));
    // The second snapshot is still in episode 0: the start's ε stays.
    expect(h.epsilon()).toEqual([
      { episode: 0, value: 1 },
      { episode: 1, value: 0.95 },
    ]);
  });

  it('knows ε at every episode end from the decay schedule, between sparse snapshots', () => {
    const h = createRunHistory();
    const params = { epsilonDecay: 0.01, minEpsilon: 0.5 };
    h.ingest(snap(0, [], [], { seq: 1, epsilon: 1, totalSteps: 0, params }));
    // Episodes of 10, 20 and 30 steps, then 5 steps into the next: 65 steps in all.
    // They end at steps 10, 30 and 60: ε = 1 − 0.01·10 = 0.9, 1 − 0.3 = 0.7, max(0.5, 0.4) = 0.5.
    h.ingest(
      snap(0, [10, 20, 30], [0, 0, 1], { seq: 2, epsilon: 0.5, totalSteps: 65, t: 5, params }),
    );
    expect(h.epsilon().map((p) => ({ ...p, value: round(p.value) }))).toEqual([
      { episode: 0, value: 1 },
      { episode: 1, value: 0.9 },
      { episode: 2, value: 0.7 },
      { episode: 3, value: 0.5 },
    ]);
  });

  it('interpolates ε in steps when it left the schedule (ε was set between snapshots)', () => {
    const h = createRunHistory();
    const params = { epsilonDecay: 0.01, minEpsilon: 0 };
    h.ingest(snap(0, [], [], { seq: 1, epsilon: 1, totalSteps: 0, params }));
    // The schedule says 0.2 after 80 steps; the teacher set ε = 0.6 meanwhile.
    h.ingest(snap(0, [20, 60], [0, 0], { seq: 2, epsilon: 0.6, totalSteps: 80, t: 0, params }));
    expect(h.epsilon().map((p) => ({ ...p, value: round(p.value) }))).toEqual([
      { episode: 0, value: 1 },
      { episode: 1, value: 0.9 },
      { episode: 2, value: 0.6 },
    ]);
  });

  it('keeps greedy evaluations deduplicated by episode, and ignores an older one', () => {
    const h = createRunHistory();
    const ev = (episode: number, p: number) => ({ successProbability: p, episode });
    h.ingest(snap(0, [], [], { seq: 1, evaluation: ev(0, 0) }));
    h.ingest(snap(0, [3], [0], { seq: 2, evaluation: ev(0, 0) }));
    h.ingest(snap(1, [3], [0], { seq: 3, evaluation: ev(2, 0.5) }));
    h.ingest(snap(2, [3], [1], { seq: 4, evaluation: ev(2, 0.6) }));
    h.ingest(snap(3, [3], [1], { seq: 5, evaluation: ev(1, 0.1) }));
    expect(h.greedy()).toEqual([
      { episode: 0, value: 0 },
      { episode: 2, value: 0.6 },
    ]);
  });

  it('thins a full point series evenly over the episodes, keeping the first and the latest point', () => {
    const h = createRunHistory({ maxPoints: 8 });
    for (let e = 0; e <= 100; e++) h.ingest(snap(e, [], [], { seq: e + 1, epsilon: 1 - e / 100 }));
    const points = h.epsilon();
    expect(points.length).toBeLessThanOrEqual(8);
    expect(points[0]).toEqual({ episode: 0, value: 1 });
    expect(points.at(-1)).toEqual({ episode: 100, value: 0 });
    // 101 points into 8: the cells grew to 32 episodes; each keeps its latest, the first stays.
    expect(points.map((p) => p.episode)).toEqual([0, 31, 63, 95, 100]);
  });

  it('the version moves only when something changed', () => {
    const h = createRunHistory();
    const v0 = h.version;
    h.ingest(snap(0, [3], [1], { seq: 1 }));
    const v1 = h.version;
    expect(v1).toBeGreaterThan(v0);
    // Newer seq, nothing new: same episodes, same ε, same evaluation.
    h.ingest(snap(0, [3], [1], { seq: 2 }));
    expect(h.version).toBe(v1);
    // buckets() is cached per version.
    expect(h.buckets()).toBe(h.buckets());
  });

  it('rejects options it cannot honour', () => {
    expect(() => createRunHistory({ maxBuckets: 5 })).toThrow(RangeError);
    expect(() => createRunHistory({ window: 0 })).toThrow(RangeError);
    expect(() => createRunHistory({ maxPoints: 3 })).toThrow(RangeError);
  });
});

describe('run history fed by the real trainer', () => {
  /** A store on the in-process trainer whose snapshots feed a fresh history. */
  function fed(speed: Speed) {
    let worker: InProcessWorker | null = null;
    const store = createLabStore({
      createWorker: () => (worker = createInProcessWorker()),
      speed,
    });
    const history = createRunHistory();
    const first = store.getState().snapshot;
    if (first) history.ingest(first);
    store.subscribe((s, prev) => {
      if (s.snapshot && s.snapshot !== prev.snapshot) history.ingest(s.snapshot);
    });
    return { store, worker: worker!, history };
  }

  it('ε at episode ends is the same from a snapshot per episode as from sparse snapshots', () => {
    // One snapshot at the end of every episode: ε there is exact.
    const each = fed(20);
    for (let e = 0; e < 300; e++) {
      each.store.getState().stepEpisode();
      each.store.getState().snapshotDrawn();
    }
    expect(each.store.getState().episode).toBe(300);
    // The same run (same seed) at 20,000 steps/s: dozens of episodes per snapshot.
    const fast = fed(20_000);
    fast.store.getState().play();
    for (let i = 0; i < 200 && fast.store.getState().episode < 300; i++) {
      fast.worker.endpoint.advance(20);
      fast.store.getState().snapshotDrawn();
    }
    const exact = new Map(each.history.epsilon().map((p) => [p.episode, p.value]));
    const rebuilt = fast.history.epsilon().filter((p) => p.episode <= 300);
    // A point for every episode count, not only the few snapshots.
    expect(rebuilt.length).toBe(301);
    for (const p of rebuilt) expect(p.value).toBeCloseTo(exact.get(p.episode)!, 9);
    // The lesson's ε falls from 1 by 0.0001 a step: well below 1 after 300 episodes.
    expect(rebuilt.at(-1)!.value).toBeLessThan(0.8);
    each.store.getState().dispose();
    fast.store.getState().dispose();
  });

  it("agrees with the worker's own statistics after a few hundred episodes", () => {
    let worker: InProcessWorker | null = null;
    const store = createLabStore({
      createWorker: () => (worker = createInProcessWorker()),
      speed: 20_000,
    });
    const h = createRunHistory();
    store.subscribe((s, prev) => {
      if (s.snapshot && s.snapshot !== prev.snapshot) h.ingest(s.snapshot);
    });
    store.getState().play();
    // 20,000 steps/s: 400 steps (dozens of early, short episodes) per 20 ms frame.
    for (let i = 0; i < 200 && store.getState().episode < 300; i++) {
      worker!.endpoint.advance(20);
      store.getState().snapshotDrawn();
    }
    const s = store.getState().snapshot!;
    expect(s.episode).toBeGreaterThanOrEqual(300);
    expect(h.epsilon().length).toBeGreaterThan(5);
    const t = h.totals();
    expect(t.episodes).toBe(s.episode);
    expect(t.dropped).toBe(0);
    expect(t.successes).toBe(s.stats.successes);
    expect(t.movingSuccessRate).toBeCloseTo(s.stats.recentSuccessRate, 12);
    expect(h.epsilon().at(-1)!.episode).toBe(s.episode);
    if (s.t === 0) expect(h.epsilon().at(-1)!.value).toBe(s.epsilon);
    expect(h.greedy().at(-1)).toEqual({
      episode: s.evaluation.episode,
      value: s.evaluation.successProbability,
    });
    store.getState().dispose();
  });
});
