/**
 * A small line chart of one series y_1 … y_n against its index, for dynamic programming's panel:
 * ‖V_k − V_{k−1}‖∞ per sweep on a log scale (with the tolerance as a dashed line), or the time
 * limit's p_t(start) for t = 1 … T on a linear one. Built once; `update` redraws the path and the
 * axes. On the log scale a change of exactly 0 has no place: that point is left out of the line.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { setAttrs } from './svg';
import { INK_COLORS } from './theme';

/** How a chart reads its series. */
export interface DpChartOptions {
  /** The chart's accessible name. */
  label: string;
  /** Log scale on y (positive values only). */
  log: boolean;
  /** Names of the axes, drawn beside them. */
  xName: string;
  yName: string;
}

/** What a chart draws. */
export interface DpChartData {
  /** y_i for x = i + 1. */
  values: readonly number[] | Float64Array;
  /** A horizontal reference (the tolerance), or null. */
  reference: number | null;
}

/** A mounted chart. */
export interface DpChart {
  readonly element: SVGSVGElement;
  update(data: DpChartData): void;
  destroy(): void;
}

const WIDTH = 320;
const HEIGHT = 170;
const MARGIN = { top: 10, right: 12, bottom: 34, left: 52 };

/** Mounts a chart in `host`. */
export function createDpChart(host: HTMLElement, options: DpChartOptions): DpChart {
  const svg = setAttrs(select(host).append('svg'), {
    class: 'dp-chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': options.label,
  });
  const xAxis = svg.append('g').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${MARGIN.left},0)`);
  const reference = setAttrs(svg.append('line'), {
    class: 'dp-reference',
    stroke: INK_COLORS.burstEdge,
    'stroke-dasharray': '5 4',
    'stroke-width': 1.5,
  });
  const path = setAttrs(svg.append('path'), {
    class: 'dp-line',
    fill: 'none',
    stroke: INK_COLORS.agent,
    'stroke-width': 2,
    'stroke-linejoin': 'round',
  });
  setAttrs(svg.append('text'), {
    x: (MARGIN.left + WIDTH - MARGIN.right) / 2,
    y: HEIGHT - 4,
    'text-anchor': 'middle',
    'font-size': 11,
    fill: 'currentColor',
  }).text(options.xName);
  setAttrs(svg.append('text'), {
    transform: `translate(12,${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`,
    'text-anchor': 'middle',
    'font-size': 11,
    fill: 'currentColor',
  }).text(options.yName);

  return {
    element: svg.node()!,
    update({ values, reference: ref }) {
      const n = values.length;
      const x = scaleLinear()
        .domain([1, Math.max(2, n)])
        .range([MARGIN.left, WIDTH - MARGIN.right]);
      const shown = Array.from(values).filter((y) => !options.log || y > 0);
      if (ref !== null) shown.push(ref);
      let lo = Math.min(...shown);
      let hi = Math.max(...shown);
      if (!options.log) [lo, hi] = [Math.min(0, lo), Math.max(hi, lo + 1e-9, 1e-9)];
      else if (!(lo > 0)) [lo, hi] = [1e-6, 1];
      else if (lo === hi) [lo, hi] = [lo / 10, hi * 10];
      const y = (options.log ? scaleLog() : scaleLinear())
        .domain([lo, hi])
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
      if (!options.log) y.nice();
      xAxis.call(axisBottom(x).ticks(5, 'd'));
      yAxis.call(axisLeft(y).ticks(4, options.log ? '.0e' : '.2f'));
      const points = Array.from(values, (v, i) => [x(i + 1), v] as const);
      path.attr(
        'd',
        line<readonly [number, number]>()
          .defined((p) => !options.log || p[1] > 0)
          .x((p) => p[0])
          .y((p) => y(p[1]))(points),
      );
      reference
        .attr('display', ref === null ? 'none' : null)
        .attr('x1', MARGIN.left)
        .attr('x2', WIDTH - MARGIN.right)
        .attr('y1', ref === null ? 0 : y(ref))
        .attr('y2', ref === null ? 0 : y(ref));
    },
    destroy() {
      svg.remove();
    },
  };
}
