/**
 * The Q-grid's interface: the frame it draws, its options and the mounted grid's methods.
 * `q-grid.ts` builds it; `q-grid-cells.ts` reads frames.
 */
import type { GridView } from '../shared/grid-view';
import type { GridStep } from './agent-layer';
import type { LegendSpec } from './legend';
import type { Palette } from './scales';
import type { GridPath } from './trajectory-layer';

/** One picture of the learner, as plain data. Arrays are read during `update`, never kept or changed. */
export interface GridFrame {
  /** Map rows of S, F, H, G. */
  desc: readonly string[];
  /** Q(s, a) = q[s · 4 + a]. */
  q: ArrayLike<number>;
  /** V(s) = max_a Q(s, a). */
  v: ArrayLike<number>;
  /** A(s, a) = Q(s, a) − V(s), flat like q. */
  advantage: ArrayLike<number>;
  /** Bit a of greedyMask[s] set when a is a greedy action of s (all four when Q(s, ·) ties). */
  greedyMask: ArrayLike<number>;
  /** N(s, a), updates of each pair, flat like q (view 'n'; absent: drawn as unknown). */
  visits?: ArrayLike<number>;
  /** The latest TD error δ(s, a) of each pair, flat like q (view 'td' draws |δ|; absent: unknown). */
  tdErrors?: ArrayLike<number>;
  /** Eligibility traces e(s, a), flat like q, drawn as a layer (absent: no layer, no work). */
  traces?: ArrayLike<number>;
  /** Where the agent is when there is no `step` (−1 hides it). */
  agentState: number;
  /** The trajectory to draw (e.g. the current episode), or `null` for none. */
  path: GridPath | null;
  /** The step just taken: the agent moves from `from` to `to` and stays on `to`. */
  step?: GridStep | null;
  /** Animate the step (false: everything jumps to its final place and no transition runs). */
  animate: boolean;
  /** Length of the move animation. */
  durationMs: number;
  /**
   * The path is held while training runs at full speed: it stays fully drawn until the next one
   * replaces it, without the fade a finished episode's marks get otherwise (a fade repaints the
   * whole board every frame for half a second, each second, while the worker needs the cores).
   */
  held?: boolean;
  /**
   * Fixed colour domains per view (e.g. [0, max V*] to compare colours across a run). Without
   * one a view spans [min(0, min x), max(0, max x)] over the non-terminal states.
   */
  domains?: Partial<Record<GridView, readonly [number, number]>>;
}

/** Options of `createQGrid`. */
export interface QGridOptions {
  /** Initial view; default `'v'`. */
  view?: GridView;
  /** Colour palette; default `'default'`. */
  palette?: Palette;
  /** Name used in the accessible label; default "Ice Maze". */
  title?: string;
  /** Watch the host's size with a ResizeObserver (where one exists); default true. */
  observeResize?: boolean;
  /**
   * Fade a finished episode's path and last step out within a second, so they never hide the
   * numbers for long; default true (a frame of the gallery keeps its path: false).
   */
  fadeEnded?: boolean;
  /**
   * Make the board an ARIA grid (`grid-a11y.ts`): rows of named gridcells, one tab stop moved by
   * the arrow keys. Default false: the board is one named image (a frame in the gallery).
   */
  accessibleGrid?: boolean;
  /** Called when a cell is clicked, or chosen with Enter or Space (an ARIA grid only). */
  onSelect?: (state: number) => void;
}

/** A mounted Q-grid. */
export interface QGrid {
  /** The SVG element (e.g. to export a picture). */
  readonly element: SVGSVGElement;
  /** Draws a frame; interrupts any running animation first. */
  update(frame: GridFrame): void;
  /** Switches between V, Q, A, N and |δ| (redraws the last frame's cells, no animation). */
  setView(view: GridView): void;
  /** Switches the colour palette. */
  setPalette(palette: Palette): void;
  /** Tells the grid its size in CSS pixels, so labels show only where they are readable. */
  resize(size: { width: number; height: number }): void;
  /** The scale of the current view, for a legend; `null` before the first frame. */
  legendSpec(): LegendSpec | null;
  /** Stops animations, disconnects the observer and removes the SVG from the host. */
  destroy(): void;
}
