/**
 * Pure geometry of a trajectory on the Q-grid: the offsets that keep a looping path readable (a
 * sunflower spiral of visits around each cell centre), the path split into intended and slipped
 * steps, dots and stars. viewBox units, as in `geometry.ts`.
 */
import { cellCentre, round2, type Point } from './geometry';

/** Golden angle, 137.5°: successive visits spread evenly around a cell centre. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Offset of the k-th visit (0-based) to a cell, a sunflower spiral: radius spacing · √k capped at
 * `maxRadius`, angle k · 137.5°. The first visit sits on the centre.
 */
export function visitOffset(k: number, spacing = 6, maxRadius = 30): Point {
  if (k <= 0) return [0, 0];
  const r = Math.min(maxRadius, spacing * Math.sqrt(k));
  const angle = k * GOLDEN_ANGLE;
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/**
 * The points of a trajectory: `count + 1` states (or fewer if the array is shorter), each at its
 * cell centre plus the offset of its visit number, so a loop does not retrace itself.
 */
export function pathPoints(
  states: ArrayLike<number>,
  count: number,
  ncol: number,
  spacing = 6,
  maxRadius = 30,
): Point[] {
  const n = Math.max(0, Math.min(states.length, count + 1));
  const visits = new Map<number, number>();
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const s = states[i]!;
    const k = visits.get(s) ?? 0;
    visits.set(s, k + 1);
    const [cx, cy] = cellCentre(ncol, s);
    const [ox, oy] = visitOffset(k, spacing, maxRadius);
    out.push([cx + ox, cy + oy]);
  }
  return out;
}

/** A trajectory drawn as paths. */
export interface PathGeometry {
  /** The whole polyline (for the halo underneath). */
  all: string;
  /** Steps that went the intended way, merged into runs. */
  intended: string;
  /** Steps where the ice moved the agent another way than its action. */
  slipped: string;
  /** Midpoints of the slipped steps, for dots. */
  slipPoints: Point[];
}

/**
 * Splits the steps of a trajectory into those that moved as intended (`directions[i] === actions[i]`)
 * and those that slipped, as SVG path data; consecutive intended steps form one run so the line
 * joins smoothly.
 */
export function pathGeometry(
  points: readonly Point[],
  actions: ArrayLike<number>,
  directions: ArrayLike<number>,
): PathGeometry {
  const p = (pt: Point) => `${round2(pt[0])},${round2(pt[1])}`;
  let all = '';
  let intended = '';
  let slipped = '';
  const slipPoints: Point[] = [];
  let runOpen = false;
  for (let i = 0; i < points.length; i++) all += `${i === 0 ? 'M' : 'L'}${p(points[i]!)}`;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const slip = i < actions.length && i < directions.length && actions[i] !== directions[i];
    if (slip) {
      slipped += `M${p(a)}L${p(b)}`;
      slipPoints.push([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
      runOpen = false;
    } else {
      intended += runOpen ? `L${p(b)}` : `M${p(a)}L${p(b)}`;
      runOpen = true;
    }
  }
  return { all, intended, slipped, slipPoints };
}

/** Small circles as one path: "M x−r,y a r,r 0 1,0 2r,0 a r,r 0 1,0 −2r,0" per centre. */
export function dotsPath(centres: readonly Point[], r: number): string {
  return centres
    .map(
      ([x, y]) =>
        `M${round2(x - r)},${round2(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`,
    )
    .join('');
}

/** An n-pointed star centred on (cx, cy): points alternate between the outer and inner radius, the first pointing up. */
export function starPoints(cx: number, cy: number, outer: number, inner: number, n = 5): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < 2 * n; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / n;
    out.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return out;
}
