/**
 * The curves' panels and series: what each draws (bins, moving rate, greedy evaluations, lengths,
 * ε), how it looks, and how a series is read at an episode count.
 */
import { curveLinear } from 'd3-shape';
import type { EpisodePoint as CurvePoint } from '../shared/history/types';
import { count, f1, f2, f3 } from './curves-format';
import type { CurvesData, PanelSpec, SeriesSpec, View, Xy } from './learning-curves-types';

/** The panels, top to bottom. */
export const PANELS: readonly PanelSpec[] = [
  { key: 'success', title: 'Success rate', height: 170, ticks: 5 },
  { key: 'length', title: 'Episode length, steps', height: 96, ticks: 4 },
  { key: 'epsilon', title: 'Exploration ε', height: 64, ticks: 3 },
];

const binPoints =
  (field: 'successRate' | 'meanLength' | 'meanStepsToGoal') =>
  (v: View): Xy[] =>
    v.bins.map((b) => ({ x: b.end, y: b[field] }));

/** A sampled series carried on to the latest episode count, so its last value reads to the right edge. */
const carried =
  (pick: (d: CurvesData) => readonly CurvePoint[], maxGap: (v: View) => number = () => Infinity) =>
  (v: View): Xy[] => {
    const pts: Xy[] = [];
    const gap = maxGap(v);
    for (const p of pick(v.data)) {
      const prev = pts[pts.length - 1];
      // Samples further apart than `maxGap` episodes are not joined: nothing is known between.
      if (prev && p.episode - prev.x > gap) pts.push({ x: prev.x, y: NaN, gap: true });
      pts.push({ x: p.episode, y: p.value });
    }
    const last = pts[pts.length - 1];
    if (last && v.data.episodes > last.x) pts.push({ x: v.data.episodes, y: last.y });
    return pts;
  };

/** Greedy evaluations further apart than this fraction of the x axis are left unjoined... */
export const MAX_JOINED_GAP = 0.05;

/**
 * ...unless the run promises one at least that often (its frame interval, `greedyEvery`): then
 * points one interval apart are joined, and only a longer gap (a run with fewer frames) is not.
 */
export const greedyJoinGap = (v: View): number =>
  Math.max(MAX_JOINED_GAP * v.xMax, v.data.greedyEvery ?? 0);

/** The series, drawn in this order: the faint bin line under the bold ones. */
export const SERIES: readonly SeriesSpec[] = [
  {
    key: 'bin',
    panel: 'success',
    label: (v) => `per ${count(v.binWidth)} episodes`,
    width: 1.25,
    opacity: 0.4,
    dash: null,
    curve: curveLinear,
    points: binPoints('successRate'),
    format: f2,
  },
  {
    key: 'moving',
    panel: 'success',
    label: (v) => `last ${count(v.data.window)} episodes`,
    width: 2.75,
    opacity: 1,
    dash: null,
    curve: curveLinear,
    // The moving rate is smooth at any bucket width: draw it at the history's full resolution.
    points: (v) => v.data.buckets.map((b) => ({ x: b.end, y: b.movingSuccessRate })),
    format: f2,
  },
  {
    key: 'greedy',
    panel: 'success',
    label: () => 'greedy policy, exact',
    width: 2.5,
    opacity: 1,
    dash: null,
    // Evaluations come by time, not by episode: at full speed only a few for a whole run. Dots
    // show where they were taken; only near neighbours are joined.
    curve: curveLinear,
    points: carried((d) => d.greedy, greedyJoinGap),
    maxGap: greedyJoinGap,
    dots: (v) => v.data.greedy.map((p) => ({ x: p.episode, y: p.value })),
    format: f3,
  },
  {
    key: 'length',
    panel: 'length',
    label: () => 'all episodes',
    width: 2.25,
    opacity: 1,
    dash: null,
    curve: curveLinear,
    points: binPoints('meanLength'),
    format: f1,
  },
  {
    key: 'stepsToGoal',
    panel: 'length',
    label: () => 'episodes reaching the goal',
    width: 2.25,
    opacity: 1,
    dash: '6 3',
    curve: curveLinear,
    points: binPoints('meanStepsToGoal'),
    format: f1,
  },
  {
    key: 'epsilon',
    panel: 'epsilon',
    label: () => 'ε',
    width: 2.25,
    opacity: 1,
    dash: null,
    // ε decays step by step: a straight line between samples is closer than a staircase.
    curve: curveLinear,
    points: carried((d) => d.epsilon),
    format: f3,
  },
];

/** Index of the last point with x ≤ at (binary search), or −1. */
function lastAtOrBefore(points: readonly Xy[], at: number): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.x <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The value a series shows at episode count `at`: its last point at or before it (or its first),
 * unknown (NaN) when that point is more than `maxAge` episodes old.
 */
export function valueAt(points: readonly Xy[], at: number, maxAge = Infinity): number {
  if (points.length === 0) return NaN;
  let i = Math.max(0, lastAtOrBefore(points, at));
  if (points[i]!.gap && i > 0) i--;
  const p = points[i]!;
  return at - p.x > maxAge ? NaN : p.y;
}
