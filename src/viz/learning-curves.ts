/**
 * Learning curves: three small multiples over one shared x axis (episodes).
 *
 *   Success rate      the moving rate over the last `window` episodes, the rate per bin of
 *                     episodes, and the exact success probability of the greedy policy (dots where
 *                     it was evaluated, joined only when close), against a dashed line at the
 *                     optimal policy's success probability within the time limit
 *   Episode length    mean steps per bin: all episodes, and those that reached the goal
 *   Exploration ε     ε by episode
 *
 * Built once; `update` rewrites each series' single path, the axes and a few texts, so the DOM
 * stays the same size however long the run. A legend per panel doubles as the readout: it shows
 * the latest values, or the values at the cursor while a pointer hovers or the keyboard explores
 * (focus the chart, then ← → PageUp PageDown Home End; Esc leaves).
 *
 * The x axis zooms out in 1–2–5 steps (100, 200, 500, 1,000 … episodes) up to the run's target,
 * so the curves fill at least 40% of the width and the axis only jumps now and then. Buckets of
 * the history are merged into display bins of at least `MIN_BIN_EPISODES` episodes: a bin of one
 * episode is 0 or 1, noise rather than a curve. Merging is exact (counts and sums add).
 *
 * Plain data in: no React, no store. Text and axes paint with `currentColor`, so the chart follows
 * the page's light or dark ink.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { pointer, select, type Selection } from 'd3-selection';
import { curveLinear, line, type CurveFactory } from 'd3-shape';
import type {
  EpisodeBucket as CurveBucket,
  EpisodePoint as CurvePoint,
} from '../shared/history/types';
import { FONT_FAMILY } from './theme';

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

type PanelKey = 'success' | 'length' | 'epsilon';

interface Xy {
  x: number;
  y: number;
  /** A break in the line only (y is NaN); not a value. */
  gap?: true;
}

/** One update's derived data. */
interface View {
  data: CurvesData;
  bins: readonly CurveBucket[];
  binWidth: number;
  /** Right end of the x axis, in episodes. */
  xMax: number;
}

interface PanelSpec {
  key: PanelKey;
  title: string;
  height: number;
  ticks: number;
}

interface SeriesSpec {
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
  /** Samples further apart than this fraction of the x axis are not joined, nor read between. */
  maxGap?: number;
  format: (x: number) => string;
}

const f1 = format('.1f');
const f2 = format('.2f');
const f3 = format('.3f');
const count = format(',d');

/** Rounded to 2 decimals, for short path data. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A number with `fmt`, or an en dash when it is not finite. */
const show = (fmt: (x: number) => string, x: number) => (Number.isFinite(x) ? fmt(x) : '–');

const PANELS: readonly PanelSpec[] = [
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
  (pick: (d: CurvesData) => readonly CurvePoint[], maxGap = Infinity) =>
  (v: View): Xy[] => {
    const pts: Xy[] = [];
    for (const p of pick(v.data)) {
      const prev = pts[pts.length - 1];
      // Samples further apart than `maxGap` of the axis are not joined: nothing is known between.
      if (prev && p.episode - prev.x > maxGap * v.xMax) pts.push({ x: prev.x, y: NaN, gap: true });
      pts.push({ x: p.episode, y: p.value });
    }
    const last = pts[pts.length - 1];
    if (last && v.data.episodes > last.x) pts.push({ x: v.data.episodes, y: last.y });
    return pts;
  };

/** Greedy evaluations further apart than this fraction of the x axis are left unjoined. */
export const MAX_JOINED_GAP = 0.05;

/** Drawn in this order: the faint bin line under the bold ones. */
const SERIES: readonly SeriesSpec[] = [
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
    points: carried((d) => d.greedy, MAX_JOINED_GAP),
    maxGap: MAX_JOINED_GAP,
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

const MARGIN = { left: 64, right: 22 };
const READOUT_HEIGHT = 30;
const HEADER_HEIGHT = 26;
const PANEL_GAP = 18;
const AXIS_HEIGHT = 46;
const FONT_SIZE = 13;
/** Rough advance of one character at `FONT_SIZE`, where text cannot be measured (jsdom). */
const CHAR_WIDTH = 7.1;
/** Room kept for a legend value ("0.000" in bold figures). */
const VALUE_WIDTH = 44;
/** Rows of the visually hidden table. */
const TABLE_ROWS = 8;
/** Optimum and ceiling lines closer than this (px) share one line and label. */
const LINE_CLEARANCE_PX = 18;
/** A ceiling this close to the optimum is not worth a word. */
const CEILING_EPSILON = 0.0005;

/**
 * The right end of the x axis: the smallest of 10, 20, 50, 100, 200, 500 … that holds `episodes`,
 * but not past `target` while the run is short of it.
 */
export function episodeAxisMax(episodes: number, target = Infinity): number {
  const n = Math.max(episodes, 10);
  const p = 10 ** Math.floor(Math.log10(n));
  const nice = [1, 2, 5, 10].map((m) => m * p).find((v) => v >= n)!;
  return episodes <= target ? Math.min(nice, Math.max(target, 10)) : nice;
}

/**
 * Buckets merged into bins of at least `minEpisodes` episodes, both aligned to multiples of their
 * width. Exact: a bin's counts are sums, goals = round(rate · count) are integers again.
 */
export function displayBins(
  buckets: readonly CurveBucket[],
  bucketWidth: number,
  minEpisodes = MIN_BIN_EPISODES,
): { bins: readonly CurveBucket[]; width: number } {
  let width = Math.max(1, bucketWidth);
  while (width < minEpisodes) width *= 2;
  if (width === bucketWidth) return { bins: buckets, width };
  const bins: CurveBucket[] = [];
  let k = -1;
  let n = 0;
  let goals = 0;
  let lengthSum = 0;
  let goalLengthSum = 0;
  let moving = NaN;
  let end = 0;
  const flush = () => {
    if (k < 0) return;
    bins.push({
      start: k * width,
      end,
      count: n,
      successRate: n > 0 ? goals / n : NaN,
      meanLength: n > 0 ? lengthSum / n : NaN,
      meanStepsToGoal: goals > 0 ? goalLengthSum / goals : NaN,
      movingSuccessRate: moving,
    });
  };
  for (const b of buckets) {
    const bk = Math.floor(b.start / width);
    if (bk !== k) {
      flush();
      k = bk;
      n = goals = lengthSum = goalLengthSum = 0;
      moving = NaN;
    }
    end = b.end;
    if (b.count > 0) {
      const g = Math.round(b.successRate * b.count);
      n += b.count;
      goals += g;
      lengthSum += b.meanLength * b.count;
      if (g > 0) goalLengthSum += b.meanStepsToGoal * g;
      moving = b.movingSuccessRate;
    }
  }
  flush();
  return { bins, width };
}

/** "Episode 3,201" for one episode, "Episodes 3,201–3,232" for a bin (1-based, as people count). */
function binName(b: CurveBucket): string {
  return b.end - b.start <= 1
    ? `Episode ${count(b.end)}`
    : `Episodes ${count(b.start + 1)}–${count(b.end)}`;
}

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
function valueAt(points: readonly Xy[], at: number, maxAge = Infinity): number {
  if (points.length === 0) return NaN;
  let i = Math.max(0, lastAtOrBefore(points, at));
  if (points[i]!.gap && i > 0) i--;
  const p = points[i]!;
  return at - p.x > maxAge ? NaN : p.y;
}

/** The bin whose end is nearest episode count e. */
function binNear(v: View, e: number): CurveBucket | null {
  const n = v.bins.length;
  if (n === 0) return null;
  const k = Math.min(n - 1, Math.max(0, Math.round(e / v.binWidth) - 1));
  return v.bins[k]!;
}

/** The accessible summary of the latest values, e.g. "Learning curves after 10,000 episodes: success rate 0.71 …". */
export function curvesSummary(d: CurvesData): string {
  if (d.episodes === 0 || d.buckets.length === 0)
    return `Learning curves: no episodes yet. ${EMPTY_NOTE}.`;
  const { bins } = displayBins(d.buckets, d.bucketWidth);
  const lastBin = bins[bins.length - 1]!;
  const lastBucket = d.buckets[d.buckets.length - 1]!;
  const greedy = d.greedy[d.greedy.length - 1];
  const eps = d.epsilon[d.epsilon.length - 1];
  const parts = [
    `success rate ${show(f2, lastBucket.movingSuccessRate)} over the last ${count(d.window)} episodes`,
  ];
  if (greedy) {
    const opt = d.optimum ? ` (optimal policy ${f3(d.optimum.successProbability)})` : '';
    parts.push(`greedy policy success probability ${f3(greedy.value)}${opt}`);
  }
  parts.push(`mean episode length ${show(f1, lastBin.meanLength)} steps`);
  if (eps) parts.push(`ε ${f3(eps.value)}`);
  return `Learning curves after ${count(d.episodes)} episodes: ${parts.join('; ')}.`;
}

/**
 * Width of a text in user units: measured with the text's own font on a canvas (which, unlike
 * `getComputedTextLength`, does not force a layout of the chart in the middle of a draw), else
 * estimated from its character count where there is no layout (jsdom).
 */
function textWidth(node: SVGTextContentElement | null, chars: number): number {
  const text = node?.textContent ?? '';
  const cached = node ? measuredWidths.get(node) : undefined;
  if (cached && cached.text === text) return cached.width;
  const measured = node ? measureText(node, text) : 0;
  if (node && measured > 0) measuredWidths.set(node, { text, width: measured });
  return measured > 0 ? measured : chars * CHAR_WIDTH;
}

/** Text widths measured so far, per node. */
const measuredWidths = new WeakMap<SVGTextContentElement, { text: string; width: number }>();
/** Each text node's font, read once from its computed style. */
const nodeFonts = new WeakMap<SVGTextContentElement, string>();
let measureContext: CanvasRenderingContext2D | null | undefined;

/** `text`'s width in `node`'s font, or 0 where the browser lays out no text. */
function measureText(node: SVGTextContentElement, text: string): number {
  if (typeof node.getComputedTextLength !== 'function') return 0;
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return node.getComputedTextLength();
  let font = nodeFonts.get(node);
  if (font === undefined) {
    const style = getComputedStyle(node);
    font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    nodeFonts.set(node, font);
  }
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** Hides an element visually but keeps it for screen readers (styles through the CSSOM: CSP-safe). */
function visuallyHidden<E extends HTMLElement>(
  sel: Selection<E, unknown, null, undefined>,
): Selection<E, unknown, null, undefined> {
  return sel
    .style('position', 'absolute')
    .style('width', '1px')
    .style('height', '1px')
    .style('margin', '-1px')
    .style('padding', '0')
    .style('border', '0')
    .style('overflow', 'hidden')
    .style('clip-path', 'inset(50%)')
    .style('white-space', 'nowrap');
}

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Shows or hides an element (visibility keeps its place in the DOM). */
function shown<E extends Element>(
  el: Selection<E, unknown, null, undefined>,
  on: boolean,
): Selection<E, unknown, null, undefined> {
  return el.attr('visibility', on ? null : 'hidden');
}

/** Mounts the curves into `host` (an empty element; the SVG fills its width). */
export function createLearningCurves(
  host: HTMLElement,
  options: LearningCurvesOptions = {},
): LearningCurves {
  const width = options.width ?? 760;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotRight = MARGIN.left + plotWidth;

  // Vertical layout: the readout line, then per panel a header (title + legend) and the plot.
  let y = READOUT_HEIGHT;
  const layout = new Map<PanelKey, { header: number; top: number; bottom: number }>();
  for (const p of PANELS) {
    const top = y + HEADER_HEIGHT;
    layout.set(p.key, { header: y + 16, top, bottom: top + p.height });
    y = top + p.height + PANEL_GAP;
  }
  const successBox = layout.get('success')!;
  const plotsTop = successBox.top;
  const plotsBottom = y - PANEL_GAP;
  const height = plotsBottom + AXIS_HEIGHT;

  const x = scaleLinear().range([MARGIN.left, plotRight]);
  const yScales = new Map<PanelKey, ScaleLinear<number, number>>(
    PANELS.map((p) => [
      p.key,
      scaleLinear().range([layout.get(p.key)!.bottom, layout.get(p.key)!.top]),
    ]),
  );
  yScales.get('success')!.domain([0, 1]);

  const root = select(host).append('div').attr('class', 'learning-curves');
  const svg = root
    .append('svg')
    .attr('class', 'learning-curves-chart')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('tabindex', 0)
    .attr('font-family', FONT_FAMILY)
    .attr('font-size', FONT_SIZE)
    .attr('fill', 'currentColor')
    .style('display', 'block')
    .style('width', '100%')
    .style('height', 'auto')
    .style('font-variant-numeric', 'tabular-nums')
    .style('touch-action', 'pan-y');

  const readout = svg
    .append('text')
    .attr('class', 'curves-readout')
    .attr('x', 4)
    .attr('y', 18)
    .attr('font-size', 14);
  const readoutHead = readout.append('tspan').attr('font-weight', 700);
  const readoutHint = readout.append('tspan').attr('fill-opacity', 0.7).attr('dx', 6);

  // Per panel: a faint plot background, gridlines, the y axis and the title.
  const panels = new Map<
    PanelKey,
    { gridX: G; gridY: G; axisY: G; title: Selection<SVGTextElement, unknown, null, undefined> }
  >();
  for (const p of PANELS) {
    const box = layout.get(p.key)!;
    const g = svg.append('g').attr('class', `curves-panel curves-panel-${p.key}`);
    g.append('rect')
      .attr('class', 'curves-plot-bg')
      .attr('x', MARGIN.left)
      .attr('y', box.top)
      .attr('width', plotWidth)
      .attr('height', p.height)
      .attr('fill', 'currentColor')
      .attr('fill-opacity', 0.03);
    const axisGroup = (cls: string, transform: string) =>
      g.append('g').attr('class', cls).attr('transform', transform);
    panels.set(p.key, {
      gridX: axisGroup('curves-grid curves-grid-x', `translate(0,${box.bottom})`),
      gridY: axisGroup('curves-grid curves-grid-y', `translate(${MARGIN.left},0)`),
      axisY: axisGroup('curves-axis curves-axis-y', `translate(${MARGIN.left},0)`),
      title: g
        .append('text')
        .attr('class', 'curves-title')
        .attr('x', 4)
        .attr('y', box.header)
        .attr('font-size', 14)
        .attr('font-weight', 700)
        .text(p.title),
    });
  }
  const axisX = svg
    .append('g')
    .attr('class', 'curves-axis curves-axis-x')
    .attr('transform', `translate(0,${plotsBottom})`);
  svg
    .append('text')
    .attr('class', 'curves-axis-label')
    .attr('x', MARGIN.left + plotWidth / 2)
    .attr('y', plotsBottom + 40)
    .attr('text-anchor', 'middle')
    .attr('font-size', 14)
    .attr('font-weight', 600)
    .text('Episode');

  // Reference lines in the success panel, and their key.
  const refs = svg.append('g').attr('class', 'curves-reference');
  const refLine = (cls: string, dash: string, opacity: number) =>
    refs
      .append('line')
      .attr('class', cls)
      .attr('x1', MARGIN.left)
      .attr('x2', plotRight)
      .attr('stroke', 'currentColor')
      .attr('stroke-opacity', opacity)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', dash);
  const optimumLine = refLine('curves-optimum', '6 4', 0.8);
  const ceilingLine = refLine('curves-ceiling', '2 4', 0.6);
  // Labels on the lines, at their left end: the curves start low there (nothing learned yet).
  const refLabel = (cls: string) => {
    const text = refs
      .append('text')
      .attr('class', cls)
      .attr('x', MARGIN.left + 8)
      .attr('stroke-width', 4)
      .attr('stroke-linejoin', 'round')
      .style('stroke', 'var(--panel, #ffffff)')
      .style('paint-order', 'stroke');
    const label = text.append('tspan').attr('fill-opacity', 0.85);
    // Spaces, not dx, between the parts: the text reads as words (and copies as such).
    const value = text.append('tspan').attr('font-weight', 700);
    const remark = text.append('tspan').attr('fill-opacity', 0.7).attr('dx', 3);
    return { text, label, value, remark };
  };
  const optimumLabel = refLabel('curves-optimum-label');
  const ceilingLabel = refLabel('curves-ceiling-label');

  const emptyNote = svg
    .append('text')
    .attr('class', 'curves-empty')
    .attr('x', MARGIN.left + plotWidth / 2)
    .attr('y', (successBox.top + successBox.bottom) / 2 - 14)
    .attr('text-anchor', 'middle')
    .attr('font-size', 18)
    .attr('font-weight', 600)
    .attr('fill-opacity', 0.7)
    .text(EMPTY_NOTE);

  // One path, one marker and one legend entry per series.
  const seriesLayer = svg.append('g').attr('class', 'curves-series');
  const legendLayer = svg.append('g').attr('class', 'curves-legend');
  const markerLayer = svg.append('g').attr('class', 'curves-markers');
  const series = SERIES.map((spec) => {
    const color = CURVE_COLORS[spec.key];
    const path = seriesLayer
      .append('path')
      .attr('class', `curves-line curves-line-${spec.key}`)
      .attr('data-series', spec.key)
      .attr('fill', 'none')
      .attr('stroke', color)
      .attr('stroke-width', spec.width)
      .attr('stroke-opacity', spec.opacity)
      .attr('stroke-linejoin', 'round')
      .attr('stroke-linecap', 'round')
      .attr('stroke-dasharray', spec.dash);
    const dots = spec.dots
      ? seriesLayer
          .append('path')
          .attr('class', `curves-dots curves-dots-${spec.key}`)
          .attr('fill', 'none')
          .attr('stroke', color)
          .attr('stroke-width', 6.5)
          .attr('stroke-linecap', 'round')
      : null;
    const item = legendLayer
      .append('g')
      .attr('class', `curves-legend-item curves-legend-${spec.key}`);
    item
      .append('line')
      .attr('x1', 0)
      .attr('x2', 22)
      .attr('y1', -4.5)
      .attr('y2', -4.5)
      .attr('stroke', color)
      .attr('stroke-width', Math.max(spec.width, 2.5))
      .attr('stroke-opacity', Math.max(spec.opacity, 0.5))
      .attr('stroke-dasharray', spec.dash);
    if (spec.dots)
      item.append('circle').attr('cx', 11).attr('cy', -4.5).attr('r', 3.25).attr('fill', color);
    const text = item.append('text').attr('x', 28);
    const label = text.append('tspan').attr('fill-opacity', 0.85);
    const value = text.append('tspan').attr('font-weight', 700).attr('dx', 2);
    const marker = markerLayer
      .append('circle')
      .attr('class', `curves-marker curves-marker-${spec.key}`)
      .attr('fill', color)
      .attr('fill-opacity', spec.opacity < 1 ? 0.7 : 1)
      .attr('stroke-width', 1.5)
      .style('stroke', 'var(--panel, #ffffff)');
    const lineGen = line<Xy>()
      .defined((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .x((p) => x(p.x))
      .y((p) => yScales.get(spec.panel)!(p.y))
      .curve(spec.curve);
    return { spec, path, dots, item, label, value, marker, lineGen, points: [] as Xy[] };
  });

  const cursorLine = svg
    .append('line')
    .attr('class', 'curves-cursor')
    .attr('y1', plotsTop)
    .attr('y2', plotsBottom)
    .attr('stroke', 'currentColor')
    .attr('stroke-opacity', 0.55)
    .attr('stroke-width', 1)
    .attr('visibility', 'hidden')
    .attr('pointer-events', 'none');
  // On top of everything: takes the pointer over the plots (transparent, still hit-tested).
  const overlay = svg
    .append('rect')
    .attr('class', 'curves-overlay')
    .attr('x', MARGIN.left)
    .attr('y', plotsTop)
    .attr('width', plotWidth)
    .attr('height', plotsBottom - plotsTop)
    .attr('fill', 'transparent')
    .style('cursor', 'crosshair');

  // For assistive technology: what the keyboard cursor reads, and a small table of values.
  const live = visuallyHidden(root.append('div'))
    .attr('class', 'curves-live')
    .attr('aria-live', 'polite');
  const table = visuallyHidden(root.append('table')).attr('class', 'curves-table');
  table.append('caption').text('Learning curves at evenly spaced points of the run');
  const columns = [
    'Episodes',
    'Success rate, moving',
    'Success probability of the greedy policy',
    'Mean episode length, steps',
    'ε',
  ];
  table
    .append('thead')
    .append('tr')
    .selectAll('th')
    .data(columns)
    .join('th')
    .attr('scope', 'col')
    .text((c) => c);
  const rows = table
    .append('tbody')
    .selectAll('tr')
    .data(Array.from({ length: TABLE_ROWS }, (_, i) => i))
    .join('tr')
    .attr('hidden', '');
  const cells = rows
    .selectAll('td')
    .data((row) => columns.map((_, col) => ({ row, col })))
    .join('td');

  let view: View | null = null;
  /** A series' value at episode count `at`, as the legends, table and announcements read it. */
  const seriesValue = (s: { spec: SeriesSpec; points: Xy[] }, at: number) =>
    valueAt(s.points, at, (s.spec.maxGap ?? Infinity) * (view?.xMax ?? 0));
  /** Episode count under the cursor, or null: the legends show the latest values. */
  let cursor: number | null = null;
  let legendKey = '';

  const styleAxis = (g: G, grid: boolean) => {
    g.attr('font-size', 12.5).attr('font-family', FONT_FAMILY);
    g.select('.domain').remove();
    if (grid) {
      g.selectAll('.tick line').attr('stroke-opacity', 0.13);
      g.selectAll('.tick text').remove();
    } else {
      g.selectAll('.tick line').attr('stroke-opacity', 0.6);
      g.selectAll('.tick text').attr('fill-opacity', 0.85);
    }
  };

  /**
   * Redraws an axis and its gridlines only when its domain changed (most frames none did): the
   * x axis when the episode range grows, a panel's y axis when its values outgrow it.
   */
  const axisKeys = new Map<string, string>();
  const domainChanged = (name: string, sc: ScaleLinear<number, number>) => {
    const key = sc.domain().join(',');
    if (axisKeys.get(name) === key) return false;
    axisKeys.set(name, key);
    return true;
  };
  function drawAxes(): void {
    const xChanged = domainChanged('x', x);
    for (const p of PANELS) {
      const parts = panels.get(p.key)!;
      const ys = yScales.get(p.key)!;
      const box = layout.get(p.key)!;
      if (domainChanged(p.key, ys)) {
        const yFormat = p.key === 'success' ? format('.1f') : ys.tickFormat(p.ticks);
        parts.axisY.call(
          axisLeft<number>(ys)
            .ticks(p.ticks)
            .tickFormat((v) => yFormat(v))
            .tickSize(5)
            .tickSizeOuter(0),
        );
        styleAxis(parts.axisY, false);
        parts.gridY.call(
          axisLeft<number>(ys)
            .ticks(p.ticks)
            .tickSize(-plotWidth)
            .tickFormat(() => ''),
        );
        styleAxis(parts.gridY, true);
      }
      if (xChanged) {
        parts.gridX.call(
          axisBottom<number>(x)
            .ticks(6)
            .tickSize(-(box.bottom - box.top))
            .tickFormat(() => ''),
        );
        styleAxis(parts.gridX, true);
      }
    }
    if (!xChanged) return;
    axisX.call(
      axisBottom<number>(x)
        .ticks(6)
        .tickFormat((v) => count(v))
        .tickSize(5)
        .tickSizeOuter(0),
    );
    styleAxis(axisX, false);
  }

  /** The reference lines and their labels. */
  function drawReference(d: CurvesData): void {
    const ys = yScales.get('success')!;
    const p = d.optimum?.successProbability ?? NaN;
    const best = d.optimum?.bestWithinLimit ?? NaN;
    const hasOptimum = Number.isFinite(p);
    const ceiling = hasOptimum && Number.isFinite(best) && best - p > CEILING_EPSILON;
    // A ceiling that would crowd the optimum's line is only named in its label.
    const apart = ceiling && ys(p) - ys(best) >= LINE_CLEARANCE_PX;
    // Above its line, or below when the line runs along the top of the plot.
    const labelY = (value: number) => (value > 0.88 ? ys(value) + 17 : ys(value) - 7);
    shown(optimumLine, hasOptimum)
      .attr('y1', hasOptimum ? ys(p) : 0)
      .attr('y2', hasOptimum ? ys(p) : 0);
    shown(optimumLabel.text, hasOptimum).attr('y', hasOptimum ? labelY(p) : 0);
    optimumLabel.label.text('optimal policy');
    optimumLabel.value.text(hasOptimum ? ` ${f3(p)}` : '');
    optimumLabel.remark.text(ceiling && !apart ? ` (best possible ${f3(best)})` : '');
    shown(ceilingLine, apart)
      .attr('y1', apart ? ys(best) : 0)
      .attr('y2', apart ? ys(best) : 0);
    shown(ceilingLabel.text, apart).attr('y', apart ? labelY(best) : 0);
    ceilingLabel.label.text('best possible within the time limit');
    ceilingLabel.value.text(apart ? ` ${f3(best)}` : '');
  }

  /** Lays out each panel's legend after its title; only when a label changed. */
  function layoutLegends(v: View): void {
    const labels = series.map((s) => s.spec.label(v));
    const key = labels.join('|');
    if (key === legendKey) return;
    legendKey = key;
    const next = new Map<PanelKey, number>();
    for (const p of PANELS)
      next.set(p.key, 4 + textWidth(panels.get(p.key)!.title.node(), p.title.length * 1.08) + 24);
    series.forEach((s, i) => {
      s.label.text(labels[i]!);
      const x0 = next.get(s.spec.panel)!;
      s.item.attr('transform', `translate(${x0},${layout.get(s.spec.panel)!.header})`);
      // Swatch, label, a value of up to 5 characters, then a gap.
      next.set(
        s.spec.panel,
        x0 + 28 + textWidth(s.label.node(), labels[i]!.length) + VALUE_WIDTH + 20,
      );
    });
  }

  /** Legend values, markers, cursor and readout: at the cursor, or the latest values. */
  function drawReadout(): void {
    if (!view) return;
    const v = view;
    const bin = cursor === null ? v.bins[v.bins.length - 1] : binNear(v, cursor);
    const at = bin ? bin.end : v.data.episodes;
    for (const s of series) {
      const value = seriesValue(s, at);
      const ok = Number.isFinite(value) && s.points.length > 0;
      s.value.text(` ${ok ? s.spec.format(value) : '–'}`);
      shown(s.marker, ok)
        .attr('cx', x(at))
        .attr('cy', ok ? yScales.get(s.spec.panel)!(value) : 0)
        .attr('r', cursor === null ? 3.5 : 5);
    }
    if (cursor === null || !bin) {
      shown(cursorLine, false);
      const none = v.data.episodes === 0;
      readoutHead.text(none ? 'No episodes yet' : `After ${count(v.data.episodes)} episodes`);
      readoutHint.text(none ? '' : ' hover, or focus and use ← →, to read any point');
    } else {
      shown(cursorLine, true).attr('x1', x(at)).attr('x2', x(at));
      readoutHead.text(binName(bin));
      readoutHint.text(at === v.data.episodes ? ' (latest)' : '');
    }
  }

  /** The hidden table: up to `TABLE_ROWS` bins evenly spread over the run, the last included. */
  function drawTable(v: View): void {
    const n = v.bins.length;
    const m = Math.min(TABLE_ROWS, n);
    const picks = [
      ...new Set(
        Array.from({ length: m }, (_, i) => Math.round((i * (n - 1)) / Math.max(1, m - 1))),
      ),
    ];
    const at = (key: SeriesKey, e: number) =>
      seriesValue(
        series.find((s) => s.spec.key === key)!,
        e,
      );
    rows.attr('hidden', (i) => (i < picks.length ? null : ''));
    cells.text(({ row, col }) => {
      const b = v.bins[picks[row] ?? -1];
      if (!b) return '';
      if (col === 0) return binName(b);
      if (col === 1) return show(f2, at('moving', b.end));
      if (col === 2) return show(f3, at('greedy', b.end));
      if (col === 3) return show(f1, b.meanLength);
      return show(f3, at('epsilon', b.end));
    });
  }

  function update(d: CurvesData): void {
    const { bins, width: binWidth } = displayBins(d.buckets, d.bucketWidth);
    const xMax = episodeAxisMax(d.episodes, d.episodeTarget);
    const v: View = { data: d, bins, binWidth, xMax };
    view = v;
    for (const s of series) s.points = s.spec.points(v);

    x.domain([0, xMax]);
    const maxOf = (keys: readonly SeriesKey[]) => {
      let m = 0;
      for (const s of series)
        if (keys.includes(s.spec.key))
          for (const p of s.points) if (Number.isFinite(p.y) && p.y > m) m = p.y;
      return m;
    };
    yScales
      .get('length')!
      .domain([0, Math.max(10, maxOf(['length', 'stepsToGoal']))])
      .nice(4);
    yScales
      .get('epsilon')!
      .domain([0, Math.max(0.1, maxOf(['epsilon']))])
      .nice(3);

    drawAxes();
    for (const s of series) {
      s.path.attr('d', s.lineGen(s.points) ?? '');
      // Dots as zero-length round-capped segments of one path: no element per point.
      const ys = yScales.get(s.spec.panel)!;
      s.dots?.attr(
        'd',
        (s.spec.dots?.(v) ?? [])
          .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
          .map((p) => `M${round2(x(p.x))},${round2(ys(p.y))}h0`)
          .join(''),
      );
    }
    drawReference(d);
    shown(emptyNote, d.episodes === 0);
    layoutLegends(v);
    drawReadout();
    drawTable(v);
    svg.attr('aria-label', curvesSummary(d));
  }

  // ---- interaction: pointer hover and a keyboard cursor

  const setCursor = (e: number | null, announce: boolean) => {
    cursor = e;
    drawReadout();
    if (!announce || !view || cursor === null) return;
    const bin = binNear(view, cursor);
    if (!bin) return;
    const v = view;
    const values = series
      .filter((s) => s.spec.opacity === 1)
      .map((s) => `${s.spec.label(v)} ${show(s.spec.format, seriesValue(s, bin.end))}`);
    live.text(`${binName(bin)}: ${values.join(', ')}.`);
  };

  overlay
    .on('pointermove', (event: PointerEvent) => {
      if (!view || view.bins.length === 0) return;
      const [px] = pointer(event, svg.node());
      setCursor(Math.max(0, x.invert(px)), false);
    })
    .on('pointerleave', () => setCursor(null, false));

  svg
    .on('focus', () => {
      if (view && view.bins.length > 0 && cursor === null)
        setCursor(view.bins[view.bins.length - 1]!.end, true);
    })
    .on('blur', () => setCursor(null, false))
    .on('keydown', (event: KeyboardEvent) => {
      if (!view || view.bins.length === 0) return;
      if (event.key === 'Escape') {
        setCursor(null, false);
        event.preventDefault();
        return;
      }
      const n = view.bins.length;
      const current =
        cursor === null
          ? n - 1
          : Math.min(n - 1, Math.max(0, Math.round(cursor / view.binWidth) - 1));
      const page = Math.max(1, Math.round(n / 10));
      const targets: Record<string, number> = {
        ArrowLeft: current - 1,
        ArrowRight: current + 1,
        PageUp: current - page,
        PageDown: current + page,
        Home: 0,
        End: n - 1,
      };
      const target = targets[event.key];
      if (target === undefined) return;
      event.preventDefault();
      setCursor(view.bins[Math.min(n - 1, Math.max(0, target))]!.end, true);
    });

  return {
    update,
    destroy(): void {
      overlay.on('pointermove', null).on('pointerleave', null);
      svg.on('focus', null).on('blur', null).on('keydown', null);
      root.remove();
    },
  };
}
