/**
 * Shared learning curves of two to four learners: three small panels over one x axis (episodes),
 * one line per learner in each (blue, orange, as the lab's two success measures, then violet and
 * green):
 *
 *   Success rate        the share of the last `window` episodes that reached the goal
 *   Greedy policy       the exact probability that the greedy policy of Q reaches the goal within
 *                       the time limit, against a dashed line at the optimal policy's
 *   V(start)            max_a Q(start, a), against a dashed line at V*(start) = max_a Q*(start, a)
 *
 * The third panel shows the on-policy / off-policy difference: while ε is large, SARSA's V(start)
 * is the value of the ε-greedy policy it follows and stays below Q-learning's, which estimates the
 * greedy policy's. Built once; `update` rewrites each line's single path and the axes.
 * Plain data in: no React, no store. Text paints with `currentColor` (light or dark page).
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { episodeAxisMax } from './curves-bins';
import { CURVE_COLORS } from './learning-curves-types';
import { FONT_FAMILY } from './theme';
import { formatSigned, formatThousands } from './format';

/** One sample of a learner's curves. */
export interface CompareSample {
  episode: number;
  movingSuccessRate: number;
  successProbability: number;
  startValue: number;
}

/** What the chart shows. */
export interface CompareCurvesData {
  /** The learners' names, in order (two to four). */
  labels: readonly string[];
  /** Their samples, oldest first, one list per learner. */
  samples: readonly (readonly CompareSample[])[];
  /** Where the run is heading, in episodes: the x axis reaches at least that far. */
  episodeTarget: number;
  /** Episodes the moving success rate averages over. */
  window: number;
  /** The optimal policy's exact success probability and V*(start), or null. */
  optimum: { successProbability: number; startValue: number } | null;
}

/** A mounted chart. */
export interface CompareCurves {
  readonly element: SVGSVGElement;
  update(data: CompareCurvesData): void;
  destroy(): void;
}

/** Line colours of the learners, in order (the first two as the lab's two success measures). */
export const COMPARE_COLORS = [
  CURVE_COLORS.moving,
  CURVE_COLORS.greedy,
  CURVE_COLORS.length,
  '#2f9e44',
] as const;

type Metric = 'movingSuccessRate' | 'successProbability' | 'startValue';

interface PanelSpec {
  metric: Metric;
  title: (d: CompareCurvesData) => string;
  /** The dashed reference value, if any. */
  reference: (d: CompareCurvesData) => number | null;
  referenceLabel: string;
}

const PANELS: readonly PanelSpec[] = [
  {
    metric: 'movingSuccessRate',
    title: (d) => `Success rate over the last ${d.window} episodes`,
    reference: () => null,
    referenceLabel: '',
  },
  {
    metric: 'successProbability',
    title: () => 'Exact success probability of the greedy policy',
    reference: (d) => d.optimum?.successProbability ?? null,
    referenceLabel: 'γ-optimal policy',
  },
  {
    metric: 'startValue',
    title: () => 'V(start) = max_a Q(start, a)',
    reference: (d) => d.optimum?.startValue ?? null,
    referenceLabel: 'V*(start)',
  },
];

const WIDTH = 640;
const MARGIN = { left: 48, right: 16 };
/** Two rows of legend: learners 1–2 and the dashed key, then learners 3–4. */
const LEGEND_HEIGHT = 44;
const TITLE_HEIGHT = 22;
const PANEL_HEIGHT = 90;
const PANEL_GAP = 14;
const AXIS_HEIGHT = 36;
/** The curves' numbers: 3 decimals, true minus. */
const fmt = (x: number) => formatSigned(x, 3);

/** One sentence per learner with its latest values: the chart's accessible description. */
export function compareSummary(d: CompareCurvesData): string {
  const parts = d.labels.map((label, i) => {
    const last = d.samples[i]!.at(-1);
    if (!last) return `${label}: no episodes yet`;
    return (
      `${label} after ${formatThousands(last.episode)} episodes: success rate ` +
      `${fmt(last.movingSuccessRate)}, greedy policy ${fmt(last.successProbability)}, ` +
      `V(start) ${fmt(last.startValue)}`
    );
  });
  const o = d.optimum;
  const optimum = o
    ? `; γ-optimal policy ${fmt(o.successProbability)}, V*(start) ${fmt(o.startValue)}`
    : '';
  return `Comparison curves. ${parts.join('; ')}${optimum}.`;
}

/** Mounts the chart in `host`. */
export function createCompareCurves(host: HTMLElement): CompareCurves {
  const plotRight = WIDTH - MARGIN.right;
  const boxes = PANELS.map((_, i) => {
    const header = LEGEND_HEIGHT + i * (TITLE_HEIGHT + PANEL_HEIGHT + PANEL_GAP);
    return { header, top: header + TITLE_HEIGHT, bottom: header + TITLE_HEIGHT + PANEL_HEIGHT };
  });
  const plotsBottom = boxes.at(-1)!.bottom;
  const height = plotsBottom + AXIS_HEIGHT;
  const x = scaleLinear().range([MARGIN.left, plotRight]);

  const svg = select(host)
    .append('svg')
    .attr('class', 'compare-curves')
    .attr('viewBox', `0 0 ${WIDTH} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', 'Comparison curves: no episodes yet.')
    .attr('font-family', FONT_FAMILY)
    .attr('font-size', 12)
    .attr('fill', 'currentColor')
    .style('display', 'block')
    .style('width', '100%')
    .style('height', 'auto');

  const legend = svg.append('g').attr('class', 'compare-legend');
  const legendSlots = COMPARE_COLORS.map((_, i) => {
    const g = legend
      .append('g')
      .attr(
        'transform',
        `translate(${MARGIN.left + (i % 2) * 200},${14 + Math.floor(i / 2) * 18})`,
      );
    g.append('line')
      .attr('x1', 0)
      .attr('x2', 22)
      .attr('stroke', COMPARE_COLORS[i]!)
      .attr('stroke-width', 3);
    return { g, text: g.append('text').attr('x', 28).attr('dy', '0.35em').attr('font-size', 13) };
  });
  const dashKey = legend.append('g').attr('transform', `translate(${MARGIN.left + 400},14)`);
  dashKey
    .append('line')
    .attr('x1', 0)
    .attr('x2', 22)
    .attr('stroke', 'currentColor')
    .attr('stroke-dasharray', '5 4');
  dashKey.append('text').attr('x', 28).attr('dy', '0.35em').attr('font-size', 13).text('γ-optimal');

  const panels = PANELS.map((spec, i) => {
    const box = boxes[i]!;
    const g = svg.append('g').attr('class', `compare-curves-panel compare-curves-${spec.metric}`);
    g.append('rect')
      .attr('x', MARGIN.left)
      .attr('y', box.top)
      .attr('width', plotRight - MARGIN.left)
      .attr('height', PANEL_HEIGHT)
      .attr('fill', 'currentColor')
      .attr('fill-opacity', 0.03);
    const title = g
      .append('text')
      .attr('x', 4)
      .attr('y', box.header + 15)
      .attr('font-size', 13)
      .attr('font-weight', 700);
    const axis = g.append('g').attr('transform', `translate(${MARGIN.left},0)`);
    const reference = g
      .append('line')
      .attr('class', 'compare-reference')
      .attr('stroke', 'currentColor')
      .attr('stroke-dasharray', '5 4')
      .attr('stroke-opacity', 0.8);
    // One path per learner, joined on each update (the number of learners is the run's).
    const lines = g.append('g').attr('class', 'compare-lines');
    const y = scaleLinear().range([box.bottom, box.top]);
    return { spec, title, axis, reference, lines, y };
  });
  const axisX = svg.append('g').attr('transform', `translate(0,${plotsBottom})`);
  svg
    .append('text')
    .attr('x', MARGIN.left + (plotRight - MARGIN.left) / 2)
    .attr('y', plotsBottom + 32)
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .text('Episode');

  return {
    element: svg.node()!,
    update(d) {
      const last = Math.max(0, ...d.samples.map((s) => s.at(-1)?.episode ?? 0));
      x.domain([0, episodeAxisMax(last, d.episodeTarget)]);
      axisX.call(
        axisBottom(x)
          .ticks(6)
          .tickFormat((v) => formatThousands(+v)),
      );
      svg.attr('aria-label', compareSummary(d));
      legendSlots.forEach((slot, i) => {
        slot.g.attr('display', i < d.labels.length ? null : 'none');
        slot.text.text(d.labels[i] ?? '');
      });
      dashKey.attr('display', d.optimum ? null : 'none');
      for (const p of panels) {
        const ref = p.spec.reference(d);
        // Probabilities on [0, 1]; values from 0 to the largest of V*, the samples and a floor.
        let top = 1;
        if (p.spec.metric === 'startValue') {
          top = Math.max(ref ?? 0, 1e-3);
          for (const s of d.samples) for (const q of s) top = Math.max(top, q.startValue);
          top *= 1.05;
        }
        p.y.domain([0, top]);
        p.axis.call(axisLeft(p.y).ticks(4, '.2~f'));
        p.title.text(p.spec.title(d));
        p.reference
          .attr('display', ref === null ? 'none' : null)
          .attr('x1', MARGIN.left)
          .attr('x2', plotRight)
          .attr('y1', p.y(ref ?? 0))
          .attr('y2', p.y(ref ?? 0));
        p.reference
          .selectAll('title')
          .data([p.spec.referenceLabel])
          .join('title')
          .text((label) => `${label}: ${ref === null ? '' : fmt(ref)}`);
        const path = line<CompareSample>()
          .defined((s) => Number.isFinite(s[p.spec.metric]))
          .x((s) => x(s.episode))
          .y((s) => p.y(s[p.spec.metric]));
        p.lines
          .selectAll<SVGPathElement, readonly CompareSample[]>('path.compare-line')
          .data(d.samples)
          .join((enter) =>
            enter
              .append('path')
              .attr('class', 'compare-line')
              .attr('fill', 'none')
              .attr('stroke-width', 2)
              .attr('stroke-linejoin', 'round'),
          )
          .attr('data-side', (_, k) => k)
          .attr('stroke', (_, k) => COMPARE_COLORS[k % COMPARE_COLORS.length]!)
          .attr('d', (samples) => (samples.length > 0 ? path(samples) : null));
      }
    },
    destroy() {
      svg.remove();
    },
  };
}
