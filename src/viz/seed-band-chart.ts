/**
 * The seed band's chart: one small panel per series (success rate, exact success, episode
 * length) over episodes, each with the interquartile band [q1, q3] of the seeds as an area, their
 * median as a line and the lab's own run (the band's first seed) as a dashed line inside it.
 *
 * One cursor is shared by the panels: pointer movement over a panel puts it on the nearest
 * checkpoint, and a focused panel moves it with ←/→, Home and End. The readout under the panels
 * says the checkpoint's numbers (median, IQR, range and the lab's value of each series) and is a
 * polite live region, so a screen reader hears them as the cursor moves.
 *
 * y scales: the two probabilities on [0, 1]; the episode length on [0, its largest max] (at least
 * 1, so a zero-width domain still draws). Built once; `update` rewrites paths and text only.
 */
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { area, line } from 'd3-shape';
import {
  BAND_SERIES,
  BAND_SERIES_LABEL,
  type BandPoint,
  type BandSeries,
  type SeedBand,
} from '../rl/seed-band';
import type { SeedCurve } from '../rl/seed-curve';
import { formatFixed, formatThousands } from './format';
import { FONT_FAMILY } from './theme';

/** One series to draw. */
export interface BandChartSeries {
  key: BandSeries;
  /** "Success rate". */
  label: string;
  points: BandPoint[];
  /** The lab's run (the band's first seed) at each checkpoint. */
  lab: number[];
  /** Digits the readout gives its numbers with. */
  digits: number;
}

/** What one update draws. */
export interface BandChartData {
  series: BandChartSeries[];
  /** The lab's seed, named in the legend and the readout. */
  labSeed: number;
  seeds: number;
}

/** A mounted chart. */
export interface SeedBandChart {
  update(data: BandChartData): void;
  /** The checkpoint under the cursor (index), −1 before any data. */
  cursor(): number;
  destroy(): void;
}

/** Digits each series is written with: probabilities to 3, lengths (steps) to 1. */
const DIGITS: Readonly<Record<BandSeries, number>> = {
  successRate: 3,
  exactSuccess: 3,
  episodeLength: 1,
};

/** The chart's data: the band's series, with the lab's seed's curve as its line. */
export function bandChartData(band: SeedBand, lab: SeedCurve): BandChartData {
  return {
    series: BAND_SERIES.map((key) => ({
      key,
      label: BAND_SERIES_LABEL[key],
      points: band.series[key],
      lab: lab[key],
      digits: DIGITS[key],
    })),
    labSeed: lab.seed,
    seeds: band.seeds.length,
  };
}

/**
 * The charts' width in user units: the host's width in px between 320 and 600, so that on a phone
 * the 10-unit text is drawn near 10 px instead of being scaled down with a 600-unit chart.
 */
export function bandChartWidth(hostWidth: number): number {
  return hostWidth > 0 ? Math.round(Math.max(320, Math.min(600, hostWidth))) : 600;
}
const HEIGHT = 130;
const MARGIN = { top: 18, right: 12, bottom: 22, left: 44 };

/** The y domain's top for a series: 1 for the probabilities, the largest max for the length. */
function yTop(s: BandChartSeries): number {
  if (s.key !== 'episodeLength') return 1;
  return Math.max(1, ...s.points.map((p) => p.max), ...s.lab);
}

/** The readout's sentence for checkpoint `i`. */
export function bandReadout(data: BandChartData, i: number): string {
  const first = data.series[0]?.points[i];
  if (!first) return '';
  const parts = data.series.map((s) => {
    const p = s.points[i]!;
    const f = (x: number) => formatFixed(x, s.digits);
    return (
      `${s.label}: median ${f(p.median)}, IQR ${f(p.q1)}–${f(p.q3)}, ` +
      `range ${f(p.min)}–${f(p.max)}, lab ${f(s.lab[i]!)}`
    );
  });
  return `Episode ${formatThousands(first.episode)} (${data.seeds} seeds): ${parts.join('; ')}.`;
}

/** Mounts the chart in `host`. */
export function createSeedBandChart(host: HTMLElement): SeedBandChart {
  const root = select(host).append('div').attr('class', 'seed-band-chart');
  // One key for the three panels, so each panel's title is only its series' name.
  root
    .append('p')
    .attr('class', 'seed-band-key')
    .text(
      "Solid line: the seeds' median; grey band: their middle half (IQR); dashed: the lab's run.",
    );
  const panels = root.append('div').attr('class', 'seed-band-panels');
  const readout = root
    .append('p')
    .attr('class', 'seed-band-readout')
    .attr('aria-live', 'polite')
    .attr('data-testid', 'seed-band-readout');
  let data: BandChartData | null = null;
  let cursor = -1;
  const width = bandChartWidth(host.clientWidth);
  const x = scaleLinear().range([MARGIN.left, width - MARGIN.right]);

  const moveTo = (i: number): void => {
    if (!data) return;
    const n = data.series[0]?.points.length ?? 0;
    if (n === 0) return;
    cursor = Math.max(0, Math.min(n - 1, i));
    draw();
  };

  const onKey = (event: KeyboardEvent): void => {
    const n = data?.series[0]?.points.length ?? 0;
    const to: Record<string, number> = {
      ArrowLeft: cursor - 1,
      ArrowRight: cursor + 1,
      Home: 0,
      End: n - 1,
    };
    if (!(event.key in to)) return;
    event.preventDefault();
    moveTo(to[event.key]!);
  };

  const onPointer = (event: PointerEvent, svg: SVGSVGElement): void => {
    const points = data?.series[0]?.points ?? [];
    if (points.length === 0) return;
    const box = svg.getBoundingClientRect();
    const px = box.width > 0 ? ((event.clientX - box.left) / box.width) * width : 0;
    const episode = x.invert(px);
    let best = 0;
    points.forEach((p, i) => {
      if (Math.abs(p.episode - episode) < Math.abs(points[best]!.episode - episode)) best = i;
    });
    moveTo(best);
  };

  function panel(
    sel: Selection<SVGSVGElement, BandChartSeries, HTMLDivElement, unknown>,
  ): Selection<SVGSVGElement, BandChartSeries, HTMLDivElement, unknown> {
    sel
      .attr('viewBox', `0 0 ${width} ${HEIGHT}`)
      .attr('class', 'seed-band-svg')
      .attr('tabindex', 0)
      .attr('role', 'img')
      .style('font-family', FONT_FAMILY)
      .on('keydown', onKey)
      .on('pointermove', function (this: SVGSVGElement, event: PointerEvent) {
        onPointer(event, this);
      })
      .on('focus', () => {
        if (cursor < 0) moveTo(Number.MAX_SAFE_INTEGER);
      });
    sel.append('text').attr('class', 'title').attr('x', MARGIN.left).attr('y', 12);
    sel.append('path').attr('class', 'iqr').attr('fill', 'currentColor').attr('fill-opacity', 0.2);
    for (const cls of ['median', 'lab'])
      sel
        .append('path')
        .attr('class', cls)
        .attr('fill', 'none')
        .attr('stroke', 'currentColor')
        .attr('stroke-width', cls === 'median' ? 2 : 1.5)
        .attr('stroke-dasharray', cls === 'lab' ? '5 3' : null);
    for (const cls of ['y-top', 'y-bottom', 'x-left', 'x-right'])
      sel.append('text').attr('class', cls).attr('font-size', 10);
    sel.append('line').attr('class', 'cursor').attr('stroke', 'currentColor');
    return sel;
  }

  function draw(): void {
    if (!data) return;
    const d = data;
    const points0 = d.series[0]?.points ?? [];
    const last = points0[points0.length - 1]?.episode ?? 1;
    x.domain([0, last]);
    panels
      .selectAll<SVGSVGElement, BandChartSeries>('svg')
      .data(d.series, (s) => s.key)
      .join((enter) => panel(enter.append('svg')))
      .each(function (s) {
        const svg = select(this);
        const y = scaleLinear()
          .domain([0, yTop(s)])
          .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
        const px = (p: BandPoint) => x(p.episode);
        svg.attr(
          'aria-label',
          `${s.label} over episodes: the median and interquartile band of ${d.seeds} seeds, ` +
            `and the lab's run (seed ${d.labSeed}) as a dashed line. Arrow keys move along it.`,
        );
        svg.select('.title').text(s.label);
        svg.select('.iqr').attr(
          'd',
          area<BandPoint>()
            .x(px)
            .y0((p) => y(p.q1))
            .y1((p) => y(p.q3))(s.points),
        );
        svg.select('.median').attr(
          'd',
          line<BandPoint>()
            .x(px)
            .y((p) => y(p.median))(s.points),
        );
        svg.select('.lab').attr(
          'd',
          line<number>()
            .x((_, i) => x(s.points[i]!.episode))
            .y((v) => y(v))(s.lab),
        );
        const top = yTop(s);
        svg
          .select('.y-top')
          .attr('x', 4)
          .attr('y', MARGIN.top + 4)
          .text(formatFixed(top, s.digits));
        svg
          .select('.y-bottom')
          .attr('x', 4)
          .attr('y', HEIGHT - MARGIN.bottom)
          .text('0');
        svg
          .select('.x-left')
          .attr('x', MARGIN.left)
          .attr('y', HEIGHT - 6)
          .text('0');
        svg
          .select('.x-right')
          .attr('x', width - MARGIN.right)
          .attr('y', HEIGHT - 6)
          .attr('text-anchor', 'end')
          .text(`${formatThousands(last)} episodes`);
        const at = s.points[cursor];
        svg
          .select('.cursor')
          .attr('display', at ? null : 'none')
          .attr('x1', at ? x(at.episode) : 0)
          .attr('x2', at ? x(at.episode) : 0)
          .attr('y1', MARGIN.top)
          .attr('y2', HEIGHT - MARGIN.bottom);
      });
    readout.text(
      cursor >= 0 ? bandReadout(d, cursor) : 'Point at a chart or focus it and use ← →.',
    );
  }

  return {
    update(next) {
      data = next;
      const n = next.series[0]?.points.length ?? 0;
      if (cursor >= n) cursor = n - 1;
      draw();
    },
    cursor: () => cursor,
    destroy() {
      root.remove();
    },
  };
}
