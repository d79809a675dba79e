/**
 * The eligibility traces drawn on the main grid: each pair (s, a) with e(s, a) > 0 as its action's
 * triangle in the agent's violet (`trianglePoints`, inset so the value colour shows around it),
 * its fill opacity and outline width growing with e, so a trace fades as γλ shrinks it step by
 * step and vanishes when the episode ends:
 *
 *   opacity = TRACE_MAX_OPACITY · min(1, e),   width = 1 + TRACE_MAX_WIDTH · min(1, e)
 *
 * (replacing traces never exceed 1; an accumulating trace above 1 draws as 1). Only the active
 * pairs have nodes. Loaded lazily by `traces-slot.ts` the first time a frame carries traces;
 * the learner tab's heat grid takes its opaque colour, `traceColor`.
 */
import { interpolateLab } from 'd3-interpolate';
import type { Selection } from 'd3-selection';
import { CELL_SIZE, closedPath, cellOrigin, round2, trianglePoints } from './geometry';
import { UNKNOWN_COLOR } from './scales';
import { placeAt } from './svg';
import { INK_COLORS, TILE_COLORS } from './theme';

/** Opacity of a trace of 1 (or more). */
export const TRACE_MAX_OPACITY = 0.55;
/** Extra outline width of a trace of 1, in viewBox units. */
export const TRACE_MAX_WIDTH = 5;
/** How far inside the cell the traces' triangles sit, in viewBox units. */
const TRACE_INSET = 14;
/** The triangle of each action, cell-local. */
const WEDGES = [0, 1, 2, 3].map((a) => closedPath(trianglePoints(a, TRACE_INSET, CELL_SIZE)));

/** Plain ice at e = 0 to the agent's violet at e = 1. */
const ICE_TO_VIOLET = interpolateLab(TILE_COLORS.ice, INK_COLORS.agent);

/**
 * The colour of a trace where it is drawn opaque (the learner tab's heat grid): ice at e = 0, the
 * layer's violet at e ≥ 1, between them in Lab space; grey for a non-finite e.
 */
export function traceColor(e: number): string {
  return Number.isFinite(e) ? ICE_TO_VIOLET(Math.min(1, Math.max(0, e))) : UNKNOWN_COLOR;
}

/** One drawn trace. */
interface TraceDatum {
  pair: number;
  e: number;
}

/**
 * Draws every e(s, a) > 0 of `traces` (s·4 + a; null: none) into `group`, on a board of `ncol`
 * columns: the active pairs' triangles are entered, updated and removed by a keyed join.
 */
export function drawTraces(
  group: Selection<SVGGElement, unknown, null, undefined>,
  traces: ArrayLike<number> | null,
  ncol: number,
): void {
  const data: TraceDatum[] = [];
  if (traces)
    for (let p = 0; p < traces.length; p++)
      if (traces[p]! > 0) data.push({ pair: p, e: traces[p]! });
  group
    .selectAll<SVGPathElement, TraceDatum>('path.qgrid-trace')
    .data(data, (d) => String(d.pair))
    .join((enter) =>
      enter
        .append('path')
        .attr('class', 'qgrid-trace')
        .attr('fill', INK_COLORS.agent)
        .attr('stroke', INK_COLORS.agent)
        .attr('stroke-linejoin', 'round'),
    )
    .attr('data-pair', (d) => d.pair)
    .attr('transform', (d) => placeAt(...cellOrigin(ncol, d.pair >> 2)))
    .attr('d', (d) => WEDGES[d.pair & 3]!)
    .attr('fill-opacity', (d) => round2(TRACE_MAX_OPACITY * Math.min(1, d.e)))
    .attr('stroke-width', (d) => round2(1 + TRACE_MAX_WIDTH * Math.min(1, d.e)));
}
