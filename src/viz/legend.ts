/**
 * A colour legend: caption, gradient bar and tick axis for the scale the Q-grid is painting with.
 * Built once; `update` only moves gradient stops, ticks and text. A degenerate domain (every value
 * equal, as at initialisation) draws a uniform bar with a single tick and says so.
 */
import { select } from 'd3-selection';
import { lazyModule } from '../shared/lazy-module';
import { captionParts, plainCaption } from './describe';
import { formatCount, formatValue } from './format';
import { colorScale, type Palette, type ScaleKind } from './scales';
import { setAttrs } from './svg';
import { FONT_FAMILY } from './theme';

/** What a legend shows. */
export interface LegendSpec {
  /** Sequential (V, Q, |δ|), diverging around 0 (A) or log (visit counts N). */
  kind: ScaleKind;
  /** `[lo, hi]`, the range the colours span; `lo === hi` is fine. */
  domain: readonly [number, number];
  /** Caption; `_x` draws x as a subscript, e.g. "V(s) = max_a Q(s,a)". */
  label: string;
  palette?: Palette;
  /** A short remark at the right of the caption (e.g. "0 = greedy action"). */
  note?: string;
}

/** A mounted legend. */
export interface Legend {
  /** Redraws for a new scale; cheap, call it with every frame. */
  update(spec: LegendSpec): void;
  /** Removes everything the legend added to its host. */
  destroy(): void;
}

/** Options of `createLegend`. */
export interface LegendOptions {
  /** viewBox width (the legend scales to its host's width). Default 320. */
  width?: number;
  /** Approximate number of ticks. Default 5. */
  ticks?: number;
}

/** Gradient stops along the bar; the ramps are smooth enough that 16 look continuous. */
export const LEGEND_STOPS = 16;

const HEIGHT = 64;
const MARGIN = 14;
const BAR_Y = 26;
const BAR_HEIGHT = 14;

let legendCount = 0;

/**
 * The tick axis (d3-axis, d3-scale, d3-format): the first draw shows the caption and the bar
 * without it, and the ticks follow as soon as it has loaded.
 */
export const legendAxisCode = lazyModule(() => import('./legend-axis'));

/** Mounts a legend into `host` (an empty element; the legend's SVG fills its width). */
export function createLegend(host: HTMLElement, options: LegendOptions = {}): Legend {
  const width = options.width ?? 320;
  const tickCount = options.ticks ?? 5;
  const gradientId = `qgrid-legend-${++legendCount}-gradient`;
  const barWidth = width - 2 * MARGIN;

  const svg = select(host)
    .append('svg')
    .attr('class', 'qgrid-legend')
    .attr('viewBox', `0 0 ${width} ${HEIGHT}`)
    .attr('role', 'img')
    .attr('font-family', FONT_FAMILY)
    // Hidden until the first update: the bar's gradient has no colours yet (an SVG stop without
    // a colour is black) and the image no name.
    .style('display', 'none')
    .style('width', '100%')
    .style('height', 'auto');

  const gradient = setAttrs(svg.append('defs').append('linearGradient'), {
    id: gradientId,
    x1: 0,
    x2: 1,
    y1: 0,
    y2: 0,
  });
  const stops = gradient
    .selectAll('stop')
    .data(Array.from({ length: LEGEND_STOPS }, (_, i) => i / (LEGEND_STOPS - 1)))
    .join('stop')
    .attr('offset', (u) => u);

  // The header line: the caption at the left, the note at the right.
  const caption = setAttrs(svg.append('text'), {
    class: 'qgrid-legend-label',
    x: MARGIN,
    y: 16,
    'font-size': 14,
    'font-weight': 600,
    fill: '#1b2430',
  });
  const note = setAttrs(svg.append('text'), {
    class: 'qgrid-legend-note',
    x: width - MARGIN,
    y: 16,
    'text-anchor': 'end',
    'font-size': 11,
    fill: '#495057',
  });
  setAttrs(svg.append('rect'), {
    class: 'qgrid-legend-bar',
    x: MARGIN,
    y: BAR_Y,
    width: barWidth,
    height: BAR_HEIGHT,
    rx: 4,
    fill: `url(#${gradientId})`,
    stroke: '#8a99a8',
    'stroke-width': 1,
  });
  const axisG = svg
    .append('g')
    .attr('class', 'qgrid-legend-axis')
    .attr('transform', `translate(0,${BAR_Y + BAR_HEIGHT})`);

  let latest: LegendSpec | null = null;
  let destroyed = false;
  const legend: Legend = {
    update(spec: LegendSpec): void {
      const scale = colorScale(spec.kind, spec.domain, spec.palette ?? 'default');
      const [lo, hi] = scale.domain;
      const degenerate = !(hi > lo);
      // Stop u ∈ [0, 1] shows the colour at fraction u of the bar: the value lo + u · (hi − lo),
      // or on the log scale the count x with ln(1 + x) = u · ln(1 + hi).
      stops.attr('stop-color', (u) =>
        scale(spec.kind === 'log' ? Math.expm1(u * Math.log1p(hi)) : lo + u * (hi - lo)),
      );

      caption
        .selectAll('tspan')
        .data(captionParts(spec.label))
        .join('tspan')
        .attr('baseline-shift', (p) => (p.sub ? 'sub' : null))
        .attr('font-size', (p) => (p.sub ? 10 : null))
        .text((p) => p.text);
      const log = spec.kind === 'log';
      const fmt = log ? formatCount : formatValue;
      const noteText = degenerate ? `all values ${fmt(lo)}` : (spec.note ?? '');
      note.text(noteText);

      const axis = legendAxisCode.current();
      if (axis)
        axis.drawLegendAxis(axisG, {
          kind: spec.kind,
          lo,
          hi,
          tickCount,
          barWidth,
          margin: MARGIN,
        });
      else
        void legendAxisCode.load().then(() => {
          if (!destroyed && latest) legend.update(latest);
        });
      latest = spec;

      svg
        .style('display', 'block')
        .attr(
          'aria-label',
          `${plainCaption(spec.label)}: ${log ? 'logarithmic ' : ''}colour scale from ${fmt(lo)} to ${fmt(hi)}${
            noteText ? ` (${noteText})` : ''
          }`,
        );
    },
    destroy(): void {
      destroyed = true;
      svg.remove();
    },
  };
  return legend;
}
