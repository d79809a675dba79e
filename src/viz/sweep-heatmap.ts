/**
 * The sweep's heatmap: one cell per setting, the two swept settings on the axes (x across, y
 * down), the median exact success probability over the seeds as colour (and as text in the cell),
 * a legend, and the spread (min–max and interquartile range) in each cell's tooltip and accessible
 * name. A cell is a button: a click, Enter or Space calls `onSelect` with its setting.
 *
 * Colour: a sequential scale over the extent of the medians that are in, [min median,
 * max median]; when they are all equal (or only one is in) the domain has zero width and every
 * cell gets the scale's low colour, the legend a single tick. Cells without results yet are grey
 * and say "…".
 *
 * Built once; `update` joins cells by key and only rewrites attributes and text.
 */
import { select } from 'd3-selection';
import type { SweepAxis, SweepPlan } from '../rl/sweep';
import { axisValues, describeAxisValue, formatAxisValue } from '../rl/sweep-axes';
import type { SweepSummary } from '../rl/sweep-summary';
import { createLegend } from './legend';
import { contrastingText, sequentialScale, UNKNOWN_COLOR, type Palette } from './scales';
import { FONT_FAMILY } from './theme';
import { formatFixed } from './format';

/** One cell: a setting and its results so far. */
export interface HeatmapCell {
  /** `${col},${row}`. */
  key: string;
  col: number;
  row: number;
  settingIndex: number;
  /** Agents in and agents planned for the setting. */
  n: number;
  seeds: number;
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  /** "α 0.1, γ 0.99"; "success 0.8, step cost −0.01". */
  label: string;
}

/** What one update draws. */
export interface HeatmapData {
  /** Axis titles, e.g. "Learning rate α". */
  xTitle: string;
  yTitle: string;
  /** Tick labels, one per column / row. */
  xValues: string[];
  yValues: string[];
  cells: HeatmapCell[];
  palette: Palette;
}

/** A mounted heatmap. */
export interface SweepHeatmap {
  /** The SVG element. */
  readonly node: SVGSVGElement;
  update(data: HeatmapData): void;
  /** Removes everything it added to its host. */
  destroy(): void;
}

/** Options of `createSweepHeatmap`. */
export interface SweepHeatmapOptions {
  /** A cell was chosen (click, Enter or Space). */
  onSelect(settingIndex: number): void;
}

/** Short names of the settings for the cells' labels (a schedule's label names itself). */
export const AXIS_SYMBOLS: Readonly<Record<SweepAxis, string>> = {
  rewardSchedule: '',
  successRate: 'success',
  alpha: 'α',
  gamma: 'γ',
  epsilonDecay: 'ε decay',
  episodes: 'episodes',
  tieBreak: 'ties',
};

const CELL = 64;
const LEFT = 96;
/** Width of a tick label's character at 12 px, generously (the labels are not measured). */
const CHAR_PX = 7;
const TOP = 40;
const BOTTOM = 12;
const RIGHT = 12;

const f2 = (x: number) => formatFixed(x, 2);
const f4 = (x: number) => formatFixed(x, 4);

/** The tooltip and accessible name of a cell: the setting, the median and the spread. */
export function describeCell(cell: HeatmapCell): string {
  if (cell.n === 0) return `${cell.label}: no results yet (0 of ${cell.seeds} seeds).`;
  return (
    `${cell.label}: median success ${f4(cell.median)} over ${cell.n} of ${cell.seeds} seeds; ` +
    `interquartile range ${f4(cell.q1)}–${f4(cell.q3)}; min–max ${f4(cell.min)}–${f4(cell.max)}.`
  );
}

/** A setting's value as a cell's label names it: "α 0.1", "success 0.8", "step cost −0.01". */
function valueLabel(axis: SweepAxis, value: Parameters<typeof formatAxisValue>[1]): string {
  return [AXIS_SYMBOLS[axis], formatAxisValue(axis, value)].filter((w) => w !== '').join(' ');
}

/** What a cell shows: its median to two places, "…" before its first result. */
function cellText(cell: HeatmapCell): string {
  return cell.n > 0 ? f2(cell.median) : '…';
}

/**
 * A cell's accessible name: its description, the number it shows (a name must hold a control's
 * visible text: axe's label-content-name-mismatch), and what choosing it does.
 */
function cellName(cell: HeatmapCell): string {
  const shown = cell.n > 0 ? ` Shown as ${cellText(cell)}.` : '';
  return `${describeCell(cell)}${shown} Load this setting into the lab.`;
}

/**
 * The heatmap's data for a sweep whose settings vary only along `x` and `y`: one cell per setting,
 * at the column of its x value and the row of its y value (first listed first). Values are matched
 * by their text, so a schedule (a list) finds its column after a copy too.
 */
export function sweepHeatmapData(
  plan: SweepPlan,
  summaries: readonly SweepSummary[],
  axes: { x: SweepAxis; y: SweepAxis },
  titles: { x: string; y: string },
  palette: Palette,
): HeatmapData {
  type Value = Parameters<typeof formatAxisValue>[1];
  const xs = (axisValues(plan.spec.values, axes.x) ?? []) as Value[];
  const ys = (axisValues(plan.spec.values, axes.y) ?? []) as Value[];
  const xKeys = xs.map((v) => describeAxisValue(axes.x, v));
  const yKeys = ys.map((v) => describeAxisValue(axes.y, v));
  const seeds = plan.spec.seeds.length;
  const cells = summaries.map((s): HeatmapCell => {
    const xv = s.setting[axes.x] as Value;
    const yv = s.setting[axes.y] as Value;
    const col = xKeys.indexOf(describeAxisValue(axes.x, xv));
    const row = yKeys.indexOf(describeAxisValue(axes.y, yv));
    return {
      key: `${col},${row}`,
      col,
      row,
      settingIndex: s.settingIndex,
      n: s.n,
      seeds,
      median: s.median,
      min: s.min,
      max: s.max,
      q1: s.q1,
      q3: s.q3,
      label: `${valueLabel(axes.x, xv)}, ${valueLabel(axes.y, yv)}`,
    };
  });
  return {
    xTitle: titles.x,
    yTitle: titles.y,
    xValues: xs.map((v) => formatAxisValue(axes.x, v)),
    yValues: ys.map((v) => formatAxisValue(axes.y, v)),
    cells,
    palette,
  };
}

/** The extent of the finite medians, `[0, 0]` when none is in. */
export function medianExtent(cells: readonly HeatmapCell[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells)
    if (Number.isFinite(c.median)) {
      lo = Math.min(lo, c.median);
      hi = Math.max(hi, c.median);
    }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** Mounts an empty heatmap into `host`; the first `update` draws it. */
export function createSweepHeatmap(host: HTMLElement, options: SweepHeatmapOptions): SweepHeatmap {
  // Hidden until the first update: before a sweep there is nothing to show but empty axes.
  const root = select(host).append('div').attr('class', 'sweep-heatmap').property('hidden', true);
  const svg = root
    .append('svg')
    .attr('class', 'sweep-heatmap-svg')
    .attr('font-family', FONT_FAMILY)
    .attr('role', 'group')
    .attr('aria-label', 'Median exact success by setting')
    .style('display', 'block')
    .style('max-width', '100%')
    .style('height', 'auto');
  const xTitle = svg.append('text').attr('class', 'sweep-heatmap-title').attr('font-size', 13);
  const yTitle = svg
    .append('text')
    .attr('class', 'sweep-heatmap-title')
    .attr('font-size', 13)
    .attr('text-anchor', 'middle');
  const xTicks = svg.append('g').attr('class', 'sweep-heatmap-xticks');
  const yTicks = svg.append('g').attr('class', 'sweep-heatmap-yticks');
  const grid = svg.append('g').attr('class', 'sweep-heatmap-cells');
  const legendHost = root.append('div').attr('class', 'sweep-heatmap-legend').node()!;
  const legend = createLegend(legendHost, { width: 320 });

  const choose = (cell: HeatmapCell) => options.onSelect(cell.settingIndex);

  return {
    node: svg.node()!,
    update(data) {
      root.property('hidden', false);
      const cols = data.xValues.length;
      const rows = data.yValues.length;
      // Columns widen for long tick labels ("Gymnasium’s 1, 0, 0"); the left margin for long rows.
      const longest = (labels: string[]) => Math.max(0, ...labels.map((l) => l.length)) * CHAR_PX;
      const colWidth = Math.max(CELL, longest(data.xValues) + 8);
      const left = Math.max(LEFT, longest(data.yValues) + 28);
      const width = left + cols * colWidth + RIGHT;
      const height = TOP + rows * CELL + BOTTOM;
      svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width);

      xTitle
        .attr('x', left + (cols * colWidth) / 2)
        .attr('y', 14)
        .attr('text-anchor', 'middle')
        .text(data.xTitle);
      yTitle
        .attr('transform', `translate(14,${TOP + (rows * CELL) / 2}) rotate(-90)`)
        .text(data.yTitle);
      xTicks
        .selectAll('text')
        .data(data.xValues)
        .join('text')
        .attr('x', (_, i) => left + (i + 0.5) * colWidth)
        .attr('y', TOP - 8)
        .attr('text-anchor', 'middle')
        .attr('font-size', 12)
        .text((d) => d);
      yTicks
        .selectAll('text')
        .data(data.yValues)
        .join('text')
        .attr('x', left - 8)
        .attr('y', (_, i) => TOP + (i + 0.5) * CELL)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end')
        .attr('font-size', 12)
        .text((d) => d);

      const domain = medianExtent(data.cells);
      const scale = sequentialScale(domain, data.palette);
      const fill = (c: HeatmapCell) => (c.n > 0 ? scale(c.median) : UNKNOWN_COLOR);

      const cells = grid
        .selectAll<SVGGElement, HeatmapCell>('g.sweep-heatmap-cell')
        .data(data.cells, (c) => c.key)
        .join((enter) => {
          const g = enter
            .append('g')
            .attr('class', 'sweep-heatmap-cell')
            .attr('role', 'button')
            .attr('tabindex', 0)
            .style('cursor', 'pointer');
          g.append('title');
          g.append('rect')
            .attr('height', CELL - 2)
            .attr('rx', 3);
          g.append('text')
            .attr('y', (CELL - 2) / 2)
            .attr('dy', '0.35em')
            .attr('text-anchor', 'middle')
            .attr('font-size', 14)
            .attr('font-weight', 600);
          return g;
        })
        .attr(
          'transform',
          (c) => `translate(${left + c.col * colWidth + 1},${TOP + c.row * CELL + 1})`,
        )
        .attr('data-setting', (c) => c.settingIndex)
        .attr('aria-label', cellName)
        .on('click', (_e, c) => choose(c))
        .on('keydown', (e: KeyboardEvent, c) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          choose(c);
        });
      cells.select('title').text((c) => describeCell(c));
      cells
        .select('rect')
        .attr('width', colWidth - 2)
        .attr('fill', fill);
      cells
        .select('text')
        .attr('x', (colWidth - 2) / 2)
        .attr('fill', (c) => contrastingText(fill(c)))
        .text(cellText);

      legend.update({
        kind: 'sequential',
        domain,
        label: 'Median exact success over the seeds',
        palette: data.palette,
      });
    },
    destroy() {
      legend.destroy();
      root.remove();
    },
  };
}
