import { lazyModule } from '../../shared/lazy-module';
import { useLazyModule } from '../hosts/useLazyModule';
import type { SeriesPoint } from './objective-series';

/**
 * The charts' geometry (d3-scale and d3-shape's line). The first screen draws before it arrives:
 * at the start there is nothing to chart yet, and the charts fill in a moment later.
 */
export const sparklineCode = lazyModule(() => import('./sparkline-path'));

/** The small chart's box in SVG units (it scales to the card's width). */
const WIDTH = 240;
const HEIGHT = 36;

/** Props of `Sparkline`. */
export interface SparklineProps {
  points: readonly SeriesPoint[];
  /** What the chart shows, read by screen readers (the figure's name). */
  label: string;
  yDomain?: readonly [number, number];
  /** A dashed horizontal line at this value (the optimum), or none. */
  reference?: number | null;
}

/**
 * An objective's small chart: one line by episode, an optional dashed reference, no axes (the
 * card's headline carries the number; the label says the range for screen readers).
 */
export function Sparkline({ points, label, yDomain, reference = null }: SparklineProps) {
  const code = useLazyModule(sparklineCode);
  const { path, referenceY } = code
    ? code.sparklineGeometry(points, { width: WIDTH, height: HEIGHT }, { yDomain, reference })
    : { path: '', referenceY: null };
  return (
    <svg
      className="objective-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {referenceY !== null && (
        <line
          className="objective-chart-reference"
          x1={0}
          x2={WIDTH}
          y1={referenceY}
          y2={referenceY}
        />
      )}
      {path && <path className="objective-chart-line" d={path} />}
    </svg>
  );
}
