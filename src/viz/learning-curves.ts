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
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { line } from 'd3-shape';
import { binName, binNear, displayBins, episodeAxisMax } from './curves-bins';
import { createCurvesAxes, type PanelBox } from './curves-axes';
import { shown, textWidth, visuallyHidden } from './curves-dom';
import { count, round2, show } from './curves-format';
import { createReferenceLines } from './curves-reference';
import { PANELS, SERIES, valueAt } from './curves-series';
import { curvesSummary } from './curves-summary';
import { createCurvesTable } from './curves-table';
import {
  CURVE_COLORS,
  EMPTY_NOTE,
  type CurvesData,
  type LearningCurves,
  type LearningCurvesOptions,
  type PanelKey,
  type SeriesKey,
  type SeriesSpec,
  type View,
  type Xy,
} from './learning-curves-types';
import { FONT_FAMILY } from './theme';

/** Room around the plots for the y axis labels (left) and the last x tick (right). */
const MARGIN = { left: 64, right: 22 };
/** Heights, in user units: the readout line, a panel's header, the gap between panels, the x axis. */
const HEIGHT = { readout: 30, header: 26, panelGap: 18, axis: 46 };
const FONT_SIZE = 13;
/** Room kept for a legend value ("0.000" in bold figures). */
const VALUE_WIDTH = 44;

/** Mounts the curves into `host` (an empty element; the SVG fills its width). */
export function createLearningCurves(
  host: HTMLElement,
  options: LearningCurvesOptions = {},
): LearningCurves {
  const width = options.width ?? 760;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotRight = MARGIN.left + plotWidth;

  // Vertical layout: the readout line, then per panel a header (title + legend) and the plot.
  let y = HEIGHT.readout;
  const layout = new Map<PanelKey, PanelBox>();
  for (const p of PANELS) {
    const top = y + HEIGHT.header;
    layout.set(p.key, { header: y + 16, top, bottom: top + p.height });
    y = top + p.height + HEIGHT.panelGap;
  }
  const successBox = layout.get('success')!;
  const plotsTop = successBox.top;
  const plotsBottom = y - HEIGHT.panelGap;
  const height = plotsBottom + HEIGHT.axis;

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

  const axes = createCurvesAxes(svg, {
    left: MARGIN.left,
    plotWidth,
    plotsBottom,
    layout,
    x,
    yScales,
  });

  const reference = createReferenceLines(svg, MARGIN.left, plotRight);

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
  const table = createCurvesTable(root);

  let view: View | null = null;
  /** A series' value at episode count `at`, as the legends, table and announcements read it. */
  const seriesValue = (s: { spec: SeriesSpec; points: Xy[] }, at: number) =>
    valueAt(s.points, at, view && s.spec.maxGap ? s.spec.maxGap(view) : Infinity);
  /** Episode count under the cursor, or null: the legends show the latest values. */
  let cursor: number | null = null;
  let legendKey = '';

  /** Lays out each panel's legend after its title; only when a label changed. */
  function layoutLegends(v: View): void {
    const labels = series.map((s) => s.spec.label(v));
    const key = labels.join('|');
    if (key === legendKey) return;
    legendKey = key;
    const next = new Map<PanelKey, number>();
    for (const p of PANELS)
      next.set(p.key, 4 + textWidth(axes.titles.get(p.key)!.node(), p.title.length * 1.08) + 24);
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

    axes.draw();
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
    reference.draw(d, yScales.get('success')!);
    shown(emptyNote, d.episodes === 0);
    layoutLegends(v);
    drawReadout();
    table.draw(v.bins, (key, at) =>
      seriesValue(
        series.find((s) => s.spec.key === key)!,
        at,
      ),
    );
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
