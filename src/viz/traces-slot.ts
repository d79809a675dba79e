/**
 * Where the main grid's traces layer goes (`traces-layer.ts`), in the grid's first download: a
 * group on the board and a few lines. The layer's code loads the first time a frame carries
 * traces (a SARSA(λ) or Q(λ) run); a frame without them, after none with them, costs one test.
 */
import type { Selection } from 'd3-selection';
import { lazyModule } from '../shared/lazy-module';

const layer = lazyModule(() => import('./traces-layer'));

/** The legend's word for the layer. */
export const TRACES_NOTE = 'violet: traces e(s,a)';

/** The slot: draws a frame's traces when there are any. */
export interface TracesSlot {
  /** Draws `traces` (s·4 + a) on a board of `ncol` columns; absent: removes any drawn. */
  draw(traces: ArrayLike<number> | undefined, ncol: number): void;
  /** The legend's note: `base` with the layer's word added while traces are drawn. */
  note(base: string | undefined): { note?: string };
  destroy(): void;
}

/** Adds the traces' group to `board` (above the cells, under everything drawn after it). */
export function createTracesSlot(
  board: Selection<SVGGElement, unknown, null, undefined>,
): TracesSlot {
  const group = board.append('g').attr('class', 'qgrid-traces').attr('pointer-events', 'none');
  // The latest frame's traces (a copy: frames' arrays are not kept), drawn once the code is here.
  let traces: Float64Array | null = null;
  let ncol = 1;
  const draw = () => layer.current()?.drawTraces(group, traces, ncol);
  return {
    draw(next, columns) {
      if (!next && !traces) return;
      traces = next ? Float64Array.from(next) : null;
      ncol = columns;
      if (layer.current()) draw();
      else void layer.load().then(draw);
    },
    note: (base) =>
      traces
        ? { note: base ? `${base}; ${TRACES_NOTE}` : TRACES_NOTE }
        : base
          ? { note: base }
          : {},
    destroy: () => void group.remove(),
  };
}
