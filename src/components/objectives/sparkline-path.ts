/**
 * The geometry of a small chart: a line through points in a `width` × `height` box, x by episode
 * from 0 to the last point, y from `yDomain` (bottom to top). Pure: the path string only.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { SeriesPoint } from './objective-series';

/** The drawn line and, optionally, a horizontal reference at a value. */
export interface SparklineGeometry {
  /** SVG path data ("" when there is no point). */
  path: string;
  /** y of the reference value inside the box, or `null` when there is none. */
  referenceY: number | null;
}

/**
 * Lays the points out. The y domain is `yDomain` when given, else [0, max value] (a zero-width
 * domain, all values 0 at the start, is widened to [0, 1] so the line sits on the bottom edge
 * instead of at NaN). A single point is drawn as a flat line from it to the right edge.
 */
export function sparklineGeometry(
  points: readonly SeriesPoint[],
  size: { width: number; height: number },
  options: { yDomain?: readonly [number, number]; reference?: number | null } = {},
): SparklineGeometry {
  const last = points[points.length - 1];
  const xMax = Math.max(1, last?.episode ?? 1);
  const yMax = options.yDomain?.[1] ?? Math.max(0, ...points.map((p) => p.value));
  const yMin = options.yDomain?.[0] ?? 0;
  const x = scaleLinear().domain([0, xMax]).range([0, size.width]);
  const y = scaleLinear()
    .domain(yMax > yMin ? [yMin, yMax] : [yMin, yMin + 1])
    .range([size.height, 0])
    .clamp(true);
  const drawn = points.length === 1 ? [points[0]!, { ...points[0]!, episode: xMax }] : points;
  const path =
    line<SeriesPoint>()
      .x((p) => x(p.episode))
      .y((p) => y(p.value))(drawn as SeriesPoint[]) ?? '';
  const reference = options.reference;
  return {
    path: points.length === 0 ? '' : path,
    referenceY:
      reference === null || reference === undefined || !Number.isFinite(reference)
        ? null
        : y(reference),
  };
}
