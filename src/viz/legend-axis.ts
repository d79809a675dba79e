/**
 * The legend's tick axis, loaded after the first draw (see `legendAxisCode` in legend.ts): the
 * tick values and their format, and the axis drawn under the colour bar.
 */
import { axisBottom } from 'd3-axis';
import { format, precisionFixed } from 'd3-format';
import { scaleLinear, scaleSymlog } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { formatCount, formatValue } from './format';
import type { ScaleKind } from './scales';
import { FONT_FAMILY } from './theme';

/**
 * Tick values and their format for a domain: d3's nice ticks, or the single value when the domain
 * has zero width; decimals are max(2, what the tick step needs) so neighbouring ticks never print
 * the same text.
 */
export function legendTicks(
  domain: readonly [number, number],
  count = 5,
): { values: number[]; format: (x: number) => string } {
  const [lo, hi] = domain;
  if (!(hi > lo)) return { values: [lo], format: formatValue };
  const values = scaleLinear().domain([lo, hi]).ticks(count);
  const step = values.length > 1 ? values[1]! - values[0]! : hi - lo;
  const digits = Math.max(2, precisionFixed(step));
  return { values, format: format(`.${digits}f`) };
}

/**
 * Ticks of a log count scale over [0, hi]: 0 and the powers of ten up to hi (0, 1, 10, 100, …),
 * written as counts (1k, 10k past 999). With hi = 0 the single tick 0.
 */
export function countTicks(hi: number): { values: number[]; format: (x: number) => string } {
  const values = [0];
  for (let p = 1; p <= hi; p *= 10) values.push(p);
  return { values, format: formatCount };
}

/** What the axis spans: the scale's kind and domain, the bar's width and left margin. */
export interface LegendAxisSpec {
  kind: ScaleKind;
  lo: number;
  hi: number;
  /** Approximate number of ticks on a linear scale. */
  tickCount: number;
  barWidth: number;
  margin: number;
}

/** Draws the ticks under the bar into `axisG` (replacing the previous ones). */
export function drawLegendAxis(
  axisG: Selection<SVGGElement, unknown, null, undefined>,
  { kind, lo, hi, tickCount, barWidth, margin }: LegendAxisSpec,
): void {
  const log = kind === 'log';
  const degenerate = !(hi > lo);
  const { values, format: tickFormat } = log ? countTicks(hi) : legendTicks([lo, hi], tickCount);
  // Symlog with constant 1 is x ↦ ln(1 + x) for x ≥ 0: the ticks sit where the colours are.
  const x = (log && !degenerate ? scaleSymlog().constant(1) : scaleLinear())
    .domain(degenerate ? [lo - 1, lo + 1] : [lo, hi])
    .range([margin, margin + barWidth]);
  axisG
    .call(
      axisBottom(x)
        .tickValues(values)
        .tickFormat((d) => tickFormat(+d))
        .tickSizeOuter(0),
    )
    .attr('font-size', 11)
    .attr('font-family', FONT_FAMILY);
  axisG.select('.domain').attr('stroke', 'none');
  axisG.selectAll('.tick line').attr('stroke', '#5c6b7a');
  axisG.selectAll('.tick text').attr('fill', '#343f4b');
}
