/**
 * The trajectory layer of the Q-grid: an episode drawn as a polyline through cell centres, each
 * visit to a cell offset a little more (a sunflower spiral), so loops and bumps into walls show.
 *
 *   white halo   under the whole line, so it reads on any tile colour
 *   solid        runs of steps that moved the way the action meant
 *   dotted + dot steps where the ice moved the agent another way (directions[i] ≠ actions[i])
 *   ring         the first state; star, splash or clock: how the episode ended
 *
 * A finished episode's path fades out within a second (`fade.ts`) when the grid asks for it.
 *
 * Built once: a fixed set of paths whose `d` changes per frame, however long the episode.
 */
import type { BaseType, Selection } from 'd3-selection';
import type { TrajectoryData } from '../worker/protocol';
import { trajectoryOutcome } from './describe';
import { fadeOut, unfade } from './fade';
import { pointsAttr } from './geometry';
import { dotsPath, pathGeometry, pathPoints, starPoints } from './path-geometry';
import { placeAt, setAttrs } from './svg';
import { INK_COLORS } from './theme';

/** The parts of a trajectory the grid draws (a `TrajectoryData` fits). */
export type GridPath = Pick<
  TrajectoryData,
  'states' | 'actions' | 'directions' | 'length' | 'terminated' | 'truncated'
>;

/** A mounted trajectory layer. */
export interface TrajectoryLayer {
  /**
   * Draws `path` (first `length + 1` states) on a map with `ncol` columns, or hides the layer for
   * `null`. With `fadeEnded`, the path of a finished episode fades out within a second.
   */
  draw(path: GridPath | null, desc: readonly string[], ncol: number, fadeEnded?: boolean): void;
  /**
   * Quiet: the line at `QUIET_PATH_OPACITY`, for the views that write four numbers in each cell,
   * so a long episode's loops do not cross out the numbers it went past.
   */
  setQuiet(quiet: boolean): void;
}

/** The path's opacity in a quiet view (Q, A, N, |δ|): seen, but behind the numbers. */
export const QUIET_PATH_OPACITY = 0.4;

/** Radius of the dots on slipped steps. */
const SLIP_DOT_RADIUS = 3.5;

/** Appends the layer to `parent` (in board coordinates). */
export function createTrajectoryLayer<P extends BaseType, PD>(
  parent: Selection<SVGGElement, unknown, P, PD>,
): TrajectoryLayer {
  const layer = setAttrs(parent.append('g'), {
    class: 'qgrid-path',
    'pointer-events': 'none',
    fill: 'none',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  });
  const halo = setAttrs(layer.append('path'), {
    class: 'qgrid-path-halo',
    stroke: INK_COLORS.halo,
    'stroke-width': 7,
    'stroke-opacity': 0.55,
  });
  const intended = setAttrs(layer.append('path'), {
    class: 'qgrid-path-intended',
    stroke: INK_COLORS.agent,
    'stroke-width': 3.5,
    'stroke-opacity': 0.85,
  });
  const slipped = setAttrs(layer.append('path'), {
    class: 'qgrid-path-slipped',
    stroke: INK_COLORS.agent,
    'stroke-width': 3.5,
    'stroke-opacity': 0.85,
    'stroke-dasharray': '2 7',
  });
  const slipDots = setAttrs(layer.append('path'), {
    class: 'qgrid-path-slip-dots',
    fill: INK_COLORS.agent,
    stroke: INK_COLORS.halo,
    'stroke-width': 2,
  });
  const start = setAttrs(layer.append('circle'), {
    class: 'qgrid-path-start',
    r: 8,
    fill: INK_COLORS.halo,
    stroke: INK_COLORS.agent,
    'stroke-width': 4,
  });

  const end = layer.append('g').attr('class', 'qgrid-path-end');
  const endHole = end.append('g').attr('class', 'qgrid-path-end-hole');
  setAttrs(endHole.append('circle'), {
    r: 22,
    stroke: INK_COLORS.splash,
    'stroke-width': 3,
    'stroke-opacity': 0.8,
  });
  setAttrs(endHole.append('circle'), {
    r: 13,
    fill: INK_COLORS.splash,
    stroke: INK_COLORS.halo,
    'stroke-width': 3,
  });
  const endGoal = end.append('g').attr('class', 'qgrid-path-end-goal');
  setAttrs(endGoal.append('polygon'), {
    points: pointsAttr(starPoints(0, 0, 22, 10)),
    fill: INK_COLORS.burst,
    stroke: INK_COLORS.burstEdge,
    'stroke-width': 3,
  });
  const endTimeout = end.append('g').attr('class', 'qgrid-path-end-timeout');
  setAttrs(endTimeout.append('circle'), {
    r: 15,
    fill: INK_COLORS.halo,
    stroke: INK_COLORS.clock,
    'stroke-width': 3.5,
  });
  setAttrs(endTimeout.append('path'), {
    d: 'M0,-9L0,0L7,4',
    stroke: INK_COLORS.clock,
    'stroke-width': 3.5,
  });

  // What was drawn last: the same trajectory on the same map is not drawn again (rewriting the
  // same long `d` strings still makes the browser repaint them).
  let drawn: { path: GridPath | null; desc: readonly string[]; ncol: number } | null = null;

  let quiet = false;
  return {
    setQuiet(next) {
      if (next === quiet) return;
      quiet = next;
      for (const line of [halo, intended, slipped, slipDots])
        line.attr('opacity', quiet ? QUIET_PATH_OPACITY : null);
    },
    draw(path, desc, ncol, fadeEnded = false) {
      if (drawn && drawn.path === path && drawn.desc === desc && drawn.ncol === ncol) return;
      drawn = { path, desc, ncol };
      if (fadeEnded && path && (path.terminated || path.truncated)) fadeOut(layer);
      else unfade(layer);
      const points = path ? pathPoints(path.states, path.length, ncol) : [];
      const first = points[0];
      const last = points[points.length - 1];
      if (!path || !first || !last) {
        layer.attr('display', 'none');
        return;
      }
      layer.attr('display', null);
      const geo = pathGeometry(points, path.actions, path.directions);
      halo.attr('d', geo.all || null);
      intended.attr('d', geo.intended || null);
      slipped.attr('d', geo.slipped || null);
      slipDots.attr('d', dotsPath(geo.slipPoints, SLIP_DOT_RADIUS) || null);
      start.attr('cx', first[0]).attr('cy', first[1]);
      const lastState = path.states[points.length - 1] ?? -1;
      const outcome = trajectoryOutcome(desc, ncol, lastState, path.terminated, path.truncated);
      end.attr('transform', placeAt(last[0], last[1])).attr('data-outcome', outcome);
      endHole.attr('display', outcome === 'hole' ? null : 'none');
      endGoal.attr('display', outcome === 'goal' ? null : 'none');
      endTimeout.attr('display', outcome === 'timeout' ? null : 'none');
    },
  };
}
