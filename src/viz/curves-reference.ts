/**
 * The success panel's reference lines: a dashed line at the optimal policy's success probability
 * within the time limit and, when it is visibly higher, a dotted one at the best any policy reaches.
 */
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { shown } from './curves-dom';
import { f3 } from './curves-format';
import type { CurvesData } from './learning-curves-types';

/** Optimum and ceiling lines closer than this (px) share one line and label. */
const LINE_CLEARANCE_PX = 18;
/** A ceiling this close to the optimum is not worth a word. */
const CEILING_EPSILON = 0.0005;

/** The reference lines, mounted once. */
export interface ReferenceLines {
  /** Places the lines and labels for `d`'s optimum on the success scale `ys`. */
  draw(d: CurvesData, ys: ScaleLinear<number, number>): void;
}

/** Mounts the lines into `svg`, spanning the plot from `left` to `right` (user units). */
export function createReferenceLines(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  left: number,
  right: number,
): ReferenceLines {
  const refs = svg.append('g').attr('class', 'curves-reference');
  const refLine = (cls: string, dash: string, opacity: number) =>
    refs
      .append('line')
      .attr('class', cls)
      .attr('x1', left)
      .attr('x2', right)
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
      .attr('x', left + 8)
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

  return {
    draw(d, ys) {
      const p = d.optimum?.successProbability ?? NaN;
      const best = d.optimum?.bestWithinLimit ?? NaN;
      const hasOptimum = Number.isFinite(p);
      const ceiling = hasOptimum && Number.isFinite(best) && best - p > CEILING_EPSILON;
      // A ceiling that would crowd the optimum's line is only named in its label.
      const apart = ceiling && ys(p) - ys(best) >= LINE_CLEARANCE_PX;
      // Above its line, or below when the line runs along the top of the plot.
      const labelY = (value: number) => (value > 0.88 ? ys(value) + 17 : ys(value) - 7);
      /** One line and its label at `value`, or both hidden. */
      const place = (
        ref: { line: typeof optimumLine; label: typeof optimumLabel },
        on: boolean,
        value: number,
        name: string,
      ) => {
        shown(ref.line, on)
          .attr('y1', on ? ys(value) : 0)
          .attr('y2', on ? ys(value) : 0);
        shown(ref.label.text, on).attr('y', on ? labelY(value) : 0);
        ref.label.label.text(name);
        ref.label.value.text(on ? ` ${f3(value)}` : '');
      };
      place({ line: optimumLine, label: optimumLabel }, hasOptimum, p, 'optimal policy');
      optimumLabel.remark.text(ceiling && !apart ? ` (best possible ${f3(best)})` : '');
      place(
        { line: ceilingLine, label: ceilingLabel },
        apart,
        best,
        'best possible within the time limit',
      );
    },
  };
}
